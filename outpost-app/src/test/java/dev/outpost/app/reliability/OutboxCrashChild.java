package dev.outpost.app.reliability;

import dev.outpost.care.outbox.ConnectionChannel;
import dev.outpost.care.outbox.OutboxDispatcher;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Connectors;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresOutbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The process {@link OutboxCrashIT} kills: queues {@code n} public replies (the same keys on every
 * start, so a restart queues nothing twice) and sends them to a Mastodon server through the outbox
 * dispatcher, as Outpost does, until every one is sent.
 */
final class OutboxCrashChild {
  private OutboxCrashChild() {}

  /** Arguments: data directory, Mastodon base URL, number of replies. */
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    String base = args[1];
    int n = Integer.parseInt(args[2]);
    Clock clock = Clock.systemUTC();
    try (Database db = Database.embedded(data)) {
      PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
      for (int i = 0; i < n; i++) {
        outbox.enqueue(reply(i), clock.instant());
      }
      Connection mastodon =
          Connectors.load()
              .open(
                  "mastodon",
                  "care",
                  Map.of("baseUrl", base, "accessToken", "test-token", "hashtag", "acme"),
                  ConnectorContext.defaults(clock));
      // a short lease, so that a row claimed by a killed process is taken again within seconds
      OutboxDispatcher dispatcher =
          new OutboxDispatcher(
              outbox,
              List.of(new ConnectionChannel(mastodon)),
              clock,
              new OutboxDispatcher.Settings(
                  Duration.ofSeconds(2),
                  50,
                  Duration.ofMillis(100),
                  Duration.ofSeconds(1),
                  Duration.ofMillis(50)));
      org.slf4j.LoggerFactory.getLogger(OutboxCrashChild.class).info("outbox queued, sending");
      List<String> keys =
          java.util.stream.IntStream.range(0, n).mapToObj(i -> reply(i).key()).toList();
      while (true) {
        dispatcher.dispatchDue();
        if (outbox.findAll(keys).stream()
            .allMatch(e -> e.status() == dev.outpost.core.outbox.OutboxStatus.SENT)) {
          org.slf4j.LoggerFactory.getLogger(OutboxCrashChild.class).info("outbox all sent");
          return;
        }
        Thread.sleep(50);
      }
    }
  }

  static OutboxAction reply(int i) {
    return new OutboxAction(
        "reply-" + i,
        "care",
        ActionKind.REPLY,
        String.valueOf(1_000_000 + i),
        "@customer" + i + " we are sorry about order " + i + ": a refund is on its way");
  }
}
