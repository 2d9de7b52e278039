package dev.outpost.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.outpost.app.SuppressForbidden;
import dev.outpost.store.Database;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No reply is sent twice across crashes: a process that sends {@value #REPLIES} public replies
 * through the outbox to a Mastodon server is killed with SIGKILL at seeded random moments while
 * sending, and restarted each time. A kill between the network's answer and the outbox's record
 * makes the next process send that reply again, under the same idempotency key; the fake server,
 * like Mastodon, creates one status per {@code Idempotency-Key}. The test proves that every reply
 * was created exactly once, that every outbox row records the status the network created for it,
 * and counts the resends that the key made harmless.
 */
@SuppressForbidden
class OutboxCrashIT {
  private static final int REPLIES = 600;
  private static final int KILLS = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A Mastodon stand-in: one status per Idempotency-Key, each request counted. */
  @SuppressForbidden
  private static final class FakeMastodon implements AutoCloseable {
    final HttpServer server;
    final Map<String, String> statusByKey = new ConcurrentHashMap<>();
    final Map<String, String> textByKey = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger created = new AtomicInteger();

    FakeMastodon() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/api/v1/statuses", this::status);
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void status(HttpExchange ex) throws IOException {
      requests.incrementAndGet();
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (key == null || !"Bearer test-token".equals(auth)) {
        ex.sendResponseHeaders(422, -1);
        ex.close();
        return;
      }
      String id =
          statusByKey.computeIfAbsent(
              key,
              k -> {
                textByKey.put(k, body.path("status").asText());
                return String.valueOf(9_000_000 + created.incrementAndGet());
              });
      try {
        Thread.sleep(3); // the network's own time: a kill often lands while a reply is in flight
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] out =
          ("{\"id\":\"" + id + "\",\"url\":\"https://example.social/@acme/" + id + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private Process start(FakeMastodon fake, Path log) throws IOException {
    return ChildJvm.start(
        "256m",
        OutboxCrashChild.class.getName(),
        log,
        dir.resolve("data").toString(),
        fake.url(),
        String.valueOf(REPLIES));
  }

  private static String await(Process p, Path log, Pattern pattern) throws Exception {
    return ChildJvm.await(p, log, pattern, Duration.ofSeconds(120));
  }

  /** The outbox as stored: key to the network's status id, for the rows marked sent. */
  private Map<String, String> sentRows() throws Exception {
    Map<String, String> rows = new HashMap<>();
    try (Database db = Database.embedded(dir.resolve("data"));
        Connection c = db.dataSource().getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT key, external_id FROM outbox WHERE status = 'SENT'")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getString(2));
      }
    }
    return rows;
  }

  @Test
  void killedWhileSendingItSendsEveryReplyOnceAndRecordsWhatTheNetworkCreated() throws Exception {
    Random random = new Random(23);
    try (FakeMastodon fake = new FakeMastodon()) {
      int kills = 0;
      int run = 0;
      while (kills < KILLS) {
        Path log = dir.resolve("run" + run++ + ".log");
        Process p = start(fake, log);
        await(p, log, Pattern.compile("outbox queued, sending"));
        int before = fake.requests.get();
        // kill once it has sent a few more replies, at a random point
        int more = 20 + random.nextInt(100);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (fake.requests.get() < before + more && p.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
        if (!p.isAlive()) {
          break; // it finished before the kill: nothing left to interrupt
        }
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        kills++;
      }
      assertThat(kills).as("the sender was killed mid-way several times").isEqualTo(KILLS);
      assertThat(fake.created.get()).as("replies were left to send").isLessThan(REPLIES);

      Path last = dir.resolve("last.log");
      Process p = start(fake, last);
      await(p, last, Pattern.compile("outbox all sent"));
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(fake.created.get())
          .as("each reply created once on the network")
          .isEqualTo(REPLIES);
      assertThat(fake.statusByKey.keySet())
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.IntStream.range(0, REPLIES)
                  .mapToObj(i -> OutboxCrashChild.reply(i).key())
                  .toList());
      fake.textByKey.forEach(
          (key, text) ->
              assertThat(text)
                  .isEqualTo(OutboxCrashChild.reply(Integer.parseInt(key.substring(6))).text()));
      // the outbox as the last process left it
      Map<String, String> rows = sentRows();
      assertThat(rows)
          .as("every outbox row records the status the network created for it")
          .isEqualTo(fake.statusByKey);
      int resends = fake.requests.get() - REPLIES;
      System.out.println(
          "outbox crash: "
              + REPLIES
              + " replies, "
              + KILLS
              + " kills, "
              + fake.requests.get()
              + " requests, "
              + resends
              + " resent under the same key, "
              + fake.created.get()
              + " created");
    }
  }
}
