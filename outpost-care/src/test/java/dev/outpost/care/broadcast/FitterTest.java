package dev.outpost.care.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FitterTest {
  private static final ChannelProfile MASTODON = ChannelProfile.of("m", "mastodon");
  private static final ChannelProfile BLUESKY = ChannelProfile.of("b", "bluesky");
  private static final ChannelProfile REDDIT_SHORT =
      new ChannelProfile("r", "reddit", 120, false, true, true);
  private static final String LINK = "https://status.example.com/status#incident-7";

  @Test
  void graphemesCountWhatAPersonSeesAsOneCharacter() {
    assertThat(Fitter.graphemes("abc")).isEqualTo(3);
    assertThat(Fitter.graphemes("👍🏽")).isEqualTo(1); // thumbs up with a skin tone
    assertThat(Fitter.graphemes("👨‍👩‍👧‍👦"))
        .isEqualTo(1); // a family joined by zero-width joiners
    assertThat(Fitter.graphemes("e\u0301")).isEqualTo(1); // e and a combining acute accent
    assertThat(Fitter.graphemes("🇫🇷")).isEqualTo(1); // a flag: two regional indicators
  }

  @Test
  void aShortMessageIsOnePostUnchanged() {
    assertThat(Fitter.fit("  All systems go.  ", MASTODON, LINK))
        .containsExactly("All systems go.");
  }

  @Test
  void aLongMessageBecomesANumberedThreadCutBetweenWords() {
    String text = "word ".repeat(250).strip(); // 1,249 characters
    List<String> parts = Fitter.fit(text, MASTODON, LINK);
    assertThat(parts).hasSize(3);
    for (int i = 0; i < parts.size(); i++) {
      assertThat(Fitter.graphemes(parts.get(i))).isLessThanOrEqualTo(500);
      assertThat(parts.get(i)).endsWith(" (" + (i + 1) + "/3)");
      assertThat(parts.get(i)).doesNotContain("wor (").doesNotContain("wo (");
    }
    String joined =
        String.join(" ", parts.stream().map(p -> p.replaceAll(" \\(\\d+/\\d+\\)$", "")).toList());
    assertThat(joined).isEqualTo(text);
  }

  @Test
  void emojiAreNeverSplitAcrossPosts() {
    String text = "👍🏽".repeat(700); // 700 graphemes, 2,800 UTF-16 chars, no spaces
    List<String> parts = Fitter.fit(text, BLUESKY, LINK);
    int total = 0;
    for (String p : parts) {
      assertThat(Fitter.graphemes(p)).isLessThanOrEqualTo(300);
      String body = p.replaceAll(" \\(\\d+/\\d+\\)$", "");
      assertThat(body.replace("👍🏽", "")).isEmpty();
      total += Fitter.graphemes(body);
    }
    assertThat(total).isEqualTo(700);
  }

  @Test
  void withoutThreadsALongMessageIsCutWithALinkToTheFullText() {
    String text = "Payments fail for some customers since 09:40 UTC and we are working on it now.";
    List<String> parts = Fitter.fit(text + " " + text, REDDIT_SHORT, LINK);
    assertThat(parts).hasSize(1);
    assertThat(Fitter.graphemes(parts.getFirst())).isLessThanOrEqualTo(120);
    assertThat(parts.getFirst()).endsWith("… " + LINK).startsWith("Payments fail");
  }

  @Test
  void aThreadLongerThanTheMostPartsEndsWithTheLink() {
    List<String> parts = Fitter.fit("word ".repeat(5_000), BLUESKY, LINK);
    assertThat(parts).hasSize(Fitter.MAX_PARTS);
    assertThat(parts.getLast()).contains("… " + LINK).endsWith("(20/20)");
  }

  @Property(tries = 200)
  void everyPostFitsItsChannel(
      @ForAll @StringLength(max = 3_000) String text,
      @ForAll @IntRange(min = 40, max = 600) int max,
      @ForAll boolean threads) {
    if (text.isBlank()) {
      return;
    }
    ChannelProfile c = new ChannelProfile("c", "mastodon", max, threads, true, true);
    List<String> parts = Fitter.fit(text, c, "https://s.example/x");
    assertThat(parts).isNotEmpty().hasSizeLessThanOrEqualTo(Fitter.MAX_PARTS);
    assertThat(parts).allSatisfy(p -> assertThat(Fitter.graphemes(p)).isLessThanOrEqualTo(max));
  }
}
