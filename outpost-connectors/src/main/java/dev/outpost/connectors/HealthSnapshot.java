package dev.outpost.connectors;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A connection's health at one moment, for the UI and metrics.
 *
 * @param name the connection's name
 * @param state OK, DEGRADED (recent errors, still retrying) or STOPPED (a permanent error)
 * @param lastSuccess when a call last succeeded
 * @param lag how far behind the newest post emitted was when it was emitted
 * @param lastPost the creation time of the newest post read
 * @param errors errors counted since start
 * @param lastError the last error's message (no secrets)
 * @param rateLimitRemaining calls left in the current rate-limit window, when the network says
 * @param rateLimitReset when the window resets, when the network says
 */
public record HealthSnapshot(
    String name,
    State state,
    Optional<Instant> lastSuccess,
    Optional<Duration> lag,
    Optional<Instant> lastPost,
    long errors,
    Optional<String> lastError,
    OptionalLong rateLimitRemaining,
    Optional<Instant> rateLimitReset) {

  /** The states a connection can be in. */
  public enum State {
    OK,
    DEGRADED,
    STOPPED
  }
}
