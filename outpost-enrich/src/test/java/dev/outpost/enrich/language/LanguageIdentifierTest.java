package dev.outpost.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private static final LanguageIdentifier ID = LanguageIdentifier.withDefaults();

  @Test
  void identifiesCommonLanguages() {
    assertThat(
            ID.identify("@united my flight was cancelled again and nobody at the gate could help"))
        .isEqualTo("en");
    assertThat(ID.identify("Mi vuelo fue cancelado otra vez y nadie en la puerta pudo ayudarme"))
        .isEqualTo("es");
    assertThat(ID.identify("Mon vol a encore été annulé et personne à la porte ne pouvait m'aider"))
        .isEqualTo("fr");
    assertThat(
            ID.identify(
                "Mein Flug wurde schon wieder gestrichen und niemand am Gate konnte helfen"))
        .isEqualTo("de");
  }

  @Test
  void shortOrContentFreeTextsAreUndetermined() {
    for (String text :
        new String[] {
          "", "ok", "😀😀😀", "https://t.co/abc @delta", "#fail", "123 456", "a".repeat(5_000)
        }) {
      assertThat(ID.identify(text)).as(text).isEqualTo("und");
    }
  }

  @Test
  void restrictsToTheConfiguredLanguages() {
    LanguageIdentifier two = new LanguageIdentifier(List.of("en", "de"), 10, 0.5, false);
    assertThat(two.languages()).containsExactly("en", "de");
    assertThat(two.identify("Mi vuelo fue cancelado otra vez y nadie pudo ayudarme"))
        .isIn("en", "de", "und");
    assertThatThrownBy(() -> new LanguageIdentifier(List.of("en", "xx"), 10, 0.5, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("xx");
  }
}
