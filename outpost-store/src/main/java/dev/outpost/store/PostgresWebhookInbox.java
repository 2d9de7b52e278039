package dev.outpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The webhook inbox ({@code webhook_inbox}): verified deliveries stored before the sender is
 * answered, read back in id order by the source they belong to (ADR 0060).
 */
public final class PostgresWebhookInbox {
  private final DataSource dataSource;

  /**
   * One stored delivery.
   *
   * @param id its position in the inbox (increasing)
   * @param receivedAt when it arrived
   * @param body the request body exactly as received
   */
  public record Delivery(long id, Instant receivedAt, byte[] body) {
    public Delivery {
      Objects.requireNonNull(receivedAt, "receivedAt");
      Objects.requireNonNull(body, "body");
    }
  }

  public PostgresWebhookInbox(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Stores one delivery durably (committed when this returns).
   *
   * @return its id
   * @throws StoreException when the database cannot take it (the sender should retry later)
   */
  public long append(String source, Instant receivedAt, byte[] body) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO webhook_inbox (source, received_at, body) VALUES (?, ?, ?)"
                    + " RETURNING id")) {
      ps.setString(1, Sql.text(source));
      ps.setTimestamp(2, Timestamp.from(receivedAt));
      ps.setBytes(3, body);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot store a webhook delivery for source '" + source + "': " + e.getMessage(), e);
    }
  }

  /**
   * Up to {@code limit} deliveries of {@code source} with an id above {@code afterId}, in order.
   */
  public List<Delivery> after(String source, long afterId, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, received_at, body FROM webhook_inbox WHERE source = ? AND id > ?"
                    + " ORDER BY id LIMIT ?")) {
      ps.setString(1, source);
      ps.setLong(2, afterId);
      ps.setInt(3, limit);
      List<Delivery> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Delivery(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBytes(3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(
          "cannot read the webhook inbox of source '" + source + "': " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the deliveries of {@code source} that lie wholly before its stored pipeline checkpoint
   * ({@code "<id>:<index>"} in {@code checkpoints}): they are stored as posts already.
   *
   * @return how many were deleted
   */
  public int pruneBeforeCheckpoint(String source) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM webhook_inbox w USING checkpoints k"
                    + " WHERE w.source = ? AND k.source = w.source"
                    + " AND k.cursor ~ '^[0-9]{1,18}:[0-9]+$'"
                    + " AND w.id < split_part(k.cursor, ':', 1)::bigint")) {
      ps.setString(1, source);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(
          "cannot prune the webhook inbox of source '" + source + "': " + e.getMessage(), e);
    }
  }

  /** How many deliveries of {@code source} are stored (read or not). */
  public long count(String source) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM webhook_inbox WHERE source = ?")) {
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot count the webhook inbox of source '" + source + "': " + e.getMessage(), e);
    }
  }
}
