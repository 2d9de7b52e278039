package dev.outpost.care.inbox;

import static dev.outpost.care.inbox.PriorityTest.enrichment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.outpost.care.outbox.ConnectionChannel;
import dev.outpost.care.outbox.OutboxDispatcher;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Connectors;
import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import dev.outpost.core.MatchedPost;
import dev.outpost.core.Mention;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAuditLog;
import dev.outpost.store.PostgresOutbox;
import dev.outpost.store.PostgresStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A complaint arrives from a fake Mastodon instance (the recorded status fixture), becomes a case
 * in the right queue with the right priority, an agent replies, and the instance receives exactly
 * one reply with the right in_reply_to_id, even though the dispatcher runs twice; the SLA timer
 * stops and the audit log has every step.
 */
@SuppressForbidden(reason = "com.sun.net.httpserver is the JDK's supported HTTP server")
class CareEndToEndIT {
  @TempDir Path dataDir;
  private static final ObjectMapper JSON = new ObjectMapper();

  record Received(String body, String idempotencyKey) {}

  @Test
  void aMastodonComplaintIsAnsweredOnceInItsThread() throws Exception {
    String root = System.getProperty("outpost.shared.data");
    assumeTrue(root != null, "outpost.shared.data is not set; run through Maven");
    Path fixture = Path.of(root, "fixtures/mastodon/status.json");
    assumeTrue(Files.isReadable(fixture), "shared data missing: " + fixture);
    ObjectNode status = (ObjectNode) JSON.readTree(Files.readString(fixture));
    status.put("id", "109876");
    status.put("content", "<p>@acme my parcel is lost and nobody answers #acme</p>");
    status.put("created_at", "2026-12-04T09:00:00.000Z");
    ((ObjectNode) status.get("account")).put("followers_count", 25_000);
    String timeline = JSON.writeValueAsString(List.of(status));
    String created = Files.readString(fixture).replace("\"11111\"", "\"555001\"");

    List<Received> replies = new CopyOnWriteArrayList<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/timelines/tag/acme",
        ex ->
            answer(
                ex,
                ex.getRequestURI().getQuery() != null
                        && ex.getRequestURI().getQuery().contains("min_id")
                    ? "[]"
                    : timeline));
    server.createContext(
        "/api/v1/statuses",
        ex -> {
          replies.add(
              new Received(
                  new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  ex.getRequestHeaders().getFirst("Idempotency-Key")));
          answer(ex, created);
        });
    server.start();
    InboxIT.TestClock clock = new InboxIT.TestClock(Instant.parse("2026-12-04T09:01:00Z"));
    try (Database db = Database.embedded(dataDir)) {
      ConnectorContext d = ConnectorContext.defaults(clock);
      Connection masto =
          Connectors.load()
              .open(
                  "mastodon",
                  "acme-masto",
                  Map.of(
                      "baseUrl", "http://127.0.0.1:" + server.getAddress().getPort(),
                      "accessToken", "test-token",
                      "hashtag", "acme"),
                  new ConnectorContext(
                      d.clock(), d.retry(), d.requestTimeout(), d.sleeper(), true, d.http()));
      List<Post> heard = new ArrayList<>();
      masto.listener().orElseThrow().stream(Optional.empty(), (p, cursor) -> heard.add(p));
      assertThat(heard).hasSize(1);

      PostgresStore store = new PostgresStore(db.dataSource(), clock);
      store.saveTopics(List.of(new Topic("acme", "Acme", TopicKind.BRAND, "acme")));
      Routing routing =
          new Routing(
              List.of(
                  new Routing.Rule(
                      "logistics",
                      Set.of(),
                      Set.of("mastodon"),
                      Set.of(),
                      Set.of(),
                      0,
                      List.of("parcel", "delivery"))));
      InboxSettings settings =
          InboxSettings.defaults()
              .withRouting(routing, Map.of("logistics", List.of("sam", "tia")))
              .withChannels(Map.of("mastodon", "acme-masto"), Optional.empty());
      Inbox inbox = new Inbox(db.dataSource(), clock, settings);
      // the enrich stage's verdict on the post, as the pipeline would attach it
      List<Mention> stored =
          store.save(
              "acme-masto",
              List.of(
                  new MatchedPost(
                      heard.getFirst(),
                      Set.of("acme"),
                      Optional.of(
                          enrichment(Sentiment.NEGATIVE, 0.8, Set.of(Intent.COMPLAINT), 40, 0)))),
              "109876");
      inbox.stored(stored);

      InboxCase k = inbox.queue(Inbox.Filter.open()).getFirst();
      assertThat(k.queue()).isEqualTo("logistics");
      assertThat(k.assignee()).contains("sam");
      assertThat(k.authorHandle()).isEqualTo("test@127.0.0.1");
      // 25 complaint + 16 negative + 8 influence = 49; an influencer by followers
      assertThat(k.priority().score()).isEqualTo(49);
      assertThat(k.priority().reasons()).containsExactly("influencer", "negative", "complaint");
      assertThat(k.firstResponse().due()).isEqualTo(clock.instant().plus(Duration.ofHours(4)));

      clock.advance(Duration.ofMinutes(12));
      inbox.reply(k.id(), "sam", "so sorry! We are tracking it down now.", false);
      OutboxDispatcher dispatcher =
          new OutboxDispatcher(
              new PostgresOutbox(db.dataSource()),
              List.of(new ConnectionChannel(masto)),
              clock,
              OutboxDispatcher.Settings.defaults());
      assertThat(dispatcher.dispatchDue()).isEqualTo(1);
      assertThat(dispatcher.dispatchDue()).isZero();

      assertThat(replies).hasSize(1);
      JsonNode body = JSON.readTree(replies.getFirst().body());
      assertThat(body.get("in_reply_to_id").asText()).isEqualTo("109876");
      assertThat(body.get("status").asText())
          .isEqualTo("@test@127.0.0.1 so sorry! We are tracking it down now.");
      assertThat(replies.getFirst().idempotencyKey()).isEqualTo("case:" + k.id() + ":reply:1");

      InboxCase.Detail after = inbox.find(k.id()).orElseThrow();
      InboxCase.Message out = after.messages().getLast();
      assertThat(out.delivery().orElseThrow().status()).isEqualTo("sent");
      assertThat(out.externalId()).contains("555001");
      assertThat(after.summary().firstResponse().stoppedAt()).contains(clock.instant());
      assertThat(after.summary().firstResponse().breached(clock.instant().plus(Duration.ofDays(1))))
          .isFalse();

      // the customer answers the brand's reply: it joins the case by thread
      ObjectNode answer = status.deepCopy();
      answer
          .put("id", "109900")
          .put("in_reply_to_id", "555001")
          .put("content", "<p>thanks, found it!</p>");
      Post followUp = heard.getFirst();
      Post threaded =
          new Post(
              followUp.network(),
              "109900",
              followUp.author(),
              "thanks, found it!",
              "en",
              clock.instant(),
              Optional.empty(),
              Optional.of("555001"),
              followUp.metrics());
      assertThat(
              inbox.take(
                  new Mention(
                      99,
                      threaded,
                      "acme",
                      clock.instant(),
                      Optional.of(
                          enrichment(Sentiment.POSITIVE, 0.9, Set.of(Intent.PRAISE), 40, 0)))))
          .contains(k.id());
      assertThat(inbox.find(k.id()).orElseThrow().summary().becameFan()).isTrue();

      List<String> steps =
          new PostgresAuditLog(db.dataSource())
              .recent(Optional.empty(), Optional.of("case."), Optional.empty(), 20).stream()
                  .map(AuditEvent::action)
                  .toList()
                  .reversed();
      assertThat(steps).containsExactly("case.open", "case.reply");
    } finally {
      server.stop(0);
    }
  }

  private static void answer(com.sun.net.httpserver.HttpExchange ex, String json)
      throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, b.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(b);
    }
  }
}
