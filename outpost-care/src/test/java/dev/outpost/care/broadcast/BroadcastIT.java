package dev.outpost.care.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.care.broadcast.Broadcaster.Delivery;
import dev.outpost.care.broadcast.Broadcaster.DeliveryState;
import dev.outpost.care.outbox.Channel;
import dev.outpost.care.outbox.ConnectionChannel;
import dev.outpost.care.outbox.OutboxDispatcher;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Connectors;
import dev.outpost.connectors.RetryPolicy;
import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.core.broadcast.Impact;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAuditLog;
import dev.outpost.store.PostgresBroadcasts;
import dev.outpost.store.PostgresOutbox;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broadcasts end to end on PostgreSQL: approval by someone else, then one announcement to a real
 * Mastodon connection (against a fake instance) and to webhooks that fail in different ways; the
 * failed ones are retried, the result table says so, and nothing is posted twice.
 */
class BroadcastIT {
  @TempDir static Path dataDir;
  private static Database db;
  private static final String LONG_BODY =
      ("Card payments fail at checkout for some customers since 09:40 UTC. "
              + "Orders are not charged twice; please do not retry more than once. "
              + "Our engineers found the cause in a payment provider's certificate rotation. ")
          .repeat(3);

  private final TestClock clock = new TestClock(Instant.parse("2026-11-30T10:00:00Z"));
  private FakeMastodon mastodon;
  private FakeBluesky bluesky;
  private FakeHttp webhookOk;
  private FakeHttp webhookFlaky;
  private FakeHttp webhookGone;
  private volatile boolean goneFixed;
  private PostgresOutbox outbox;
  private PostgresAuditLog audit;
  private OutboxDispatcher dispatcher;
  private Broadcaster broadcaster;

  @BeforeAll
  static void startDb() {
    db = Database.embedded(dataDir);
  }

  @AfterAll
  static void stopDb() {
    db.close();
  }

  @BeforeEach
  void start() throws Exception {
    mastodon = new FakeMastodon();
    bluesky = new FakeBluesky();
    webhookOk = new FakeHttp(r -> new FakeHttp.Reply(204, ""));
    Map<String, AtomicInteger> flaky = new java.util.concurrent.ConcurrentHashMap<>();
    webhookFlaky =
        new FakeHttp(
            r ->
                flaky
                            .computeIfAbsent(r.idempotencyKey(), k -> new AtomicInteger())
                            .incrementAndGet()
                        <= 2
                    ? new FakeHttp.Reply(503, "busy")
                    : new FakeHttp.Reply(200, "{}"));
    webhookGone =
        new FakeHttp(r -> goneFixed ? new FakeHttp.Reply(200, "{}") : new FakeHttp.Reply(410, ""));
    // one try per call: retries are the outbox's job here, so the test sees each of them
    ConnectorContext ctx =
        new ConnectorContext(
            clock,
            new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO),
            Duration.ofSeconds(5),
            d -> {},
            true,
            HttpClient.newHttpClient());
    Channel mastodonChannel =
        new ConnectionChannel(
            Connectors.load()
                .open(
                    "mastodon",
                    "brand-mastodon",
                    Map.of(
                        "baseUrl",
                        mastodon.http.url("").toString(),
                        "accessToken",
                        "tok",
                        "hashtag",
                        "brand"),
                    ctx));
    Channel blueskyChannel =
        new ConnectionChannel(
            Connectors.load()
                .open(
                    "bluesky",
                    "brand-bsky",
                    Map.of(
                        "pdsUrl",
                        bluesky.http.url("").toString(),
                        "identifier",
                        "brand.example.com",
                        "appPassword",
                        "pw"),
                    ctx));
    outbox = new PostgresOutbox(db.dataSource());
    audit = new PostgresAuditLog(db.dataSource());
    dispatcher =
        new OutboxDispatcher(
            outbox,
            List.of(
                mastodonChannel,
                blueskyChannel,
                new WebhookChannel("hook-ok", webhookOk.url("/hook")),
                new WebhookChannel("hook-flaky", webhookFlaky.url("/hook")),
                new WebhookChannel("hook-gone", webhookGone.url("/hook"))),
            clock,
            new OutboxDispatcher.Settings(
                Duration.ofMinutes(1),
                5,
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                Duration.ofMillis(50)));
    broadcaster =
        new Broadcaster(
            new PostgresBroadcasts(db.dataSource()),
            outbox,
            audit,
            List.of(
                ChannelProfile.of("brand-mastodon", "mastodon"),
                ChannelProfile.of("brand-bsky", "bluesky"),
                ChannelProfile.of("hook-ok", "webhook"),
                ChannelProfile.of("hook-flaky", "webhook"),
                ChannelProfile.of("hook-gone", "webhook")),
            List::of,
            clock,
            new Broadcaster.Settings(
                "https://status.example.com/status",
                List.of("checkout", "website"),
                30,
                Duration.ofSeconds(1)));
  }

  @AfterEach
  void stop() {
    mastodon.close();
    bluesky.close();
    webhookOk.close();
    webhookFlaky.close();
    webhookGone.close();
  }

  /** Sends what is due and continues threads, moving time on, as the background loops would. */
  private void run(int rounds) throws InterruptedException {
    for (int i = 0; i < rounds; i++) {
      dispatcher.dispatchDue();
      broadcaster.pumpAll();
      clock.advance(Duration.ofSeconds(30));
    }
  }

  /** The requests a fake server got for this broadcast (other tests share the outbox). */
  private static List<FakeHttp.Request> of(FakeHttp server, long id) {
    return server.requests.stream()
        .filter(r -> r.idempotencyKey().startsWith("broadcast:" + id + ":"))
        .toList();
  }

  private List<String> createdFor(long id) {
    return mastodon.created.keySet().stream()
        .filter(k -> k.startsWith("broadcast:" + id + ":"))
        .toList();
  }

  private Map<String, Delivery> results(long id, int seq) {
    return broadcaster.results(id).stream()
        .filter(d -> d.seq() == seq)
        .collect(Collectors.toMap(Delivery::channel, d -> d));
  }

  @Test
  void aMessageIsPublishedOnlyAfterSomeoneElseApprovedIt() {
    Broadcast b =
        broadcaster.draft(
            "Checkout errors",
            Impact.PARTIAL_OUTAGE,
            List.of("checkout"),
            Optional.empty(),
            "We are looking into failed payments.",
            "ana");
    assertThatThrownBy(() -> broadcaster.publish(b.id(), 1, "ana"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not approved yet");
    assertThatThrownBy(() -> broadcaster.approve(b.id(), 1, "ana"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("someone other than its author");
    broadcaster.approve(b.id(), 1, "ben");
    assertThatThrownBy(() -> broadcaster.approve(b.id(), 1, "carl"))
        .hasMessageContaining("approved, not a draft");
    assertThatThrownBy(
            () ->
                broadcaster.draft(
                    "x", Impact.DEGRADED, List.of("billing"), Optional.empty(), "y", "ana"))
        .hasMessageContaining("unknown component 'billing'");
    assertThat(broadcaster.status().active()).isEmpty(); // approved is not published
    assertThat(broadcaster.publish(b.id(), 1, "ana")).isTrue();
    assertThat(broadcaster.publish(b.id(), 1, "ana")).isFalse();
    assertThat(broadcaster.status().active())
        .extracting(StatusView.IncidentView::id)
        .contains(b.id());
    assertThat(
            audit.recent(Optional.empty(), Optional.of("broadcast."), Optional.empty(), 50).stream()
                .filter(e -> e.subject().startsWith("broadcast:" + b.id()))
                .map(e -> e.actor() + " " + e.action()))
        .contains("ana broadcast.draft", "ben broadcast.approve", "ana broadcast.publish");
  }

  @Test
  void everyChannelGetsItOnceFailedOnesAreRetriedAndUpdatesContinueTheThread() throws Exception {
    Broadcast b =
        broadcaster.draft(
            "Card payments failing",
            Impact.MAJOR_OUTAGE,
            List.of("checkout"),
            Optional.empty(),
            LONG_BODY,
            "ana");
    Map<String, List<String>> preview = broadcaster.preview(b.id(), 1);
    assertThat(preview.get("brand-mastodon")).hasSize(2);
    assertThat(preview.get("brand-bsky")).hasSize(3);
    assertThat(preview.get("brand-mastodon"))
        .allSatisfy(p -> assertThat(Fitter.graphemes(p)).isLessThanOrEqualTo(500));
    assertThat(preview.get("hook-ok")).hasSize(1);
    broadcaster.approve(b.id(), 1, "ben");
    broadcaster.publish(b.id(), 1, "ana");
    // the lost answer: the status is created but the reply never arrives; the retry reuses the key
    String part2 = Deliveries.key(b.id(), 1, "brand-mastodon", 2);
    mastodon.loseAnswerOnce = part2::equals;
    run(12);

    Map<String, Delivery> r = results(b.id(), 1);
    assertThat(r.get("brand-mastodon").state()).isEqualTo(DeliveryState.SENT);
    assertThat(r.get("brand-mastodon").sent()).isEqualTo(2);
    assertThat(r.get("brand-mastodon").url())
        .hasValueSatisfying(u -> assertThat(u).startsWith("https://mastodon.example/"));
    assertThat(r.get("hook-ok").state()).isEqualTo(DeliveryState.SENT);
    assertThat(r.get("hook-flaky").state()).isEqualTo(DeliveryState.SENT);
    assertThat(r.get("hook-flaky").attempts()).isEqualTo(3);
    assertThat(r.get("hook-gone").state()).isEqualTo(DeliveryState.FAILED);
    assertThat(r.get("hook-gone").error())
        .hasValueSatisfying(e -> assertThat(e).contains("HTTP 410"));

    // the thread: two statuses, the second replying to the first, each created once
    assertThat(createdFor(b.id())).hasSize(2);
    String first =
        mastodon.byKey(Deliveries.key(b.id(), 1, "brand-mastodon", 1)).get("id").asText();
    assertThat(mastodon.byKey(part2).get("in_reply_to_id").asText()).isEqualTo(first);
    assertThat(mastodon.byKey(part2).get("content").asText()).endsWith("(2/2)");
    assertThat(of(webhookFlaky, b.id()))
        .extracting(FakeHttp.Request::idempotencyKey)
        .containsOnly(Deliveries.key(b.id(), 1, "hook-flaky", 1));
    assertThat(of(webhookOk, b.id())).hasSize(1);

    // a person fixes the receiver and retries: only the failed channel gets it again
    goneFixed = true;
    assertThat(broadcaster.retryFailed(b.id(), "ana")).isEqualTo(1);
    run(2);
    assertThat(results(b.id(), 1).get("hook-gone").state()).isEqualTo(DeliveryState.SENT);
    assertThat(of(webhookOk, b.id())).hasSize(1);
    assertThat(of(webhookFlaky, b.id())).hasSize(3);

    // the resolution follows in the same thread, and publishing twice posts nothing new
    Broadcast.Message fix =
        broadcaster.followUp(b.id(), Broadcast.Kind.RESOLUTION, "Payments work again.", "ben");
    broadcaster.approve(b.id(), fix.seq(), "ana");
    broadcaster.publish(b.id(), fix.seq(), "ben");
    broadcaster.publish(b.id(), fix.seq(), "ben");
    run(3);
    assertThat(results(b.id(), fix.seq()).values())
        .allSatisfy(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT));
    assertThat(createdFor(b.id())).hasSize(3);
    String last = mastodon.byKey(part2).get("id").asText();
    assertThat(
            mastodon
                .byKey(Deliveries.key(b.id(), fix.seq(), "brand-mastodon", 1))
                .get("in_reply_to_id")
                .asText())
        .isEqualTo(last);
    assertThat(of(webhookOk, b.id())).hasSize(2);
    run(3);
    assertThat(createdFor(b.id())).hasSize(3);
    assertThat(of(webhookOk, b.id())).hasSize(2);

    // Bluesky: a thread of three 300-grapheme posts, each replying to the one before under the
    // same root, and the resolution continuing it
    assertThat(results(b.id(), 1).get("brand-bsky").sent()).isEqualTo(3);
    List<String> uris = new java.util.ArrayList<>();
    for (int p = 1; p <= 3; p++) {
      uris.add(
          outbox
              .find(Deliveries.key(b.id(), 1, "brand-bsky", p))
              .orElseThrow()
              .externalId()
              .orElseThrow());
    }
    uris.add(
        outbox
            .find(Deliveries.key(b.id(), fix.seq(), "brand-bsky", 1))
            .orElseThrow()
            .externalId()
            .orElseThrow());
    assertThat(bluesky.records.get(uris.get(0)).get("text").asText())
        .startsWith("Card payments failing");
    assertThat(bluesky.records.get(uris.get(0)).has("reply")).isFalse();
    for (int i = 1; i < uris.size(); i++) {
      com.fasterxml.jackson.databind.JsonNode reply = bluesky.records.get(uris.get(i)).get("reply");
      assertThat(reply.at("/parent/uri").asText()).isEqualTo(uris.get(i - 1));
      assertThat(reply.at("/root/uri").asText()).isEqualTo(uris.get(0));
    }
    assertThat(bluesky.records.get(uris.get(3)).get("text").asText())
        .isEqualTo("Payments work again.");
    assertThat(bluesky.records.keySet()).containsAll(uris);
    assertThat(
            bluesky.http.requests.stream()
                .filter(q -> q.path().endsWith("createRecord"))
                .filter(
                    q ->
                        q.body().contains("Card payments failing")
                            || q.body().contains("Payments work again"))
                .count())
        .isEqualTo(2); // part 1 of the announcement and the resolution, each created once

    StatusView status = broadcaster.status();
    assertThat(status.past()).extracting(StatusView.IncidentView::id).contains(b.id());
    assertThat(status.active()).extracting(StatusView.IncidentView::id).doesNotContain(b.id());
    assertThatThrownBy(() -> broadcaster.followUp(b.id(), Broadcast.Kind.UPDATE, "more", "ana"))
        .hasMessageContaining("is resolved");
  }

  @Test
  void theStatusPageShowsTheWorstOpenImpactPerComponentAndNeverDrafts() {
    Broadcast slow =
        broadcaster.draft(
            "Slow pages", Impact.DEGRADED, List.of("website"), Optional.empty(), "Slow.", "ana");
    broadcaster.approve(slow.id(), 1, "ben");
    broadcaster.publish(slow.id(), 1, "ana");
    Broadcast draft =
        broadcaster.draft(
            "Secret draft", Impact.MAJOR_OUTAGE, List.of("website"), Optional.empty(), "no", "ana");
    StatusView v = broadcaster.status();
    assertThat(v.components()).contains(new StatusView.ComponentState("website", "degraded"));
    assertThat(v.active())
        .extracting(StatusView.IncidentView::title)
        .doesNotContain("Secret draft");
    assertThat(v.active()).extracting(StatusView.IncidentView::id).doesNotContain(draft.id());
    Broadcast.Message upd =
        broadcaster.followUp(slow.id(), Broadcast.Kind.UPDATE, "Draft update", "ana");
    assertThat(
            broadcaster.status().active().stream()
                .filter(i -> i.id() == slow.id())
                .findFirst()
                .orElseThrow()
                .updates())
        .extracting(StatusView.Update::body)
        .containsExactly("Slow.");
    assertThat(upd.seq()).isEqualTo(2);
  }
}
