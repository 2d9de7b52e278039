package dev.outpost.detect;

/**
 * Counts of one key per bucket (the last 24 hours) and per hour (the last 8 weeks), in rings that
 * are cleared lazily: a slot older than the latest write reads as 0.
 */
final class Series {
  static final int HOURS_KEPT = 24 * 7 * 8;

  private final int bucketsPerHour;
  private final int[] buckets;
  private final int[] hours = new int[HOURS_KEPT];
  private long lastBucket = Long.MIN_VALUE;
  private long lastHour = Long.MIN_VALUE;

  Series(int bucketsPerHour) {
    this.bucketsPerHour = bucketsPerHour;
    this.buckets = new int[bucketsPerHour * 24];
  }

  void add(long bucket, int n) {
    if (bucket > lastBucket) {
      long from =
          lastBucket == Long.MIN_VALUE ? bucket : Math.max(lastBucket + 1, bucket - buckets.length);
      for (long b = from; b <= bucket; b++) {
        buckets[slot(b, buckets.length)] = 0;
      }
      lastBucket = bucket;
    }
    long hour = Math.floorDiv(bucket, bucketsPerHour);
    if (hour > lastHour) {
      long from = lastHour == Long.MIN_VALUE ? hour : Math.max(lastHour + 1, hour - HOURS_KEPT);
      for (long h = from; h <= hour; h++) {
        hours[slot(h, HOURS_KEPT)] = 0;
      }
      lastHour = hour;
    }
    if (bucket > lastBucket - buckets.length) {
      buckets[slot(bucket, buckets.length)] += n;
    }
    if (hour > lastHour - HOURS_KEPT) {
      hours[slot(hour, HOURS_KEPT)] += n;
    }
  }

  int bucket(long bucket) {
    if (bucket > lastBucket || bucket <= lastBucket - buckets.length) {
      return 0;
    }
    return buckets[slot(bucket, buckets.length)];
  }

  /** Sum of the buckets in [end - n, end). */
  long window(long end, int n) {
    long sum = 0;
    for (long b = end - n; b < end; b++) {
      sum += bucket(b);
    }
    return sum;
  }

  int hour(long hour) {
    if (hour > lastHour || hour <= lastHour - HOURS_KEPT) {
      return 0;
    }
    return hours[slot(hour, HOURS_KEPT)];
  }

  private static int slot(long index, int length) {
    return (int) Math.floorMod(index, (long) length);
  }
}
