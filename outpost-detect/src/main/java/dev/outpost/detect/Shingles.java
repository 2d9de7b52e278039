package dev.outpost.detect;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises a post text for clustering: NFKC, lower case, links, handles and stop words removed,
 * hashtags kept as words; the shingles are the remaining words and word pairs.
 */
final class Shingles {
  private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private static final Pattern HANDLE = Pattern.compile("@\\w+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did",
          "do", "does", "for", "from", "get", "got", "had", "has", "have", "i", "i'm", "if", "in",
          "is", "it", "it's", "its", "just", "me", "my", "no", "not", "now", "of", "on", "or",
          "our", "rt", "so", "that", "the", "their", "them", "there", "they", "this", "to", "u",
          "us", "was", "we", "were", "what", "when", "why", "will", "with", "you", "your", "all",
          "am", "any", "im", "still", "would", "how", "who", "than", "then", "out", "up", "too",
          "very", "about", "after", "again", "one", "amp", "dont", "don't", "can't", "cant");
  private static final int MAX_WORDS = 60;

  private Shingles() {}

  /** The normalised content words, in order, at most 60. */
  static List<String> words(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    t = LINK.matcher(t).replaceAll(" ");
    t = HANDLE.matcher(t).replaceAll(" ");
    List<String> out = new ArrayList<>();
    for (String w : NON_WORD.split(t)) {
      w = w.replace("'", "");
      if (w.length() >= 2 && !STOP.contains(w) && out.size() < MAX_WORDS) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * The distinct words as sorted 64-bit hashes: for posts of a few words, word pairs make
   * paraphrases of one complaint look unrelated, so single words are the shingles.
   */
  static long[] of(List<String> words) {
    return words.stream().mapToLong(Shingles::hash).distinct().sorted().toArray();
  }

  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Number of common elements of two sorted arrays. */
  static int common(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }

  static double jaccard(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int common = common(a, b);
    return common / (double) (a.length + b.length - common);
  }
}
