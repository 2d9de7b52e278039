package dev.outpost.care.inbox;

import dev.outpost.core.Enrichment;
import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import dev.outpost.core.Mention;
import dev.outpost.core.Post;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.store.PostgresAuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns stored mentions into cases: a post that needs action opens a case; a follow-up by the same
 * author on the same topic, or an answer in a case's thread, joins the open case; a later post by
 * the author of a recent case is kept as the case's latest sentiment ("critic became a fan").
 */
final class Intake {
  static final Set<Intent> ACTIONABLE =
      Set.of(Intent.COMPLAINT, Intent.QUESTION, Intent.OUTAGE, Intent.CHURN);
  private final InboxSettings settings;

  Intake(InboxSettings settings) {
    this.settings = settings;
  }

  /** Whether a post needs someone to act: a complaint, question, outage, churn or negative. */
  static boolean needsAction(Optional<Enrichment> e) {
    return e.map(
            x ->
                !x.intents().contains(Intent.SPAM)
                    && (x.intents().stream().anyMatch(ACTIONABLE::contains)
                        || x.sentiment() == Sentiment.NEGATIVE))
        .orElse(false);
  }

  /** What happened to the mention: the case it opened or joined, if any. */
  Optional<Long> take(Connection c, Mention m, Instant now) throws SQLException {
    Post p = m.post();
    Optional<String> sentiment = m.enrichment().map(e -> e.sentiment().label());
    if (alreadyTaken(c, p)) {
      return Optional.empty();
    }
    Optional<Long> open = openCase(c, m);
    if (open.isEmpty() && needsAction(m.enrichment())) {
      open = create(c, m, now);
      if (open.isEmpty()) {
        open = openCase(c, m); // someone else opened it a moment ago
      }
    }
    if (open.isPresent()) {
      join(c, open.get(), m, sentiment, now);
      return open;
    }
    sentiment.ifPresent(s -> laterPost(c, p, s));
    return Optional.empty();
  }

  private static boolean alreadyTaken(Connection c, Post p) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM care_messages m JOIN care_cases k ON k.id = m.case_id"
                + " WHERE m.external_id = ? AND m.direction = 'IN' AND k.network = ?")) {
      ps.setString(1, p.externalId());
      ps.setString(2, p.network());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The open case this mention belongs to (its thread first, then its author and topic). */
  private static Optional<Long> openCase(Connection c, Mention m) throws SQLException {
    Post p = m.post();
    if (p.replyTo().isPresent()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT k.id FROM care_messages x JOIN care_cases k ON k.id = x.case_id"
                  + " LEFT JOIN outbox o ON o.key = x.outbox_key"
                  + " WHERE k.network = ? AND k.status <> 'RESOLVED'"
                  + " AND (x.external_id = ? OR o.external_id = ?) ORDER BY k.id LIMIT 1")) {
        ps.setString(1, p.network());
        ps.setString(2, p.replyTo().get());
        ps.setString(3, p.replyTo().get());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.of(rs.getLong(1));
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM care_cases WHERE network = ? AND author_handle = ? AND topic_id = ?"
                + " AND status <> 'RESOLVED'")) {
      ps.setString(1, p.network());
      ps.setString(2, p.author().handle());
      ps.setString(3, m.topicId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private Optional<Long> create(Connection c, Mention m, Instant now) throws SQLException {
    Post p = m.post();
    Priority priority = Priority.of(p.author(), m.enrichment());
    String queue = settings.routing().queue(m);
    Optional<String> assignee = nextAgent(c, queue);
    Instant firstDue = settings.hours().plus(now, settings.firstResponse().get(priority.tier()));
    Instant resolveDue = settings.hours().plus(now, settings.resolution().get(priority.tier()));
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO care_cases (network, author_handle, author_name, author_followers,"
                + " author_influencer, topic_id, queue, status, priority, priority_reasons,"
                + " assignee, opened_at, updated_at, first_response_due, resolution_due,"
                + " first_sentiment, latest_sentiment, latest_sentiment_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (network, author_handle, topic_id) WHERE status <> 'RESOLVED'"
                + " DO NOTHING RETURNING id")) {
      Optional<String> sentiment = m.enrichment().map(e -> e.sentiment().label());
      ps.setString(1, p.network());
      ps.setString(2, p.author().handle());
      ps.setString(3, CaseRows.clean(p.author().displayName()));
      ps.setLong(4, p.author().followers());
      ps.setBoolean(5, priority.reasons().contains("influencer"));
      ps.setString(6, m.topicId());
      ps.setString(7, queue);
      ps.setInt(8, priority.score());
      ps.setArray(9, c.createArrayOf("text", priority.reasons().toArray()));
      ps.setString(10, assignee.orElse(null));
      ps.setTimestamp(11, Timestamp.from(now));
      ps.setTimestamp(12, Timestamp.from(now));
      ps.setTimestamp(13, Timestamp.from(firstDue));
      ps.setTimestamp(14, Timestamp.from(resolveDue));
      ps.setString(15, sentiment.orElse(null));
      ps.setString(16, sentiment.orElse(null));
      ps.setTimestamp(17, Timestamp.from(p.createdAt()));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        id = rs.getLong(1);
      }
    }
    String detail =
        "queue "
            + queue
            + ", priority "
            + priority.score()
            + " ("
            + String.join(", ", priority.reasons())
            + ")";
    CaseRows.event(c, id, now, "system", "opened", detail);
    assignee.ifPresent(a -> event(c, id, now, "assigned", "to " + a + " (round-robin)"));
    PostgresAuditLog.record(
        c,
        new AuditEvent(
            now,
            "system",
            "case.open",
            "case:" + id,
            Map.of("queue", queue, "priority", String.valueOf(priority.score()))));
    return Optional.of(id);
  }

  private static void event(Connection c, long id, Instant now, String kind, String detail) {
    try {
      CaseRows.event(c, id, now, "system", kind, detail);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The queue's next agent in turn after the one who got its last case. */
  private Optional<String> nextAgent(Connection c, String queue) throws SQLException {
    List<String> agents = settings.agents().getOrDefault(queue, List.of());
    if (agents.isEmpty()) {
      return Optional.empty();
    }
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, ("care-round-robin:" + queue).hashCode());
      lock.execute();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT assignee FROM care_cases WHERE queue = ? AND assignee IS NOT NULL"
                + " ORDER BY id DESC LIMIT 1")) {
      ps.setString(1, queue);
      try (ResultSet rs = ps.executeQuery()) {
        int last = rs.next() ? agents.indexOf(rs.getString(1)) : -1;
        return Optional.of(agents.get((last + 1) % agents.size()));
      }
    }
  }

  private void join(Connection c, long id, Mention m, Optional<String> sentiment, Instant now)
      throws SQLException {
    Post p = m.post();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO care_messages (case_id, direction, kind, external_id, reply_to, actor,"
                + " text, at, sentiment) VALUES (?, 'IN', 'post', ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      ps.setLong(1, id);
      ps.setString(2, p.externalId());
      ps.setString(3, p.replyTo().orElse(null));
      ps.setString(4, p.author().handle());
      ps.setString(5, CaseRows.clean(p.text()));
      ps.setTimestamp(6, Timestamp.from(p.createdAt()));
      ps.setString(7, sentiment.orElse(null));
      if (ps.executeUpdate() == 0) {
        return;
      }
    }
    Priority priority = Priority.of(p.author(), m.enrichment());
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE care_cases SET updated_at = ?,"
                + " latest_sentiment = COALESCE(?, latest_sentiment),"
                + " latest_sentiment_at = ?,"
                + " priority = GREATEST(priority, ?),"
                + " priority_reasons = CASE WHEN ? > priority THEN ? ELSE priority_reasons END"
                + " WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, sentiment.orElse(null));
      ps.setTimestamp(3, Timestamp.from(p.createdAt()));
      ps.setInt(4, priority.score());
      ps.setInt(5, priority.score());
      ps.setArray(6, c.createArrayOf("text", priority.reasons().toArray()));
      ps.setLong(7, id);
      ps.executeUpdate();
    }
    Sla.resume(c, id, now, settings.hours(), "the customer answered");
  }

  /** A post by the author of a case that was answered: the case's latest sentiment. */
  private void laterPost(Connection c, Post p, String sentiment) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE care_cases SET latest_sentiment = ?, latest_sentiment_at = ?"
                + " WHERE id = (SELECT id FROM care_cases WHERE network = ? AND author_handle = ?"
                + " AND first_response_at IS NOT NULL AND first_response_at <= ?"
                + " AND opened_at >= ? ORDER BY opened_at DESC LIMIT 1)"
                + " AND (latest_sentiment_at IS NULL OR latest_sentiment_at <= ?)")) {
      ps.setString(1, sentiment);
      ps.setTimestamp(2, Timestamp.from(p.createdAt()));
      ps.setString(3, p.network());
      ps.setString(4, p.author().handle());
      ps.setTimestamp(5, Timestamp.from(p.createdAt()));
      ps.setTimestamp(6, Timestamp.from(p.createdAt().minus(settings.fanWindow())));
      ps.setTimestamp(7, Timestamp.from(p.createdAt()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot record a later post's sentiment: " + e.getMessage(), e);
    }
  }
}
