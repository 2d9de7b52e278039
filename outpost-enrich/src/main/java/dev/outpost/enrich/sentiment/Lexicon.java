package dev.outpost.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The VADER lexicon (MIT), used at training time only: its valences become four features (positive
 * and negative valence of plain and of negated words) whose learnt weights are then baked into the
 * unigram weights, so the shipped model needs no lexicon at run time. Valences are kept per hashed
 * unigram bucket, which makes the baking exact.
 */
final class Lexicon {
  static final int FEATURES = 4;
  private static final int PLAIN_POS = 0;
  private static final int PLAIN_NEG = 1;
  private static final int NEGATED_POS = 2;
  private static final int NEGATED_NEG = 3;

  /** Valence by unigram bucket, already divided by 4 (VADER's range is -4..4). */
  private final float[] valence = new float[Featurizer.CHAR_BASE];

  private final int entries;

  private Lexicon(int entries) {
    this.entries = entries;
  }

  static Lexicon empty() {
    return new Lexicon(0);
  }

  /** Reads {@code vader_lexicon.txt} and, for emoji, {@code emoji_utf8_lexicon.txt}. */
  static Lexicon vader(Path dir) throws IOException {
    Map<String, Float> words = new HashMap<>();
    try (BufferedReader r = Corpus.reader(dir.resolve("vader_lexicon.txt"))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] cols = line.split("\t", -1);
        if (cols.length >= 2) {
          words.put(cols[0], Float.parseFloat(cols[1]) / 4f);
        }
      }
    }
    Map<String, Float> all = new HashMap<>(words);
    Path emoji = dir.resolve("emoji_utf8_lexicon.txt");
    if (Files.exists(emoji)) {
      try (BufferedReader r = Corpus.reader(emoji)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String[] cols = line.split("\t", -1);
          if (cols.length >= 2) {
            float sum = 0;
            int n = 0;
            for (String w : cols[1].split(" ", -1)) {
              Float v = words.get(w);
              if (v != null) {
                sum += v;
                n++;
              }
            }
            if (n > 0) {
              all.putIfAbsent(cols[0], sum / n);
            }
          }
        }
      }
    }
    Lexicon lex = new Lexicon(all.size());
    for (Map.Entry<String, Float> e : all.entrySet()) {
      int plain = Featurizer.unigramBucket(e.getKey(), false);
      int negated = Featurizer.unigramBucket(e.getKey(), true);
      if (plain >= 0 && negated >= 0) {
        lex.valence[plain] = e.getValue();
        lex.valence[negated] = e.getValue();
      }
    }
    return lex;
  }

  int entries() {
    return entries;
  }

  /** Adds the four lexicon feature values of {@code f} (already scaled) to {@code out}. */
  void features(Features f, double[] out) {
    float scale = f.wordScale();
    for (int k = 0; k < f.wordCount; k++) {
      if (!f.unigram[k]) {
        continue;
      }
      int b = f.words[k];
      float v = valence[b];
      if (v == 0f) {
        continue;
      }
      boolean negated = b >= Featurizer.NEG_BASE;
      int index = negated ? (v > 0 ? NEGATED_POS : NEGATED_NEG) : (v > 0 ? PLAIN_POS : PLAIN_NEG);
      out[index] += scale * v;
    }
  }

  /**
   * Folds learnt lexicon weights ({@code lexWeights[feature * classes + class]}) into the unigram
   * weights ({@code weights[bucket * classes + class]}).
   */
  void bake(double[] lexWeights, float[] weights, int classes) {
    for (int b = 0; b < valence.length; b++) {
      float v = valence[b];
      if (v == 0f) {
        continue;
      }
      boolean negated = b >= Featurizer.NEG_BASE;
      int index = negated ? (v > 0 ? NEGATED_POS : NEGATED_NEG) : (v > 0 ? PLAIN_POS : PLAIN_NEG);
      for (int c = 0; c < classes; c++) {
        weights[b * classes + c] += (float) (lexWeights[index * classes + c] * v);
      }
    }
  }
}
