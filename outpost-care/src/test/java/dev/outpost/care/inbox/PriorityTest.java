package dev.outpost.care.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Author;
import dev.outpost.core.Enrichment;
import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriorityTest {
  static Enrichment enrichment(
      Sentiment s, double confidence, Set<Intent> intents, double influence, double virality) {
    double rest = (1 - confidence) / 2;
    Map<Sentiment, Double> scores =
        Map.of(
            Sentiment.NEGATIVE, s == Sentiment.NEGATIVE ? confidence : rest,
            Sentiment.NEUTRAL, s == Sentiment.NEUTRAL ? confidence : rest,
            Sentiment.POSITIVE, s == Sentiment.POSITIVE ? confidence : rest);
    return new Enrichment(
        "en", s, confidence, scores, intents, influence, influence >= 70, 100, virality, false);
  }

  @Test
  void anInfluencersSpreadingNegativeOutageComesFirstAndSaysWhy() {
    Author star = new Author("x", "star", "Star", 250_000, true, Optional.empty());
    Priority p =
        Priority.of(
            star, Optional.of(enrichment(Sentiment.NEGATIVE, 0.9, Set.of(Intent.OUTAGE), 80, 120)));
    // 35 outage + 18 negative + 16 influence + 5*log10(121)=10.4 -> 79
    assertThat(p.score()).isEqualTo(79);
    assertThat(p.reasons()).containsExactly("influencer", "negative", "outage", "spreading");
    assertThat(p.tier()).isEqualTo(Priority.Tier.URGENT);

    Author nobody = Author.of("x", "nobody");
    Priority q =
        Priority.of(
            nobody, Optional.of(enrichment(Sentiment.NEUTRAL, 0.8, Set.of(Intent.QUESTION), 5, 0)));
    assertThat(q.score()).isEqualTo(16);
    assertThat(q.reasons()).containsExactly("question");
    assertThat(q.tier()).isEqualTo(Priority.Tier.NORMAL);
    assertThat(p.score()).isGreaterThan(q.score());
  }

  @Test
  void waitingRaisesPriorityByTwoAnHourUpToTen() {
    Priority p = new Priority(40, java.util.List.of("complaint"));
    assertThat(p.waited(Duration.ofMinutes(59))).isEqualTo(p);
    assertThat(p.waited(Duration.ofHours(3)).score()).isEqualTo(46);
    assertThat(p.waited(Duration.ofHours(3)).reasons()).containsExactly("complaint", "waiting 3h");
    assertThat(p.waited(Duration.ofDays(2)).score()).isEqualTo(50);
    assertThat(new Priority(98, java.util.List.of()).waited(Duration.ofHours(9)).score())
        .isEqualTo(100);
  }
}
