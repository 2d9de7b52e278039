package dev.outpost.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Author;
import dev.outpost.core.Enrichment;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EnricherTest {
  private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
  private static final Enricher ENRICHER = Enricher.loadDefault(Clock.fixed(NOW, ZoneOffset.UTC));

  private static Post post(String text, String language) {
    Author a = new Author("x", "fan", "Fan", 500, false, Optional.empty());
    return new Post(
        "x",
        "42",
        a,
        text,
        language,
        NOW,
        Optional.empty(),
        Optional.empty(),
        new Metrics(3, 1, 0, 0));
  }

  @Test
  void enrichesEveryField() {
    Enrichment e =
        ENRICHER.enrich(post("@united my flight was cancelled again, worst airline ever", "und"));
    assertThat(e.language()).isEqualTo("en");
    assertThat(e.sentiment()).isEqualTo(Enrichment.Sentiment.NEGATIVE);
    assertThat(e.intents()).contains(Enrichment.Intent.COMPLAINT);
    assertThat(e.reach()).isPositive();
    assertThat(e.influencer()).isFalse();
    assertThat(e.truncated()).isFalse();
  }

  @Test
  void keepsANetworkProvidedLanguageAndFlagsLongTexts() {
    Enrichment e = ENRICHER.enrich(post("ok ".repeat(5_000), "fr"));
    assertThat(e.language()).isEqualTo("fr");
    assertThat(e.truncated()).isTrue();
  }

  @Test
  void batchesKeepOrderAndAreSafeAcrossThreads() {
    List<Post> posts = List.of(post("I love it", "und"), post("I hate it", "und"), post("", "und"));
    List<Enrichment> batch = ENRICHER.enrichAll(posts);
    assertThat(batch).hasSize(3);
    assertThat(batch.get(0).sentiment()).isEqualTo(Enrichment.Sentiment.POSITIVE);
    assertThat(batch.get(1).sentiment()).isEqualTo(Enrichment.Sentiment.NEGATIVE);
    List<Enrichment> parallel =
        IntStream.range(0, 2_000)
            .parallel()
            .mapToObj(k -> ENRICHER.enrich(posts.get(k % 3)))
            .toList();
    for (int k = 0; k < parallel.size(); k++) {
      assertThat(parallel.get(k)).isEqualTo(batch.get(k % 3));
    }
  }
}
