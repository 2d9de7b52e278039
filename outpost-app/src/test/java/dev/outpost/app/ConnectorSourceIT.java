package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.outpost.app.config.ConfigLoader;
import dev.outpost.app.config.OutpostConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector configured in YAML, end to end on the embedded PostgreSQL: an RSS source read from a
 * local feed, its matching posts stored once, its checkpoint stored, a restart that resumes with a
 * conditional GET and stores nothing twice, and its health in /health.
 */
@SuppressForbidden
class ConnectorSourceIT {
  private static final String FEED =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Acme forum</title><link>https://forum.example.com/</link>
      <description>latest</description>
      <item><title>Acme checkout fails with 502</title><guid>p-3</guid><pubDate>Tue, 17 Nov 2026 10:00:00 +0000</pubDate><description>Since this morning.</description></item>
      <item><title>Lunch thread</title><guid>p-2</guid><pubDate>Mon, 16 Nov 2026 12:00:00 +0000</pubDate><description>Pizza again.</description></item>
      <item><title>Refund from Acme arrived</title><guid>p-1</guid><pubDate>Mon, 16 Nov 2026 09:00:00 +0000</pubDate><description>Six days.</description></item>
      </channel></rss>
      """;

  @TempDir Path dir;

  private static HttpServer feedServer(List<String> conditional) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext(
        "/feed",
        ex -> {
          try (ex) {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            conditional.add(inm == null ? "" : inm);
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            if ("\"v1\"".equals(inm)) {
              ex.sendResponseHeaders(304, -1);
              return;
            }
            byte[] b = FEED.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
          }
        });
    s.start();
    return s;
  }

  private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 300 && !done.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertThat(done.getAsBoolean()).as("condition reached within 30 s").isTrue();
  }

  @Test
  void anRssSourceFromYamlStoresMatchesOnceAndResumesFromItsCheckpoint() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer feed = feedServer(requests);
    try {
      Path yaml = dir.resolve("outpost.yaml");
      Files.writeString(
          yaml,
          "server:\n  port: 0\ndatabase:\n  dataDir: "
              + dir.resolve("data")
              + "\ntopics:\n  - id: acme\n    kind: brand\n    query: acme\n"
              + "sources:\n  - type: rss\n    name: forum\n    settings:\n      url: http://127.0.0.1:"
              + feed.getAddress().getPort()
              + "/feed\n      pollInterval: 1h\n");
      OutpostConfig config = ConfigLoader.withSystemEnvironment().load(yaml);
      try (Outpost outpost = Outpost.start(config, Clock.systemUTC())) {
        await(() -> outpost.store().postCount() == 2);
        await(() -> outpost.store().checkpoint("forum").isPresent());
        assertThat(outpost.store().checkpoint("forum").orElseThrow()).contains("p-1", "p-2", "p-3");
        String status =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + outpost.port() + "/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(status).contains("\"connectors\"").contains("\"forum\"").contains("\"OK\"");
        String metrics =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + outpost.port() + "/metrics"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics).contains("outpost_connector_up{source=\"forum\",type=\"rss\"} 1.0");
      }
      try (Outpost again = Outpost.start(config, Clock.systemUTC())) {
        await(() -> requests.size() >= 2);
        assertThat(requests.getLast()).isEqualTo("\"v1\"");
        assertThat(again.store().postCount()).isEqualTo(2);
      }
    } finally {
      feed.stop(0);
    }
  }
}
