package dev.outpost.connectors;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt {@code n} (from 1) waits a random time between half and
 * all of {@code min(max, base * 2^(n-1))}, or longer when the network asks with {@code Retry-After}
 * or a rate-limit reset (capped at {@code maxRetryAfter}).
 *
 * @param maxAttempts how many times one call is tried in all
 * @param base the first backoff
 * @param max the longest backoff
 * @param maxRetryAfter the longest wait a network may ask for
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max, Duration maxRetryAfter) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(6, Duration.ofMillis(500), Duration.ofMinutes(1), Duration.ofMinutes(15));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures. */
  public Duration backoff(int attempt, RandomGenerator random) {
    long cap = max.toMillis();
    long exp = base.toMillis() << Math.min(30, Math.max(0, attempt - 1));
    long ceiling = Math.max(1, Math.min(cap, exp < 0 ? cap : exp));
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }
}
