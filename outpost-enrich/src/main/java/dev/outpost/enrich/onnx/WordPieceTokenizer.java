package dev.outpost.enrich.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A BERT-style WordPiece tokenizer over a {@code vocab.txt} (one token per line, id = line number):
 * whitespace and punctuation split, optional lower-casing, greedy longest-match sub-words with the
 * {@code ##} continuation prefix, {@code [CLS]} and {@code [SEP]} added when the vocabulary has
 * them. Immutable and thread-safe.
 */
final class WordPieceTokenizer {
  private static final int MAX_WORD = 100;

  private final Map<String, Integer> vocab;
  private final boolean lowercase;
  private final int maxLength;
  private final int unknown;
  private final int cls;
  private final int sep;

  WordPieceTokenizer(Map<String, Integer> vocab, boolean lowercase, int maxLength) {
    if (vocab.isEmpty()) {
      throw new IllegalArgumentException("the vocabulary is empty");
    }
    if (maxLength < 3) {
      throw new IllegalArgumentException("max length must be >= 3, was " + maxLength);
    }
    this.vocab = Map.copyOf(vocab);
    this.lowercase = lowercase;
    this.maxLength = maxLength;
    this.unknown = vocab.getOrDefault("[UNK]", 0);
    this.cls = vocab.getOrDefault("[CLS]", -1);
    this.sep = vocab.getOrDefault("[SEP]", -1);
  }

  static WordPieceTokenizer load(Path vocabFile, boolean lowercase, int maxLength)
      throws IOException {
    List<String> lines = Files.readAllLines(vocabFile, StandardCharsets.UTF_8);
    Map<String, Integer> vocab = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      vocab.putIfAbsent(lines.get(i).strip(), i);
    }
    vocab.remove("");
    return new WordPieceTokenizer(vocab, lowercase, maxLength);
  }

  /** Token ids of a text, at least one and at most {@code maxLength}. */
  long[] encode(CharSequence text) {
    long[] ids = new long[maxLength];
    int n = 0;
    int limit = maxLength - (sep >= 0 ? 1 : 0);
    if (cls >= 0) {
      ids[n++] = cls;
    }
    String s = text.toString();
    if (lowercase) {
      s = s.toLowerCase(Locale.ROOT);
    }
    int i = 0;
    while (i < s.length() && n < limit) {
      int cp = s.codePointAt(i);
      int w = Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
        i += w;
        continue;
      }
      int end = i + w;
      if (!isPunctuation(cp)) {
        while (end < s.length()) {
          int c = s.codePointAt(end);
          if (Character.isWhitespace(c) || isPunctuation(c)) {
            break;
          }
          end += Character.charCount(c);
        }
      }
      n = word(s.substring(i, end), ids, n, limit);
      i = end;
    }
    if (sep >= 0) {
      ids[n++] = sep;
    }
    if (n == 0) {
      ids[n++] = unknown;
    }
    return java.util.Arrays.copyOf(ids, n);
  }

  private int word(String word, long[] ids, int n, int limit) {
    if (word.length() > MAX_WORD) {
      ids[n++] = unknown;
      return n;
    }
    int start = 0;
    int first = n;
    while (start < word.length()) {
      int end = word.length();
      Integer id = null;
      while (start < end) {
        String piece = (start > 0 ? "##" : "") + word.substring(start, end);
        id = vocab.get(piece);
        if (id != null) {
          break;
        }
        end--;
      }
      if (id == null) {
        ids[first] = unknown;
        return first + 1;
      }
      if (n < limit) {
        ids[n++] = id;
      }
      start = end;
    }
    return n;
  }

  private static boolean isPunctuation(int cp) {
    int t = Character.getType(cp);
    return (cp >= 33 && cp <= 47)
        || (cp >= 58 && cp <= 64)
        || (cp >= 91 && cp <= 96)
        || (cp >= 123 && cp <= 126)
        || t == Character.CONNECTOR_PUNCTUATION
        || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION
        || t == Character.OTHER_SYMBOL;
  }
}
