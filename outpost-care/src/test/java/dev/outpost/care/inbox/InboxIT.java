package dev.outpost.care.inbox;

import static dev.outpost.care.inbox.PriorityTest.enrichment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.care.inbox.Priority.Tier;
import dev.outpost.core.Author;
import dev.outpost.core.Enrichment;
import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import dev.outpost.core.Mention;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.outbox.OutboxEntry;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAuditLog;
import dev.outpost.store.PostgresOutbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxIT {
  @TempDir static Path dataDir;
  static Database db;
  static final AtomicLong IDS = new AtomicLong(1000);

  @BeforeAll
  static void start() {
    db = Database.embedded(dataDir);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    final AtomicReference<Instant> now;

    TestClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void set(Instant t) {
      now.set(t);
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  static Mention mention(
      String network,
      String handle,
      String topic,
      String text,
      Instant at,
      Optional<String> replyTo,
      Optional<Enrichment> e) {
    String id = String.valueOf(IDS.incrementAndGet());
    Post p =
        new Post(
            network,
            id,
            new Author(
                network,
                handle,
                handle.toUpperCase(java.util.Locale.ROOT),
                120,
                false,
                Optional.empty()),
            text,
            "en",
            at,
            Optional.empty(),
            replyTo,
            Metrics.NONE);
    return new Mention(IDS.get(), p, topic, at, e);
  }

  static Optional<Enrichment> complaint() {
    return Optional.of(enrichment(Sentiment.NEGATIVE, 0.9, Set.of(Intent.COMPLAINT), 10, 0));
  }

  static Optional<Enrichment> positive() {
    return Optional.of(enrichment(Sentiment.POSITIVE, 0.9, Set.of(Intent.PRAISE), 10, 0));
  }

  static InboxSettings settings(String channel) {
    return InboxSettings.defaults()
        .withChannels(Map.of("x", channel, "mastodon", channel), Optional.of("leads"));
  }

  @Test
  void followUpsAndThreadAnswersJoinTheOpenCaseAndOtherTopicsOpenTheirOwn() {
    TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
    Inbox inbox = new Inbox(db.dataSource(), clock, settings("thread-x"));
    Mention first =
        mention(
            "x",
            "ana",
            "acme",
            "my order never came",
            clock.instant(),
            Optional.empty(),
            complaint());
    long id = inbox.take(first).orElseThrow();
    assertThat(inbox.take(first)).as("the same post again").isEmpty();
    Mention again =
        mention(
            "x",
            "ana",
            "acme",
            "still nothing, 3 days now",
            clock.instant().plusSeconds(60),
            Optional.empty(),
            Optional.of(enrichment(Sentiment.NEUTRAL, 0.6, Set.of(Intent.OTHER), 10, 0)));
    assertThat(inbox.take(again)).contains(id);
    Mention inThread =
        mention(
            "x",
            "bob",
            "acme",
            "same for me",
            clock.instant().plusSeconds(90),
            Optional.of(first.post().externalId()),
            Optional.empty());
    assertThat(inbox.take(inThread)).as("an answer in the case's thread joins it").contains(id);
    Mention otherTopic =
        mention(
            "x",
            "ana",
            "acme-bank",
            "and my card is blocked",
            clock.instant(),
            Optional.empty(),
            complaint());
    assertThat(inbox.take(otherTopic)).isPresent().isNotEqualTo(Optional.of(id));
    Mention chatter =
        mention("x", "carl", "acme", "nice weather", clock.instant(), Optional.empty(), positive());
    assertThat(inbox.take(chatter)).as("nothing to act on").isEmpty();

    InboxCase.Detail d = inbox.find(id).orElseThrow();
    assertThat(d.messages())
        .extracting(InboxCase.Message::text)
        .containsExactly("my order never came", "still nothing, 3 days now", "same for me");
    assertThat(d.summary().status()).isEqualTo(CaseStatus.NEW);
    assertThat(d.summary().priority().reasons()).contains("negative", "complaint");
    assertThat(d.history()).extracting(InboxCase.Event::kind).first().isEqualTo("opened");
    assertThat(
            new PostgresAuditLog(db.dataSource())
                .recent(Optional.empty(), Optional.of("case.open"), Optional.empty(), 50))
        .extracting(e -> e.subject())
        .contains("case:" + id);
  }

  @Test
  void slaCountsBusinessHoursPausesWhileWaitingAndEscalatesOnceBeforeATargetIsMissed() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    BusinessHours weekdays =
        new BusinessHours(
            paris,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0),
            LocalTime.of(18, 0),
            Set.of());
    InboxSettings s = settings("sla-x").withHours(weekdays);
    assertThat(s.firstResponse().get(Tier.HIGH)).isEqualTo(Duration.ofHours(4));
    // Friday 2026-12-04 16:00 Paris: 2h on Friday, 2h on Monday
    TestClock clock = new TestClock(Instant.parse("2026-12-04T15:00:00Z"));
    Inbox inbox = new Inbox(db.dataSource(), clock, s);
    long id =
        inbox
            .take(
                mention(
                    "x",
                    "dora",
                    "sla",
                    "refund please, third time asking",
                    clock.instant(),
                    Optional.empty(),
                    complaint()))
            .orElseThrow();
    InboxCase k = inbox.find(id).orElseThrow().summary();
    assertThat(k.priority().tier()).isEqualTo(Tier.HIGH);
    assertThat(k.firstResponse().due()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));

    clock.set(Instant.parse("2026-12-06T12:00:00Z")); // Sunday: nothing is due yet
    assertThat(inbox.checkSla()).doesNotContain(id);

    // waiting on the customer from Monday 09:00 to 10:30 Paris pauses the timers for 1h30
    clock.set(Instant.parse("2026-12-07T08:00:00Z"));
    inbox.status(id, "sam", CaseStatus.WAITING, Optional.empty());
    clock.set(Instant.parse("2026-12-07T09:30:00Z"));
    assertThat(inbox.checkSla()).as("paused cases are not escalated").doesNotContain(id);
    assertThat(inbox.find(id).orElseThrow().summary().firstResponse().breached(clock.instant()))
        .isFalse();
    inbox.take(
        mention(
            "x",
            "dora",
            "sla",
            "here is my order number 123",
            clock.instant(),
            Optional.empty(),
            Optional.empty()));
    k = inbox.find(id).orElseThrow().summary();
    assertThat(k.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(k.firstResponse().paused()).isFalse();
    assertThat(k.firstResponse().due()).isEqualTo(Instant.parse("2026-12-07T11:30:00Z"));

    clock.set(Instant.parse("2026-12-07T11:14:00Z"));
    assertThat(inbox.checkSla()).doesNotContain(id);
    clock.set(Instant.parse("2026-12-07T11:16:00Z")); // within the 15 minutes' warning
    assertThat(inbox.checkSla()).contains(id);
    assertThat(inbox.checkSla()).doesNotContain(id);
    assertThat(inbox.find(id).orElseThrow().summary().status()).isEqualTo(CaseStatus.ESCALATED);
    OutboxEntry note =
        new PostgresOutbox(db.dataSource()).find("case:" + id + ":escalation:1").orElseThrow();
    assertThat(note.action().channel()).isEqualTo("leads");
    assertThat(note.action().text())
        .contains("Case " + id + " escalated")
        .contains("first response due");
  }

  @Test
  void twoAgentsReplyingAtOnceSendExactlyOneReplyAndSeeEachOtherDrafting() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));
    Inbox inbox = new Inbox(db.dataSource(), clock, settings("race-x"));
    long id =
        inbox
            .take(
                mention(
                    "x",
                    "eve",
                    "race",
                    "app crashes on login",
                    clock.instant(),
                    Optional.empty(),
                    complaint()))
            .orElseThrow();
    assertThat(inbox.drafting(id, "ann")).isEmpty();
    assertThat(inbox.drafting(id, "ben")).containsExactly("ann");
    clock.advance(Duration.ofSeconds(30));
    assertThat(inbox.drafting(id, "ben")).as("ann stopped typing").isEmpty();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      Callable<String> ann =
          () -> {
            go.await();
            return attempt(inbox, id, "ann");
          };
      Callable<String> ben =
          () -> {
            go.await();
            return attempt(inbox, id, "ben");
          };
      Future<String> a = pool.submit(ann);
      Future<String> b = pool.submit(ben);
      go.countDown();
      assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder("sent", "conflict");
    } finally {
      pool.shutdownNow();
    }
    InboxCase.Detail d = inbox.find(id).orElseThrow();
    assertThat(d.messages()).filteredOn(m -> m.direction().equals("OUT")).hasSize(1);
    assertThat(new PostgresOutbox(db.dataSource()).find("case:" + id + ":reply:1")).isPresent();
    assertThat(new PostgresOutbox(db.dataSource()).find("case:" + id + ":reply:2")).isEmpty();
    assertThat(d.summary().firstResponse().stoppedAt()).contains(clock.instant());
    assertThat(d.summary().status()).isEqualTo(CaseStatus.OPEN);
  }

  private static String attempt(Inbox inbox, long id, String agent) {
    try {
      inbox.reply(id, agent, "sorry about that, we are on it", false);
      return "sent";
    } catch (CaseConflict e) {
      return "conflict";
    }
  }

  @Test
  void aTraineesReplyWaitsForSomeoneElsesApprovalBeforeItIsQueued() {
    TestClock clock = new TestClock(Instant.parse("2026-11-20T10:00:00Z"));
    Inbox inbox =
        new Inbox(
            db.dataSource(), clock, settings("approval-x").withApproval(Set.of("tom"), false));
    long id =
        inbox
            .take(
                mention(
                    "x",
                    "gus",
                    "approval",
                    "you lost my booking",
                    clock.instant(),
                    Optional.empty(),
                    complaint()))
            .orElseThrow();
    InboxCase.Message draft = inbox.reply(id, "tom", "sorry, checking now", false);
    assertThat(draft.awaitingApproval()).isTrue();
    assertThat(draft.delivery()).isEmpty();
    String key = "case:" + id + ":reply:1";
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    assertThat(outbox.find(key)).as("nothing is sent before approval").isEmpty();
    assertThat(inbox.find(id).orElseThrow().summary().firstResponse().stoppedAt()).isEmpty();
    assertThatThrownBy(() -> inbox.reply(id, "ann", "me too", false))
        .isInstanceOf(CaseConflict.class);
    assertThatThrownBy(() -> inbox.approve(id, draft.id(), "tom"))
        .hasMessage("a reply needs someone else's approval than its author's");

    clock.advance(Duration.ofMinutes(5));
    InboxCase.Message sent = inbox.approve(id, draft.id(), "lead");
    assertThat(sent.approvedBy()).contains("lead");
    assertThat(sent.awaitingApproval()).isFalse();
    assertThat(outbox.find(key).orElseThrow().action().text())
        .isEqualTo("@gus sorry, checking now");
    assertThat(inbox.find(id).orElseThrow().summary().firstResponse().stoppedAt())
        .contains(clock.instant());
    assertThatThrownBy(() -> inbox.approve(id, draft.id(), "lead"))
        .hasMessageContaining("no message " + draft.id() + " awaiting approval");
  }

  @Test
  void repliesAreMentionsWithinTheNetworksLimitAndACriticWhoPostsPositivelyLaterBecameAFan() {
    TestClock clock = new TestClock(Instant.parse("2026-12-03T10:00:00Z"));
    Inbox inbox = new Inbox(db.dataSource(), clock, settings("fan-x"));
    long id =
        inbox
            .take(
                mention(
                    "x",
                    "finn",
                    "fan",
                    "worst support ever",
                    clock.instant(),
                    Optional.empty(),
                    complaint()))
            .orElseThrow();
    assertThatThrownBy(() -> inbox.reply(id, "sam", "a".repeat(280), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the reply is 286 characters as x counts them; the limit is 280");
    InboxCase.Message sent = inbox.reply(id, "sam", "so sorry, DM us your order number?", false);
    assertThat(sent.text()).isEqualTo("@finn so sorry, DM us your order number?");
    assertThat(sent.delivery().orElseThrow().status()).isEqualTo("pending");
    assertThatThrownBy(() -> inbox.claim(id, "tom", false))
        .hasMessage("case " + id + " is assigned to sam");
    inbox.note(id, "sam", "VIP customer, be nice");
    inbox.tags(id, "sam", List.of("delivery", " refund ", "delivery"));
    inbox.saveReply("thanks", "Thanks {{author.name}}, {{agent.name}} here.", "lead");
    assertThat(inbox.render("thanks", id, "sam")).isEqualTo("Thanks FINN, sam here.");
    assertThatThrownBy(() -> inbox.saveReply("bad", "Hi {{author.nam}}", "lead"))
        .hasMessageContaining("unknown variable {{author.nam}}");

    clock.advance(Duration.ofHours(2));
    inbox.status(id, "sam", CaseStatus.RESOLVED, Optional.of("refunded"));
    clock.advance(Duration.ofDays(2));
    assertThat(
            inbox.take(
                mention(
                    "x",
                    "finn",
                    "other-topic",
                    "wow, refund arrived, great service!",
                    clock.instant(),
                    Optional.empty(),
                    positive())))
        .isEmpty();
    InboxCase k = inbox.find(id).orElseThrow().summary();
    assertThat(k.status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(k.resolutionReason()).contains("refunded");
    assertThat(k.tags()).containsExactly("delivery", "refund");
    assertThat(k.becameFan()).isTrue();
    assertThat(inbox.find(id).orElseThrow().history())
        .extracting(InboxCase.Event::kind)
        .containsSubsequence("opened", "reply", "note", "tags", "status");
    assertThat(
            new PostgresAuditLog(db.dataSource())
                .recent(Optional.of("sam"), Optional.of("case."), Optional.empty(), 50))
        .extracting(e -> e.action())
        .contains("case.reply", "case.note", "case.tags", "case.status");
    // the fan case is the only one opened on 2026-12-03 in this database
    List<Reports.Row> byAgent =
        inbox.report(
            "agent", Instant.parse("2026-12-03T00:00:00Z"), Instant.parse("2026-12-04T00:00:00Z"));
    assertThat(byAgent).containsExactly(new Reports.Row("sam", 1, 1, 0.0, 1, 120.0, 0, 1));
    assertThatThrownBy(() -> inbox.report("mood", Instant.EPOCH, Instant.EPOCH))
        .hasMessageContaining("by must be agent, queue or topic");
  }
}
