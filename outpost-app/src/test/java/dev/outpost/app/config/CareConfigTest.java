package dev.outpost.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.care.inbox.InboxSettings;
import dev.outpost.care.inbox.Priority.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CareConfigTest {
  // every ${VARIABLE} of the example gets a plausible value: a URL or a long enough secret
  private final ConfigLoader loader =
      new ConfigLoader(
          name ->
              name.endsWith("_URL")
                  ? "https://hooks.example.com/x"
                  : "0123456789abcdef0123456789abcdef");

  @Test
  void theExampleFilesCareSectionGivesItsSettings() throws Exception {
    OutpostConfig c =
        loader.parse(
            "outpost.example.yaml", Files.readString(Path.of("..", "outpost.example.yaml")));
    InboxSettings s = c.care().settings();
    assertThat(s.firstResponse().get(Tier.HIGH)).isEqualTo(Duration.ofHours(4));
    assertThat(s.hours().zone().getId()).isEqualTo("Europe/Paris");
    // Friday 17:30 Paris plus one business hour: Monday 09:30
    assertThat(s.hours().plus(Instant.parse("2026-12-04T16:30:00Z"), Duration.ofHours(1)))
        .isEqualTo(Instant.parse("2026-12-07T08:30:00Z"));
    assertThat(s.replyChannels()).containsEntry("mastodon", "fedi-acme");
    assertThat(s.agents()).containsEntry("outages", List.of("ana", "sam"));
    assertThat(s.fitter().limit("mastodon")).isEqualTo(500);
    assertThat(c.care().slaCheck()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.approvalAgents()).containsExactly("trainee");
    assertThat(s.approveInfluencers()).isTrue();
  }

  @Test
  void mistakesNameTheSetting() {
    assertThatThrownBy(() -> loader.parse("o.yaml", "care:\n  firstResponse: {high: 4 hours}\n"))
        .hasMessageContaining("care.firstResponse.high: '4 hours' is not a positive duration");
    assertThatThrownBy(() -> loader.parse("o.yaml", "care:\n  firstResponse: {soon: 1h}\n"))
        .hasMessageContaining("unknown tier 'soon'");
    assertThatThrownBy(() -> loader.parse("o.yaml", "care:\n  hours: {timezone: Mars/Olympus}\n"))
        .hasMessageContaining("care.hours.timezone");
    assertThatThrownBy(
            () -> loader.parse("o.yaml", "care:\n  hours: {open: '18:00', close: '09:00'}\n"))
        .hasMessageContaining(
            "care.hours: business hours close (09:00) must be after open (18:00)");
    assertThatThrownBy(
            () -> loader.parse("o.yaml", "care:\n  queues: [{name: x, intents: [rage]}]\n"))
        .hasMessageContaining("care.queues[0].intents: unknown intent 'rage'");
    assertThat(
            loader.parse("o.yaml", "care: {}\n").care().settings().firstResponse().get(Tier.URGENT))
        .isEqualTo(Duration.ofHours(1));
  }
}
