package dev.outpost.detect;

import dev.outpost.detect.DetectorConfig.Spikes;

/**
 * Says how many posts a key should have had in a window, and whether what it had is anomalous. The
 * three implementations are the approaches compared in {@code docs/adr/0007-spike-baseline.md}.
 */
abstract class Baseline {
  final Spikes cfg;
  final int bucketsPerHour;
  final int windowBuckets;

  Baseline(Spikes cfg, int bucketsPerHour) {
    this.cfg = cfg;
    this.bucketsPerHour = bucketsPerHour;
    this.windowBuckets = (int) (cfg.window().toSeconds() / cfg.bucket().toSeconds());
  }

  record Verdict(double expected, boolean anomalous, double pValue) {}

  static Baseline of(Spikes cfg, int bucketsPerHour) {
    return switch (cfg.baseline()) {
      case SEASONAL_POISSON -> new SeasonalPoisson(cfg, bucketsPerHour);
      case PREV_12H -> new PreviousHours(cfg, bucketsPerHour);
      case MEAN_KSIGMA_7D -> new MeanSigma(cfg, bucketsPerHour);
    };
  }

  /**
   * Judges the count of the window that ends (exclusive) at bucket {@code end}; hours before {@code
   * historyStart} (the first hour of the stream) are unknown, not zero.
   */
  final Verdict judge(Series s, long end, long observed, long startBucket) {
    return judge(
        s,
        end,
        observed,
        Math.floorDiv(startBucket + bucketsPerHour - 1, bucketsPerHour),
        startBucket);
  }

  /** As above, with the first full hour of history and the first bucket of the stream. */
  abstract Verdict judge(Series s, long end, long observed, long historyStart, long startBucket);

  /** The window as a fraction of an hour. */
  final double windowHours() {
    return windowBuckets / (double) bucketsPerHour;
  }

  /** The hour in which the window starts; baselines look at the full hours before it. */
  final long currentHour(long end) {
    return Math.floorDiv(end - windowBuckets, bucketsPerHour);
  }

  /**
   * The rate per hour seen from the stream start to the window start, used before a full hour of
   * history exists; the floor until 30 minutes are known (warm-up).
   */
  final double coldLevel(Series s, long end, long startBucket) {
    long windowStart = end - windowBuckets;
    long known = windowStart - startBucket;
    if (known * 2 < bucketsPerHour) {
      return cfg.floorPerHour();
    }
    return s.window(windowStart, (int) known) * (double) bucketsPerHour / known;
  }

  /** Hourly counts of the (up to) n known hours before {@code hour}, oldest first. */
  static double[] hoursBefore(Series s, long hour, int n, long historyStart) {
    long from = Math.max(hour - n, historyStart);
    if (from >= hour) {
      return new double[0];
    }
    double[] v = new double[(int) (hour - from)];
    for (long h = from; h < hour; h++) {
      v[(int) (h - from)] = s.hour(h);
    }
    return v;
  }

  /** Recent 12 hours against the mean of the previous 12 hours, as a plain ratio. */
  static final class PreviousHours extends Baseline {
    PreviousHours(Spikes cfg, int bph) {
      super(cfg, bph);
    }

    @Override
    Verdict judge(Series s, long end, long observed, long historyStart, long startBucket) {
      double[] prev = hoursBefore(s, currentHour(end), 12, historyStart);
      double mean = 0;
      for (double v : prev) {
        mean += v;
      }
      mean = prev.length == 0 ? coldLevel(s, end, startBucket) : mean / prev.length;
      double expected = Math.max(mean, cfg.floorPerHour()) * windowHours();
      boolean anomalous = observed >= cfg.minRatio() * expected;
      return new Verdict(expected, anomalous, Stats.poissonUpperTail(observed, expected));
    }
  }

  /** Mean + k sigma of the hourly counts of the previous 7 days, scaled to the window. */
  static final class MeanSigma extends Baseline {
    MeanSigma(Spikes cfg, int bph) {
      super(cfg, bph);
    }

    @Override
    Verdict judge(Series s, long end, long observed, long historyStart, long startBucket) {
      double[] prev = hoursBefore(s, currentHour(end), 24 * 7, historyStart);
      double mean = 0;
      for (double v : prev) {
        mean += v;
      }
      mean = prev.length == 0 ? coldLevel(s, end, startBucket) : mean / prev.length;
      double var = 0;
      for (double v : prev) {
        var += (v - mean) * (v - mean);
      }
      double sd = prev.length < 2 ? 0 : Math.sqrt(var / (prev.length - 1));
      double expected = Math.max(mean, cfg.floorPerHour()) * windowHours();
      double limit = Math.max(mean + cfg.sigmaK() * sd, cfg.floorPerHour()) * windowHours();
      boolean anomalous = observed > limit;
      return new Verdict(expected, anomalous, Stats.poissonUpperTail(observed, expected));
    }
  }
}
