package dev.outpost.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsConfigTest {
  private final ConfigLoader loader =
      new ConfigLoader(Map.of("HOOK_SECRET", "0123456789abcdef0123", "SMTP_PW", "pw")::get);

  private static final String VALID =
      """
      alerts:
        updateThrottle: 30m
        channels:
          - {name: ops-hook, type: webhook, url: "https://hooks.example.com/outpost", secret: "${HOOK_SECRET}"}
          - {name: ops-slack, type: slack, url: "https://hooks.slack.com/services/T/B/X"}
          - name: oncall
            type: email
            smtp: {host: smtp.example.com, port: 2525, username: outpost, password: "${SMTP_PW}"}
            from: outpost@example.com
            to: [oncall@example.com]
        rules:
          - name: crisis
            kinds: [volume_spike, INCIDENT]
            topics: [american]
            minSeverity: critical
            channels: [ops-slack, oncall]
            quietHours: "22:00-07:00"
            zone: Europe/Paris
            escalateAfter: 15m
            escalateTo: [oncall]
          - {channels: [ops-hook]}
      """;

  @Test
  void readsChannelsRulesAndDefaults() {
    AlertsConfig a = loader.parse("outpost.yaml", VALID).alerts();
    assertThat(a.updateThrottleDuration()).isEqualTo(Duration.ofMinutes(30));
    assertThat(a.escalationCheckDuration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(a.channels())
        .extracting(AlertsConfig.Channel::name)
        .containsExactly("ops-hook", "ops-slack", "oncall");
    AlertsConfig.Smtp smtp = a.channels().get(2).smtp();
    assertThat(smtp.port()).isEqualTo(2525);
    assertThat(smtp.startTls()).isTrue();
    assertThat(smtp.toString()).doesNotContain("pw");
    assertThat(a.channels().get(0).toString()).doesNotContain("0123456789abcdef");
    AlertsConfig.Rule crisis = a.rules().get(0);
    assertThat(crisis.kinds()).containsExactly("volume_spike", "incident");
    assertThat(crisis.minSeverityLevel()).isEqualTo(2);
    assertThat(crisis.quietWindow().orElseThrow())
        .containsExactly(LocalTime.of(22, 0), LocalTime.of(7, 0));
    assertThat(crisis.escalateAfterDuration()).contains(Duration.ofMinutes(15));
    assertThat(crisis.coversSubject("american|negative")).isTrue();
    assertThat(crisis.coversSubject("americana")).isFalse();
    assertThat(crisis.coversKind("viral_post")).isFalse();
    AlertsConfig.Rule catchAll = a.rules().get(1);
    assertThat(catchAll.minSeverity()).isEqualTo("warning");
    assertThat(catchAll.coversKind("viral_post")).isTrue();
    assertThat(catchAll.coversSubject("anything")).isTrue();
    assertThat(catchAll.escalateAfterDuration()).isEmpty();
  }

  @Test
  void theExampleFileIsValid() {
    Map<String, String> env =
        Map.of(
            "NAME", "the comment on line 2 is expanded too",
            "OUTPOST_DB_PASSWORD", "pw",
            "MASTODON_TOKEN", "t",
            "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/X",
            "OUTPOST_WEBHOOK_SECRET", "0123456789abcdef0123",
            "SMTP_PASSWORD", "pw");
    AlertsConfig a =
        new ConfigLoader(env::get).load(Path.of("..", "outpost.example.yaml")).alerts();
    assertThat(a.rules()).extracting(AlertsConfig.Rule::name).containsExactly("crisis", "viral");
    assertThat(a.channels()).hasSize(3);
  }

  @Test
  void leftOutMeansInAppOnly() {
    AlertsConfig a = loader.parse("outpost.yaml", "server: {port: 0}\n").alerts();
    assertThat(a.channels()).isEmpty();
    assertThat(a.rules()).isEmpty();
    assertThat(a.updateThrottleDuration()).isEqualTo(Duration.ofMinutes(15));
  }

  private void rejects(String alerts, String message) {
    assertThatThrownBy(() -> loader.parse("outpost.yaml", "alerts:\n" + alerts))
        .isInstanceOf(ConfigLoader.ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void mistakesNameTheSetting() {
    rejects("  updateThrottle: soon\n", "alerts.updateThrottle must be a positive duration");
    rejects("  updateThrottle: 0m\n", "alerts.updateThrottle");
    rejects(
        "  channels: [{name: x, type: pager, url: \"https://p\"}]\n",
        "alerts.channels 'x'.type must be webhook, slack or email, was 'pager'");
    rejects(
        "  channels: [{name: x, type: webhook, url: \"https://h\", secret: short}]\n",
        "alerts.channels 'x'.secret");
    rejects(
        "  channels: [{name: x, type: slack, url: \"ftp://h\"}]\n",
        "alerts.channels 'x'.url must be an http(s) URL");
    rejects(
        "  channels: [{name: \"bad name\", type: slack, url: \"https://h\"}]\n", "name must be");
    rejects(
        "  channels: [{name: m, type: email, smtp: {host: h}, from: a@b.c}]\n",
        "alerts.channels 'm'.to");
    rejects(
        "  channels: [{name: x, type: slack, url: \"https://h\"},"
            + " {name: x, type: slack, url: \"https://h\"}]\n",
        "'x' is used twice");
    rejects(
        "  rules: [{name: r, channels: [nope]}]\n",
        "alerts.rules[1].channels: no channel named 'nope'");
    rejects("  rules: [{name: r}]\n", "alerts.rules 'r'.channels: at least one channel");
    rejects(
        "  channels: [{name: x, type: slack, url: \"https://h\"}]\n"
            + "  rules: [{name: r, kinds: [spikes], channels: [x]}]\n",
        "alerts.rules 'r'.kinds: 'spikes' is not a detector");
    rejects(
        "  channels: [{name: x, type: slack, url: \"https://h\"}]\n"
            + "  rules: [{name: r, minSeverity: loud, channels: [x]}]\n",
        "minSeverity must be info, warning or critical");
    rejects(
        "  channels: [{name: x, type: slack, url: \"https://h\"}]\n"
            + "  rules: [{name: r, quietHours: night, channels: [x]}]\n",
        "quietHours must look like 22:00-07:00");
    rejects(
        "  channels: [{name: x, type: slack, url: \"https://h\"}]\n"
            + "  rules: [{name: r, zone: Mars/Base, channels: [x]}]\n",
        "unknown time zone");
    rejects(
        "  channels: [{name: x, type: slack, url: \"https://h\"}]\n"
            + "  rules: [{name: r, escalateAfter: 15m, channels: [x]}]\n",
        "escalateTo: name the channels");
    rejects(
        "  channels: [{name: x, type: slack, url: \"https://h\"}]\n"
            + "  rules: [{name: r, escalateTo: [x], channels: [x]}]\n",
        "escalateAfter: say after how long");
    rejects("  bogus: 1\n", "unknown setting 'alerts.bogus'");
  }
}
