package dev.outpost.detect;

import dev.outpost.detect.DetectorConfig.Spikes;

/**
 * The chosen baseline: the level is the median of the previous 12 hours after removing the
 * hour-of-day (3+ days of history) and hour-of-week (14+ days) pattern; the expected count is that
 * level times the pattern of the current hour, floored; a window is anomalous when it is {@code
 * minRatio} times the expectation and its Poisson tail is at most {@code alpha}.
 */
final class SeasonalPoisson extends Baseline {
  private static final int MAX_DAYS = 28;

  SeasonalPoisson(Spikes cfg, int bph) {
    super(cfg, bph);
  }

  @Override
  Verdict judge(Series s, long end, long observed, long historyStart) {
    long hour = currentHour(end);
    double[] factors = factors(s, hour, historyStart);
    double[] prev = hoursBefore(s, hour, 12, historyStart);
    long first = hour - prev.length;
    for (int i = 0; i < prev.length; i++) {
      prev[i] /= factors[factorIndex(first + i, hour)];
    }
    double level = Stats.median(prev);
    double perHour = Math.max(level * factors[factorIndex(hour, hour)], cfg.floorPerHour());
    double expected = perHour * windowHours();
    double p = Stats.poissonUpperTail(observed, expected);
    boolean anomalous = observed >= cfg.minRatio() * expected && p <= cfg.alpha();
    return new Verdict(expected, anomalous, p);
  }

  /**
   * Multiplicative factors for the 12 hours before {@code hour} and {@code hour} itself (index 12),
   * from up to 28 days of history; all 1 with less than 3 days.
   */
  static double[] factors(Series s, long hour, long historyStart) {
    double[] f = new double[13];
    java.util.Arrays.fill(f, 1.0);
    int days = (int) Math.min(MAX_DAYS, (hour - historyStart) / 24);
    if (days < 3) {
      return f;
    }
    double[] byHourOfDay = new double[24];
    double total = 0;
    for (long h = hour - days * 24L; h < hour; h++) {
      int c = s.hour(h);
      byHourOfDay[(int) Math.floorMod(h, 24L)] += c;
      total += c;
    }
    double meanHour = total / (days * 24.0);
    int weeks = days / 7;
    for (int i = 0; i <= 12; i++) {
      long h = hour - 12 + i;
      int hod = (int) Math.floorMod(h, 24L);
      double hodFactor = (byHourOfDay[hod] / days + 1.0) / (meanHour + 1.0);
      double factor = hodFactor;
      if (weeks >= 2) {
        double sameHourOfWeek = 0;
        for (int w = 1; w <= weeks; w++) {
          sameHourOfWeek += s.hour(h - w * 168L);
        }
        double howFactor = (sameHourOfWeek / weeks + 1.0) / (meanHour + 1.0);
        factor = (weeks * howFactor + 2 * hodFactor) / (weeks + 2);
      }
      f[i] = Math.max(factor, 0.05);
    }
    return f;
  }

  private static int factorIndex(long h, long hour) {
    return (int) (12 - (hour - h));
  }
}
