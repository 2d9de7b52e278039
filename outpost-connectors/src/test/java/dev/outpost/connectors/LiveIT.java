package dev.outpost.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Post;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Reads a little from the real networks. Runs only when the variables are set, for example {@code
 * OUTPOST_LIVE_MASTODON_URL=https://mastodon.social}; skipped otherwise (and in CI).
 */
class LiveIT {
  private static ConnectorContext live() {
    ConnectorContext d = ConnectorContext.defaults(Clock.systemUTC());
    return new ConnectorContext(
        d.clock(), d.retry(), Duration.ofSeconds(20), d.sleeper(), true, d.http());
  }

  private static List<Post> read(Connection c) throws Exception {
    List<Post> got = new ArrayList<>();
    c.listener().orElseThrow().stream(Optional.empty(), (p, cur) -> got.add(p));
    return got;
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "OUTPOST_LIVE_MASTODON_URL", matches = "https://.+")
  void mastodonPublicTimeline() throws Exception {
    Connection c =
        Connectors.load()
            .open(
                "mastodon",
                "live",
                Map.of(
                    "baseUrl",
                    System.getenv("OUTPOST_LIVE_MASTODON_URL"),
                    "timeline",
                    "public",
                    "limit",
                    5),
                live());
    assertThat(read(c)).isNotEmpty();
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "OUTPOST_LIVE_HN_QUERY", matches = ".+")
  void hackerNewsSearch() throws Exception {
    Connection c =
        Connectors.load()
            .open(
                "hackernews",
                "live",
                Map.of("query", System.getenv("OUTPOST_LIVE_HN_QUERY"), "hitsPerPage", 5),
                live());
    assertThat(read(c)).isNotEmpty();
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "OUTPOST_LIVE_FEED_URL", matches = "https?://.+")
  void anyFeed() throws Exception {
    Connection c =
        Connectors.load()
            .open("rss", "live", Map.of("url", System.getenv("OUTPOST_LIVE_FEED_URL")), live());
    assertThat(read(c)).isNotEmpty();
  }
}
