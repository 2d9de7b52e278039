package dev.outpost.detect.replay;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The objective start of the first burst of a sorted stream, computed from the data alone.
 *
 * <p>For each minute m: the base rate is the median of the (up to) 168 full hourly counts (a week)
 * of the stream before m's hour, at least 1 per hour; a week, so that a progressive event's own
 * first days do not become its reference (ADR 0051). The burst starts at the first minute m whose
 * next 10 minutes hold at least max(10, 10 x base / 6) posts and whose next 60 minutes hold at
 * least max(30, 10 x base) posts: ten times the usual rate, dense at once and sustained for an
 * hour. The burst start is the time of the first post at or after that minute.
 */
final class BurstStart {
  /** How many full hours before a minute make its reference level: one week. */
  static final int REFERENCE_HOURS = 24 * 7;

  private BurstStart() {}

  static Optional<Instant> of(List<Instant> sorted) {
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    long m0 = Math.floorDiv(sorted.get(0).getEpochSecond(), 60);
    long m1 = Math.floorDiv(sorted.get(sorted.size() - 1).getEpochSecond(), 60);
    int n = (int) (m1 - m0 + 1);
    long[] prefix = new long[n + 61];
    int[] perMinute = new int[n];
    for (Instant t : sorted) {
      perMinute[(int) (Math.floorDiv(t.getEpochSecond(), 60) - m0)]++;
    }
    for (int i = 0; i < n + 60; i++) {
      prefix[i + 1] = prefix[i] + (i < n ? perMinute[i] : 0);
    }
    long h0 = Math.floorDiv(m0, 60);
    for (int i = 0; i < n; i++) {
      long minute = m0 + i;
      long hour = Math.floorDiv(minute, 60);
      int known = (int) Math.min(REFERENCE_HOURS, hour - h0);
      double[] hours = new double[known];
      for (int k = 0; k < known; k++) {
        long h = hour - known + k;
        int from = (int) Math.max(0, h * 60 - m0);
        int to = (int) Math.max(0, (h + 1) * 60 - m0);
        hours[k] = prefix[to] - prefix[from];
      }
      double base = Math.max(1.0, median(hours));
      long next10 = prefix[Math.min(i + 10, n + 60)] - prefix[i];
      long next60 = prefix[Math.min(i + 60, n + 60)] - prefix[i];
      if (next10 >= Math.max(10, 10 * base / 6) && next60 >= Math.max(30, 10 * base)) {
        Instant start = Instant.ofEpochSecond(minute * 60);
        return sorted.stream().filter(t -> !t.isBefore(start)).findFirst();
      }
    }
    return Optional.empty();
  }

  private static double median(double[] v) {
    if (v.length == 0) {
      return 0;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
  }
}
