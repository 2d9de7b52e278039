package dev.outpost.care.inbox;

import dev.outpost.care.inbox.InboxCase.Delivery;
import dev.outpost.care.inbox.InboxCase.Event;
import dev.outpost.care.inbox.InboxCase.Message;
import dev.outpost.care.inbox.InboxCase.Timer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads cases, messages and history from the care tables (one connection, the caller's). */
final class CaseRows {
  static final String COLUMNS =
      "c.id, c.network, c.author_handle, c.author_name, c.author_followers, c.topic_id, c.queue,"
          + " c.status, c.priority, c.priority_reasons, c.assignee, c.tags, c.opened_at,"
          + " c.first_response_due, c.first_response_at, c.resolution_due, c.resolved_at,"
          + " c.waiting_since, c.resolution, c.first_sentiment, c.latest_sentiment,"
          + " (SELECT m.text FROM care_messages m WHERE m.case_id = c.id AND m.direction = 'IN'"
          + " ORDER BY m.id DESC LIMIT 1) AS preview";

  private CaseRows() {}

  /** One row of {@link #COLUMNS} as a case, its priority aged by the wait until {@code now}. */
  static InboxCase of(ResultSet rs, Instant now) throws SQLException {
    CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
    Instant opened = instant(rs, "opened_at").orElseThrow();
    boolean paused = rs.getTimestamp("waiting_since") != null;
    Optional<Instant> firstAt = instant(rs, "first_response_at");
    Priority p = new Priority(rs.getInt("priority"), strings(rs.getArray("priority_reasons")));
    if (firstAt.isEmpty() && status != CaseStatus.RESOLVED && !paused) {
      p = p.waited(Duration.between(opened, now));
    }
    return new InboxCase(
        rs.getLong("id"),
        rs.getString("network"),
        rs.getString("author_handle"),
        rs.getString("author_name"),
        rs.getLong("author_followers"),
        rs.getString("topic_id"),
        rs.getString("queue"),
        status,
        p,
        Optional.ofNullable(rs.getString("assignee")),
        strings(rs.getArray("tags")),
        opened,
        new Timer(instant(rs, "first_response_due").orElseThrow(), firstAt, paused),
        new Timer(instant(rs, "resolution_due").orElseThrow(), instant(rs, "resolved_at"), paused),
        Optional.ofNullable(rs.getString("resolution")),
        Optional.ofNullable(rs.getString("first_sentiment")),
        Optional.ofNullable(rs.getString("latest_sentiment")),
        Optional.ofNullable(rs.getString("preview")).orElse(""));
  }

  static Optional<InboxCase> find(Connection c, long id, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM care_cases c WHERE c.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(of(rs, now)) : Optional.empty();
      }
    }
  }

  static List<Message> messages(Connection c, long caseId) throws SQLException {
    List<Message> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m.id, m.direction, m.kind, m.external_id, m.actor, m.text, m.at, m.sentiment,"
                + " m.awaiting_approval, m.approved_by,"
                + " m.outbox_key, o.status, o.attempts, o.last_error, o.url, o.external_id AS sent_id,"
                // the mention an incoming message is, so that agents can correct its sentiment
                + " (SELECT mn.id FROM care_cases k JOIN posts p ON p.network = k.network"
                + " AND p.external_id = m.external_id JOIN mentions mn ON mn.post_id = p.id"
                + " AND mn.topic_id = k.topic_id WHERE k.id = m.case_id AND m.direction = 'IN'"
                + " LIMIT 1) AS mention_id"
                + " FROM care_messages m LEFT JOIN outbox o ON o.key = m.outbox_key"
                + " WHERE m.case_id = ? ORDER BY m.id")) {
      ps.setLong(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Optional<Delivery> d =
              rs.getString("status") == null
                  ? Optional.empty()
                  : Optional.of(
                      new Delivery(
                          rs.getString("outbox_key"),
                          rs.getString("status").toLowerCase(java.util.Locale.ROOT),
                          rs.getInt("attempts"),
                          Optional.ofNullable(rs.getString("last_error")),
                          Optional.ofNullable(rs.getString("url"))));
          Optional<String> ext =
              Optional.ofNullable(rs.getString("external_id"))
                  .or(() -> Optional.ofNullable(sentId(rs)));
          out.add(
              new Message(
                  rs.getLong("id"),
                  rs.getString("direction"),
                  rs.getString("kind"),
                  ext,
                  rs.getString("actor"),
                  rs.getString("text"),
                  instant(rs, "at").orElseThrow(),
                  Optional.ofNullable(rs.getString("sentiment")),
                  d,
                  rs.getBoolean("awaiting_approval"),
                  Optional.ofNullable(rs.getString("approved_by")),
                  Optional.ofNullable((Long) rs.getObject("mention_id", Long.class))));
        }
      }
    }
    return out;
  }

  private static String sentId(ResultSet rs) {
    try {
      return rs.getString("sent_id");
    } catch (SQLException e) {
      return null;
    }
  }

  static List<Event> events(Connection c, long caseId) throws SQLException {
    List<Event> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT at, actor, kind, detail FROM care_events WHERE case_id = ? ORDER BY id")) {
      ps.setLong(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Event(
                  instant(rs, "at").orElseThrow(),
                  rs.getString("actor"),
                  rs.getString("kind"),
                  rs.getString("detail")));
        }
      }
    }
    return out;
  }

  static List<String> drafting(Connection c, long caseId, Instant since) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT agent FROM care_presence WHERE case_id = ? AND seen_at >= ? ORDER BY agent")) {
      ps.setLong(1, caseId);
      ps.setTimestamp(2, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static void event(Connection c, long caseId, Instant at, String actor, String kind, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO care_events (case_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)")) {
      ps.setLong(1, caseId);
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setString(3, actor);
      ps.setString(4, kind);
      ps.setString(5, detail);
      ps.executeUpdate();
    }
  }

  static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  static List<String> strings(Array a) throws SQLException {
    return a == null
        ? List.of()
        : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
  }

  static String clean(String s) {
    return s.replace("\u0000", "");
  }

  /** The case, locked for this transaction; {@link CaseNotFound} when there is none. */
  static InboxCase lock(Connection c, long id, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM care_cases WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new CaseNotFound(id);
        }
      }
    }
    return CaseRows.find(c, id, now).orElseThrow(() -> new CaseNotFound(id));
  }

  /** The cases a queue filter selects, twice its limit, by stored priority (unsorted by wait). */
  static List<InboxCase> queue(Connection c, Inbox.Filter f, Instant now) throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT " + CaseRows.COLUMNS + " FROM care_cases c WHERE ");
    List<Object> args = new ArrayList<>();
    if (f.statuses().isEmpty()) {
      sql.append("c.status <> 'RESOLVED'");
    } else {
      sql.append("c.status = ANY (?)");
      args.add(f.statuses().stream().map(Enum::name).toArray(String[]::new));
    }
    f.queue()
        .ifPresent(
            q -> {
              sql.append(" AND c.queue = ?");
              args.add(q);
            });
    f.assignee()
        .ifPresent(
            a -> {
              sql.append(" AND c.assignee = ?");
              args.add(a);
            });
    sql.append(" ORDER BY c.priority DESC, c.opened_at LIMIT ").append(f.limit() * 2);
    List<InboxCase> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        Object a = args.get(i);
        if (a instanceof String[] arr) {
          ps.setArray(i + 1, c.createArrayOf("text", arr));
        } else {
          ps.setString(i + 1, (String) a);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(of(rs, now));
        }
      }
    }
    return rows;
  }

  /** Gives a case to an agent. */
  static void assign(Connection c, long id, String agent) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE care_cases SET assignee = ? WHERE id = ?")) {
      ps.setString(1, agent);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }
}
