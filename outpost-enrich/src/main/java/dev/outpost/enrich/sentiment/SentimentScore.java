package dev.outpost.enrich.sentiment;

import dev.outpost.core.Enrichment.Sentiment;
import java.util.EnumMap;
import java.util.Map;

/**
 * The sentiment of one text: the most probable class and the probability of each class.
 *
 * @param label the most probable class
 * @param negative probability of negative
 * @param neutral probability of neutral
 * @param positive probability of positive
 */
public record SentimentScore(Sentiment label, double negative, double neutral, double positive) {

  /** The probability of {@link #label}. */
  public double confidence() {
    return switch (label) {
      case NEGATIVE -> negative;
      case NEUTRAL -> neutral;
      case POSITIVE -> positive;
    };
  }

  /** The probability of every class. */
  public Map<Sentiment, Double> scores() {
    Map<Sentiment, Double> m = new EnumMap<>(Sentiment.class);
    m.put(Sentiment.NEGATIVE, negative);
    m.put(Sentiment.NEUTRAL, neutral);
    m.put(Sentiment.POSITIVE, positive);
    return m;
  }

  /** The most probable class of {@code p} (negative, neutral, positive probabilities). */
  public static SentimentScore of(double[] p) {
    int best = 1;
    if (p[0] > p[best]) {
      best = 0;
    }
    if (p[2] > p[best]) {
      best = 2;
    }
    Sentiment label =
        switch (best) {
          case 0 -> Sentiment.NEGATIVE;
          case 2 -> Sentiment.POSITIVE;
          default -> Sentiment.NEUTRAL;
        };
    return new SentimentScore(label, p[0], p[1], p[2]);
  }
}
