package dev.outpost.identity.review;

import dev.outpost.core.Mention;
import dev.outpost.core.MentionListener;
import dev.outpost.core.Post;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.audit.AuditLog;
import dev.outpost.identity.Assessment;
import dev.outpost.identity.Candidate;
import dev.outpost.identity.ImpersonationScorer;
import dev.outpost.identity.TakedownReport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live impersonation review: every stored mention's author is scored against the organisation's
 * protected identities with {@link ImpersonationScorer}, using what the post shows (handle, display
 * name, account age, the links it carries, whether it asks people to DM). Authors scoring at least
 * the configured minimum are queued once per account; later posts add their evidence and rescore
 * it. Reviewers confirm, dismiss or report, each decision audit-logged, and confirmed accounts make
 * the takedown report.
 */
public final class ImpersonationReview implements MentionListener {
  private static final Logger LOG = LoggerFactory.getLogger(ImpersonationReview.class);
  private static final Pattern LINK =
      Pattern.compile("(?i)\\b((?:https?://|www\\.)[^\\s<>\"']{1,300})");
  private static final Pattern ASKS_TO_DM =
      Pattern.compile(
          "(?iu)\\b(dm\\s+us|dm\\s+me|send\\s+(us\\s+|me\\s+)?a\\s+dm|direct\\s+messages?|"
              + "message\\s+us|inbox\\s+us|pm\\s+us|whats\\s?app\\s+us|send\\s+us\\s+your)\\b");
  private static final int MAX_LINKS = 20;
  private final ImpersonationScorer scorer;
  private final PostgresReviewQueue queue;
  private final AuditLog audit;
  private final Clock clock;
  private final double minScore;

  /**
   * @param scorer the organisation's protected identities and allow-list
   * @param dataSource the database holding {@code impersonation_candidates}
   * @param audit where reviewers' decisions are recorded
   * @param minScore authors scoring at least this are queued
   */
  public ImpersonationReview(
      ImpersonationScorer scorer,
      DataSource dataSource,
      AuditLog audit,
      Clock clock,
      double minScore) {
    this.scorer = scorer;
    this.queue = new PostgresReviewQueue(dataSource);
    this.audit = audit;
    this.clock = clock;
    this.minScore = minScore;
  }

  /** Scores the authors of stored mentions; never throws into the pipeline. */
  @Override
  public void stored(List<Mention> mentions) {
    // One post can be several mentions (one per topic): look at each post once.
    Map<String, Mention> posts = new LinkedHashMap<>();
    for (Mention m : mentions) {
      posts.putIfAbsent(m.post().key(), m);
    }
    for (Mention m : posts.values()) {
      try {
        see(m);
      } catch (RuntimeException e) {
        LOG.warn("impersonation review skipped mention {}: {}", m.id(), e.getMessage());
      }
    }
  }

  /**
   * Scores one mention's author and queues or updates the account when it scores at least the
   * minimum (or is already queued).
   *
   * @return the queued account, or empty when the author is not queued
   */
  public Optional<ReviewItem> see(Mention m) {
    Post p = m.post();
    Candidate seen = candidate(p);
    Assessment fresh = scorer.score(seen);
    Optional<ReviewItem> known =
        fresh.score() >= minScore ? queue.find(seen.network(), seen.handle()) : Optional.empty();
    if (fresh.score() < minScore && known.isEmpty()) {
      return Optional.empty();
    }
    Candidate merged = known.map(k -> merge(k.candidate(), seen)).orElse(seen);
    Assessment assessment = known.isEmpty() ? fresh : scorer.score(merged);
    Instant now = clock.instant();
    ReviewItem.Example example = new ReviewItem.Example(m.id(), p.url(), p.text());
    ReviewItem item =
        new ReviewItem(
            0,
            merged,
            assessment,
            known.map(ReviewItem::status).orElse(ReviewStatus.NEW),
            known.map(ReviewItem::firstSeen).orElse(now),
            now,
            known.map(k -> k.sightings() + 1).orElse(1),
            example,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    long id = queue.save(item);
    return queue.find(id);
  }

  /** The queue, highest score first. */
  public List<ReviewItem> list(Optional<ReviewStatus> status, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
    }
    return queue.list(status, limit);
  }

  public Optional<ReviewItem> find(long id) {
    return queue.find(id);
  }

  /**
   * Records a reviewer's decision ({@code confirm}, {@code dismiss}, {@code report} or {@code
   * reopen}) and audit-logs it as {@code impersonation.confirm} etc.
   *
   * @return the updated candidate, or empty when there is no such candidate
   */
  public Optional<ReviewItem> decide(long id, String decision, String actor, String note) {
    ReviewStatus status = ReviewStatus.ofDecision(decision);
    if (note != null && note.length() > 2000) {
      throw new IllegalArgumentException("note must be at most 2000 characters");
    }
    Optional<ReviewItem> before = queue.find(id);
    if (before.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    queue.decide(id, status, actor, now, note);
    ReviewItem b = before.get();
    audit.record(
        new AuditEvent(
            now,
            actor,
            "impersonation." + decision.strip().toLowerCase(java.util.Locale.ROOT),
            "impersonation:" + id,
            Map.of(
                "account",
                b.candidate().network() + ":@" + b.candidate().handle(),
                "score",
                String.format(java.util.Locale.ROOT, "%.2f", b.assessment().score()),
                "was",
                b.status().label())));
    return queue.find(id);
  }

  /** Takedown reports for every confirmed account (not yet reported), highest score first. */
  public List<TakedownReport> takedownReports() {
    List<TakedownReport> out = new ArrayList<>();
    for (ReviewItem item : queue.list(Optional.of(ReviewStatus.CONFIRMED), 10_000)) {
      out.add(TakedownReport.of(item.candidate(), item.assessment()));
    }
    return out;
  }

  /** What a post shows of its author. */
  static Candidate candidate(Post p) {
    return new Candidate(
        p.network(),
        p.author().handle(),
        p.author().displayName().equals(p.author().handle()) ? "" : p.author().displayName(),
        "",
        p.author().createdAt(),
        OptionalLong.empty(),
        Optional.empty(),
        links(p.text()),
        0,
        ASKS_TO_DM.matcher(p.text()).find());
  }

  static List<String> links(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = LINK.matcher(text.length() > 10_000 ? text.substring(0, 10_000) : text);
    while (m.find() && out.size() < MAX_LINKS) {
      out.add(m.group(1).replaceAll("[.,;:!?)\\]]+$", ""));
    }
    return List.copyOf(out);
  }

  private static Candidate merge(Candidate old, Candidate seen) {
    Set<String> links = new LinkedHashSet<>(old.links());
    for (String l : seen.links()) {
      if (links.size() >= MAX_LINKS) {
        break;
      }
      links.add(l);
    }
    return new Candidate(
        seen.network(),
        seen.handle(),
        seen.displayName().isBlank() ? old.displayName() : seen.displayName(),
        "",
        seen.createdAt().or(old::createdAt),
        OptionalLong.empty(),
        Optional.empty(),
        List.copyOf(links),
        0,
        old.asksToDm() || seen.asksToDm());
  }
}
