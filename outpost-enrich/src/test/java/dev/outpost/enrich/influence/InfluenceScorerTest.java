package dev.outpost.enrich.influence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InfluenceScorerTest {
  private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
  private final InfluenceScorer scorer = new InfluenceScorer(Clock.fixed(NOW, ZoneOffset.UTC));

  private static Post post(
      String network, long followers, boolean verified, Metrics m, Instant at) {
    Author a =
        new Author(
            network,
            "someone",
            "Someone",
            followers,
            verified,
            Optional.of(Instant.parse("2016-01-01T00:00:00Z")));
    return new Post(network, "1", a, "hello", "en", at, Optional.empty(), Optional.empty(), m);
  }

  @Test
  void bigVerifiedAccountsAreInfluencersAndNobodiesAreNot() {
    Influence big = scorer.score(post("x", 2_000_000, true, new Metrics(5000, 800, 300, 0), NOW));
    Influence small = scorer.score(post("x", 40, false, Metrics.NONE, NOW));
    assertThat(big.influencer()).isTrue();
    assertThat(small.influencer()).isFalse();
    assertThat(big.score()).isGreaterThan(small.score());
    assertThat(small.score()).isBetween(0.0, 100.0);
  }

  @Test
  void followersCountMoreOnSmallerNetworks() {
    Metrics m = Metrics.NONE;
    double mastodon = scorer.score(post("mastodon", 20_000, false, m, NOW)).score();
    double x = scorer.score(post("x", 20_000, false, m, NOW)).score();
    assertThat(mastodon).isGreaterThan(x);
    assertThat(scorer.score(post("mastodon", 20_000, false, m, NOW)).influencer()).isTrue();
  }

  @Test
  void reachUsesViewsWhenKnownAndViralityIsEngagementPerHour() {
    Influence viewed = scorer.score(post("x", 1000, false, new Metrics(0, 0, 0, 123_456), NOW));
    assertThat(viewed.reach()).isEqualTo(123_456);
    Influence estimated = scorer.score(post("x", 1000, false, new Metrics(0, 10, 0, 0), NOW));
    assertThat(estimated.reach()).isEqualTo(1000 * 5 / 100 + 10 * 300);
    Influence twoHours =
        scorer.score(post("x", 1000, false, new Metrics(100, 50, 0, 0), NOW.minusSeconds(7200)));
    assertThat(twoHours.virality()).isEqualTo(100.0);
  }
}
