package dev.outpost.enrich.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Three-class tweet sentiment (negative, neutral, positive) from a linear model over word and
 * character n-grams with negation scope, trained by {@link SentimentTrainer}. Thread-safe; a
 * classification allocates only its result.
 */
public final class SentimentClassifier implements SentimentModel {
  /** The class-path resource of the shipped model. */
  public static final String DEFAULT_MODEL = "/dev/outpost/enrich/sentiment/sentiment-model.bin.gz";

  private final LinearModel model;

  SentimentClassifier(LinearModel model) {
    this.model = model;
  }

  /** The model shipped with Outpost (see docs/accuracy.md for how it was trained). */
  public static SentimentClassifier loadDefault() {
    try (InputStream in = SentimentClassifier.class.getResourceAsStream(DEFAULT_MODEL)) {
      if (in == null) {
        throw new IllegalStateException("the sentiment model " + DEFAULT_MODEL + " is missing");
      }
      return new SentimentClassifier(LinearModel.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped sentiment model", e);
    }
  }

  /** A model written by {@code outpost train sentiment}. */
  public static SentimentClassifier load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new SentimentClassifier(LinearModel.read(in));
    }
  }

  /** The sentiment of a text; any text, even empty, gets a result. */
  @Override
  public SentimentScore classify(CharSequence text) {
    double[] p = new double[LinearModel.CLASSES];
    model.probabilities(Featurizer.extract(text), p);
    return SentimentScore.of(p);
  }

  /** The index of the most probable class (0 negative, 1 neutral, 2 positive). */
  int predict(CharSequence text, double[] scratch) {
    model.probabilities(Featurizer.extract(text), scratch);
    int best = 1;
    if (scratch[0] > scratch[best]) {
      best = 0;
    }
    if (scratch[2] > scratch[best]) {
      best = 2;
    }
    return best;
  }
}
