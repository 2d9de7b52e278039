package dev.outpost.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Connectors;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.SuppressForbidden;
import dev.outpost.connectors.TestSupport;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A streaming connection that goes silent (no event, no heartbeat) is dropped after {@code
 * idleTimeout} and opened again after a REST catch-up; what the new stream repeats is not emitted
 * twice.
 */
@SuppressForbidden(reason = "a raw JDK HTTP server, to hold a stream open in silence")
class MastodonIdleIT {
  @Test
  void aSilentStreamIsReopenedAndNothingIsEmittedTwice() throws Exception {
    ObjectNode status =
        (ObjectNode) Json.MAPPER.readTree(TestSupport.sharedText("fixtures/mastodon/status.json"));
    String id = status.path("id").asText();
    AtomicInteger streams = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/timelines/",
        ex -> {
          try (ex) {
            byte[] b = "[]".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
          }
        });
    server.createContext(
        "/api/v1/streaming/",
        ex -> {
          streams.incrementAndGet();
          try (ex) {
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(
                (":)\nevent: update\ndata: " + status + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            release.await(30, TimeUnit.SECONDS); // then silence: no event, no heartbeat
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (java.io.IOException e) {
            // the client dropped the silent stream
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    try {
      ConnectorContext t = TestSupport.context(new TestSupport.RecordingSleeper());
      ConnectorContext ctx =
          new ConnectorContext(
              t.clock(), t.retry(), t.requestTimeout(), t.sleeper(), false, t.http());
      Connection c =
          Connectors.load()
              .open(
                  "mastodon",
                  "fedi",
                  Map.of(
                      "baseUrl",
                      "http://127.0.0.1:" + server.getAddress().getPort(),
                      "hashtag",
                      "acme",
                      "streaming",
                      true,
                      "idleTimeout",
                      "1s"),
                  ctx);
      List<String> got = new CopyOnWriteArrayList<>();
      Thread reader =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      c.listener().orElseThrow().stream(
                          Optional.of("0"), (p, cursor) -> got.add(p.externalId()));
                    } catch (Exception e) {
                      // interrupted at the end of the test
                    }
                  });
      for (int i = 0; i < 600 && streams.get() < 3; i++) {
        Thread.sleep(100);
      }
      // Read before stopping the reader: the third stream is open and not yet silent for 1 s.
      Optional<String> lastError = c.health().lastError();
      reader.interrupt();
      assertThat(streams.get()).as("the silent stream was reopened").isGreaterThanOrEqualTo(3);
      assertThat(got).containsExactly(id);
      assertThat(lastError)
          .hasValueSatisfying(e -> assertThat(e).contains("no event or heartbeat"));
    } finally {
      release.countDown();
      server.stop(0);
    }
  }
}
