package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import dev.outpost.core.alerts.AlertStore;
import dev.outpost.core.alerts.AlertThread;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresAlertsIT {
  private static final Instant T0 = Instant.parse("2015-02-22T20:06:00Z");
  private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
  @TempDir static Path dataDir;
  private static Database db;

  @BeforeAll
  static void start() {
    db = Database.embedded(dataDir);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  private static Alert alert(
      String thread, Alert.Phase phase, Alert.Severity severity, Instant at, double observed) {
    return new Alert(
        thread,
        Alert.Kind.VOLUME_SPIKE,
        phase,
        severity,
        "american",
        at,
        observed,
        4.5,
        "american: " + (int) observed + " posts in 10 min <script>",
        "/?topic=american",
        Map.of("p", "1e-9"));
  }

  @Test
  void aThreadCountsEachMessageOnceAndKeepsTheHighestSeverity() {
    PostgresAlerts alerts = new PostgresAlerts(db.dataSource());
    String t = "volume_spike:american:" + T0.getEpochSecond();
    AlertStore.Recorded opened =
        alerts.record(alert(t, Alert.Phase.OPENED, Alert.Severity.CRITICAL, T0, 40), NOW);
    assertThat(opened.added()).isTrue();
    assertThat(opened.thread().status()).isEqualTo(AlertThread.Status.NEW);
    assertThat(opened.thread().active()).isTrue();
    // the same message again (a replay after a restart) changes nothing
    assertThat(
            alerts
                .record(alert(t, Alert.Phase.OPENED, Alert.Severity.CRITICAL, T0, 40), NOW)
                .added())
        .isFalse();
    alerts.record(
        alert(t, Alert.Phase.UPDATED, Alert.Severity.WARNING, T0.plusSeconds(600), 80), NOW);
    AlertThread th = alerts.thread(t, NOW).orElseThrow();
    assertThat(th.messages()).isEqualTo(2);
    assertThat(th.latest().observed()).isEqualTo(80);
    assertThat(th.latest().severity()).isEqualTo(Alert.Severity.CRITICAL);
    assertThat(th.openedAt()).isEqualTo(T0);
    assertThat(alerts.messages(t))
        .extracting(Alert::phase)
        .containsExactly(Alert.Phase.OPENED, Alert.Phase.UPDATED);
    assertThat(alerts.messages(t).getFirst())
        .isEqualTo(alert(t, Alert.Phase.OPENED, Alert.Severity.CRITICAL, T0, 40));

    alerts.record(alert(t, Alert.Phase.CLOSED, Alert.Severity.INFO, T0.plusSeconds(3600), 2), NOW);
    th = alerts.thread(t, NOW).orElseThrow();
    assertThat(th.latest().phase()).isEqualTo(Alert.Phase.CLOSED);
    assertThat(th.active()).isFalse();
    assertThat(alerts.threads(true, 100, NOW)).extracting(AlertThread::id).doesNotContain(t);
    assertThat(alerts.threads(false, 100, NOW)).extracting(AlertThread::id).contains(t);
  }

  @Test
  void peopleAcknowledgeSnoozeAndResolve() {
    PostgresAlerts alerts = new PostgresAlerts(db.dataSource());
    String t = "volume_spike:united:1";
    alerts.record(alert(t, Alert.Phase.OPENED, Alert.Severity.WARNING, T0, 20), NOW);
    long before = alerts.activeCount(NOW);

    AlertThread snoozed = alerts.snooze(t, "ana", Duration.ofMinutes(30), NOW).orElseThrow();
    assertThat(snoozed.status()).isEqualTo(AlertThread.Status.SNOOZED);
    assertThat(snoozed.snoozedUntil()).contains(NOW.plusSeconds(1800));
    assertThat(alerts.activeCount(NOW)).isEqualTo(before - 1);
    // the snooze ends: new again
    assertThat(alerts.thread(t, NOW.plusSeconds(1800)).orElseThrow().status())
        .isEqualTo(AlertThread.Status.NEW);
    assertThat(alerts.activeCount(NOW.plusSeconds(1800))).isEqualTo(before);

    // a rise in severity wakes a snoozed thread at once
    alerts.snooze(t, "ana", Duration.ofHours(2), NOW);
    alerts.record(
        alert(t, Alert.Phase.UPDATED, Alert.Severity.CRITICAL, T0.plusSeconds(60), 50), NOW);
    assertThat(alerts.thread(t, NOW).orElseThrow().status()).isEqualTo(AlertThread.Status.NEW);

    AlertThread acked = alerts.acknowledge(t, "bo", NOW.plusSeconds(5)).orElseThrow();
    assertThat(acked.status()).isEqualTo(AlertThread.Status.ACKNOWLEDGED);
    // the first acknowledgement (the snooze by ana) is the one kept
    assertThat(acked.acknowledgedBy()).contains(new AlertThread.Actor("ana", NOW));
    AlertThread resolved = alerts.resolve(t, "bo", NOW.plusSeconds(9)).orElseThrow();
    assertThat(resolved.status()).isEqualTo(AlertThread.Status.RESOLVED);
    assertThat(resolved.resolvedBy()).contains(new AlertThread.Actor("bo", NOW.plusSeconds(9)));
    assertThat(resolved.active()).isFalse();
    assertThat(alerts.acknowledge("no-such-thread", "bo", NOW)).isEmpty();
    assertThatThrownBy(() -> alerts.snooze(t, "bo", Duration.ZERO, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theThrottleClaimIsRememberedWithTheThread() {
    String t = "volume_spike:united:" + T0.getEpochSecond();
    Duration throttle = Duration.ofMinutes(15);
    PostgresAlerts alerts = new PostgresAlerts(db.dataSource());
    assertThat(alerts.claimNotification(t, T0, Duration.ZERO)).as("unknown thread").isFalse();
    alerts.record(alert(t, Alert.Phase.OPENED, Alert.Severity.WARNING, T0, 40), NOW);
    assertThat(alerts.claimNotification(t, T0, Duration.ZERO)).isTrue();
    // another instance (a restart) sees the same memory
    PostgresAlerts again = new PostgresAlerts(db.dataSource());
    assertThat(again.claimNotification(t, T0.plusSeconds(300), throttle)).isFalse();
    assertThat(again.claimNotification(t, T0.plusSeconds(900), throttle)).isTrue();
    assertThat(again.claimNotification(t, T0.plusSeconds(1000), throttle)).isFalse();
    assertThat(again.claimNotification(t, T0.plusSeconds(1000), Duration.ZERO)).isTrue();
    // an unconditional claim of an earlier message never moves the memory back
    assertThat(again.claimNotification(t, T0.plusSeconds(60), Duration.ZERO)).isTrue();
    assertThat(again.claimNotification(t, T0.plusSeconds(1800), throttle)).isFalse();
    assertThat(again.claimNotification(t, T0.plusSeconds(1900), throttle)).isTrue();
  }

  @Test
  void unacknowledgedThreadsAreEscalatedOnce() {
    PostgresAlerts alerts = new PostgresAlerts(db.dataSource());
    String t = "incident:esc:1";
    alerts.record(alert(t, Alert.Phase.OPENED, Alert.Severity.WARNING, T0, 20), NOW);
    String acked = "incident:esc:2";
    alerts.record(alert(acked, Alert.Phase.OPENED, Alert.Severity.WARNING, T0, 20), NOW);
    alerts.acknowledge(acked, "ana", NOW);
    assertThat(alerts.unacknowledged(NOW, 100)).extracting(AlertThread::id).doesNotContain(t);
    List<AlertThread> due = alerts.unacknowledged(NOW.plusSeconds(900), 100);
    assertThat(due).extracting(AlertThread::id).contains(t).doesNotContain(acked);
    assertThat(alerts.markEscalated(t, NOW.plusSeconds(900))).isTrue();
    assertThat(alerts.markEscalated(t, NOW.plusSeconds(960))).isFalse();
    assertThat(alerts.unacknowledged(NOW.plusSeconds(900), 100))
        .extracting(AlertThread::id)
        .doesNotContain(t);
    assertThat(alerts.thread(t, NOW).orElseThrow().escalatedAt()).contains(NOW.plusSeconds(900));
  }

  @Test
  void incidentsKeepTheirLatestSnapshot() {
    PostgresAlerts alerts = new PostgresAlerts(db.dataSource());
    Incident first =
        new Incident(
            "incident:7",
            "cancelled / flight / dfw",
            List.of("cancelled", "flight", "dfw"),
            T0,
            T0.plusSeconds(600),
            5,
            Set.of("twitter:a", "twitter:b"),
            List.of("@AmericanAir my flight was Cancelled \u0000 again"),
            List.of(new Incident.TimelinePoint(T0.minusSeconds(360), 5)),
            Incident.Status.OPEN);
    alerts.saveIncident(first);
    Incident grown =
        new Incident(
            first.id(),
            first.name(),
            first.terms(),
            T0,
            T0.plusSeconds(4000),
            12,
            Set.of("twitter:a", "twitter:b", "twitter:c"),
            first.samples(),
            List.of(
                new Incident.TimelinePoint(T0.minusSeconds(360), 5),
                new Incident.TimelinePoint(T0.plusSeconds(3240), 7)),
            Incident.Status.CLOSED);
    alerts.saveIncident(grown);
    Incident read = alerts.incident("incident:7").orElseThrow();
    assertThat(read.size()).isEqualTo(12);
    assertThat(read.status()).isEqualTo(Incident.Status.CLOSED);
    assertThat(read.authors()).containsExactlyInAnyOrder("twitter:a", "twitter:b", "twitter:c");
    assertThat(read.timeline()).isEqualTo(grown.timeline());
    assertThat(read.samples().getFirst())
        .isEqualTo("@AmericanAir my flight was Cancelled \uFFFD again");
    assertThat(alerts.incidents(10)).extracting(Incident::id).contains("incident:7");
    assertThat(alerts.incident("missing")).isEmpty();
  }
}
