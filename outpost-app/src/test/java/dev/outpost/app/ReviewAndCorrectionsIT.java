package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.config.ImpersonationConfig;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.replay.ReplayFormat;
import dev.outpost.app.replay.ReplaySource;
import dev.outpost.core.Mention;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.store.PostgresAuditLog;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Impersonation review and corrections in the whole application, on the real embedded PostgreSQL:
 * the 14,640 real airline tweets replayed with the six airlines' identities protected, then
 * impostor posts; reviewers decide over HTTP, agents correct a mention, and both are audit-logged.
 */
class ReviewAndCorrectionsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path shared;
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dataDir;

  @BeforeAll
  static void sharedData() {
    shared = Path.of(System.getProperty("outpost.shared.data", "../shared/data"));
    assumeTrue(
        Files.isReadable(shared.resolve(DemoConfig.AIRLINE_FILE)),
        "skipped: ../shared/data (Twitter US Airline Sentiment) is not present");
  }

  private OutpostConfig config() {
    OutpostConfig demo = DemoConfig.of("127.0.0.1", 0, dataDir, Optional.of(shared), 0);
    ImpersonationConfig impersonation =
        new ImpersonationConfig(
            List.of(
                "x:@united",
                "x:@AmericanAir",
                "x:@USAirways",
                "x:@SouthwestAir",
                "x:@JetBlue",
                "x:@VirginAmerica",
                "name:United Airlines",
                "name:American Airlines",
                "name:Southwest Airlines",
                "name:Virgin America",
                "domain:united.com",
                "domain:aa.com",
                "domain:southwest.com",
                "domain:jetblue.com"),
            List.of(),
            0.4);
    return new OutpostConfig(
        demo.server(),
        demo.database(),
        demo.topics(),
        demo.sources(),
        null,
        null,
        null,
        null,
        impersonation,
        null,
        null);
  }

  private HttpResponse<String> get(Outpost o, String path) throws Exception {
    return http.send(TestAccess.request(o, path).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(Outpost o, String path, String json) throws Exception {
    return http.send(
        TestAccess.request(o, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void impostorsAmongRealAuthorsAreQueuedReviewedAndReported() throws Exception {
    Path impostors = dataDir.resolve("impostors.csv");
    Files.writeString(
        impostors,
        "id,network,author,author_name,created_at,text,url\n"
            + "i1,x,unitedairIines_help,United Airlines,2015-02-24T20:00:00Z,"
            + "\"@jane so sorry about your bag @united! DM us your confirmation number at"
            + " https://united-refunds.co/claim\",https://x.com/unitedairIines_help/status/i1\n"
            + "i2,x,UnitedAirIines_Help,United Airlines,2015-02-24T20:05:00Z,"
            + "\"@tom @united please send us a DM <script>alert(1)</script>\",\n"
            + "i3,x,SouthwestAir,Southwest Airlines,2015-02-24T20:06:00Z,"
            + "\"@SouthwestAir we're on it\",\n");
    try (Outpost outpost = Outpost.start(config(), Clock.systemUTC())) {
      outpost.pipeline().awaitDrained();
      JsonNode real = JSON.readTree(get(outpost, "/api/v1/impersonation/candidates").body());
      List<String> realHandles = new ArrayList<>();
      real.forEach(c -> realHandles.add(c.path("handle").asText() + " " + c.path("verdict")));
      long realImpersonation = 0;
      for (JsonNode c : real) {
        if (c.path("verdict").asText().equals("impersonation")) {
          realImpersonation++;
        }
      }
      System.out.println("real airline authors queued: " + real.size() + " " + realHandles);
      assertThat(realImpersonation)
          .as("real customers scored as impersonators (7,701 distinct authors)")
          .isLessThanOrEqualTo(5);

      outpost
          .pipeline()
          .start(
              ReplaySource.ofFile("impostors", impostors, ReplayFormat.OUTPOST, 0, Duration.ZERO));
      outpost.pipeline().awaitDrained();

      JsonNode queued =
          JSON.readTree(get(outpost, "/api/v1/impersonation/candidates?status=new").body());
      JsonNode impostor = null;
      for (JsonNode c : queued) {
        if (c.path("handle").asText().equalsIgnoreCase("unitedairIines_help")) {
          impostor = c;
        }
        assertThat(c.path("handle").asText()).isNotEqualToIgnoringCase("SouthwestAir");
      }
      assertThat(impostor).as("the impostor is queued: %s", queued).isNotNull();
      assertThat(impostor.path("verdict").asText()).isEqualTo("impersonation");
      assertThat(impostor.path("sightings").asInt()).isEqualTo(2);
      assertThat(impostor.path("asksToDm").asBoolean()).isTrue();
      assertThat(impostor.path("links").toString()).contains("united-refunds.co");
      long id = impostor.path("id").asLong();

      String page = get(outpost, "/impersonation").body();
      assertThat(page)
          .contains("unitedairIines_help".toLowerCase(java.util.Locale.ROOT).substring(0, 6))
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
          .doesNotContain("<script>alert(1)");

      assertThat(
              post(outpost, "/api/v1/impersonation/candidates/" + id + "/decision", "{}")
                  .statusCode())
          .isEqualTo(400);
      HttpResponse<String> confirmed =
          post(
              outpost,
              "/api/v1/impersonation/candidates/" + id + "/decision",
              "{\"decision\":\"confirm\",\"note\":\"phishing link\"}");
      assertThat(confirmed.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(confirmed.body()).path("status").asText()).isEqualTo("confirmed");
      HttpResponse<String> csv = get(outpost, "/api/v1/impersonation/takedown?format=csv");
      assertThat(csv.body())
          .startsWith("network,account,impersonates,report_url")
          .containsIgnoringCase("@unitedairIines_help")
          .contains("help.x.com");
      List<AuditEvent> audit =
          new PostgresAuditLog(outpost.database().dataSource())
              .recent(Optional.empty(), Optional.of("impersonation."), Optional.empty(), 10);
      assertThat(audit).extracting(AuditEvent::action).containsExactly("impersonation.confirm");
    }
  }

  @Test
  void agentsCorrectAMentionAndTheCorrectionsExportForTraining() throws Exception {
    try (Outpost outpost = Outpost.start(config(), Clock.systemUTC())) {
      outpost.pipeline().awaitDrained();
      Mention m = outpost.store().latestMentions(1, Optional.of("united")).getFirst();
      String was = m.enrichment().orElseThrow().sentiment().label();
      String to = was.equals("negative") ? "positive" : "negative";

      assertThat(post(outpost, "/api/v1/mentions/" + m.id() + "/corrections", "{}").statusCode())
          .isEqualTo(400);
      assertThat(
              post(
                      outpost,
                      "/api/v1/mentions/" + m.id() + "/corrections",
                      "{\"sentiment\":\"furious\"}")
                  .statusCode())
          .isEqualTo(400);
      assertThat(
              post(outpost, "/api/v1/mentions/999999999/corrections", "{\"sentiment\":\"neutral\"}")
                  .statusCode())
          .isEqualTo(404);
      HttpResponse<String> done =
          post(
              outpost,
              "/api/v1/mentions/" + m.id() + "/corrections",
              "{\"sentiment\":\"" + to + "\",\"intents\":[\"complaint\",\"outage\"]}");
      assertThat(done.statusCode()).isEqualTo(201);
      JsonNode c = JSON.readTree(done.body());
      assertThat(c.path("previousSentiment").asText()).isEqualTo(was);
      assertThat(c.path("sentiment").asText()).isEqualTo(to);
      assertThat(c.path("text").asText()).isEqualTo(m.post().text());

      Mention after =
          outpost.store().latestMentions(50, Optional.of("united")).stream()
              .filter(x -> x.id() == m.id())
              .findFirst()
              .orElseThrow();
      assertThat(after.enrichment().orElseThrow().sentiment().label()).isEqualTo(to);
      assertThat(after.enrichment().orElseThrow().confidence()).isEqualTo(1.0);

      String csv = get(outpost, "/api/v1/corrections?format=csv").body();
      assertThat(csv.lines().findFirst().orElseThrow())
          .isEqualTo(
              "id,mention_id,at,actor,sentiment,intents,previous_sentiment,previous_intents,text");
      assertThat(csv).contains("," + to + ",complaint outage,");
      List<AuditEvent> audit =
          new PostgresAuditLog(outpost.database().dataSource())
              .recent(Optional.empty(), Optional.of("mention.correct"), Optional.empty(), 10);
      assertThat(audit).hasSize(1);
      assertThat(audit.getFirst().subject()).isEqualTo("mention:" + m.id());
      assertThat(audit.getFirst().details())
          .containsEntry("sentiment", to)
          .containsEntry("was", was);
    }
  }
}
