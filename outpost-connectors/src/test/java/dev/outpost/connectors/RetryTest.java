package dev.outpost.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private static HttpHeaders headers(Map<String, String> h) {
    return HttpHeaders.of(
        h.entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
        (a, b) -> true);
  }

  @Property
  void backoffStaysBetweenHalfAndAllOfTheCappedExponential(
      @ForAll @IntRange(min = 1, max = 40) int attempt,
      @ForAll @LongRange(min = 1, max = 10_000) long seed) {
    RetryPolicy p =
        new RetryPolicy(6, Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofMinutes(1));
    long ceiling = Math.min(2000, 10L << Math.min(30, attempt - 1));
    Duration d = p.backoff(attempt, RandomGenerator.of("L64X128MixRandom"));
    assertThat(d.toMillis()).isBetween(ceiling / 2, ceiling);
  }

  @Property
  void retryAfterInSecondsOrAsADateIsHonoured(
      @ForAll @IntRange(min = 0, max = 86_400) int seconds) {
    assertThat(
            RateLimits.retryAfter(headers(Map.of("retry-after", Integer.toString(seconds))), NOW))
        .contains(Duration.ofSeconds(seconds));
    String date =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            NOW.plusSeconds(seconds).atOffset(ZoneOffset.UTC));
    assertThat(RateLimits.retryAfter(headers(Map.of("retry-after", date)), NOW))
        .contains(Duration.ofSeconds(seconds));
  }

  @Property
  void rateLimitResetIsReadInItsThreeShapes(@ForAll @IntRange(min = 1, max = 900) int in) {
    RateLimits l = new RateLimits(Clock.fixed(NOW, ZoneOffset.UTC));
    Instant at = NOW.plusSeconds(in);
    for (String reset : List.of(at.toString(), Long.toString(at.getEpochSecond()), in + ".0")) {
      var limit =
          l.observe(headers(Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", reset)));
      assertThat(limit).hasValueSatisfying(x -> assertThat(x.reset()).contains(at));
      assertThat(l.untilReset()).contains(Duration.ofSeconds(in));
    }
    var x =
        l.observe(
            headers(
                Map.of(
                    "x-rate-limit-remaining",
                    "449",
                    "x-rate-limit-reset",
                    Long.toString(at.getEpochSecond()))));
    assertThat(x).hasValueSatisfying(v -> assertThat(v.remaining()).isEqualTo(449));
  }
}
