package dev.outpost.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.app.config.AlertsConfig;
import dev.outpost.core.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which rules an alert matches, and their quiet hours. */
class AlertRulesTest {
  private static final Instant AT = Instant.parse("2015-02-22T20:06:00Z");

  private static AlertsConfig.Rule rule(
      List<String> kinds, List<String> topics, String minSeverity, String quiet, String zone) {
    return new AlertsConfig.Rule(
        "r", kinds, topics, minSeverity, List.of("x"), quiet, zone, null, null);
  }

  private static Alert alert(
      Alert.Kind kind, Alert.Phase phase, Alert.Severity s, String subject, Map<String, String> d) {
    return new Alert("t", kind, phase, s, subject, AT, 10, 1, "s", "/e", d);
  }

  @Test
  void rulesMatchByKindTopicAndSeverity() {
    AlertsConfig.Rule r =
        rule(List.of("volume_spike", "incident"), List.of("american"), "warning", null, null);
    Alert spike =
        alert(
            Alert.Kind.VOLUME_SPIKE,
            Alert.Phase.OPENED,
            Alert.Severity.WARNING,
            "american|negative",
            Map.of());
    assertThat(AlertNotifications.matches(r, spike)).isTrue();
    assertThat(
            AlertNotifications.matches(
                r,
                alert(
                    Alert.Kind.VOLUME_SPIKE,
                    Alert.Phase.OPENED,
                    Alert.Severity.INFO,
                    "american",
                    Map.of())))
        .as("below the least severity")
        .isFalse();
    assertThat(
            AlertNotifications.matches(
                r,
                alert(
                    Alert.Kind.VOLUME_SPIKE,
                    Alert.Phase.CLOSED,
                    Alert.Severity.INFO,
                    "american",
                    Map.of())))
        .as("a closing follows its opening whatever its severity")
        .isTrue();
    assertThat(
            AlertNotifications.matches(
                r,
                alert(
                    Alert.Kind.VOLUME_SPIKE,
                    Alert.Phase.OPENED,
                    Alert.Severity.CRITICAL,
                    "united",
                    Map.of())))
        .isFalse();
    assertThat(
            AlertNotifications.matches(
                r,
                alert(
                    Alert.Kind.VIRAL_POST,
                    Alert.Phase.OPENED,
                    Alert.Severity.CRITICAL,
                    "american",
                    Map.of())))
        .isFalse();
    assertThat(
            AlertNotifications.matches(
                r,
                alert(
                    Alert.Kind.INCIDENT,
                    Alert.Phase.OPENED,
                    Alert.Severity.WARNING,
                    "incident-1424635260-0",
                    Map.of("topic", "american"))))
        .as("an incident's topic is in its details")
        .isTrue();
  }

  @Test
  void quietHoursHoldBackAllButCriticalAlertsAcrossMidnightInTheirZone() {
    AlertsConfig.Rule night = rule(List.of(), List.of(), "info", "22:00-07:00", "Europe/Paris");
    Alert warning =
        alert(Alert.Kind.VOLUME_SPIKE, Alert.Phase.OPENED, Alert.Severity.WARNING, "a", Map.of());
    Alert critical =
        alert(Alert.Kind.VOLUME_SPIKE, Alert.Phase.OPENED, Alert.Severity.CRITICAL, "a", Map.of());
    // 21:30 UTC is 22:30 in Paris in winter: quiet
    assertThat(AlertNotifications.quiet(night, warning, Instant.parse("2026-12-04T21:30:00Z")))
        .isTrue();
    assertThat(AlertNotifications.quiet(night, critical, Instant.parse("2026-12-04T21:30:00Z")))
        .isFalse();
    // 05:59 UTC is 06:59 in Paris: still quiet; 06:00 UTC is 07:00: not
    assertThat(AlertNotifications.quiet(night, warning, Instant.parse("2026-12-05T05:59:00Z")))
        .isTrue();
    assertThat(AlertNotifications.quiet(night, warning, Instant.parse("2026-12-05T06:00:00Z")))
        .isFalse();
    assertThat(AlertNotifications.quiet(night, warning, Instant.parse("2026-12-04T12:00:00Z")))
        .isFalse();
    AlertsConfig.Rule lunch = rule(List.of(), List.of(), "info", "12:00-13:00", null);
    assertThat(AlertNotifications.quiet(lunch, warning, Instant.parse("2026-12-04T12:30:00Z")))
        .isTrue();
    assertThat(AlertNotifications.quiet(lunch, warning, Instant.parse("2026-12-04T13:00:00Z")))
        .isFalse();
    AlertsConfig.Rule always = rule(List.of(), List.of(), "info", null, null);
    assertThat(AlertNotifications.quiet(always, warning, Instant.parse("2026-12-04T23:00:00Z")))
        .isFalse();
  }
}
