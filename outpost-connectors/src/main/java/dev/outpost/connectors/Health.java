package dev.outpost.connectors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Tracks one connection's health; thread-safe. */
public final class Health {
  private final String name;
  private final Clock clock;
  private HealthSnapshot.State state = HealthSnapshot.State.OK;
  private Instant lastSuccess;
  private Duration lag;
  private Instant lastPost;
  private long errors;
  private String lastError;
  private Long remaining;
  private Instant reset;

  public Health(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  public synchronized void success() {
    lastSuccess = clock.instant();
    if (state == HealthSnapshot.State.DEGRADED) {
      state = HealthSnapshot.State.OK;
    }
  }

  /** A retriable error. */
  public synchronized void error(String message) {
    errors++;
    lastError = message;
    if (state == HealthSnapshot.State.OK) {
      state = HealthSnapshot.State.DEGRADED;
    }
  }

  /** One item of a page or stream could not be read and was skipped; the others go on. */
  public synchronized void skipped(String message) {
    errors++;
    lastError = message;
  }

  /** A permanent error: the connection stops until its configuration is fixed. */
  public synchronized void stopped(String message) {
    errors++;
    lastError = message;
    state = HealthSnapshot.State.STOPPED;
  }

  /** A post created at {@code createdAt} was just emitted. */
  public synchronized void emitted(Instant createdAt) {
    Duration d = Duration.between(createdAt, clock.instant());
    lag = d.isNegative() ? Duration.ZERO : d;
    if (lastPost == null || createdAt.isAfter(lastPost)) {
      lastPost = createdAt;
    }
  }

  public synchronized void rateLimit(long remainingCalls, Optional<Instant> resetAt) {
    remaining = remainingCalls;
    reset = resetAt.orElse(null);
  }

  public synchronized HealthSnapshot snapshot() {
    return new HealthSnapshot(
        name,
        state,
        Optional.ofNullable(lastSuccess),
        Optional.ofNullable(lag),
        Optional.ofNullable(lastPost),
        errors,
        Optional.ofNullable(lastError),
        remaining == null ? OptionalLong.empty() : OptionalLong.of(remaining),
        Optional.ofNullable(reset));
  }
}
