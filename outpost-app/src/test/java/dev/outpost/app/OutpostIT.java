package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.replay.ReplayFormat;
import dev.outpost.app.replay.ReplaySource;
import dev.outpost.core.Post;
import dev.outpost.listen.QueryEngine;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product on the real embedded PostgreSQL: the real airline posts replayed through the
 * pipeline, stored once each, served over HTTP, live over server-sent events, and kept across a
 * restart.
 */
class OutpostIT {
  private static Path shared;
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dataDir;

  @BeforeAll
  static void sharedData() {
    String dir = System.getProperty("outpost.shared.data", "../shared/data");
    shared = Path.of(dir);
    assumeTrue(
        Files.isReadable(shared.resolve(DemoConfig.AIRLINE_FILE)),
        "skipped: ../shared/data (Twitter US Airline Sentiment) is not present");
  }

  private OutpostConfig config() {
    return DemoConfig.of("127.0.0.1", 0, dataDir, Optional.of(shared), 0);
  }

  private HttpResponse<String> get(Outpost outpost, String path) throws Exception {
    return http.send(
        TestAccess.request(outpost, path).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What must be stored, computed independently of the store: distinct matched post keys. */
  private static Set<String> expectedKeys(OutpostConfig config) throws IOException {
    QueryEngine engine = new QueryEngine();
    config.topics().forEach(t -> engine.put(t.toTopic()));
    List<Post> posts =
        ReplaySource.ofFile(
                "expected",
                shared.resolve(DemoConfig.AIRLINE_FILE),
                ReplayFormat.AIRLINE,
                0,
                Duration.ZERO)
            .posts();
    assertThat(posts.stream().map(Post::key).distinct().count())
        .as("the real data repeats some posts, which exercises deduplication")
        .isLessThan(posts.size());
    return posts.stream()
        .filter(p -> !engine.match(p).isEmpty())
        .map(Post::key)
        .collect(Collectors.toSet());
  }

  @Test
  void replaysRealPostsStoresEachOnceServesThemAndSurvivesARestart() throws Exception {
    OutpostConfig config = config();
    Set<String> expected = expectedKeys(config);
    assertThat(expected).hasSizeGreaterThan(10_000);

    try (Outpost outpost = Outpost.start(config, Clock.systemUTC())) {
      outpost.pipeline().awaitDrained();
      assertThat(outpost.store().postCount()).isEqualTo(expected.size());

      HttpResponse<String> topics = get(outpost, "/api/v1/topics");
      assertThat(topics.statusCode()).isEqualTo(200);
      assertThat(topics.body()).contains("\"id\":\"united\"", "\"kind\":\"brand\"");

      HttpResponse<String> page = get(outpost, "/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .get()
          .asString()
          .contains("script-src 'self'");
      long total =
          outpost.store().mentionCounts().values().stream().mapToLong(Long::longValue).sum();
      assertThat(page.body())
          .contains("United", "American", "<span id=\"total-count\">" + total + "</span>");

      HttpResponse<String> latest = get(outpost, "/api/v1/mentions?limit=5&topic=united");
      assertThat(latest.body())
          .contains("\"topic\":\"united\"")
          .doesNotContain("\"topic\":\"american\"");
      assertThat(get(outpost, "/api/v1/mentions?limit=abc").statusCode()).isEqualTo(400);
      assertThat(outpost.store().latestMentions(500, Optional.empty()))
          .as("every stored mention carries what enrichment found")
          .allSatisfy(m -> assertThat(m.enrichment()).isPresent())
          .extracting(m -> m.enrichment().orElseThrow().sentiment())
          .contains(
              dev.outpost.core.Enrichment.Sentiment.NEGATIVE,
              dev.outpost.core.Enrichment.Sentiment.POSITIVE);

      JsonNode apiDoc =
          new ObjectMapper(new YAMLFactory()).readTree(get(outpost, "/api/docs").body());
      Set<String> documented = new java.util.TreeSet<>();
      apiDoc.path("paths").fieldNames().forEachRemaining(documented::add);
      Set<String> served =
          outpost.routePaths().stream()
              .filter(p -> p.startsWith("/api/v1/"))
              .collect(Collectors.toCollection(java.util.TreeSet::new));
      assertThat(served)
          .as("every API route of the whole application, features included, is documented")
          .isEqualTo(documented);

      HttpResponse<String> health = get(outpost, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"database\":\"UP\"", "\"received\":14640");
      assertThat(health.body())
          .as("the detectors ran over the replay and raised alerts (the real 22-24 Feb complaints)")
          .containsPattern("\"activeAlerts\":[1-9]")
          .as("the detectors ran on the posts' own time, not the wall clock")
          .contains("\"streamTime\":\"2015-02-24T");
      int activeAlerts =
          new ObjectMapper()
              .readTree(health.body())
              .path("pipeline")
              .path("detection")
              .path("activeAlerts")
              .asInt();
      System.out.println("activeAlerts after the airline replay: " + activeAlerts);
      assertThat(activeAlerts)
          .as("threads its detector closed, and repeats of one thread, need no attention")
          .isBetween(1, 60);
      assertThat(get(outpost, "/alerts").body()).contains("data-thread=");
      var threads =
          new dev.outpost.store.PostgresAlerts(outpost.database().dataSource())
              .threads(false, 10_000, java.time.Instant.now(Clock.systemUTC()));
      System.out.println("alert threads opened over the airline replay: " + threads.size());
      assertThat(threads.size())
          .as("mentions are observed in time order, so a batch does not pile into one minute")
          .isBetween(1, 300);
      assertThat(get(outpost, "/metrics").body())
          .contains("outpost_pipeline_received_posts_total 14640")
          .contains("jvm_memory_used_bytes");
    }

    try (Outpost again = Outpost.start(config, Clock.systemUTC())) {
      again.pipeline().awaitDrained();
      assertThat(again.pipeline().stats().received())
          .as("the replay resumes after its checkpoint")
          .isZero();
      assertThat(again.store().postCount()).isEqualTo(expected.size());
    }
  }

  @Test
  void hostilePostsRenderAsTextAndArriveLive() throws Exception {
    Path csv = dataDir.resolve("hostile.csv");
    Files.writeString(
        csv,
        "id,network,author,created_at,text,url\n"
            + "h1,mastodon,mallory,2026-01-01T00:00:00Z,\"@united <script>alert('x')</script>"
            + " <img src=x onerror=alert(1)>\",javascript:alert(1)\n");
    OutpostConfig base = config();
    OutpostConfig config =
        new OutpostConfig(base.server(), base.database(), base.topics(), List.of());
    try (Outpost outpost = Outpost.start(config, Clock.systemUTC())) {
      HttpRequest streamRequest =
          TestAccess.request(outpost, "/api/v1/mentions/stream")
              .header("Accept", "text/event-stream")
              .build();
      CompletableFuture<String> event =
          http.sendAsync(streamRequest, HttpResponse.BodyHandlers.ofLines())
              .thenApply(
                  r -> {
                    try (Stream<String> lines = r.body()) {
                      return lines.filter(l -> l.startsWith("data:")).findFirst().orElse("");
                    }
                  });
      waitForLiveClient(outpost);
      outpost
          .pipeline()
          .start(ReplaySource.ofFile("hostile", csv, ReplayFormat.OUTPOST, 0, Duration.ZERO));

      assertThat(event.get(20, TimeUnit.SECONDS)).contains("mallory", "<script>");

      String page = get(outpost, "/").body();
      assertThat(page)
          .contains("&lt;script&gt;alert('x')&lt;/script&gt;")
          .contains("&lt;img src=x onerror=alert(1)&gt;")
          .doesNotContain("<script>alert")
          .doesNotContain("<img src=x")
          .doesNotContain("javascript:alert");
    }
  }

  @Test
  void topicsChangeThroughTheApiWhileMatchingRuns() throws Exception {
    OutpostConfig base = config();
    OutpostConfig config =
        new OutpostConfig(base.server(), base.database(), base.topics(), List.of());
    try (Outpost outpost = Outpost.start(config, Clock.systemUTC())) {
      HttpResponse<String> bad =
          send(
              outpost,
              "POST",
              "/api/v1/topics",
              "{\"id\":\"acme\",\"name\":\"Acme\",\"kind\":\"brand\",\"query\":\"(acme OR\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("\"column\":", "error at column");
      assertThat(get(outpost, "/api/v1/queries/check?q=%22lost%20bag%22~3").body())
          .contains("\"ok\":true", "normalised");

      HttpResponse<String> created =
          send(
              outpost,
              "POST",
              "/api/v1/topics",
              "{\"id\":\"acme\",\"name\":\"Acme\",\"kind\":\"competitor\",\"query\":\"acme NEAR/4 refund\"}");
      assertThat(created.statusCode()).isEqualTo(201);

      Path csv = dataDir.resolve("acme.csv");
      Files.writeString(
          csv,
          "id,network,author,created_at,text\n"
              + "a1,mastodon,dee,2026-01-01T00:00:00Z,acme owes me a refund\n"
              + "a2,mastodon,eli,2026-01-01T00:01:00Z,acme is fine\n");
      outpost
          .pipeline()
          .start(ReplaySource.ofFile("acme", csv, ReplayFormat.OUTPOST, 0, Duration.ZERO));
      outpost.pipeline().awaitDrained();
      assertThat(outpost.store().mentionCounts()).containsEntry("acme", 1L);

      JsonNode tried =
          new ObjectMapper().readTree(get(outpost, "/api/v1/queries/preview?q=acme").body());
      assertThat(tried.path("ok").asBoolean()).isTrue();
      assertThat(tried.path("scanned").asInt())
          .as("the preview looks at the posts heard, matched by a topic or not")
          .isEqualTo(2);
      assertThat(tried.path("matched").asInt()).isEqualTo(2);
      assertThat(tried.path("posts").get(0).path("text").asText())
          .as("newest first")
          .isEqualTo("acme is fine");
      assertThat(
              new ObjectMapper()
                  .readTree(get(outpost, "/api/v1/queries/preview?q=refund%20NOT%20fine").body())
                  .path("matched")
                  .asInt())
          .isEqualTo(1);
      HttpResponse<String> badPreview = get(outpost, "/api/v1/queries/preview?q=acme%20AND");
      assertThat(badPreview.statusCode()).isEqualTo(400);
      assertThat(badPreview.body()).contains("error at column");
      assertThat(get(outpost, "/topics").body()).contains("acme NEAR/4 refund", "Query editor");

      assertThat(send(outpost, "DELETE", "/api/v1/topics/acme", "").statusCode()).isEqualTo(204);
      assertThat(outpost.store().mentionCounts()).doesNotContainKey("acme");
      assertThat(send(outpost, "DELETE", "/api/v1/topics/acme", "").statusCode()).isEqualTo(404);
    }
  }

  private HttpResponse<String> send(Outpost outpost, String method, String path, String json)
      throws Exception {
    return http.send(
        TestAccess.request(outpost, path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void waitForLiveClient(Outpost outpost) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (get(outpost, "/health").body().contains("\"liveClients\":1")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the live feed never saw the client");
  }
}
