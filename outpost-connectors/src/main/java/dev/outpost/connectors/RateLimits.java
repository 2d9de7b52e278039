package dev.outpost.connectors;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code Retry-After} and {@code x-ratelimit-remaining/reset} (X spells them {@code
 * x-rate-limit-remaining/reset}). The reset comes in three shapes: an ISO-8601 time (Mastodon),
 * epoch seconds (X) or seconds from now (Reddit); a number above 10^9 is taken as epoch seconds.
 */
final class RateLimits {
  record Limit(long remaining, Optional<Instant> reset) {}

  private final Clock clock;
  private volatile Limit last;

  RateLimits(Clock clock) {
    this.clock = clock;
  }

  Optional<Limit> observe(HttpHeaders h) {
    Optional<String> rem =
        h.firstValue("x-ratelimit-remaining").or(() -> h.firstValue("x-rate-limit-remaining"));
    if (rem.isEmpty()) {
      return Optional.empty();
    }
    long remaining;
    try {
      remaining = (long) Math.floor(Double.parseDouble(rem.get().strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Optional<Instant> reset =
        h.firstValue("x-ratelimit-reset")
            .or(() -> h.firstValue("x-rate-limit-reset"))
            .flatMap(this::parseReset);
    Limit l = new Limit(remaining, reset);
    last = l;
    return Optional.of(l);
  }

  /**
   * The reset time, when it is a time within a day of now; a reset further away (or out of range)
   * is ignored, so that a wrong or hostile header never makes a source wait for years.
   */
  private Optional<Instant> parseReset(String v) {
    Instant now = clock.instant();
    try {
      return parseAnyReset(v)
          .filter(r -> Duration.between(now, r).abs().compareTo(Duration.ofDays(1)) <= 0);
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private Optional<Instant> parseAnyReset(String v) {
    String s = v.strip();
    try {
      double n = Double.parseDouble(s);
      if (!Double.isFinite(n)) {
        return Optional.empty();
      }
      if (n > 1e9) {
        return Optional.of(Instant.ofEpochSecond((long) n));
      }
      return Optional.of(clock.instant().plusMillis((long) (n * 1000)));
    } catch (NumberFormatException e) {
      try {
        return Optional.of(Instant.parse(s));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  Optional<Instant> reset() {
    Limit l = last;
    return l == null ? Optional.empty() : l.reset();
  }

  /** The time until the current window resets, when it is known and in the future. */
  Optional<Duration> untilReset() {
    return reset()
        .map(r -> Duration.between(clock.instant(), r))
        .filter(d -> !d.isNegative() && !d.isZero());
  }

  /** Waits for the window to reset when the last response said no calls are left. */
  void waitIfExhausted(Sleeper sleeper, Duration cap) throws InterruptedException {
    Limit l = last;
    if (l == null || l.remaining() > 0) {
      return;
    }
    Optional<Duration> d = untilReset();
    if (d.isPresent()) {
      sleeper.sleep(d.get().compareTo(cap) > 0 ? cap : d.get());
    }
    last = null;
  }

  /** {@code Retry-After} as seconds or an HTTP date. */
  static Optional<Duration> retryAfter(HttpHeaders h, Instant now) {
    Optional<String> v = h.firstValue("retry-after");
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String s = v.get().strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(s))));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
