package dev.outpost.care.inbox;

import com.ibm.icu.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a reply the way its network does and fits it to the network's limit: user-perceived
 * characters (grapheme clusters, counted with ICU4J, so an emoji with a skin tone or a flag is
 * one), and links counted as the network counts them (X and Mastodon count every URL as 23).
 */
public final class ReplyFitter {
  /** A reply's length as its network counts it, and the network's limit. */
  public record Measure(int length, int limit) {
    public boolean fits() {
      return length <= limit;
    }
  }

  static final int LINK_LENGTH = 23;
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final String ELLIPSIS = "…";
  private static final Map<String, Integer> LIMITS =
      Map.of(
          "mastodon", 500,
          "x", 280,
          "bluesky", 300,
          "reddit", 10_000,
          "facebook", 8_000,
          "youtube", 10_000,
          "hackernews", 10_000);
  private final Map<String, Integer> overrides;

  /**
   * @param overrides limits by network id that replace the defaults (a Mastodon instance allowing
   *     longer posts)
   */
  public ReplyFitter(Map<String, Integer> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  /** The network's limit; 10,000 for a network without a known one. */
  public int limit(String network) {
    String n = network.toLowerCase(Locale.ROOT);
    return overrides.getOrDefault(n, LIMITS.getOrDefault(n, 10_000));
  }

  public Measure measure(String network, String text) {
    return new Measure(length(network, text), limit(network));
  }

  /** The length of the text as the network counts it. */
  public int length(String network, String text) {
    boolean shortLinks = countsLinksShort(network);
    int length = 0;
    int from = 0;
    Matcher m = URL.matcher(text);
    while (m.find()) {
      length += graphemes(text.substring(from, m.start()));
      length += shortLinks ? LINK_LENGTH : graphemes(m.group());
      from = m.end();
    }
    return length + graphemes(text.substring(from));
  }

  /**
   * The text cut to the network's limit, at a grapheme boundary and never inside a link, ending
   * with an ellipsis when it was cut.
   */
  public String fit(String network, String text) {
    int limit = limit(network);
    if (length(network, text) <= limit) {
      return text;
    }
    BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(text);
    int best = 0;
    for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
      String head = text.substring(0, end);
      if (insideLink(text, end)) {
        continue;
      }
      if (length(network, head) + 1 > limit) {
        break;
      }
      best = end;
    }
    return text.substring(0, best).stripTrailing() + ELLIPSIS;
  }

  private static boolean insideLink(String text, int end) {
    Matcher m = URL.matcher(text);
    while (m.find()) {
      if (end > m.start() && end < m.end()) {
        return true;
      }
    }
    return false;
  }

  private static boolean countsLinksShort(String network) {
    String n = network.toLowerCase(Locale.ROOT);
    return n.equals("x") || n.equals("mastodon");
  }

  /** User-perceived characters (extended grapheme clusters). */
  static int graphemes(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(s);
    int n = 0;
    while (it.next() != BreakIterator.DONE) {
      n++;
    }
    return n;
  }
}
