package dev.outpost.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;

/** Rate-limit headers out of range never throw and never make a source wait for years. */
class RateLimitsHostileTest {
  private static HttpHeaders headers(String remaining, String reset) {
    return HttpHeaders.of(
        Map.of("x-ratelimit-remaining", List.of(remaining), "x-ratelimit-reset", List.of(reset)),
        (a, b) -> true);
  }

  @Example
  void hostileResetsAreIgnored() {
    RateLimits limits = new RateLimits(TestSupport.CLOCK);
    for (String reset :
        List.of(
            "1e300",
            "-1e300",
            "9223372036854775807",
            "NaN",
            "Infinity",
            "+1000000000-01-01T00:00:00Z",
            "99999999999",
            "",
            "\u202E60")) {
      assertThat(limits.observe(headers("0", reset))).isPresent();
      assertThat(limits.reset()).as(reset).isEmpty();
    }
    limits.observe(headers("0", "30"));
    assertThat(limits.untilReset()).contains(Duration.ofSeconds(30));
  }

  @Example
  void hostileRemainingCountsAreIgnored() {
    RateLimits limits = new RateLimits(TestSupport.CLOCK);
    for (String remaining : List.of("abc", "", "\u0000")) {
      assertThat(limits.observe(headers(remaining, "30"))).as(remaining).isEmpty();
    }
  }
}
