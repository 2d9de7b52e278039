package dev.outpost.listen;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Splits a text into the tokens that queries match, the same way for posts and for queries.
 *
 * <p>The text is NFKC-normalised, then cut into: URLs ({@code http://}, {@code https://}, {@code
 * www.}); {@code @mentions} and {@code #hashtags} (a sign not preceded by a letter or digit,
 * followed by letters, digits, marks or {@code _}); words (a letter or digit followed by letters,
 * digits and marks); single ideographs; and single symbols such as emoji. Everything else separates
 * tokens. A hashtag also contributes its words to the text: {@code #UnitedAirlines} gives the words
 * {@code united} and {@code airlines} (split at case changes, digits and underscores). Folded forms
 * are lower-cased and accent-folded ({@code Café} → {@code cafe}, {@code Straße} → {@code
 * strasse}).
 */
final class Analysis {
  private Analysis() {}

  /** The tokens of a text: folded words, raw (unfolded) words, hashtags, mentions and URLs. */
  record Tokens(
      List<String> words,
      List<String> rawWords,
      List<String> tags,
      List<String> mentions,
      List<String> urls) {}

  static Tokens tokens(String input) {
    String text = Normalizer.normalize(input, Normalizer.Form.NFKC);
    List<String> words = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> mentions = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (startsUrl(text, i)) {
        int end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        int stop = end;
        while (stop > i && isTrailingPunct(text.charAt(stop - 1))) {
          stop--;
        }
        urls.add(normaliseUrl(text.substring(i, stop)));
        i = end;
      } else if ((cp == '@' || cp == '#' || cp == '＠' || cp == '＃')
          && !precededByWordChar(text, i)
          && i + len < n
          && isBodyChar(text.codePointAt(i + len))) {
        int start = i + len;
        int end = start;
        while (end < n && isBodyChar(text.codePointAt(end))) {
          end += Character.charCount(text.codePointAt(end));
        }
        String body = text.substring(start, end);
        if (cp == '@' || cp == '＠') {
          mentions.add(fold(body));
        } else {
          tags.add(fold(body));
          for (String part : splitTag(body)) {
            raw.add(part);
            words.add(fold(part));
          }
        }
        i = end;
      } else if (Character.isIdeographic(cp) || isSymbol(cp)) {
        String s = text.substring(i, i + len);
        raw.add(s);
        words.add(fold(s));
        i += len;
      } else if (Character.isLetterOrDigit(cp)) {
        int end = i + len;
        while (end < n) {
          int c = text.codePointAt(end);
          if (!isWordChar(c) || Character.isIdeographic(c)) {
            break;
          }
          end += Character.charCount(c);
        }
        String s = text.substring(i, end);
        raw.add(s);
        words.add(fold(s));
        i = end;
      } else {
        i += len;
      }
    }
    return new Tokens(words, raw, tags, mentions, urls);
  }

  /** Lower-cases and accent-folds an already NFKC-normalised token. */
  static String fold(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    boolean ascii = true;
    for (int k = 0; k < lower.length(); k++) {
      if (lower.charAt(k) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return lower;
    }
    // Folding can make text that NFKC composes again (e + U+0327 -> U+0229): repeat to a fixpoint,
    // so that folding a folded token changes nothing.
    String current = lower;
    for (int round = 0; round < 4; round++) {
      String next = foldOnce(current);
      String normal = Normalizer.normalize(next, Normalizer.Form.NFKC);
      if (normal.equals(current)) {
        break;
      }
      current = normal;
    }
    return current;
  }

  private static String foldOnce(String lower) {
    char[] in = lower.toCharArray();
    char[] out = new char[in.length * 4];
    int outLen = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    String folded = new String(out, 0, outLen).toLowerCase(Locale.ROOT);
    // Folding can turn a letter into punctuation (U+02BC into an apostrophe): keep token chars
    // only.
    StringBuilder kept = new StringBuilder(folded.length());
    folded.codePoints().filter(Analysis::isBodyChar).forEach(kept::appendCodePoint);
    return kept.isEmpty() ? lower : kept.toString();
  }

  /** NFKC, lower case and accent folding, for query values such as handles and hosts. */
  static String foldValue(String s) {
    return fold(Normalizer.normalize(s, Normalizer.Form.NFKC));
  }

  static boolean isWordChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Characters allowed in the body of a hashtag or mention. */
  static boolean isBodyChar(int cp) {
    return (isWordChar(cp) && cp != 0xFE0F) || cp == '_';
  }

  private static boolean isSymbol(int cp) {
    return Character.getType(cp) == Character.OTHER_SYMBOL;
  }

  private static boolean precededByWordChar(String text, int i) {
    if (i == 0) {
      return false;
    }
    int prev = text.codePointBefore(i);
    return isWordChar(prev) || prev == '_';
  }

  private static boolean startsUrl(String text, int i) {
    if (precededByWordChar(text, i)) {
      return false;
    }
    return text.regionMatches(true, i, "http://", 0, 7)
        || text.regionMatches(true, i, "https://", 0, 8)
        || text.regionMatches(true, i, "www.", 0, 4);
  }

  private static boolean isTrailingPunct(char c) {
    return ".,;:!?)]}'\"…>".indexOf(c) >= 0;
  }

  /** Lower case, without scheme and leading {@code www.}: {@code example.com/path?q=1}. */
  static String normaliseUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("https://")) {
      u = u.substring(8);
    } else if (u.startsWith("http://")) {
      u = u.substring(7);
    }
    if (u.startsWith("www.")) {
      u = u.substring(4);
    }
    return u;
  }

  /** The host of a normalised URL and every parent domain: a.b.com, b.com, com. */
  static List<String> sites(String normalisedUrl) {
    int end = normalisedUrl.length();
    for (int k = 0; k < normalisedUrl.length(); k++) {
      char c = normalisedUrl.charAt(k);
      if (c == '/' || c == '?' || c == '#' || c == ':') {
        end = k;
        break;
      }
    }
    String host = normalisedUrl.substring(0, end);
    int at = host.lastIndexOf('@');
    if (at >= 0) {
      host = host.substring(at + 1);
    }
    List<String> out = new ArrayList<>();
    while (!host.isEmpty()) {
      out.add(host);
      int dot = host.indexOf('.');
      if (dot < 0) {
        break;
      }
      host = host.substring(dot + 1);
    }
    return out;
  }

  /** Splits a hashtag body at case changes, letter/digit changes and underscores. */
  static List<String> splitTag(String body) {
    List<String> parts = new ArrayList<>();
    int n = body.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      int cp = body.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp == '_') {
        addPart(parts, body, start, i);
        start = i + len;
      } else if (i > start) {
        int prev = body.codePointBefore(i);
        boolean boundary =
            (Character.isLowerCase(prev) && Character.isUpperCase(cp))
                || (Character.isLetter(prev) && Character.isDigit(cp))
                || (Character.isDigit(prev) && Character.isLetter(cp))
                || (Character.isUpperCase(prev)
                    && Character.isUpperCase(cp)
                    && i + len < n
                    && Character.isLowerCase(body.codePointAt(i + len)));
        if (boundary) {
          addPart(parts, body, start, i);
          start = i;
        }
      }
      i += len;
    }
    addPart(parts, body, start, n);
    return parts;
  }

  private static void addPart(List<String> parts, String body, int start, int end) {
    if (end > start) {
      parts.add(body.substring(start, end));
    }
  }
}
