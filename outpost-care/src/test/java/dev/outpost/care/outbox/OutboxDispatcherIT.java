package dev.outpost.care.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.core.outbox.OutboxEntry;
import dev.outpost.core.outbox.OutboxStatus;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresOutbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDispatcherIT {
  @TempDir static Path dataDir;
  private static Database db;

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
    private final AtomicReference<Instant> now;

    TestClock(Instant start) {
      now = new AtomicReference<>(start);
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

  /** A channel that fails as scripted, then accepts, recording every key it was given. */
  static final class ScriptedChannel implements Channel {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Set<String> created = ConcurrentHashMap.newKeySet();
    private final String name;
    private final Deque<ChannelException> script;

    ScriptedChannel(String name, ChannelException... failures) {
      this.name = name;
      this.script = new ArrayDeque<>(List.of(failures));
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<ActionKind> kinds() {
      return EnumSet.of(ActionKind.REPLY, ActionKind.PUBLISH);
    }

    @Override
    public Sent send(OutboxAction action) {
      calls.add(action.key());
      ChannelException next;
      synchronized (script) {
        next = script.poll();
      }
      if (next != null) {
        throw next;
      }
      // like a network honouring Idempotency-Key: the same key creates the same post
      created.add(action.key());
      return new Sent("id-" + action.key(), Optional.of("https://example.test/" + action.key()));
    }
  }

  private static OutboxAction reply(String key, String channel) {
    return new OutboxAction(key, channel, ActionKind.REPLY, "109", "@ana we are on it");
  }

  @Test
  void aRetriableFailureIsRetriedAfterBackoffWithTheSameKeyAndSentOnce() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    ScriptedChannel masto =
        new ScriptedChannel(
            "masto-a",
            new ChannelException("POST /api/v1/statuses: HTTP 503", true, Optional.empty()),
            new ChannelException(
                "POST /api/v1/statuses: HTTP 429", true, Optional.of(Duration.ofSeconds(90))));
    OutboxDispatcher d =
        new OutboxDispatcher(outbox, List.of(masto), clock, OutboxDispatcher.Settings.defaults());
    outbox.enqueue(reply("case:1:reply:1", "masto-a"), clock.instant());

    assertThat(d.dispatchDue()).isEqualTo(1);
    OutboxEntry afterFirst = outbox.find("case:1:reply:1").orElseThrow();
    assertThat(afterFirst.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(afterFirst.lastError()).contains("POST /api/v1/statuses: HTTP 503");
    assertThat(afterFirst.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(5));
    assertThat(d.dispatchDue()).isZero();

    clock.advance(Duration.ofSeconds(5));
    assertThat(d.dispatchDue()).isEqualTo(1);
    // the network's Retry-After wins over our own backoff
    assertThat(outbox.find("case:1:reply:1").orElseThrow().nextAttemptAt())
        .isEqualTo(clock.instant().plusSeconds(90));

    clock.advance(Duration.ofSeconds(90));
    assertThat(d.dispatchDue()).isEqualTo(1);
    OutboxEntry done = outbox.find("case:1:reply:1").orElseThrow();
    assertThat(done.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(done.attempts()).isEqualTo(3);
    assertThat(done.externalId()).contains("id-case:1:reply:1");
    assertThat(masto.calls).containsExactly("case:1:reply:1", "case:1:reply:1", "case:1:reply:1");
    clock.advance(Duration.ofHours(1));
    assertThat(d.dispatchDue()).isZero();
  }

  @Test
  void permanentFailuresAndUnknownChannelsAreKeptWithTheirReasonUntilAPersonRetries()
      throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    ScriptedChannel masto =
        new ScriptedChannel("masto-b", ChannelException.permanent("HTTP 403: token revoked"));
    OutboxDispatcher d =
        new OutboxDispatcher(outbox, List.of(masto), clock, OutboxDispatcher.Settings.defaults());
    outbox.enqueue(reply("p1", "masto-b"), clock.instant());
    outbox.enqueue(reply("p2", "nowhere"), clock.instant());
    outbox.enqueue(
        new OutboxAction("p3", "masto-b", ActionKind.FOLLOW, "ana", ""), clock.instant());

    d.dispatchDue();
    assertThat(outbox.find("p1").orElseThrow().lastError()).contains("HTTP 403: token revoked");
    assertThat(outbox.find("p2").orElseThrow().lastError())
        .contains("no channel named 'nowhere' is configured");
    assertThat(outbox.find("p3").orElseThrow().lastError())
        .contains("channel 'masto-b' cannot FOLLOW");
    assertThat(outbox.findAll(List.of("p1", "p2", "p3")))
        .allSatisfy(e -> assertThat(e.status()).isEqualTo(OutboxStatus.FAILED));

    assertThat(outbox.retry("p1", clock.instant())).isTrue();
    d.dispatchDue();
    assertThat(outbox.find("p1").orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void aSenderThatDiedMidSendIsReplacedAfterTheLeaseAndTwoDispatchersNeverSendTwice()
      throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    ScriptedChannel masto = new ScriptedChannel("masto-c");
    for (int i = 0; i < 120; i++) {
      outbox.enqueue(reply("bulk-" + i, "masto-c"), clock.instant());
    }
    // a dispatcher claims ten entries and dies before sending them
    List<OutboxEntry> orphaned = outbox.claim(clock.instant(), Duration.ofMinutes(2), 10);
    assertThat(orphaned).hasSize(10);

    OutboxDispatcher.Settings s = OutboxDispatcher.Settings.defaults();
    OutboxDispatcher a = new OutboxDispatcher(outbox, List.of(masto), clock, s);
    OutboxDispatcher b = new OutboxDispatcher(outbox, List.of(masto), clock, s);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> fa = pool.submit(a::dispatchDue);
      Future<Integer> fb = pool.submit(b::dispatchDue);
      assertThat(fa.get() + fb.get()).isEqualTo(110);
    } finally {
      pool.shutdownNow();
    }
    clock.advance(Duration.ofMinutes(2));
    assertThat(a.dispatchDue()).isEqualTo(10);

    assertThat(masto.calls).hasSize(120).doesNotHaveDuplicates();
    assertThat(masto.created).hasSize(120);
    assertThat(Collections.frequency(masto.calls, "bulk-0")).isEqualTo(1);
  }

  @Test
  void backoffDoublesUpToTheCeiling() {
    OutboxDispatcher d =
        new OutboxDispatcher(
            new PostgresOutbox(db.dataSource()),
            List.of(),
            Clock.systemUTC(),
            OutboxDispatcher.Settings.defaults());
    assertThat(d.backoff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(d.backoff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.backoff(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(d.backoff(30)).isEqualTo(Duration.ofMinutes(30));
  }
}
