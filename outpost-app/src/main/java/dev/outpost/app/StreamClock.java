package dev.outpost.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that shows the newest post time seen so far: for a live source that is about now, for a
 * replay it is the replayed time, so the detectors behave the same in both.
 */
final class StreamClock extends Clock {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);

  /** Moves the clock forward to {@code t}; earlier times leave it where it is. */
  void advance(Instant t) {
    now.accumulateAndGet(t, (a, b) -> b.isAfter(a) ? b : a);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("the stream clock is in UTC");
    }
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
