package dev.outpost.detect;

import dev.outpost.detect.DetectorConfig.Spikes;

/**
 * The chosen baseline: the level is the median of the previous 12 hours after removing the
 * hour-of-day (3+ days of history) and hour-of-week (14+ days) pattern; the expected count is that
 * level times the pattern of the hours the window covers (the larger, when it straddles two),
 * floored; a window is anomalous when it is {@code minRatio} times the expectation and its Poisson
 * tail is at most {@code alpha}.
 */
final class SeasonalPoisson extends Baseline {
  private static final int MAX_DAYS = 28;
  private final java.util.Map<Series, Profile> profiles = new java.util.IdentityHashMap<>();

  SeasonalPoisson(Spikes cfg, int bph) {
    super(cfg, bph);
  }

  @Override
  Verdict judge(Series s, long end, long observed, long historyStart, long startBucket) {
    long hour = currentHour(end);
    long lastHour = Math.floorDiv(end - 1, bucketsPerHour);
    Profile profile = profiles.get(s);
    if (profile == null || profile.hour != hour) {
      profile = new Profile(s, hour, historyStart);
      profiles.put(s, profile);
    }
    double[] prev = hoursBefore(s, hour, 12, historyStart);
    long first = hour - prev.length;
    for (int i = 0; i < prev.length; i++) {
      prev[i] /= profile.factor(first + i);
    }
    double level = prev.length == 0 ? coldLevel(s, end, startBucket) : Stats.median(prev);
    double factor = 0;
    for (long h = hour; h <= lastHour; h++) {
      factor = Math.max(factor, profile.factor(h));
    }
    double perHour = Math.max(level * factor, cfg.floorPerHour());
    double expected = perHour * windowHours();
    boolean ratio = observed >= cfg.minRatio() * expected;
    double p = ratio ? Stats.poissonUpperTail(observed, expected) : 1.0;
    boolean anomalous = ratio && p <= cfg.alpha();
    return new Verdict(expected, anomalous, p);
  }

  /** Multiplicative hour-of-day / hour-of-week factors learnt from up to 28 days of history. */
  static final class Profile {
    private final Series s;
    final long hour;
    private final double[] byHourOfDay = new double[24];
    private final int days;
    private final int weeks;
    private double meanHour;

    Profile(Series s, long hour, long historyStart) {
      this.s = s;
      this.hour = hour;
      this.days = (int) Math.min(MAX_DAYS, (hour - historyStart) / 24);
      this.weeks = days / 7;
      if (days < 3) {
        return;
      }
      double total = 0;
      for (long h = hour - days * 24L; h < hour; h++) {
        int c = s.hour(h);
        byHourOfDay[(int) Math.floorMod(h, 24L)] += c;
        total += c;
      }
      meanHour = total / (days * 24.0);
    }

    double factor(long h) {
      if (days < 3) {
        return 1.0;
      }
      double hod = (byHourOfDay[(int) Math.floorMod(h, 24L)] / days + 1.0) / (meanHour + 1.0);
      double factor = hod;
      if (weeks >= 2) {
        double same = 0;
        for (int w = 1; w <= weeks; w++) {
          same += s.hour(h - w * 168L);
        }
        double how = (same / weeks + 1.0) / (meanHour + 1.0);
        factor = (weeks * how + 2 * hod) / (weeks + 2);
      }
      return Math.max(factor, 0.05);
    }
  }
}
