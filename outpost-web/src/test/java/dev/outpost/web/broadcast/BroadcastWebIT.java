package dev.outpost.web.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.care.broadcast.Broadcaster;
import dev.outpost.care.broadcast.ChannelProfile;
import dev.outpost.core.Permission;
import dev.outpost.core.Topic;
import dev.outpost.core.Topics;
import dev.outpost.core.Topics.QueryValidation;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAnalytics;
import dev.outpost.store.PostgresAuditLog;
import dev.outpost.store.PostgresBroadcasts;
import dev.outpost.store.PostgresOutbox;
import dev.outpost.store.PostgresStore;
import dev.outpost.web.LiveFeed;
import dev.outpost.web.Principal;
import dev.outpost.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broadcast API, pages and public status page over HTTP on PostgreSQL: two people (one drafts,
 * the other approves), permissions, hostile text escaped, and the status page's caching.
 */
class BroadcastWebIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  private static Database db;
  private static WebServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Topics are not what this test is about. */
  private static final class NoTopics implements Topics {
    @Override
    public List<Topic> all() {
      return List.of();
    }

    @Override
    public QueryValidation check(String query) {
      return QueryValidation.error(1, "not in this test");
    }

    @Override
    public QueryValidation save(Topic topic) {
      return check(topic.query());
    }

    @Override
    public boolean delete(String id) {
      return false;
    }

    @Override
    public Topics.Preview preview(String query, int limit) {
      return new Topics.Preview(check(query), 0, 0, List.of());
    }
  }

  @BeforeAll
  static void start() {
    db = Database.embedded(dataDir);
    Clock clock = Clock.systemUTC();
    Broadcaster broadcaster =
        new Broadcaster(
            new PostgresBroadcasts(db.dataSource()),
            new PostgresOutbox(db.dataSource()),
            new PostgresAuditLog(db.dataSource()),
            List.of(ChannelProfile.of("brand-x", "x"), ChannelProfile.of("partners", "webhook")),
            List::of,
            clock,
            new Broadcaster.Settings(
                "https://status.example.com/status",
                List.of("checkout", "website"),
                20,
                Duration.ofSeconds(1)));
    // who is asking comes from a test header: ana and ben are editors; viewer may only look
    server =
        WebServer.builder(
                new WebServer.Settings("127.0.0.1", 0),
                new PostgresStore(db.dataSource(), clock),
                new PostgresAnalytics(db.dataSource()),
                new NoTopics(),
                LiveFeed.create(),
                Map::of)
            .authenticator(
                ctx ->
                    Optional.ofNullable(ctx.header("X-Test-User"))
                        .map(
                            u ->
                                new Principal(
                                    u,
                                    u.equals("viewer")
                                        ? Set.of(Permission.VIEW)
                                        : EnumSet.allOf(Permission.class))))
            .feature(new BroadcastWeb(broadcaster, "Acme <Corp>", clock, Duration.ofSeconds(30)))
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
    db.close();
  }

  private HttpResponse<String> send(String user, String method, String path, String json)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (user != null) {
      b.header("X-Test-User", user);
    }
    b.header("Content-Type", "application/json");
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void draftApprovePublishAndTheStatusPageShowsItEscaped() throws Exception {
    String hostile = "<script>alert(1)</script> payments & cards";
    HttpResponse<String> created =
        send(
            "ana",
            "POST",
            "/api/v1/broadcasts",
            JSON.writeValueAsString(
                Map.of(
                    "title",
                    "Checkout down " + hostile,
                    "impact",
                    "major_outage",
                    "components",
                    List.of("checkout"),
                    "body",
                    "We are on it. " + hostile)));
    assertThat(created.statusCode()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();

    assertThat(
            send("viewer", "POST", "/api/v1/broadcasts/" + id + "/messages/1/approve", null)
                .statusCode())
        .isEqualTo(403);
    assertThat(send(null, "GET", "/api/v1/broadcasts/" + id, null).statusCode()).isEqualTo(401);
    HttpResponse<String> self =
        send("ana", "POST", "/api/v1/broadcasts/" + id + "/messages/1/approve", null);
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(self.body()).contains("someone other than its author");
    assertThat(send("ana", "POST", "/api/v1/broadcasts/" + id + "/messages/1/publish", null).body())
        .contains("not approved yet");

    JsonNode preview =
        JSON.readTree(
            send("viewer", "GET", "/api/v1/broadcasts/" + id + "/messages/1/preview", null).body());
    assertThat(preview.get("brand-x")).isNotEmpty();
    assertThat(preview.get("partners").size()).isEqualTo(1);

    // the status page before publishing: a draft never shows
    HttpResponse<String> before = send(null, "GET", "/status", null);
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.body())
        .contains("<link rel=\"alternate\" type=\"application/atom+xml\"")
        .contains("All systems operational")
        .doesNotContain("Checkout down");

    assertThat(
            send("ben", "POST", "/api/v1/broadcasts/" + id + "/messages/1/approve", null)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> published =
        send("ana", "POST", "/api/v1/broadcasts/" + id + "/messages/1/publish", null);
    assertThat(published.statusCode()).isEqualTo(200);
    JsonNode deliveries = JSON.readTree(published.body()).get("deliveries");
    assertThat(deliveries).hasSize(2);
    assertThat(deliveries.get(0).get("state").asText()).isEqualTo("PENDING");

    HttpResponse<String> page = send(null, "GET", "/status", null);
    assertThat(page.body())
        .contains("Acme &lt;Corp&gt; status")
        .contains("Checkout down &lt;script&gt;")
        .doesNotContain("<script>alert")
        .contains("major outage");
    String etag = page.headers().firstValue("ETag").orElseThrow();
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
    HttpRequest again =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/status"))
            .header("If-None-Match", etag)
            .build();
    assertThat(http.send(again, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(304);

    JsonNode status = JSON.readTree(send(null, "GET", "/status.json", null).body());
    assertThat(status.get("state").asText()).isEqualTo("major outage");
    assertThat(status.get("active").get(0).get("title").asText())
        .isEqualTo("Checkout down " + hostile);

    HttpResponse<String> atom = send(null, "GET", "/status/feed.atom", null);
    assertThat(atom.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/atom+xml");
    assertThat(atom.body())
        .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; payments &amp; cards")
        .contains("<id>https://status.example.com/status#incident-" + id + "-1</id>");
    javax.xml.parsers.DocumentBuilderFactory f =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    assertThat(
            f.newDocumentBuilder()
                .parse(
                    new java.io.ByteArrayInputStream(
                        atom.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getElementsByTagName("entry")
                .getLength())
        .isGreaterThanOrEqualTo(1);

    // the page of the broadcast shows where it went
    HttpResponse<String> detail = send("viewer", "GET", "/broadcasts/" + id, null);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body())
        .contains("brand-x")
        .contains("pending")
        .doesNotContain("<script>alert");
    assertThat(send("viewer", "GET", "/broadcasts", null).body())
        .contains("Checkout down &lt;script&gt;");
  }

  @Test
  void badRequestsSayWhatIsWrong() throws Exception {
    assertThat(
            send(
                    "ana",
                    "POST",
                    "/api/v1/broadcasts",
                    "{\"title\":\"t\",\"impact\":\"bad\",\"body\":\"b\"}")
                .body())
        .contains("impact must be maintenance, degraded, partial_outage or major_outage");
    assertThat(
            send(
                    "ana",
                    "POST",
                    "/api/v1/broadcasts",
                    "{\"title\":\"t\",\"impact\":\"degraded\",\"components\":[\"moon\"],\"body\":\"b\"}")
                .body())
        .contains("unknown component 'moon'");
    HttpResponse<String> empty = send("ana", "POST", "/api/v1/broadcasts", "{}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("impact is required");
    assertThat(
            send("ana", "POST", "/api/v1/broadcasts", "{\"impact\":\"degraded\",\"body\":\"b\"}")
                .body())
        .contains("a broadcast needs a title");
    assertThat(send("ana", "GET", "/api/v1/broadcasts/abc", null).body())
        .contains("broadcast id must be a whole number");
    assertThat(send("ana", "GET", "/api/v1/broadcasts/999999", null).statusCode()).isEqualTo(404);
    assertThat(
            send("ana", "POST", "/api/v1/broadcasts/999999/messages/1/approve", null).statusCode())
        .isIn(400, 404);
  }
}
