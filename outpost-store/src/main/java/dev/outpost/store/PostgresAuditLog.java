package dev.outpost.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.audit.AuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The audit log in PostgreSQL ({@code audit_log}). */
public final class PostgresAuditLog implements AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};
  private final DataSource dataSource;

  public PostgresAuditLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void record(AuditEvent e) {
    try (Connection c = dataSource.getConnection()) {
      record(c, e);
    } catch (SQLException ex) {
      throw new StoreException("cannot write the audit log: " + ex.getMessage(), ex);
    }
  }

  /**
   * Appends an event on the caller's connection, so that it commits or rolls back with the caller's
   * own change.
   */
  public static void record(Connection c, AuditEvent e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log (at, actor, action, subject, details)"
                + " VALUES (?, ?, ?, ?, ?::jsonb)")) {
      ps.setTimestamp(1, Timestamp.from(e.at()));
      ps.setString(2, Sql.text(e.actor()));
      ps.setString(3, Sql.text(e.action()));
      ps.setString(4, Sql.text(e.subject()));
      ps.setString(5, json(e.details()));
      ps.executeUpdate();
    }
  }

  @Override
  public List<AuditEvent> recent(
      Optional<String> actor, Optional<String> actionPrefix, Optional<Instant> before, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
    }
    StringBuilder sql =
        new StringBuilder(
            "SELECT at, actor, action, subject, details::text FROM audit_log WHERE true");
    List<Object> args = new ArrayList<>();
    actor.ifPresent(
        a -> {
          sql.append(" AND actor = ?");
          args.add(a);
        });
    actionPrefix.ifPresent(
        p -> {
          sql.append(" AND starts_with(action, ?)");
          args.add(p);
        });
    before.ifPresent(
        b -> {
          sql.append(" AND at < ?");
          args.add(Timestamp.from(b));
        });
    sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(limit);
    return Sql.query(
        dataSource,
        sql.toString(),
        ps -> {
          for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
          }
        },
        rs ->
            new AuditEvent(
                rs.getTimestamp(1).toInstant(),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                details(rs.getString(5))));
  }

  private static String json(Map<String, String> details) {
    try {
      return JSON.writeValueAsString(Sql.textMap(details));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> details(String json) {
    try {
      return JSON.readValue(json, DETAILS);
    } catch (JsonProcessingException e) {
      throw new StoreException("unreadable audit details: " + e.getOriginalMessage(), e);
    }
  }
}
