package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.config.ConfigLoader;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.connectors.Secret;
import dev.outpost.connectors.Signatures;
import dev.outpost.store.PostgresWebhookInbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inbound webhooks end to end on the embedded PostgreSQL: a generic signed webhook and a Facebook
 * Page source configured in YAML, deliveries checked (401/400/404), stored in the inbox before the
 * 200, turned into stored mentions once each, kept across a restart, and refused with 503 while the
 * database is down.
 */
@SuppressForbidden
class WebhookSourcesIT {
  private static final String GENERIC_SECRET = "gen-s3cret";
  private static final String APP_SECRET = "fb-app-s3cret";
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  private OutpostConfig config() throws Exception {
    Path yaml = dir.resolve("outpost.yaml");
    Files.writeString(
        yaml,
        "server:\n  port: 0\ndatabase:\n  dataDir: "
            + dir.resolve("data")
            + "\ntopics:\n  - id: acme\n    kind: brand\n    query: acme\n"
            + "sources:\n"
            + "  - type: webhook\n    name: reviews\n    settings:\n"
            + "      secret: "
            + GENERIC_SECRET
            + "\n      network: appstore\n"
            + "  - type: facebook\n    name: page\n    settings:\n"
            + "      appSecret: "
            + APP_SECRET
            + "\n      verifyToken: verify-me\n      pageId: '104857600000001'\n");
    return ConfigLoader.withSystemEnvironment().load(yaml);
  }

  private HttpResponse<String> post(Outpost o, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + o.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(Outpost o, String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + o.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signedIn(Outpost o, String path) throws Exception {
    return http.send(TestAccess.request(o, path).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> generic(Outpost o, String body) throws Exception {
    String ts = Long.toString(Clock.systemUTC().instant().getEpochSecond());
    String sig =
        Signatures.sha256(
            new Secret(GENERIC_SECRET), (ts + "." + body).getBytes(StandardCharsets.UTF_8));
    return post(
        o,
        "/webhooks/reviews",
        body,
        "Content-Type",
        "application/json",
        "X-Outpost-Timestamp",
        ts,
        "X-Outpost-Signature",
        sig);
  }

  private static String review(int i) {
    return "{\"id\":\"r-"
        + i
        + "\",\"author\":\"user"
        + i
        + "\",\"text\":\"Acme app review number "
        + i
        + "\",\"createdAt\":\"2026-11-23T11:00:00Z\"}";
  }

  private static void await(BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 300 && !done.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertThat(done.getAsBoolean()).as("condition reached within 30 s").isTrue();
  }

  @Test
  void signedDeliveriesAreCheckedStoredAndMatchedOnceAcrossARestart() throws Exception {
    OutpostConfig config = config();
    try (Outpost o = Outpost.start(config, Clock.systemUTC())) {
      HttpResponse<String> ok = generic(o, "[" + review(1) + "," + review(2) + "]");
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("{\"accepted\":2}");

      String tampered = "[" + review(3) + "]";
      String ts = Long.toString(Clock.systemUTC().instant().getEpochSecond());
      HttpResponse<String> bad =
          post(
              o,
              "/webhooks/reviews",
              tampered,
              "X-Outpost-Timestamp",
              ts,
              "X-Outpost-Signature",
              "sha256=00");
      assertThat(bad.statusCode()).isEqualTo(401);
      assertThat(bad.body()).contains("X-Outpost-Signature");
      assertThat(post(o, "/webhooks/reviews", tampered).statusCode()).isEqualTo(401);
      HttpResponse<String> noText = generic(o, "{\"id\":\"x\",\"author\":\"y\"}");
      assertThat(noText.statusCode()).isEqualTo(400);
      assertThat(noText.body()).contains("'text' is missing");
      assertThat(generic(o, "{\"id\": [[[[[").statusCode()).isEqualTo(400);
      assertThat(post(o, "/webhooks/nobody", "{}").statusCode()).isEqualTo(404);

      await(() -> o.store().postCount() == 2);
      // Many deliveries, then an immediate stop: all were stored before their 200.
      for (int i = 10; i < 40; i++) {
        assertThat(generic(o, review(i)).statusCode()).isEqualTo(200);
      }
    }
    try (Outpost again = Outpost.start(config, Clock.systemUTC())) {
      await(() -> again.store().postCount() == 32);
      Thread.sleep(1500);
      assertThat(again.store().postCount()).as("nothing stored twice").isEqualTo(32);
      assertThat(again.store().checkpoint("reviews")).isPresent();
      PostgresWebhookInbox inbox = new PostgresWebhookInbox(again.database().dataSource());
      await(() -> inbox.count("reviews") <= 1); // pruned up to the checkpoint's delivery
    }
  }

  @Test
  void aFacebookPageSourceAnswersItsChallengeAndStoresSignedFeedChanges() throws Exception {
    try (Outpost o = Outpost.start(config(), Clock.systemUTC())) {
      HttpResponse<String> challenge =
          get(o, "/webhooks/page?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42x");
      assertThat(challenge.statusCode()).isEqualTo(200);
      assertThat(challenge.body()).isEqualTo("42x");
      assertThat(
              get(o, "/webhooks/page?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1")
                  .statusCode())
          .isEqualTo(403);
      String body =
          """
          {"object":"page","entry":[{"id":"104857600000001","time":1763899200,"changes":[
           {"field":"feed","value":{"from":{"id":"70001","name":"Wile E. Coyote"},
            "post_id":"104857600000001_9001","comment_id":"9001_12007","parent_id":"104857600000001_9001",
            "created_time":1763899190,"item":"comment","verb":"add","message":"My Acme refund is late"}},
           {"field":"feed","value":{"from":{"id":"70002","name":"Anon"},"post_id":"104857600000001_9001",
            "created_time":1763899197,"item":"reaction","verb":"add","reaction_type":"angry"}}]}]}
          """;
      String sig = Signatures.sha256(new Secret(APP_SECRET), body.getBytes(StandardCharsets.UTF_8));
      assertThat(post(o, "/webhooks/page", body, "X-Hub-Signature-256", "sha256=ab").statusCode())
          .isEqualTo(401);
      HttpResponse<String> ok = post(o, "/webhooks/page", body, "X-Hub-Signature-256", sig);
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("{\"accepted\":1}");
      await(() -> o.store().postCount() == 1);

      assertThat(get(o, "/api/v1/connectors").statusCode()).as("signed in only").isEqualTo(401);
      HttpResponse<String> api = signedIn(o, "/api/v1/connectors");
      assertThat(api.statusCode()).isEqualTo(200);
      JsonNode page = null;
      for (JsonNode c : new ObjectMapper().readTree(api.body())) {
        if (c.path("name").asText().equals("page")) {
          page = c;
        }
      }
      assertThat(page).as(api.body()).isNotNull();
      assertThat(page.path("type").asText()).isEqualTo("facebook");
      assertThat(page.path("state").asText()).isEqualTo("OK"); // a success after the refusal
      assertThat(page.path("errors").asLong()).isEqualTo(1);
      assertThat(page.path("lastError").asText()).contains("X-Hub-Signature-256");
      assertThat(page.path("lastPost").asText()).isEqualTo("2025-11-23T11:59:50Z");
      assertThat(page.path("capabilities").toString()).contains("webhook");
      assertThat(api.body()).doesNotContain(APP_SECRET).doesNotContain("verify-me");
      HttpResponse<String> html = signedIn(o, "/connectors");
      assertThat(html.statusCode()).isEqualTo(200);
      assertThat(html.body())
          .contains("<th scope=\"row\">page</th>", "<th scope=\"row\">reviews</th>", "facebook")
          .doesNotContain(APP_SECRET);
    }
  }

  @Test
  void whileTheDatabaseIsDownDeliveriesAreRefusedWith503AndTakenAfterwards() throws Exception {
    try (Outpost o = Outpost.start(config(), Clock.systemUTC())) {
      o.database().crashEmbeddedServer();
      HttpResponse<String> down = generic(o, review(1));
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("Retry-After")).isPresent();
      o.database().restartEmbeddedServer();
      // as a sender would on 503: retry; the pool replaces its broken connections within moments
      HttpResponse<String> up = generic(o, review(1));
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
      while (up.statusCode() == 503 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        up = generic(o, review(1));
      }
      assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
      await(() -> o.store().postCount() == 1);
    }
  }
}
