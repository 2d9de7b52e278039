package dev.outpost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnrichmentTest {
  private static final Map<Sentiment, Double> SCORES =
      Map.of(Sentiment.NEGATIVE, 0.7, Sentiment.NEUTRAL, 0.2, Sentiment.POSITIVE, 0.1);

  private static Enrichment of(
      Sentiment s, double confidence, Map<Sentiment, Double> scores, Set<Intent> intents) {
    return new Enrichment("en", s, confidence, scores, intents, 12.5, false, 100, 0.5, false);
  }

  @Test
  void keepsValidValuesAndDefaultsTheLanguage() {
    Enrichment e =
        new Enrichment(
            " ",
            Sentiment.NEGATIVE,
            0.7,
            SCORES,
            EnumSet.of(Intent.COMPLAINT),
            0,
            false,
            0,
            0,
            true);
    assertThat(e.language()).isEqualTo("und");
    assertThat(e.scores()).containsEntry(Sentiment.NEGATIVE, 0.7);
    assertThat(e.intents()).containsExactly(Intent.COMPLAINT);
  }

  @Test
  void rejectsInconsistentValues() {
    Set<Intent> complaint = Set.of(Intent.COMPLAINT);
    assertThatThrownBy(() -> of(Sentiment.POSITIVE, 0.7, SCORES, complaint))
        .hasMessageContaining("confidence");
    assertThatThrownBy(
            () -> of(Sentiment.NEGATIVE, 0.7, Map.of(Sentiment.NEGATIVE, 0.7), complaint))
        .hasMessageContaining("every sentiment class");
    assertThatThrownBy(
            () ->
                of(
                    Sentiment.NEGATIVE,
                    0.7,
                    Map.of(
                        Sentiment.NEGATIVE, 0.7, Sentiment.NEUTRAL, 0.7, Sentiment.POSITIVE, 0.1),
                    complaint))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(() -> of(Sentiment.NEGATIVE, 0.7, SCORES, Set.of()))
        .hasMessageContaining("OTHER");
    assertThatThrownBy(
            () -> of(Sentiment.NEGATIVE, 0.7, SCORES, EnumSet.of(Intent.OTHER, Intent.SPAM)))
        .hasMessageContaining("excludes");
    assertThatThrownBy(
            () ->
                new Enrichment(
                    "en", Sentiment.NEGATIVE, 0.7, SCORES, complaint, 101, false, 0, 0, false))
        .hasMessageContaining("influence");
    assertThatThrownBy(
            () ->
                new Enrichment(
                    "en", Sentiment.NEGATIVE, 0.7, SCORES, complaint, 1, false, -1, 0, false))
        .hasMessageContaining("reach");
    assertThatThrownBy(
            () ->
                new Enrichment(
                    "en",
                    Sentiment.NEGATIVE,
                    0.7,
                    SCORES,
                    complaint,
                    1,
                    false,
                    0,
                    Double.NaN,
                    false))
        .hasMessageContaining("virality");
  }
}
