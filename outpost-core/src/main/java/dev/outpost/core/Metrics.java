package dev.outpost.core;

/**
 * Engagement counters of a post at the time it was seen. Negative counts are rejected; unknown
 * counts are 0.
 */
public record Metrics(long likes, long reposts, long replies, long views) {
  public static final Metrics NONE = new Metrics(0, 0, 0, 0);

  public Metrics {
    if (likes < 0 || reposts < 0 || replies < 0 || views < 0) {
      throw new IllegalArgumentException(
          "metrics must be >= 0, were likes="
              + likes
              + " reposts="
              + reposts
              + " replies="
              + replies
              + " views="
              + views);
    }
  }
}
