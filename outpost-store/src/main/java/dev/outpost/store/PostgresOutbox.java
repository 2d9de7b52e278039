package dev.outpost.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.Outbox;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.core.outbox.OutboxEntry;
import dev.outpost.core.outbox.OutboxStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The outbox in PostgreSQL ({@code outbox}): the idempotency key is the primary key, and claims use
 * {@code FOR UPDATE SKIP LOCKED} so concurrent dispatchers never send the same entry.
 */
public final class PostgresOutbox implements Outbox {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};
  private static final int MAX_ERROR = 2_000;
  private static final String COLUMNS =
      "key, channel, kind, target, body, attributes::text, status, attempts, created_at,"
          + " next_attempt_at, last_error, external_id, url, sent_at";
  private final DataSource dataSource;

  public PostgresOutbox(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean enqueue(OutboxAction action, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      return enqueue(c, action, now);
    } catch (SQLException e) {
      throw new StoreException("cannot queue action " + action.key() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Queues an action on the caller's connection, so that it commits with the caller's own change
   * (for example the reply recorded on a case).
   */
  public static boolean enqueue(Connection c, OutboxAction a, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO outbox (key, channel, kind, target, body, attributes, status, created_at,"
                + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, 'PENDING', ?, ?)"
                + " ON CONFLICT (key) DO NOTHING")) {
      ps.setString(1, Sql.text(a.key()));
      ps.setString(2, Sql.text(a.channel()));
      ps.setString(3, a.kind().name());
      ps.setString(4, Sql.text(a.target()));
      ps.setString(5, Sql.text(a.text()));
      ps.setString(6, json(a.attributes()));
      ps.setTimestamp(7, Timestamp.from(now));
      ps.setTimestamp(8, Timestamp.from(now));
      return ps.executeUpdate() == 1;
    }
  }

  @Override
  public Optional<OutboxEntry> find(String key) {
    return Sql.query(
            dataSource,
            "SELECT " + COLUMNS + " FROM outbox WHERE key = ?",
            ps -> ps.setString(1, key),
            PostgresOutbox::entry)
        .stream()
        .findFirst();
  }

  @Override
  public List<OutboxEntry> findAll(Collection<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return Sql.query(
        dataSource,
        "SELECT " + COLUMNS + " FROM outbox WHERE key = ANY (?)",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", keys.toArray())),
        PostgresOutbox::entry);
  }

  @Override
  public List<OutboxEntry> claim(Instant now, Duration lease, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    return Sql.query(
        dataSource,
        "UPDATE outbox SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = ?"
            + " WHERE key IN (SELECT key FROM outbox WHERE status IN ('PENDING', 'SENDING')"
            + " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " RETURNING "
            + COLUMNS,
        ps -> {
          ps.setTimestamp(1, Timestamp.from(now.plus(lease)));
          ps.setTimestamp(2, Timestamp.from(now));
          ps.setInt(3, limit);
        },
        PostgresOutbox::entry);
  }

  @Override
  public void sent(String key, String externalId, Optional<String> url, Instant now) {
    update(
        "UPDATE outbox SET status = 'SENT', external_id = ?, url = ?, sent_at = ?,"
            + " last_error = NULL WHERE key = ?",
        ps -> {
          ps.setString(1, Sql.text(externalId));
          ps.setString(2, url.map(Sql::text).orElse(null));
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setString(4, key);
        });
  }

  @Override
  public void failed(String key, String error, Optional<Instant> retryAt, Instant now) {
    String e = Sql.text(error);
    String reason = e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR) : e;
    update(
        "UPDATE outbox SET status = ?, last_error = ?, next_attempt_at = ?"
            + " WHERE key = ? AND status <> 'SENT'",
        ps -> {
          ps.setString(1, retryAt.isPresent() ? "PENDING" : "FAILED");
          ps.setString(2, reason);
          ps.setTimestamp(3, Timestamp.from(retryAt.orElse(now)));
          ps.setString(4, key);
        });
  }

  @Override
  public boolean retry(String key, Instant now) {
    return update(
            "UPDATE outbox SET status = 'PENDING', next_attempt_at = ? WHERE key = ?"
                + " AND status = 'FAILED'",
            ps -> {
              ps.setTimestamp(1, Timestamp.from(now));
              ps.setString(2, key);
            })
        == 1;
  }

  private int update(String sql, Sql.Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update the outbox: " + e.getMessage(), e);
    }
  }

  private static OutboxEntry entry(ResultSet rs) throws SQLException {
    OutboxAction action =
        new OutboxAction(
            rs.getString(1),
            rs.getString(2),
            ActionKind.valueOf(rs.getString(3)),
            rs.getString(4),
            rs.getString(5),
            attributes(rs.getString(6)));
    Timestamp sentAt = rs.getTimestamp(14);
    return new OutboxEntry(
        action,
        OutboxStatus.valueOf(rs.getString(7)),
        rs.getInt(8),
        rs.getTimestamp(9).toInstant(),
        rs.getTimestamp(10).toInstant(),
        Optional.ofNullable(rs.getString(11)),
        Optional.ofNullable(rs.getString(12)),
        Optional.ofNullable(rs.getString(13)),
        Optional.ofNullable(sentAt).map(Timestamp::toInstant));
  }

  private static String json(Map<String, String> attributes) {
    try {
      return JSON.writeValueAsString(Sql.textMap(attributes));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> attributes(String json) throws SQLException {
    try {
      return JSON.readValue(json, ATTRIBUTES);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable outbox attributes: " + e.getOriginalMessage(), e);
    }
  }
}
