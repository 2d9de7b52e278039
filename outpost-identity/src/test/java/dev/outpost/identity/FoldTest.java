package dev.outpost.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldTest {
  @Test
  void confusablesShareOneFold() {
    assertThat(Fold.of("Acrne")).isEqualTo(Fold.of("Acme"));
    assertThat(Fold.of("paypa1")).isEqualTo(Fold.of("PayPal"));
    assertThat(Fold.of("AppIe")).isEqualTo(Fold.of("Apple")); // capital I for l
    assertThat(Fold.of("g00gle")).isEqualTo(Fold.of("google"));
    assertThat(Fold.of("tvvitter")).isEqualTo(Fold.of("twitter"));
    assertThat(Fold.of("\u0430\u0440\u0440l\u0435")).isEqualTo(Fold.of("apple")); // Cyrillic
    assertThat(Fold.of("\uD835\uDC1A\uD835\uDC29\uD835\uDC29\uD835\uDC25\uD835\uDC1E"))
        .isEqualTo(Fold.of("apple")); // mathematical bold
    assertThat(Fold.of("Äpple")).isEqualTo(Fold.of("apple"));
  }

  @Test
  void separatorsAndAtSignsDisappear() {
    assertThat(Fold.of("@Acme_Support")).isEqualTo(Fold.of("acme.support"));
    assertThat(Fold.plain("@Acme_Support")).isEqualTo("acmesupport");
  }

  @Test
  void distinctNamesStayDistinct() {
    assertThat(Fold.of("delta")).isNotEqualTo(Fold.of("delia"));
    assertThat(Fold.of("united")).isNotEqualTo(Fold.of("untied"));
  }

  @Test
  void brokenInputGivesAString() {
    assertThat(Fold.of("")).isEmpty();
    assertThat(Fold.of("\uD800")).isNotNull();
    assertThat(Fold.of("\uD83D\uDE00\uD83D\uDE00")).isEmpty(); // emoji only
    assertThat(Fold.of("x".repeat(100_000))).hasSizeLessThanOrEqualTo(200);
  }

  @Test
  void affixesComeOffBothEnds() {
    assertThat(Affixes.strip(Fold.of("AskAcmeHelpDesk"))).isEqualTo(Fold.of("acme"));
    assertThat(Affixes.strip(Fold.of("TeamYouTube"))).isEqualTo(Fold.of("youtube"));
    assertThat(Affixes.strip(Fold.of("HPSupport"))).isEqualTo("hp");
    assertThat(Affixes.strip(Fold.of("USAirways"))).isEqualTo(Fold.of("usairways"));
  }
}
