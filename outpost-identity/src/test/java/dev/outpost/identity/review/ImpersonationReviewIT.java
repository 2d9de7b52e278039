package dev.outpost.identity.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Author;
import dev.outpost.core.Mention;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.identity.ImpersonationScorer;
import dev.outpost.identity.ProtectedIdentity;
import dev.outpost.identity.TakedownReport;
import dev.outpost.identity.Verdict;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live review over the real PostgreSQL schema: queueing, dedupe, decisions, audit, takedowns. */
class ImpersonationReviewIT {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  @TempDir static Path dataDir;
  private static Database db;
  private static ImpersonationReview review;
  private static PostgresAuditLog audit;
  private static long nextId = 1;

  @BeforeAll
  static void start() {
    db = Database.embedded(dataDir);
    audit = new PostgresAuditLog(db.dataSource());
    ImpersonationScorer scorer =
        new ImpersonationScorer(
            ProtectedIdentity.parse(
                List.of("x:@AppleSupport", "name:Apple Support", "domain:apple.com"), dataDir),
            List.of("@AppleNewsroomFan"),
            CLOCK);
    review = new ImpersonationReview(scorer, db.dataSource(), audit, CLOCK, 0.4);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  private static Mention mention(String handle, String name, String text, Instant created) {
    long id = nextId++;
    Post p =
        new Post(
            "x",
            "p" + id,
            new Author("x", handle, name, 12, false, Optional.ofNullable(created)),
            text,
            "en",
            NOW.minusSeconds(60),
            Optional.of("https://x.com/" + handle + "/status/p" + id),
            Optional.of("1215"),
            Metrics.NONE);
    return new Mention(id, p, "apple", NOW);
  }

  @Test
  void aLookAlikeIsQueuedOnceWithItsEvidenceAndOrdinaryAuthorsAreNot() {
    review.stored(
        List.of(
            mention(
                "AppIeSupport",
                "Apple Support",
                "@jane sorry about that! DM us your Apple ID at https://apple-refunds.co/claim",
                NOW.minusSeconds(86_400 * 3)),
            mention("jane_doe", "Jane", "@AppleSupport my iphone died again", null),
            mention("AppleSupport", "Apple Support", "@jane_doe we're here to help", null),
            mention("AppleNewsroomFan", "Apple Support fan", "love the new phone", null)));
    review.stored(
        List.of(
            mention(
                "appiesupport",
                "Apple Support",
                "@tom send us a DM http://bit.ly/x1",
                NOW.minusSeconds(86_400 * 3))));

    List<ReviewItem> queued = review.list(Optional.empty(), 100);
    assertThat(queued)
        .extracting(i -> i.candidate().handle().toLowerCase(java.util.Locale.ROOT))
        .contains("appiesupport")
        .doesNotContain("jane_doe", "applesupport", "applenewsroomfan")
        .doesNotHaveDuplicates();
    ReviewItem item =
        queued.stream()
            .filter(i -> i.candidate().handle().equals("appiesupport"))
            .findFirst()
            .orElseThrow();
    assertThat(item.sightings()).isEqualTo(2);
    assertThat(item.status()).isEqualTo(ReviewStatus.NEW);
    assertThat(item.assessment().verdict()).isEqualTo(Verdict.IMPERSONATION);
    assertThat(item.assessment().resembles()).isPresent();
    assertThat(item.candidate().asksToDm()).isTrue();
    assertThat(item.candidate().links())
        .contains("https://apple-refunds.co/claim", "http://bit.ly/x1");
    assertThat(item.assessment().reasons())
        .extracting(r -> r.signal())
        .contains("handle", "behaviour");
    assertThat(item.example().text()).contains("bit.ly");
  }

  @Test
  void decisionsAreKeptAuditedAndConfirmedAccountsMakeTheTakedownReport() {
    Mention fake = mention("Apple_Support_Help", "Apple Support", "DM us now", null);
    Mention other = mention("ApplSupport", "", "hello", null);
    long fakeId = review.see(fake).orElseThrow().id();
    long otherId = review.see(other).orElseThrow().id();

    ReviewItem confirmed = review.decide(fakeId, "confirm", "ana", "copies our name").orElseThrow();
    assertThat(confirmed.status()).isEqualTo(ReviewStatus.CONFIRMED);
    assertThat(confirmed.reviewedBy()).contains("ana");
    assertThat(confirmed.note()).contains("copies our name");
    review.decide(otherId, "dismiss", "ana", null);
    review.see(mention("ApplSupport", "", "hello again", null));
    assertThat(review.find(otherId).orElseThrow().status()).isEqualTo(ReviewStatus.DISMISSED);
    assertThat(review.find(otherId).orElseThrow().sightings()).isEqualTo(2);

    List<AuditEvent> events =
        audit.recent(Optional.of("ana"), Optional.of("impersonation."), Optional.empty(), 10);
    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly("impersonation.dismiss", "impersonation.confirm");
    assertThat(events.get(1).subject()).isEqualTo("impersonation:" + fakeId);
    assertThat(events.get(1).details()).containsEntry("was", "new");

    List<TakedownReport> reports = review.takedownReports();
    assertThat(reports).extracting(TakedownReport::account).contains("@Apple_Support_Help");
    TakedownReport r =
        reports.stream()
            .filter(t -> t.account().equals("@Apple_Support_Help"))
            .findFirst()
            .orElseThrow();
    assertThat(r.networkName()).startsWith("X");
    assertThat(r.evidence()).isNotEmpty();

    review.decide(fakeId, "report", "ana", null);
    assertThat(review.takedownReports())
        .extracting(TakedownReport::account)
        .doesNotContain("@Apple_Support_Help");
    assertThat(review.list(Optional.of(ReviewStatus.REPORTED), 10))
        .extracting(ReviewItem::id)
        .containsExactly(fakeId);
  }

  @Test
  void badDecisionsAndUnknownIdsAreRefusedAndHostileTextIsKept() {
    assertThat(review.decide(999_999, "confirm", "ana", null)).isEmpty();
    assertThatThrownBy(() -> review.decide(1, "delete", "ana", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confirm, dismiss, report or reopen");
    String hostile = "<script>alert(1)</script>\u0000 DM us https://appl3-support.com";
    ReviewItem item =
        review.see(mention("AppleSupp0rt", "Apple\u0000 Support", hostile, null)).orElseThrow();
    assertThat(item.example().text()).startsWith("<script>alert(1)</script>");
  }
}
