package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.accounts.Role;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.store.PostgresAlerts;
import dev.outpost.store.PostgresAuditLog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts and incidents pages and API on the whole app: hostile texts escaped, acknowledge /
 * snooze / resolve recorded with who did it (and in the audit log), and the health count of alerts
 * that need attention.
 */
class AlertsWebIT {
  private static final Instant T0 = Instant.parse("2015-02-22T20:06:00Z");
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  private TestAccess.Session agent;

  private HttpRequest.Builder request(Outpost o, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + o.port() + path))
        .header("Cookie", agent.cookie());
  }

  /** A GET by a signed-in agent (a browser session). */
  private HttpResponse<String> get(Outpost o, String path) throws Exception {
    return http.send(request(o, path).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A POST by the agent's browser session, with its CSRF token. */
  private HttpResponse<String> post(Outpost o, String path, String type, String body)
      throws Exception {
    return http.send(
        request(o, path)
            .header("Content-Type", type)
            .header("X-CSRF-Token", agent.csrf())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Alert alert(String thread, Alert.Kind kind, String subject, Alert.Phase phase) {
    return new Alert(
        thread,
        kind,
        phase,
        Alert.Severity.CRITICAL,
        subject,
        T0,
        42,
        4.5,
        "spike on american " + HOSTILE,
        "/?topic=american",
        Map.of("topic", "american"));
  }

  @Test
  void pagesAndApiShowAlertsAndIncidentsAndRecordWhoActed() throws Exception {
    OutpostConfig config =
        new OutpostConfig(
            new OutpostConfig.Server("127.0.0.1", 0),
            new OutpostConfig.Database(null, null, null, dir.resolve("data").toString()),
            List.of(),
            List.of());
    Clock clock = Clock.systemUTC();
    try (Outpost o = Outpost.start(config, clock)) {
      agent = TestAccess.session(o, Role.AGENT);
      PostgresAlerts alerts = new PostgresAlerts(o.database().dataSource());
      String spike = "volume_spike:american|negative:" + T0.getEpochSecond();
      alerts.record(
          alert(spike, Alert.Kind.VOLUME_SPIKE, "american|negative", Alert.Phase.OPENED),
          clock.instant());
      String closed = "volume_spike:united:1";
      alerts.record(
          alert(closed, Alert.Kind.VOLUME_SPIKE, "united", Alert.Phase.OPENED), clock.instant());
      alerts.record(
          new Alert(
              closed,
              Alert.Kind.VOLUME_SPIKE,
              Alert.Phase.CLOSED,
              Alert.Severity.INFO,
              "united",
              T0.plusSeconds(3600),
              1,
              4,
              "over",
              "/",
              Map.of()),
          clock.instant());
      String incidentId = "incident-1424635260-0";
      alerts.saveIncident(
          new Incident(
              incidentId,
              "cancelled / flight / " + HOSTILE,
              List.of("cancelled", "flight"),
              T0.minusSeconds(300),
              T0.plusSeconds(600),
              12,
              Set.of("twitter:ana", "twitter:" + HOSTILE),
              List.of("@AmericanAir my flight got Cancelled " + HOSTILE),
              List.of(new Incident.TimelinePoint(T0.minusSeconds(360), 12)),
              Incident.Status.OPEN));
      alerts.record(
          alert("incident:" + incidentId, Alert.Kind.INCIDENT, incidentId, Alert.Phase.OPENED),
          clock.instant());

      HttpResponse<String> page = get(o, "/alerts");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .doesNotContain(HOSTILE)
          .contains("&lt;script&gt;")
          .contains("data-thread=\"" + spike + "\"")
          .doesNotContain("data-thread=\"" + closed + "\"")
          .contains("/incidents/" + incidentId)
          .contains("<script src=\"/static/alerts.js\" defer></script>");
      assertThat(get(o, "/alerts?status=all").body()).contains("data-thread=\"" + closed + "\"");
      assertThat(get(o, "/static/alerts.js").statusCode()).isEqualTo(200);

      JsonNode active = JSON.readTree(get(o, "/api/v1/alerts").body());
      assertThat(active).hasSize(2);
      assertThat(
              JSON.readTree(get(o, "/health").body())
                  .path("pipeline")
                  .path("detection")
                  .path("activeAlerts")
                  .asInt())
          .isEqualTo(2);

      // a session's change needs its CSRF token; a read-only role may look but not act
      HttpRequest.Builder forged =
          request(o, "/api/v1/alerts/" + enc(spike) + "/acknowledge")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{}"));
      assertThat(http.send(forged.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(403);
      String reader = TestAccess.bearer(o, Role.READ_ONLY);
      HttpRequest.Builder readOnly =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:" + o.port() + "/api/v1/alerts/" + enc(spike) + "/resolve"))
              .header("Authorization", reader)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{}"));
      assertThat(http.send(readOnly.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(403);

      // acting needs a JSON body (a cross-site form cannot send one)
      assertThat(
              post(o, "/api/v1/alerts/" + enc(spike) + "/acknowledge", "text/plain", "")
                  .statusCode())
          .isEqualTo(400);
      HttpResponse<String> ack =
          post(o, "/api/v1/alerts/" + enc(spike) + "/acknowledge", "application/json", "{}");
      assertThat(ack.statusCode()).isEqualTo(200);
      JsonNode thread = JSON.readTree(ack.body());
      assertThat(thread.path("status").asText()).isEqualTo("acknowledged");
      assertThat(thread.path("acknowledgedBy").path("name").asText()).isEqualTo(agent.user());
      assertThat(
              post(
                      o,
                      "/api/v1/alerts/" + enc(spike) + "/snooze",
                      "application/json",
                      "{\"minutes\": 0}")
                  .statusCode())
          .isEqualTo(400);
      HttpResponse<String> snooze =
          post(
              o,
              "/api/v1/alerts/" + enc(spike) + "/snooze",
              "application/json",
              "{\"minutes\": 30}");
      assertThat(JSON.readTree(snooze.body()).path("status").asText()).isEqualTo("snoozed");
      assertThat(JSON.readTree(get(o, "/api/v1/alerts").body())).hasSize(1);
      String incidentThread = "incident:" + incidentId;
      assertThat(
              post(
                      o,
                      "/api/v1/alerts/" + enc(incidentThread) + "/resolve",
                      "application/json",
                      "{}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(JSON.readTree(get(o, "/api/v1/alerts").body())).isEmpty();
      assertThat(post(o, "/api/v1/alerts/nope/resolve", "application/json", "{}").statusCode())
          .isEqualTo(404);

      JsonNode one = JSON.readTree(get(o, "/api/v1/alerts/" + enc(closed)).body());
      assertThat(one.path("messages")).hasSize(2);
      assertThat(one.path("thread").path("phase").asText()).isEqualTo("closed");

      List<AuditEvent> audit =
          new PostgresAuditLog(o.database().dataSource())
              .recent(Optional.empty(), Optional.of("alert."), Optional.empty(), 10);
      assertThat(audit)
          .extracting(AuditEvent::action)
          .containsExactly("alert.resolve", "alert.snooze", "alert.acknowledge");
      assertThat(audit).extracting(AuditEvent::actor).containsOnly(agent.user());

      HttpResponse<String> incidents = get(o, "/incidents");
      assertThat(incidents.body()).doesNotContain(HOSTILE).contains("cancelled / flight");
      HttpResponse<String> incident = get(o, "/incidents/" + incidentId);
      assertThat(incident.statusCode()).isEqualTo(200);
      assertThat(incident.body())
          .doesNotContain(HOSTILE)
          .contains("my flight got Cancelled &lt;script&gt;")
          .contains("resolved by <strong>" + agent.user() + "</strong>")
          .contains("12 posts from 2 authors");
      assertThat(get(o, "/incidents/missing").statusCode()).isEqualTo(404);
      JsonNode api = JSON.readTree(get(o, "/api/v1/incidents/" + incidentId).body());
      assertThat(api.path("size").asInt()).isEqualTo(12);
      assertThat(JSON.readTree(get(o, "/api/v1/incidents").body())).hasSize(1);
    }
  }
}
