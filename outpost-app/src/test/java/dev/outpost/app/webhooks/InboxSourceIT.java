package dev.outpost.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.connectors.Connection;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Connectors;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresWebhookInbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox source resumes exactly after its cursor, even in the middle of one delivery. */
class InboxSourceIT {
  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  @TempDir Path dir;

  private static String item(String id) {
    return "{\"id\":\"" + id + "\",\"author\":\"a\",\"text\":\"acme " + id + "\"}";
  }

  @Test
  void aCursorInsideADeliveryResumesWithItsNextPostAndDeliveriesWithoutTimesGetTheArrivalTime()
      throws Exception {
    try (Database db = Database.embedded(dir)) {
      PostgresWebhookInbox inbox = new PostgresWebhookInbox(db.dataSource());
      Connection c =
          Connectors.load()
              .open(
                  "webhook",
                  "reviews",
                  Map.of("secret", "k"),
                  ConnectorContext.defaults(Clock.fixed(T0, ZoneOffset.UTC)));
      byte[] three =
          ("[" + item("a") + "," + item("b") + "," + item("c") + "]")
              .getBytes(StandardCharsets.UTF_8);
      long first = inbox.append("reviews", T0.minusSeconds(60), three);
      long second = inbox.append("reviews", T0, item("d").getBytes(StandardCharsets.UTF_8));
      inbox.append("other", T0, item("x").getBytes(StandardCharsets.UTF_8));
      InboxSource source = new InboxSource("reviews", c.webhook().orElseThrow(), inbox);
      List<String> got = new ArrayList<>();
      List<String> cursors = new ArrayList<>();
      List<Instant> times = new ArrayList<>();
      Thread t =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      source.stream(
                          Optional.of(first + ":0"),
                          (p, cursor) -> {
                            synchronized (got) {
                              got.add(p.externalId());
                              cursors.add(cursor);
                              times.add(p.createdAt());
                              got.notifyAll();
                            }
                          });
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
      synchronized (got) {
        long end = System.nanoTime() + 20_000_000_000L;
        while (got.size() < 3 && System.nanoTime() < end) {
          got.wait(1000);
        }
      }
      t.interrupt();
      t.join();
      assertThat(got).containsExactly("b", "c", "d");
      assertThat(cursors).containsExactly(first + ":1", first + ":2", second + ":0");
      assertThat(times).containsExactly(T0.minusSeconds(60), T0.minusSeconds(60), T0);
      assertThat(inbox.count("reviews")).isEqualTo(2);
    }
  }
}
