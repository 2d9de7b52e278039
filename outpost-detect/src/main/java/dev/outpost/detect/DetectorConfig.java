package dev.outpost.detect;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of every detector; {@link #defaults()} holds the values documented in {@code
 * docs/adr/0007-spike-baseline.md} and measured in {@code docs/accuracy.md}.
 */
public record DetectorConfig(
    Spikes spikes, Negativity negativity, Incidents incidents, Viral viral) {

  public DetectorConfig {
    Objects.requireNonNull(spikes, "spikes");
    Objects.requireNonNull(negativity, "negativity");
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(viral, "viral");
  }

  public static DetectorConfig defaults() {
    return new DetectorConfig(
        Spikes.defaults(), Negativity.defaults(), Incidents.defaults(), Viral.defaults());
  }

  public DetectorConfig withSpikes(Spikes s) {
    return new DetectorConfig(s, negativity, incidents, viral);
  }

  /** How the expected volume is computed; see the ADR for the comparison. */
  public enum Baseline {
    /** Median of the previous 12 hours, corrected for hour of day / week, and a Poisson tail. */
    SEASONAL_POISSON,
    /** Mean of the previous 12 hours; alert when the window rate is minRatio times it. */
    PREV_12H,
    /** Mean + k sigma of the hourly counts of the previous 7 days. */
    MEAN_KSIGMA_7D
  }

  /**
   * Volume spikes, per topic and per topic x sentiment.
   *
   * @param bucket the evaluation step; must divide one hour
   * @param window the recent window whose count is compared with the baseline
   * @param minCount the fewest posts in the window that can alert (a quiet brand stays quiet)
   * @param minRatio observed must be at least this many times the expected count
   * @param alpha the largest Poisson tail probability that counts as a spike
   * @param persistence consecutive anomalous steps needed to open an alert
   * @param floorPerHour the least expected rate per hour (cold start, silent hours)
   * @param quietToClose how long the window must stay normal before the thread is closed
   * @param baseline which baseline
   * @param sigmaK k of the mean + k sigma baseline
   */
  public record Spikes(
      Duration bucket,
      Duration window,
      int minCount,
      double minRatio,
      double alpha,
      int persistence,
      double floorPerHour,
      Duration quietToClose,
      Baseline baseline,
      double sigmaK) {
    public Spikes {
      positive("bucket", bucket);
      positive("window", window);
      positive("quietToClose", quietToClose);
      if (Duration.ofHours(1).toSeconds() % bucket.toSeconds() != 0 || bucket.toSeconds() < 1) {
        throw new IllegalArgumentException("bucket must divide one hour, was " + bucket);
      }
      if (window.toSeconds() % bucket.toSeconds() != 0
          || window.compareTo(Duration.ofHours(6)) > 0) {
        throw new IllegalArgumentException(
            "window must be a multiple of the bucket and at most 6 hours, was " + window);
      }
      if (minCount < 1 || minRatio < 1 || !(alpha > 0 && alpha < 1) || persistence < 1) {
        throw new IllegalArgumentException(
            "need minCount >= 1, minRatio >= 1, 0 < alpha < 1, persistence >= 1");
      }
      if (!(floorPerHour > 0) || !(sigmaK > 0)) {
        throw new IllegalArgumentException("floorPerHour and sigmaK must be > 0");
      }
      Objects.requireNonNull(baseline, "baseline");
    }

    public static Spikes defaults() {
      return new Spikes(
          Duration.ofMinutes(1),
          Duration.ofMinutes(10),
          10,
          3.0,
          1e-4,
          2,
          2.0,
          Duration.ofMinutes(60),
          Baseline.SEASONAL_POISSON,
          3.0);
    }

    public Spikes withBucket(Duration b) {
      Duration w = window.toSeconds() % b.toSeconds() == 0 ? window : b;
      return new Spikes(
          b,
          w,
          minCount,
          minRatio,
          alpha,
          persistence,
          floorPerHour,
          quietToClose,
          baseline,
          sigmaK);
    }

    public Spikes withBaseline(Baseline b) {
      return new Spikes(
          bucket,
          window,
          minCount,
          minRatio,
          alpha,
          persistence,
          floorPerHour,
          quietToClose,
          b,
          sigmaK);
    }

    public Spikes withMinCount(int m) {
      return new Spikes(
          bucket,
          window,
          m,
          minRatio,
          alpha,
          persistence,
          floorPerHour,
          quietToClose,
          baseline,
          sigmaK);
    }
  }

  /**
   * Negativity spikes: the share of negative posts of a topic jumps.
   *
   * @param window the recent window
   * @param minCount the fewest posts in the window that can alert
   * @param minDelta the least rise of the share over the baseline share (0.15 = 15 points)
   * @param alpha the largest binomial tail probability that counts
   */
  public record Negativity(Duration window, int minCount, double minDelta, double alpha) {
    public Negativity {
      positive("negativity window", window);
      if (minCount < 1 || !(minDelta > 0 && minDelta < 1) || !(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("need minCount >= 1, 0 < minDelta < 1, 0 < alpha < 1");
      }
    }

    public static Negativity defaults() {
      return new Negativity(Duration.ofMinutes(30), 20, 0.2, 1e-4);
    }
  }

  /**
   * Incident clustering.
   *
   * @param similarity the least Jaccard similarity of shingle sets that joins a post to a cluster
   * @param minAuthors distinct authors needed to open an incident
   * @param window a cluster must reach minAuthors within this time
   * @param quietToClose an incident closes when no post joined for this long
   */
  public record Incidents(
      double similarity, int minAuthors, Duration window, Duration quietToClose) {
    public Incidents {
      if (!(similarity > 0 && similarity <= 1) || minAuthors < 2) {
        throw new IllegalArgumentException("need 0 < similarity <= 1 and minAuthors >= 2");
      }
      positive("incident window", window);
      positive("incident quietToClose", quietToClose);
    }

    public static Incidents defaults() {
      return new Incidents(0.25, 5, Duration.ofHours(2), Duration.ofHours(3));
    }
  }

  /**
   * Viral posts.
   *
   * @param threshold the least score (velocity over the expectation for the author's size) that
   *     alerts
   * @param minEngagement the least engagement gained since first seen
   * @param influencerFollowers followers from which an author counts as an influencer
   * @param negativeBoost multiplies the score of a negative post
   * @param influencerBoost multiplies the score of an influencer's post
   * @param horizon posts older than this (since first seen) are forgotten
   */
  public record Viral(
      double threshold,
      long minEngagement,
      long influencerFollowers,
      double negativeBoost,
      double influencerBoost,
      Duration horizon) {
    public Viral {
      if (!(threshold > 0) || minEngagement < 1 || influencerFollowers < 1) {
        throw new IllegalArgumentException("need threshold > 0, minEngagement >= 1");
      }
      if (negativeBoost < 1 || influencerBoost < 1) {
        throw new IllegalArgumentException("boosts must be >= 1");
      }
      positive("viral horizon", horizon);
    }

    public static Viral defaults() {
      return new Viral(10.0, 50, 100_000, 1.5, 1.5, Duration.ofHours(48));
    }
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
