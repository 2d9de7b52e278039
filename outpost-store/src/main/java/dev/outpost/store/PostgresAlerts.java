package dev.outpost.store;

import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import dev.outpost.core.alerts.AlertStore;
import dev.outpost.core.alerts.AlertThread;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Alert threads, their messages and incidents in PostgreSQL ({@code alert_threads}, {@code
 * alert_messages}, {@code incidents}). A message is kept once per thread, phase and stream time, so
 * that a detector replaying the same stream after a restart changes nothing.
 */
public final class PostgresAlerts implements AlertStore {
  private static final String COLUMNS =
      "latest::text, opened_at, messages, status, snoozed_until, acknowledged_by,"
          + " acknowledged_at, resolved_by, resolved_at, escalated_at";
  private static final String ACTIVE =
      "phase <> 'CLOSED' AND (status IN ('NEW', 'ACKNOWLEDGED')"
          + " OR (status = 'SNOOZED' AND snoozed_until <= ?))";

  private final DataSource dataSource;

  public PostgresAlerts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Recorded record(Alert a, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Recorded r = record(c, a, now);
        c.commit();
        return r;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record alert " + a.threadId() + ": " + e.getMessage(), e);
    }
  }

  private Recorded record(Connection c, Alert a, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alert_threads (thread_id, kind, subject, severity, phase, opened_at,"
                + " last_at, messages, latest, status, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?::jsonb, 'NEW', ?)"
                + " ON CONFLICT (thread_id) DO NOTHING")) {
      ps.setString(1, Sql.text(a.threadId()));
      ps.setString(2, a.kind().name());
      ps.setString(3, Sql.text(a.subject()));
      ps.setString(4, a.severity().name());
      ps.setString(5, a.phase().name());
      ps.setTimestamp(6, Timestamp.from(a.at()));
      ps.setTimestamp(7, Timestamp.from(a.at()));
      ps.setString(8, AlertJson.write(a));
      ps.setTimestamp(9, Timestamp.from(now));
      ps.executeUpdate();
    }
    AlertThread before =
        select(c, "SELECT " + COLUMNS + " FROM alert_threads WHERE thread_id = ? FOR UPDATE", a)
            .orElseThrow();
    boolean added;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alert_messages (thread_id, phase, at, message) VALUES (?, ?, ?, ?::jsonb)"
                + " ON CONFLICT DO NOTHING")) {
      ps.setString(1, Sql.text(a.threadId()));
      ps.setString(2, a.phase().name());
      ps.setTimestamp(3, Timestamp.from(a.at()));
      ps.setString(4, AlertJson.write(a));
      added = ps.executeUpdate() == 1;
    }
    if (!added) {
      return new Recorded(before, false);
    }
    Alert old = before.latest();
    boolean first = before.messages() == 0;
    Alert.Severity severity =
        first || a.severity().compareTo(old.severity()) > 0 ? a.severity() : old.severity();
    boolean escalated = !first && a.severity().compareTo(old.severity()) > 0;
    // The latest message stays the latest in stream time; an out-of-order one only counts.
    Alert latest = first || !a.at().isBefore(old.at()) ? withSeverity(a, severity) : old;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE alert_threads SET severity = ?, phase = ?, last_at = ?, latest = ?::jsonb,"
                + " messages = messages + 1,"
                + " status = CASE WHEN status = 'SNOOZED' AND ? THEN 'NEW' ELSE status END,"
                + " snoozed_until = CASE WHEN status = 'SNOOZED' AND ? THEN NULL"
                + " ELSE snoozed_until END"
                + " WHERE thread_id = ?")) {
      ps.setString(1, latest.severity().name());
      ps.setString(2, latest.phase().name());
      ps.setTimestamp(3, Timestamp.from(latest.at()));
      ps.setString(4, AlertJson.write(latest));
      ps.setBoolean(5, escalated);
      ps.setBoolean(6, escalated);
      ps.setString(7, Sql.text(a.threadId()));
      ps.executeUpdate();
    }
    return new Recorded(
        select(c, "SELECT " + COLUMNS + " FROM alert_threads WHERE thread_id = ?", a).orElseThrow(),
        true);
  }

  private static Alert withSeverity(Alert a, Alert.Severity s) {
    return s == a.severity()
        ? a
        : new Alert(
            a.threadId(),
            a.kind(),
            a.phase(),
            s,
            a.subject(),
            a.at(),
            a.observed(),
            a.expected(),
            a.summary(),
            a.evidence(),
            a.details());
  }

  private static Optional<AlertThread> select(Connection c, String sql, Alert a)
      throws SQLException {
    return Sql.query(c, sql, ps -> ps.setString(1, Sql.text(a.threadId())), r -> thread(r, null))
        .stream()
        .findFirst();
  }

  @Override
  public List<AlertThread> threads(boolean activeOnly, int limit, Instant now) {
    checkLimit(limit);
    String where = activeOnly ? " WHERE " + ACTIVE : "";
    return Sql.query(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM alert_threads"
            + where
            + " ORDER BY last_at DESC, thread_id LIMIT "
            + limit,
        ps -> {
          if (activeOnly) {
            ps.setTimestamp(1, Timestamp.from(now));
          }
        },
        r -> thread(r, now));
  }

  @Override
  public Optional<AlertThread> thread(String threadId, Instant now) {
    return Sql.query(
            dataSource,
            "SELECT " + COLUMNS + " FROM alert_threads WHERE thread_id = ?",
            ps -> ps.setString(1, threadId),
            r -> thread(r, now))
        .stream()
        .findFirst();
  }

  @Override
  public List<Alert> messages(String threadId) {
    return Sql.query(
        dataSource,
        "SELECT message::text FROM alert_messages WHERE thread_id = ? ORDER BY at, phase",
        ps -> ps.setString(1, threadId),
        r -> AlertJson.readAlert(r.getString(1)));
  }

  @Override
  public long activeCount(Instant now) {
    return Sql.query(
            dataSource,
            "SELECT count(*) FROM alert_threads WHERE " + ACTIVE,
            ps -> ps.setTimestamp(1, Timestamp.from(now)),
            r -> r.getLong(1))
        .getFirst();
  }

  @Override
  public Optional<AlertThread> acknowledge(String threadId, String actor, Instant now) {
    return change(
        threadId,
        "status = 'ACKNOWLEDGED', snoozed_until = NULL,"
            + " acknowledged_by = COALESCE(acknowledged_by, ?),"
            + " acknowledged_at = COALESCE(acknowledged_at, ?)",
        now,
        actor,
        now);
  }

  @Override
  public Optional<AlertThread> snooze(
      String threadId, String actor, Duration duration, Instant now) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("snooze duration must be positive, was " + duration);
    }
    return change(
        threadId,
        "status = 'SNOOZED', snoozed_until = ?, acknowledged_by = COALESCE(acknowledged_by, ?),"
            + " acknowledged_at = COALESCE(acknowledged_at, ?)",
        now,
        now.plus(duration),
        actor,
        now);
  }

  @Override
  public Optional<AlertThread> resolve(String threadId, String actor, Instant now) {
    return change(
        threadId,
        "status = 'RESOLVED', snoozed_until = NULL, resolved_by = ?, resolved_at = ?",
        now,
        actor,
        now);
  }

  private Optional<AlertThread> change(String threadId, String set, Instant now, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE alert_threads SET " + set + " WHERE thread_id = ?")) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(
            i + 1, args[i] instanceof Instant t ? Timestamp.from(t) : Sql.text((String) args[i]));
      }
      ps.setString(args.length + 1, threadId);
      if (ps.executeUpdate() == 0) {
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot change alert " + threadId + ": " + e.getMessage(), e);
    }
    return thread(threadId, now);
  }

  @Override
  public List<AlertThread> unacknowledged(Instant recordedBefore, int limit) {
    checkLimit(limit);
    return Sql.query(
        dataSource,
        "SELECT "
            + COLUMNS
            + " FROM alert_threads WHERE status = 'NEW' AND phase <> 'CLOSED'"
            + " AND escalated_at IS NULL AND recorded_at < ? ORDER BY recorded_at LIMIT "
            + limit,
        ps -> ps.setTimestamp(1, Timestamp.from(recordedBefore)),
        r -> thread(r, null));
  }

  @Override
  public boolean markEscalated(String threadId, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE alert_threads SET escalated_at = ?"
                    + " WHERE thread_id = ? AND escalated_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, threadId);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot mark alert " + threadId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean claimNotification(String threadId, Instant at, Duration throttle) {
    boolean always = throttle.isZero();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE alert_threads SET notified_at = GREATEST(notified_at, ?)"
                    + " WHERE thread_id = ?"
                    + (always ? "" : " AND (notified_at IS NULL OR notified_at <= ?)"))) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setString(2, threadId);
      if (!always) {
        ps.setTimestamp(3, Timestamp.from(at.minus(throttle)));
      }
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot claim alert " + threadId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void saveIncident(Incident i) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO incidents (id, name, status, opened_at, last_seen_at, size, snapshot)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO UPDATE SET"
                    + " name = excluded.name, status = excluded.status,"
                    + " opened_at = excluded.opened_at, last_seen_at = excluded.last_seen_at,"
                    + " size = excluded.size, snapshot = excluded.snapshot")) {
      ps.setString(1, Sql.text(i.id()));
      ps.setString(2, Sql.text(i.name()));
      ps.setString(3, i.status().name());
      ps.setTimestamp(4, Timestamp.from(i.openedAt()));
      ps.setTimestamp(5, Timestamp.from(i.lastSeenAt()));
      ps.setInt(6, i.size());
      ps.setString(7, AlertJson.write(i));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot save incident " + i.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<Incident> incidents(int limit) {
    checkLimit(limit);
    return Sql.query(
        dataSource,
        "SELECT snapshot::text FROM incidents ORDER BY last_seen_at DESC, id LIMIT " + limit,
        ps -> {},
        r -> AlertJson.readIncident(r.getString(1)));
  }

  @Override
  public Optional<Incident> incident(String id) {
    return Sql.query(
            dataSource,
            "SELECT snapshot::text FROM incidents WHERE id = ?",
            ps -> ps.setString(1, id),
            r -> AlertJson.readIncident(r.getString(1)))
        .stream()
        .findFirst();
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
    }
  }

  /** A row as a thread; a snooze that ended by {@code now} (when given) reads as new. */
  private static AlertThread thread(ResultSet r, Instant now) throws SQLException {
    AlertThread.Status status = AlertThread.Status.valueOf(r.getString(4));
    Optional<Instant> until = instant(r, 5);
    if (now != null
        && status == AlertThread.Status.SNOOZED
        && until.isPresent()
        && !until.get().isAfter(now)) {
      status = AlertThread.Status.NEW;
      until = Optional.empty();
    }
    return new AlertThread(
        AlertJson.readAlert(r.getString(1)),
        r.getTimestamp(2).toInstant(),
        r.getInt(3),
        status,
        until,
        actor(r, 6),
        actor(r, 8),
        instant(r, 10));
  }

  private static Optional<AlertThread.Actor> actor(ResultSet r, int column) throws SQLException {
    String name = r.getString(column);
    return name == null
        ? Optional.empty()
        : Optional.of(new AlertThread.Actor(name, r.getTimestamp(column + 1).toInstant()));
  }

  private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
    Timestamp t = r.getTimestamp(column);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }
}
