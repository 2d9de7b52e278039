package dev.outpost.enrich.sentiment;

import java.util.Arrays;

/**
 * Turns a post's text into hashed features in one pass, without allocating: tokens (lower-cased,
 * elongations cut to two letters, mentions as {@code @user}, links as {@code <url>}, emoticons and
 * emoji as tokens of their own), negation scope (words after a negator up to the next clause
 * boundary get their own feature space), word unigrams and bigrams, and character 3- to 5-grams of
 * the normalised token stream. Stateless and thread-safe.
 */
final class Featurizer {
  /** Only the first this many characters of a text are read. */
  static final int MAX_CHARS = 1_000;

  static final int PLAIN_BITS = 17;
  static final int NEG_BITS = 16;
  static final int BIGRAM_BITS = 18;
  static final int CHAR_BITS = 19;
  static final int PLAIN_BASE = 0;
  static final int NEG_BASE = PLAIN_BASE + (1 << PLAIN_BITS);
  static final int BIGRAM_BASE = NEG_BASE + (1 << NEG_BITS);
  static final int CHAR_BASE = BIGRAM_BASE + (1 << BIGRAM_BITS);

  /** The size of the hashed feature space; dense flags follow it. */
  static final int HASHED = CHAR_BASE + (1 << CHAR_BITS);

  private static final int NEG_SEED = 0x5bd1e995;
  private static final int START = 0x2545f491;
  private static final char[] URL_TOKEN = "<url>".toCharArray();
  private static final char[] USER_TOKEN = "@user".toCharArray();
  private static final String[] EMOTICONS = {
    ":-)", ":)", ":-(", ":(", ":-D", ":D", ";-)", ";)", ":-P", ":P", ":p", ":'(", ":/", ":-/", "<3",
    "xD", "XD", ":O", ":o", ":|", "=)", "=(", ":]", ":[", "^^", "^_^", "-_-", ":*", ";D", ";P",
    ":))", ":((", "</3", "=D", ":S", ":$", "(:", "):", "D:"
  };
  private static final int[] NEGATORS =
      sortedHashes(
          "not",
          "no",
          "never",
          "cannot",
          "nothing",
          "nobody",
          "none",
          "nor",
          "neither",
          "nowhere",
          "without",
          "dont",
          "cant",
          "wont",
          "isnt",
          "arent",
          "didnt",
          "doesnt",
          "wasnt",
          "werent",
          "couldnt",
          "shouldnt",
          "wouldnt",
          "aint",
          "havent",
          "hasnt",
          "hadnt",
          "mustnt",
          "neednt");

  private static final ThreadLocal<Features> WORK = ThreadLocal.withInitial(Features::new);

  private Featurizer() {}

  /** The calling thread's reusable feature buffer, filled with the features of {@code text}. */
  static Features extract(CharSequence text) {
    Features f = WORK.get();
    extract(text, f);
    return f;
  }

  static void extract(CharSequence text, Features f) {
    f.reset();
    int n = Math.min(text.length(), MAX_CHARS);
    boolean negating = false;
    int prev = START;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int em = emoticonAt(text, i, n);
      if (c == 'h' || c == 'H' || c == 'w' || c == 'W') {
        int url = urlLength(text, i, n);
        if (url > 0) {
          prev = token(f, URL_TOKEN, prev, false);
          f.dense[Features.URL] = 1f;
          negating = false;
          i += url;
          continue;
        }
      }
      if (c == '@' && i + 1 < n && isWordChar(text.charAt(i + 1))) {
        i++;
        while (i < n && isWordChar(text.charAt(i))) {
          i++;
        }
        prev = token(f, USER_TOKEN, prev, false);
        continue;
      }
      if (em > 0) {
        int start = f.textLength;
        beginToken(f);
        for (int k = 0; k < em; k++) {
          append(f, Character.toLowerCase(text.charAt(i + k)));
        }
        prev = endToken(f, start, prev, false);
        negating = false;
        i += em;
        continue;
      }
      if (isWordChar(c) || (c == '#' && i + 1 < n && isWordChar(text.charAt(i + 1)))) {
        int start = beginToken(f);
        int letters = 0;
        int upper = 0;
        char last = 0;
        int run = 0;
        boolean elongated = false;
        if (c == '#') {
          append(f, '#');
          i++;
        }
        while (i < n) {
          char d = text.charAt(i);
          if ((d == '\'' || d == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
            d = '\'';
          } else if (!isWordChar(d)) {
            break;
          }
          if (Character.isLetter(d)) {
            letters++;
            if (Character.isUpperCase(d)) {
              upper++;
            }
          }
          char lower = Character.toLowerCase(d);
          run = lower == last ? run + 1 : 1;
          last = lower;
          if (run <= 2) {
            append(f, lower);
          } else {
            elongated = true;
          }
          i++;
        }
        if (elongated) {
          f.dense[Features.ELONGATED] = 1f;
        }
        if (letters >= 3 && upper == letters) {
          f.dense[Features.ALL_CAPS] = 1f;
        }
        int hash = hash(f.text, start, f.textLength);
        prev = emit(f, hash, prev, negating);
        if (isNegator(f.text, start, f.textLength, hash)) {
          negating = true;
          f.dense[Features.NEGATION] = 1f;
        }
        continue;
      }
      if (c == '!' || c == '?') {
        int run = 0;
        while (i < n && text.charAt(i) == c) {
          run++;
          i++;
        }
        int start = beginToken(f);
        append(f, c);
        if (run > 1) {
          append(f, c);
        }
        prev = endToken(f, start, prev, false);
        f.dense[c == '!' ? Features.EXCLAIM : Features.QUESTION] = 1f;
        negating = false;
        continue;
      }
      if (c == '.' || c == ',' || c == ';' || c == ':') {
        negating = false;
        i++;
        continue;
      }
      int cp = Character.codePointAt(text, i);
      int width = Character.charCount(cp);
      if (isEmoji(cp)) {
        int start = beginToken(f);
        append(f, text.charAt(i));
        if (width == 2 && i + 1 < n) {
          append(f, text.charAt(i + 1));
        }
        prev = endToken(f, start, prev, false);
      }
      i += width;
    }
    charGrams(f);
  }

  /** The unigram bucket of a single token, as {@link #extract} emits it (for the lexicon). */
  static int unigramBucket(CharSequence token, boolean negated) {
    Features f = new Features();
    extract(token, f);
    if (f.wordCount != 1 && !(f.wordCount == 2 && f.unigram[0] && !f.unigram[1])) {
      return -1;
    }
    int plain = f.words[0];
    if (!negated) {
      return plain;
    }
    int hash = hash(f.text, 0, f.textLength);
    return NEG_BASE + (mix(hash ^ NEG_SEED) & ((1 << NEG_BITS) - 1));
  }

  private static int token(Features f, char[] token, int prev, boolean negating) {
    int start = beginToken(f);
    for (char t : token) {
      append(f, t);
    }
    return endToken(f, start, prev, negating);
  }

  private static int beginToken(Features f) {
    if (f.textLength > 0) {
      append(f, ' ');
    }
    return f.textLength;
  }

  private static int endToken(Features f, int start, int prev, boolean negating) {
    return emit(f, hash(f.text, start, f.textLength), prev, negating);
  }

  private static int emit(Features f, int hash, int prev, boolean negating) {
    if (negating) {
      f.addWord(NEG_BASE + (mix(hash ^ NEG_SEED) & ((1 << NEG_BITS) - 1)), true);
    } else {
      f.addWord(PLAIN_BASE + (hash & ((1 << PLAIN_BITS) - 1)), true);
    }
    f.addWord(BIGRAM_BASE + (mix(prev * 0x9E3779B1 + hash) & ((1 << BIGRAM_BITS) - 1)), false);
    return hash;
  }

  private static void charGrams(Features f) {
    char[] t = f.text;
    int len = f.textLength;
    for (int i = -1; i < len; i++) {
      int h = 0;
      for (int k = 0; k < 5; k++) {
        int p = i + k;
        char c = p < 0 || p >= len ? ' ' : t[p];
        h = h * 31 + c;
        if (k >= 2) {
          f.addChar(CHAR_BASE + (mix(h + k) & ((1 << CHAR_BITS) - 1)));
        }
        if (p >= len) {
          break;
        }
      }
    }
  }

  private static void append(Features f, char c) {
    if (f.textLength == f.text.length) {
      f.text = Arrays.copyOf(f.text, f.text.length * 2);
    }
    f.text[f.textLength++] = c;
  }

  static int hash(char[] chars, int from, int to) {
    int h = 0x811c9dc5;
    for (int k = from; k < to; k++) {
      h = (h ^ chars[k]) * 0x01000193;
    }
    return mix(h);
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static boolean isNegator(char[] t, int from, int to, int hash) {
    int len = to - from;
    if (len >= 4 && t[to - 1] == 't' && t[to - 2] == '\'' && t[to - 3] == 'n') {
      return true;
    }
    return Arrays.binarySearch(NEGATORS, hash) >= 0;
  }

  private static boolean isEmoji(int cp) {
    return (cp >= 0x1F300 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x1F000 && cp <= 0x1F2FF)
        || cp == 0x2764
        || cp == 0x2B50;
  }

  private static int urlLength(CharSequence s, int i, int n) {
    if (!(startsWith(s, i, n, "http://")
        || startsWith(s, i, n, "https://")
        || startsWith(s, i, n, "www."))) {
      return 0;
    }
    int j = i;
    while (j < n && !Character.isWhitespace(s.charAt(j))) {
      j++;
    }
    return j - i;
  }

  private static int emoticonAt(CharSequence s, int i, int n) {
    char c = s.charAt(i);
    if (Character.isLetterOrDigit(c) && c != 'x' && c != 'X' && c != 'D') {
      return 0;
    }
    int best = 0;
    for (String e : EMOTICONS) {
      if (e.length() > best && startsWith(s, i, n, e)) {
        int end = i + e.length();
        boolean boundary = end >= n || !Character.isLetterOrDigit(s.charAt(end));
        boolean before = i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
        if (boundary && before) {
          best = e.length();
        }
      }
    }
    return best;
  }

  private static boolean startsWith(CharSequence s, int i, int n, String prefix) {
    if (i + prefix.length() > n) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (Character.toLowerCase(s.charAt(i + k)) != Character.toLowerCase(prefix.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static int[] sortedHashes(String... words) {
    int[] hashes = new int[words.length];
    for (int k = 0; k < words.length; k++) {
      char[] w = words[k].toCharArray();
      hashes[k] = hash(w, 0, w.length);
    }
    Arrays.sort(hashes);
    return hashes;
  }
}
