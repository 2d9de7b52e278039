package dev.outpost.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.outpost.app.config.AlertsConfig;
import dev.outpost.care.outbox.OutboxDispatcher;
import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import dev.outpost.core.alerts.AlertThread;
import dev.outpost.core.outbox.OutboxStatus;
import dev.outpost.detect.notify.HttpNotifier;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAlerts;
import dev.outpost.store.PostgresOutbox;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts delivered through the real outbox on the embedded PostgreSQL to local fake webhook and
 * Slack servers: each message once per channel, also when the detector replays the same stream
 * after a restart; updates throttled; unacknowledged threads escalated once.
 */
@SuppressForbidden
class AlertDeliveryIT {
  private static final Instant STREAM = Instant.parse("2015-02-22T20:06:00Z");
  private static final String SECRET = "0123456789abcdef-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  private static Database db;

  private record Received(String path, String body, String signature, String timestamp) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private HttpServer server;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));

  private static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeAll
  static void startDb() {
    db = Database.embedded(dataDir);
  }

  @AfterAll
  static void stopDb() {
    db.close();
  }

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  ex.getRequestURI().getPath(),
                  body,
                  ex.getRequestHeaders().getFirst(HttpNotifier.SIGNATURE_HEADER),
                  ex.getRequestHeaders().getFirst(HttpNotifier.TIMESTAMP_HEADER)));
          int code = failNext.getAndSet(0);
          ex.sendResponseHeaders(code == 0 ? 200 : code, -1);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private AlertsConfig config(String topic) {
    return new AlertsConfig(
        "15m",
        "1m",
        List.of(
            new AlertsConfig.Channel("ops-hook", "webhook", url("/hook"), SECRET, null, null, null),
            new AlertsConfig.Channel("ops-slack", "slack", url("/slack"), null, null, null, null)),
        List.of(
            new AlertsConfig.Rule(
                "spikes",
                List.of("volume_spike"),
                List.of(topic),
                "warning",
                List.of("ops-hook", "ops-slack"),
                null,
                null,
                "15m",
                List.of("ops-slack")),
            new AlertsConfig.Rule(
                "critical-only",
                List.of(),
                List.of(),
                "critical",
                List.of("ops-hook"),
                null,
                null,
                null,
                null)));
  }

  /** A detector, as the app runs one, with its store, outbox and dispatcher. */
  private record Running(
      AlertNotifications notifications, OutboxDispatcher dispatcher, PostgresAlerts alerts) {}

  private Running start(String topic) {
    PostgresAlerts alerts = new PostgresAlerts(db.dataSource());
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(outbox, List.of(), clock, OutboxDispatcher.Settings.defaults());
    AlertNotifications n =
        AlertNotifications.create(
            config(topic), alerts, outbox, dispatcher, clock, id -> Optional.empty());
    return new Running(n, dispatcher, alerts);
  }

  private static Alert spike(
      String topic, Alert.Phase phase, Alert.Severity severity, long minutes, double observed) {
    return new Alert(
        "volume_spike:" + topic + ":" + STREAM.getEpochSecond(),
        Alert.Kind.VOLUME_SPIKE,
        phase,
        severity,
        topic,
        STREAM.plusSeconds(60 * minutes),
        observed,
        4.5,
        "volume spike on " + topic + ": <b>" + (int) observed + "</b> posts in 10 min",
        "/?topic=" + topic,
        Map.of("p_value", "1e-9"));
  }

  private List<Received> at(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Test
  void eachMessageGoesOutOncePerChannelEvenAfterARestart() throws Exception {
    List<Alert> stream =
        List.of(
            spike("american", Alert.Phase.OPENED, Alert.Severity.WARNING, 0, 40),
            // within the 15-minute throttle and no rise in severity: not sent
            spike("american", Alert.Phase.UPDATED, Alert.Severity.WARNING, 5, 80),
            // a rise in severity always goes out
            spike("american", Alert.Phase.UPDATED, Alert.Severity.CRITICAL, 7, 160),
            spike("american", Alert.Phase.CLOSED, Alert.Severity.INFO, 90, 3));
    Running first = start("american");
    stream.forEach(first.notifications()::alert);
    assertThat(first.dispatcher().dispatchDue()).isEqualTo(6);
    assertThat(at("/hook")).hasSize(3);
    assertThat(at("/slack")).hasSize(3);

    // the webhook is signed over timestamp + "." + body
    for (Received r : at("/hook")) {
      assertThat(r.signature())
          .isEqualTo(
              "sha256="
                  + HttpNotifier.sign(
                      SECRET.getBytes(StandardCharsets.UTF_8), r.timestamp() + "." + r.body()));
    }
    List<String> phases =
        at("/hook").stream().map(r -> json(r.body()).path("phase").asText()).toList();
    assertThat(phases).containsExactlyInAnyOrder("opened", "updated", "closed");
    assertThat(at("/slack"))
        .anySatisfy(r -> assertThat(r.body()).contains("&lt;b&gt;40&lt;/b&gt;"));

    // a restart: a new detector replays the same stream; nothing is sent twice
    first.notifications().close();
    Running second = start("american");
    stream.forEach(second.notifications()::alert);
    assertThat(second.dispatcher().dispatchDue()).isZero();
    assertThat(received).hasSize(6);
    assertThat(second.alerts().messages(stream.getFirst().threadId())).hasSize(4);
  }

  @Test
  void theUpdateThrottleHoldsAcrossARestart() throws Exception {
    Running first = start("alaska");
    first.notifications().alert(spike("alaska", Alert.Phase.OPENED, Alert.Severity.WARNING, 0, 30));
    first.notifications().close();
    // a restart 5 minutes into the thread: its next update is still inside the 15-minute window
    Running second = start("alaska");
    second
        .notifications()
        .alert(spike("alaska", Alert.Phase.UPDATED, Alert.Severity.WARNING, 5, 60));
    second.dispatcher().dispatchDue();
    assertThat(alaskaHooks()).hasSize(1);
    // after the window the next update goes out, once, and the restart after it remembers it
    second
        .notifications()
        .alert(spike("alaska", Alert.Phase.UPDATED, Alert.Severity.WARNING, 16, 120));
    second.notifications().close();
    Running third = start("alaska");
    third
        .notifications()
        .alert(spike("alaska", Alert.Phase.UPDATED, Alert.Severity.WARNING, 16, 120));
    third
        .notifications()
        .alert(spike("alaska", Alert.Phase.UPDATED, Alert.Severity.WARNING, 20, 240));
    third.dispatcher().dispatchDue();
    assertThat(alaskaHooks())
        .extracting(r -> json(r.body()).path("phase").asText())
        .containsExactly("opened", "updated");
    assertThat(json(alaskaHooks().getLast().body()).path("observed").asDouble()).isEqualTo(120);
  }

  @Test
  void aFailedSendIsRetriedUnderTheSameKeyAndDeliveredOnce() throws Exception {
    Running r = start("united");
    failNext.set(503);
    Alert opened = spike("united", Alert.Phase.OPENED, Alert.Severity.CRITICAL, 0, 50);
    r.notifications().alert(opened);
    r.dispatcher().dispatchDue();
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    String hookKey = AlertNotifications.key(opened, "ops-hook");
    String slackKey = AlertNotifications.key(opened, "ops-slack");
    var states = List.of(outbox.find(hookKey).orElseThrow(), outbox.find(slackKey).orElseThrow());
    assertThat(states).extracting(e -> e.status()).contains(OutboxStatus.PENDING);
    clock.now = clock.now.plus(Duration.ofMinutes(5));
    r.dispatcher().dispatchDue();
    assertThat(outbox.find(hookKey).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(outbox.find(slackKey).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    // the failed try reached the server once; the retry delivered it once more, and no more
    assertThat(received.stream().filter(x -> x.body().contains("united"))).hasSize(3);
  }

  @Test
  void unacknowledgedThreadsAreEscalatedOnceAndAcknowledgedOnesNot() throws Exception {
    Running r = start("delta");
    Alert lonely = spike("delta", Alert.Phase.OPENED, Alert.Severity.WARNING, 0, 30);
    Alert seen =
        new Alert(
            "volume_spike:delta|negative:1",
            Alert.Kind.VOLUME_SPIKE,
            Alert.Phase.OPENED,
            Alert.Severity.WARNING,
            "delta|negative",
            STREAM,
            30,
            4,
            "negative spike on delta",
            "/?topic=delta",
            Map.of());
    r.notifications().alert(lonely);
    r.notifications().alert(seen);
    r.alerts().acknowledge(seen.threadId(), "ana", clock.now);
    r.dispatcher().dispatchDue();
    received.clear();

    clock.now = clock.now.plus(Duration.ofMinutes(10));
    assertThat(r.notifications().escalate()).isZero();
    clock.now = clock.now.plus(Duration.ofMinutes(6));
    assertThat(r.notifications().escalate()).isEqualTo(1);
    assertThat(r.notifications().escalate()).isZero();
    r.dispatcher().dispatchDue();
    assertThat(received).hasSize(1);
    assertThat(received.getFirst().path()).isEqualTo("/slack");
    assertThat(received.getFirst().body()).contains("not acknowledged after 15 min");
    AlertThread t = r.alerts().thread(lonely.threadId(), clock.now).orElseThrow();
    assertThat(t.escalatedAt()).contains(clock.now);
  }

  @Test
  void snoozedThreadsSendNoUpdatesUntilTheirSeverityRises() throws Exception {
    Running r = start("jetblue");
    r.notifications().alert(spike("jetblue", Alert.Phase.OPENED, Alert.Severity.WARNING, 0, 30));
    r.alerts()
        .snooze(
            spike("jetblue", Alert.Phase.OPENED, Alert.Severity.WARNING, 0, 30).threadId(),
            "ana",
            Duration.ofHours(1),
            clock.now);
    r.notifications().alert(spike("jetblue", Alert.Phase.UPDATED, Alert.Severity.WARNING, 30, 60));
    r.dispatcher().dispatchDue();
    assertThat(at("/hook")).hasSize(1);
    r.notifications()
        .alert(spike("jetblue", Alert.Phase.UPDATED, Alert.Severity.CRITICAL, 31, 120));
    r.dispatcher().dispatchDue();
    assertThat(at("/hook")).hasSize(2);
    assertThat(json(at("/hook").getLast().body()).path("severity").asText()).isEqualTo("critical");
  }

  @Test
  void incidentsAreSavedAsTheyGrowAndMarkedClosedWhenTheirThreadCloses() {
    PostgresAlerts alerts = new PostgresAlerts(db.dataSource());
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(outbox, List.of(), clock, OutboxDispatcher.Settings.defaults());
    String id = "incident-1424635260-7";
    Incident open =
        new Incident(
            id,
            "cancelled / flight / dfw",
            List.of("cancelled", "flight", "dfw"),
            STREAM,
            STREAM.plusSeconds(600),
            9,
            Set.of("twitter:a", "twitter:b", "twitter:c", "twitter:d", "twitter:e"),
            List.of("my flight was cancelled"),
            List.of(new Incident.TimelinePoint(STREAM.minusSeconds(360), 9)),
            Incident.Status.OPEN);
    Map<String, Incident> detector = new java.util.HashMap<>(Map.of(id, open));
    AlertNotifications n =
        AlertNotifications.create(
            AlertsConfig.defaults(),
            alerts,
            outbox,
            dispatcher,
            clock,
            x -> Optional.ofNullable(detector.get(x)));
    n.alert(incident(id, Alert.Phase.OPENED, STREAM.plusSeconds(600)));
    assertThat(alerts.incident(id).orElseThrow().status()).isEqualTo(Incident.Status.OPEN);
    detector.clear(); // closed: no longer among the detector's open incidents
    n.alert(incident(id, Alert.Phase.CLOSED, STREAM.plusSeconds(4 * 3600)));
    Incident stored = alerts.incident(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(Incident.Status.CLOSED);
    assertThat(stored.size()).isEqualTo(9);
    assertThat(alerts.thread("incident:" + id, clock.now).orElseThrow().active()).isFalse();
  }

  private static Alert incident(String id, Alert.Phase phase, Instant at) {
    return new Alert(
        "incident:" + id,
        Alert.Kind.INCIDENT,
        phase,
        phase == Alert.Phase.CLOSED ? Alert.Severity.INFO : Alert.Severity.WARNING,
        id,
        at,
        5,
        5,
        "incident on american 'cancelled / flight / dfw'",
        "/api/v1/incidents/" + id,
        Map.of("topic", "american"));
  }

  private List<Received> alaskaHooks() {
    return at("/hook").stream().filter(r -> r.body().contains("alaska")).toList();
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
