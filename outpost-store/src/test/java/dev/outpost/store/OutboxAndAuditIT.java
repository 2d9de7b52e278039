package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.core.outbox.OutboxEntry;
import dev.outpost.core.outbox.OutboxStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxAndAuditIT {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
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

  private static OutboxAction reply(String key) {
    return new OutboxAction(
        key, "mastodon", ActionKind.REPLY, "109", "@ana we're on it", Map.of("lang", "en"));
  }

  @Test
  void theSameKeyIsQueuedOnceAndKeepsItsFirstText() {
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    assertThat(outbox.enqueue(reply("once"), T0)).isTrue();
    OutboxAction changed =
        new OutboxAction("once", "mastodon", ActionKind.REPLY, "109", "a different text");
    assertThat(outbox.enqueue(changed, T0.plusSeconds(5))).isFalse();
    OutboxEntry e = outbox.find("once").orElseThrow();
    assertThat(e.action()).isEqualTo(reply("once"));
    assertThat(e.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(e.attempts()).isZero();
    assertThat(outbox.find("missing")).isEmpty();
  }

  @Test
  void concurrentClaimersNeverGetTheSameEntry() throws Exception {
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    for (int i = 0; i < 200; i++) {
      outbox.enqueue(reply("race-" + i), T0);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> claims = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Callable<List<String>> claimer =
            () -> {
              List<String> mine = new ArrayList<>();
              List<OutboxEntry> batch;
              while (!(batch = outbox.claim(T0.plusSeconds(1), Duration.ofMinutes(1), 7))
                  .isEmpty()) {
                batch.stream()
                    .map(OutboxEntry::key)
                    .filter(k -> k.startsWith("race-"))
                    .forEach(mine::add);
              }
              return mine;
            };
        claims.add(pool.submit(claimer));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : claims) {
        all.addAll(f.get());
      }
      assertThat(all).hasSize(200);
      assertThat(new HashSet<>(all)).hasSize(200);
    } finally {
      pool.shutdownNow();
    }
    OutboxEntry claimed = outbox.find("race-7").orElseThrow();
    assertThat(claimed.status()).isEqualTo(OutboxStatus.SENDING);
    assertThat(claimed.attempts()).isEqualTo(1);
  }

  @Test
  void anExpiredClaimIsSentAgainAndFailuresAreRetriedOrKept() {
    PostgresOutbox outbox = new PostgresOutbox(db.dataSource());
    Instant t = T0.plus(Duration.ofDays(1));
    outbox.enqueue(reply("lease"), t);
    assertThat(outbox.claim(t, Duration.ofMinutes(2), 10_000))
        .extracting(OutboxEntry::key)
        .contains("lease");
    // the sender died: nothing is due before the claim expires, then it comes back
    assertThat(outbox.claim(t.plusSeconds(60), Duration.ofMinutes(2), 10_000))
        .extracting(OutboxEntry::key)
        .doesNotContain("lease");
    List<OutboxEntry> again = outbox.claim(t.plusSeconds(121), Duration.ofMinutes(2), 10_000);
    assertThat(again).extracting(OutboxEntry::key).contains("lease");
    assertThat(outbox.find("lease").orElseThrow().attempts()).isEqualTo(2);

    outbox.failed("lease", "HTTP 503", Optional.of(t.plusSeconds(300)), t.plusSeconds(122));
    OutboxEntry retrying = outbox.find("lease").orElseThrow();
    assertThat(retrying.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(retrying.lastError()).contains("HTTP 503");
    assertThat(outbox.claim(t.plusSeconds(299), Duration.ofMinutes(2), 10_000))
        .extracting(OutboxEntry::key)
        .doesNotContain("lease");
    outbox.claim(t.plusSeconds(300), Duration.ofMinutes(2), 10_000);
    outbox.failed("lease", "HTTP 403 forbidden", Optional.empty(), t.plusSeconds(301));
    assertThat(outbox.find("lease").orElseThrow().status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(outbox.claim(t.plus(Duration.ofDays(1)), Duration.ofMinutes(2), 10_000))
        .extracting(OutboxEntry::key)
        .doesNotContain("lease");

    assertThat(outbox.retry("lease", t.plusSeconds(400))).isTrue();
    assertThat(outbox.retry("lease", t.plusSeconds(400))).isFalse();
    outbox.claim(t.plusSeconds(400), Duration.ofMinutes(2), 10_000);
    outbox.sent("lease", "110", Optional.of("https://m.example/@brand/110"), t.plusSeconds(401));
    OutboxEntry sent = outbox.find("lease").orElseThrow();
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.externalId()).contains("110");
    assertThat(sent.lastError()).isEmpty();
    assertThat(sent.sentAt()).contains(t.plusSeconds(401));
    // a late failure report from a stale sender never undoes a send
    outbox.failed("lease", "timeout", Optional.empty(), t.plusSeconds(402));
    assertThat(outbox.find("lease").orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
    assertThat(outbox.findAll(Set.of("lease", "nope")))
        .extracting(OutboxEntry::key)
        .containsExactly("lease");
  }

  @Test
  void theAuditLogReturnsNewestFirstWithFilters() {
    PostgresAuditLog audit = new PostgresAuditLog(db.dataSource());
    audit.record(AuditEvent.of(T0, "ana", "user.login", "user:ana"));
    audit.record(
        new AuditEvent(
            T0.plusSeconds(10), "ana", "case.reply", "case:1", Map.of("text", "hi\u0000there")));
    audit.record(AuditEvent.of(T0.plusSeconds(20), "bo", "case.claim", "case:2"));

    assertThat(audit.recent(Optional.empty(), Optional.empty(), Optional.empty(), 10))
        .extracting(AuditEvent::action)
        .containsSubsequence("case.claim", "case.reply", "user.login");
    assertThat(audit.recent(Optional.of("ana"), Optional.of("case."), Optional.empty(), 10))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("text", "hi\uFFFDthere"));
    assertThat(
            audit.recent(Optional.empty(), Optional.empty(), Optional.of(T0.plusSeconds(10)), 10))
        .extracting(AuditEvent::action)
        .containsExactly("user.login");
  }
}
