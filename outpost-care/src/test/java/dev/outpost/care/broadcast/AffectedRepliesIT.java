package dev.outpost.care.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.care.outbox.Channel;
import dev.outpost.care.outbox.OutboxDispatcher;
import dev.outpost.core.Author;
import dev.outpost.core.Incident;
import dev.outpost.core.MatchedPost;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.core.broadcast.Impact;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.core.outbox.OutboxEntry;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAuditLog;
import dev.outpost.store.PostgresBroadcasts;
import dev.outpost.store.PostgresOutbox;
import dev.outpost.store.PostgresStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Answer everyone who reported the problem": each author of the incident gets one reply to their
 * latest post, spaced by the rate limit, however often the answer is sent, and those who report it
 * later are answered too.
 */
class AffectedRepliesIT {
  private static final Instant T0 = Instant.parse("2026-11-30T09:40:00Z");
  @TempDir static Path dataDir;
  private static Database db;

  @BeforeAll
  static void startDb() {
    db = Database.embedded(dataDir);
  }

  @AfterAll
  static void stopDb() {
    db.close();
  }

  /** Accepts everything, recording each action; ids are the keys, so a repeat would show. */
  static final class RecordingChannel implements Channel {
    final List<OutboxAction> sent = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "brand-mastodon";
    }

    @Override
    public Set<ActionKind> kinds() {
      return Set.of(ActionKind.PUBLISH, ActionKind.REPLY);
    }

    @Override
    public Sent send(OutboxAction action) {
      sent.add(action);
      return new Sent("id-" + sent.size(), Optional.empty());
    }
  }

  private static Post post(String network, String handle, String id, Instant at, String text) {
    return new Post(
        network,
        id,
        Author.of(network, handle),
        text,
        "en",
        at,
        Optional.empty(),
        Optional.empty(),
        Metrics.NONE);
  }

  private static Incident incident(Set<String> authors) {
    return new Incident(
        "inc-7",
        "payment / fail",
        List.of("payment", "fail"),
        T0,
        T0.plusSeconds(1800),
        authors.size() + 2,
        authors,
        List.of("my payment failed"),
        List.of(),
        Incident.Status.OPEN);
  }

  @Test
  void everyAffectedAuthorIsAnsweredOnceAtTheRateLimit() throws Exception {
    TestClock clock = new TestClock(T0.plusSeconds(3600));
    PostgresStore store = new PostgresStore(db.dataSource(), clock);
    store.saveTopics(List.of(new Topic("brand", "Brand", TopicKind.BRAND, "payment")));
    store.save(
        "test",
        List.of(
            new MatchedPost(post("mastodon", "ana", "a1", T0, "payment failed"), Set.of("brand")),
            new MatchedPost(
                post("mastodon", "ana", "a2", T0.plusSeconds(600), "still failing"),
                Set.of("brand")),
            new MatchedPost(
                post("mastodon", "ana", "a0", T0.minus(Duration.ofDays(3)), "old"),
                Set.of("brand")),
            new MatchedPost(
                post("mastodon", "ben", "b1", T0.plusSeconds(60), "card declined"),
                Set.of("brand")),
            new MatchedPost(
                post("bluesky", "cy.bsky.social", "c1", T0, "checkout broken"), Set.of("brand"))),
        "cp-1");
    AtomicReference<Incident> current =
        new AtomicReference<>(
            incident(
                Set.of(
                    "mastodon:ana", "mastodon:ben", "bluesky:cy.bsky.social", "mastodon:ghost")));
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    RecordingChannel channel = new RecordingChannel();
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(outbox, List.of(channel), clock, OutboxDispatcher.Settings.defaults());
    Broadcaster broadcaster =
        new Broadcaster(
            new PostgresBroadcasts(db.dataSource()),
            outbox,
            new PostgresAuditLog(db.dataSource()),
            List.of(ChannelProfile.of("brand-mastodon", "mastodon")),
            () -> List.of(current.get()),
            clock,
            new Broadcaster.Settings(
                "https://status.example.com/status",
                List.of("checkout"),
                30,
                Duration.ofSeconds(1)));
    Broadcast b =
        broadcaster.draft(
            "Card payments failing",
            Impact.PARTIAL_OUTAGE,
            List.of("checkout"),
            Optional.of("inc-7"),
            "We are on it.",
            "ana-agent");
    assertThatThrownBy(() -> broadcaster.answerAffected(b.id(), "Sorry, we are on it", "ben-agent"))
        .hasMessageContaining("before answering");

    Broadcaster.Affected preview = broadcaster.affected(b.id());
    assertThat(preview.authors()).isEqualTo(4);
    assertThat(preview.unreachable()).isEqualTo(1); // no channel replies on Bluesky
    assertThat(preview.withoutPost()).isEqualTo(1); // ghost's post is not stored
    assertThat(preview.recipients())
        .extracting(Broadcaster.Recipient::handle, Broadcaster.Recipient::postId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("ana", "a2"),
            org.assertj.core.groups.Tuple.tuple("ben", "b1"));

    broadcaster.approve(b.id(), 1, "ben-agent");
    broadcaster.publish(b.id(), 1, "ana-agent");
    assertThat(broadcaster.answerAffected(b.id(), "Sorry! Payments are failing;", "ana-agent"))
        .isEqualTo(2);
    assertThat(broadcaster.answerAffected(b.id(), "Sorry! Payments are failing;", "ana-agent"))
        .isZero();
    assertThat(broadcaster.affected(b.id()).alreadyAnswered()).isEqualTo(2);
    assertThat(broadcaster.affected(b.id()).recipients()).isEmpty();

    // the rate limit: 30 a minute is one every two seconds on the channel
    List<OutboxEntry> answers =
        outbox
            .findAll(
                List.of(
                    AffectedReplies.key(b.id(), "mastodon", "ana"),
                    AffectedReplies.key(b.id(), "mastodon", "ben")))
            .stream()
            .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt))
            .toList();
    assertThat(Duration.between(answers.get(0).nextAttemptAt(), answers.get(1).nextAttemptAt()))
        .isEqualTo(Duration.ofSeconds(2));

    // someone reports it later: only they are answered
    store.save(
        "test",
        List.of(
            new MatchedPost(
                post("mastodon", "dan", "d1", T0.plusSeconds(1700), "payment fails"),
                Set.of("brand"))),
        "cp-2");
    current.set(
        incident(
            Set.of(
                "mastodon:ana",
                "mastodon:ben",
                "bluesky:cy.bsky.social",
                "mastodon:ghost",
                "mastodon:dan")));
    assertThat(broadcaster.answerAffected(b.id(), "Sorry! Payments are failing;", "ana-agent"))
        .isEqualTo(1);

    for (int i = 0; i < 5; i++) {
      dispatcher.dispatchDue();
      clock.advance(Duration.ofSeconds(2));
    }
    List<OutboxAction> replies =
        channel.sent.stream().filter(a -> a.kind() == ActionKind.REPLY).toList();
    assertThat(replies)
        .extracting(OutboxAction::target)
        .containsExactlyInAnyOrder("a2", "b1", "d1");
    assertThat(replies)
        .allSatisfy(
            a ->
                assertThat(a.text())
                    .startsWith("@")
                    .contains("Sorry! Payments are failing;")
                    .endsWith("https://status.example.com/status#incident-" + b.id()));
    assertThat(replies)
        .filteredOn(a -> a.target().equals("a2"))
        .first()
        .extracting(OutboxAction::text)
        .asString()
        .startsWith("@ana ");
  }
}
