package dev.outpost.care.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ReplyFitterTest {
  private final ReplyFitter fitter = new ReplyFitter(Map.of("mastodon", 50));

  @Test
  void graphemesCountAsOneCharacterEach() {
    String family = "👨‍👩‍👧‍👦"; // one grapheme, 11 UTF-16 units
    String flag = "🇫🇷";
    String accent = "e\u0301";
    assertThat(ReplyFitter.graphemes(family + flag + accent)).isEqualTo(3);
    assertThat(fitter.length("bluesky", "ok " + family)).isEqualTo(4);
  }

  @Test
  void linksCountAs23OnXAndMastodonAndInFullElsewhere() {
    String link = "https://status.example.com/incidents/2026-12-04/outage-in-the-north-region";
    assertThat(fitter.length("x", "see " + link)).isEqualTo(4 + 23);
    assertThat(fitter.length("mastodon", "see " + link)).isEqualTo(4 + 23);
    assertThat(fitter.length("bluesky", "see " + link)).isEqualTo(4 + link.length());
  }

  @Test
  void limitsAreTheNetworksUnlessOverridden() {
    assertThat(fitter.limit("x")).isEqualTo(280);
    assertThat(fitter.limit("bluesky")).isEqualTo(300);
    assertThat(fitter.limit("mastodon")).isEqualTo(50);
    assertThat(fitter.measure("x", "a".repeat(281)).fits()).isFalse();
  }

  @Test
  void fittingCutsAtAGraphemeBoundaryAndNeverInsideALink() {
    String text = "@ana " + "👍🏽".repeat(60);
    String fit = fitter.fit("mastodon", text);
    assertThat(fitter.length("mastodon", fit)).isEqualTo(50);
    assertThat(fit).endsWith("👍🏽…");
    String withLink = "@ana sorry about that, details here: https://example.com/a/very/long/path";
    String cut = new ReplyFitter(Map.of("mastodon", 45)).fit("mastodon", withLink);
    assertThat(cut).isEqualTo("@ana sorry about that, details here:…");
  }

  @Property(tries = 200)
  void aFittedReplyAlwaysFitsAndIsAPrefix(@ForAll @StringLength(max = 400) String text) {
    String fit = fitter.fit("x", text);
    assertThat(fitter.length("x", fit)).isLessThanOrEqualTo(280);
    String kept =
        fit.endsWith("…") && !text.endsWith("…") ? fit.substring(0, fit.length() - 1) : fit;
    assertThat(text).startsWith(kept);
  }
}
