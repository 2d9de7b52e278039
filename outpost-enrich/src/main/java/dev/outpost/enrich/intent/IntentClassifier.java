package dev.outpost.enrich.intent;

import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import dev.outpost.enrich.sentiment.SentimentScore;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the author of a post wants, by transparent rules: phrase patterns per intent plus the
 * sentiment model (a confidently negative post is a complaint, a confidently positive one that
 * thanks or praises is praise). Rules rather than a trained model because the only labelled intent
 * data we have (the airline tweets) is non-commercial; the rules are measured against it instead
 * (docs/accuracy.md). Stateless and thread-safe.
 */
public final class IntentClassifier {
  private static final int MAX_CHARS = 2_000;
  private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern COMPLAINT =
      Pattern.compile(
          "\\b(worst|terrible|horrible|awful|unacceptable|ridiculous|disappointed|disappointing|"
              + "pathetic|rude|useless|frustrat\\w*|annoy\\w*|furious|angry|disgusted|disgrace\\w*|"
              + "delayed|cancell?ed|lost (my|our)|still waiting|no one|nobody|never again|"
              + "hours? (on hold|late|delay)|on hold|waste of|fix (this|it)|refund|complain\\w*|"
              + "fail(ed|s|ure)?|sucks?|screw(ed)? up|not happy|poor service|bad service)\\b",
          F);
  private static final Pattern QUESTION_WORD =
      Pattern.compile(
          "^(how|what|why|when|where|who|which|can|could|is|are|do|does|did|will|would|should|"
              + "any ?one|anybody|has|have)\\b",
          F);
  private static final Pattern PRAISE =
      Pattern.compile(
          "\\b(thanks?|thank you|thx|ty|love|loved|great|awesome|amazing|excellent|fantastic|"
              + "best|kudos|appreciate\\w*|impressed|wonderful|perfect|helpful|shout ?out|"
              + "props|well done|brilliant)\\b|❤|😍|👍|🙏",
          F);
  private static final Pattern OUTAGE =
      Pattern.compile(
          "\\b(is down|are down|went down|goes down|outage|not working|isn'?t working|"
              + "doesn'?t work|won'?t (load|work|open)|can'?t (log ?in|sign ?in|connect|access|load)|"
              + "cannot (log ?in|sign ?in|connect|access|load)|(app|site|website|server|service)s? "
              + "(is |are |keeps? )?(crash\\w*|broken|offline|unavailable)|error (code|message)|"
              + "no (service|signal|internet|connection)|keeps crashing|stopped working)\\b",
          F);
  private static final Pattern CHURN =
      Pattern.compile(
          "\\b(cancel(l?ing)? my (account|subscription|membership|service|contract|card)|"
              + "close my account|switch(ing|ed)? to|moving to|never (fly(ing)?|use|using|buy(ing)?|"
              + "shop(ping)?|book(ing)?) (with )?(you|again)|done with (you|this)|"
              + "last time i('m| am| will)?|unsubscrib\\w*|goodbye|take my business elsewhere|"
              + "(lost|losing) a (loyal )?customer)\\b",
          F);
  private static final Pattern PURCHASE =
      Pattern.compile(
          "\\b(buy|buying|bought|purchase\\w*|pre-?order\\w*|order(ed|ing)? (a|the|my|one)|"
              + "how much|price|pricing|discount|promo( code)?|coupon|deal on|in stock|"
              + "where can i (get|buy)|want to (buy|book|get)|looking to (buy|book)|book(ed|ing)? a|"
              + "upgrade to|subscribe)\\b",
          F);
  private static final Pattern SPAM =
      Pattern.compile(
          "\\b(follow (me|back)|free followers|click (here|the link)|check out my|win an? (free )?|"
              + "giveaway|earn \\$?\\d+|make money|work from home|crypto|bitcoin|forex|onlyfans|"
              + "dm (me )?for (promo|collab)|promo code|limited offer|sign up now)\\b",
          F);
  private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+", F);
  private static final Pattern HASHTAG = Pattern.compile("#\\w+");

  private static final List<ReasonRule> REASONS =
      List.of(
          new ReasonRule("Cancelled Flight", "cancell?(ed|ing|ation|ations)?|rebook\\w*"),
          new ReasonRule(
              "Damaged Luggage",
              "(damaged|broken|destroyed|ripped|torn) (my |our )?(bag|luggage|suitcase|stroller)"
                  + "\\w*|(bag|luggage|suitcase)\\w* (was |is |got )?(damaged|broken|destroyed|ripped)"),
          new ReasonRule(
              "Lost Luggage",
              "(lost|missing|where is|find|locate) (my |our |the )?(bag|luggage|suitcase)\\w*"
                  + "|lost (bag|luggage)\\w*|baggage claim|bags?|luggage|baggage|suitcases?"),
          new ReasonRule(
              "Late Flight",
              "delay\\w*|late|still (at|on) the (gate|tarmac|plane)|(hours?|hrs?) (wait|sitting)"
                  + "|on the tarmac|missed (my |our )?connect\\w*"),
          new ReasonRule(
              "Flight Attendant Complaints",
              "(flight )?attendants?|fa|fas|stewardess|steward|crew|pilot"),
          new ReasonRule(
              "Flight Booking Problems",
              "book(ing|ed)?|reservation|ticket\\w*|itinerary|website|app|change (my |the )?flight"
                  + "|refund|online|seat assign\\w*|check ?in"),
          new ReasonRule("longlines", "line|lines|queue|wait(ing)? in"),
          new ReasonRule(
              "Bad Flight",
              "seat\\w*|leg ?room|wifi|wi-fi|entertainment|food|dirty|cold|hot|smell\\w*"
                  + "|uncomfortable|broken (seat|tv|screen)|turbulence|plane|aircraft"),
          new ReasonRule(
              "Customer Service Issue",
              "customer service|hold|on hold|call\\w*|phone|agent|representative|rep"
                  + "|no (response|answer|reply)|hung up|rude|help|service"));

  /** The most common reason, given when no rule applies. */
  private static final String FALLBACK_REASON = "Customer Service Issue";

  private record ReasonRule(String reason, Pattern pattern) {
    ReasonRule(String reason, String regex) {
      this(reason, Pattern.compile("\\b(" + regex + ")\\b", F));
    }
  }

  /** The intents of a text, given its sentiment; never empty ({@code OTHER} when none applies). */
  public Set<Intent> classify(CharSequence text, SentimentScore sentiment) {
    String t =
        text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS).toString() : text.toString();
    String noUrls = URL.matcher(t).replaceAll(" ");
    Set<Intent> out = EnumSet.noneOf(Intent.class);
    boolean negative = sentiment.label() == Sentiment.NEGATIVE && sentiment.negative() >= 0.45;
    if (negative || (COMPLAINT.matcher(noUrls).find() && sentiment.label() != Sentiment.POSITIVE)) {
      out.add(Intent.COMPLAINT);
    }
    String stripped = noUrls.replaceAll("^(\\s*[@.]\\w+)+\\s*", "").strip();
    if (noUrls.indexOf('?') >= 0 || QUESTION_WORD.matcher(stripped).find()) {
      out.add(Intent.QUESTION);
    }
    if (sentiment.label() == Sentiment.POSITIVE && PRAISE.matcher(noUrls).find()) {
      out.add(Intent.PRAISE);
    }
    if (OUTAGE.matcher(noUrls).find()) {
      out.add(Intent.OUTAGE);
    }
    if (CHURN.matcher(noUrls).find()) {
      out.add(Intent.CHURN);
    }
    if (PURCHASE.matcher(noUrls).find()) {
      out.add(Intent.PURCHASE);
    }
    if (isSpam(t)) {
      out.add(Intent.SPAM);
    }
    if (out.isEmpty()) {
      out.add(Intent.OTHER);
    }
    return out;
  }

  /**
   * The reason of a complaint, with the airline data's categories (Cancelled Flight, Late Flight,
   * Lost Luggage, Damaged Luggage, Flight Attendant Complaints, Flight Booking Problems, longlines,
   * Bad Flight, Customer Service Issue); the most common one, Customer Service Issue, when no rule
   * applies.
   */
  public Optional<String> complaintReason(CharSequence text) {
    String t =
        text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS).toString() : text.toString();
    for (ReasonRule r : REASONS) {
      if (r.pattern().matcher(t).find()) {
        return Optional.of(r.reason());
      }
    }
    return Optional.of(FALLBACK_REASON);
  }

  private static boolean isSpam(String t) {
    if (SPAM.matcher(t).find()) {
      return true;
    }
    int urls = 0;
    var m = URL.matcher(t);
    while (m.find()) {
      urls++;
    }
    int tags = 0;
    var h = HASHTAG.matcher(t);
    while (h.find()) {
      tags++;
    }
    return urls >= 3 || (urls >= 1 && tags >= 5);
  }
}
