package dev.outpost.enrich;

import dev.outpost.core.Enrichment;
import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Post;
import dev.outpost.enrich.influence.Influence;
import dev.outpost.enrich.influence.InfluenceScorer;
import dev.outpost.enrich.intent.IntentClassifier;
import dev.outpost.enrich.language.LanguageIdentifier;
import dev.outpost.enrich.sentiment.SentimentClassifier;
import dev.outpost.enrich.sentiment.SentimentModel;
import dev.outpost.enrich.sentiment.SentimentScore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Adds language, sentiment, intents, influence and reach to posts. Thread-safe: one instance is
 * shared by every pipeline worker. Only the first {@link #MAX_ANALYSED_CHARS} characters of a text
 * are analysed; longer texts are flagged as truncated.
 */
public final class Enricher {
  /** Texts are analysed up to this many characters. */
  public static final int MAX_ANALYSED_CHARS = 1_000;

  private final SentimentModel sentiment;
  private final LanguageIdentifier language;
  private final IntentClassifier intents;
  private final InfluenceScorer influence;

  /**
   * @param sentiment the shipped {@link SentimentClassifier} or an organisation's own model
   */
  public Enricher(
      SentimentModel sentiment,
      LanguageIdentifier language,
      IntentClassifier intents,
      InfluenceScorer influence) {
    this.sentiment = Objects.requireNonNull(sentiment, "sentiment");
    this.language = Objects.requireNonNull(language, "language");
    this.intents = Objects.requireNonNull(intents, "intents");
    this.influence = Objects.requireNonNull(influence, "influence");
  }

  /** The shipped sentiment model, the default languages and network profiles. */
  public static Enricher loadDefault(Clock clock) {
    return new Enricher(
        SentimentClassifier.loadDefault(),
        LanguageIdentifier.withDefaults(),
        new IntentClassifier(),
        new InfluenceScorer(clock));
  }

  /** Like {@link #loadDefault(Clock)} with the system clock. */
  public static Enricher loadDefault() {
    return loadDefault(Clock.systemUTC());
  }

  public Enrichment enrich(Post post) {
    CharSequence text = analysed(post.text());
    SentimentScore s = sentiment.classify(text);
    Set<Intent> i = intents.classify(text, s);
    String lang =
        Post.UNDETERMINED.equals(post.language()) ? language.identify(text) : post.language();
    Influence inf = influence.score(post);
    return new Enrichment(
        lang,
        s.label(),
        s.confidence(),
        s.scores(),
        i,
        inf.score(),
        inf.influencer(),
        inf.reach(),
        inf.virality(),
        post.text().length() > MAX_ANALYSED_CHARS);
  }

  /** Enriches a batch, in order. */
  public List<Enrichment> enrichAll(List<Post> posts) {
    List<Enrichment> out = new ArrayList<>(posts.size());
    for (Post p : posts) {
      out.add(enrich(p));
    }
    return out;
  }

  /** The sentiment of a bare text. */
  public SentimentScore sentiment(CharSequence text) {
    return sentiment.classify(analysed(text));
  }

  /** The intents of a bare text. */
  public Set<Intent> intents(CharSequence text) {
    CharSequence t = analysed(text);
    return intents.classify(t, sentiment.classify(t));
  }

  /** The language of a bare text, or {@code und}. */
  public String language(CharSequence text) {
    return language.identify(analysed(text));
  }

  private static CharSequence analysed(CharSequence text) {
    if (text.length() <= MAX_ANALYSED_CHARS) {
      return text;
    }
    int end = MAX_ANALYSED_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.subSequence(0, end);
  }
}
