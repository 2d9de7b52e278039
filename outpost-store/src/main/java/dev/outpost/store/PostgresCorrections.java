package dev.outpost.store;

import dev.outpost.core.Enrichment.Intent;
import dev.outpost.core.Enrichment.Sentiment;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.corrections.Correction;
import dev.outpost.core.corrections.Corrections;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Corrections in PostgreSQL ({@code corrections}, V75). A correction is stored, applied to the post
 * (and the mention's sentiment, so dashboards follow) and audit-logged in one transaction.
 */
public final class PostgresCorrections implements Corrections {
  private static final String SELECT =
      "SELECT c.id, c.mention_id, c.at, c.actor, c.sentiment, c.intents, c.previous_sentiment,"
          + " c.previous_intents, p.text FROM corrections c JOIN mentions m ON m.id = c.mention_id"
          + " JOIN posts p ON p.id = m.post_id";
  private final DataSource dataSource;

  public PostgresCorrections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<Correction> correct(
      long mentionId, String actor, Instant at, Correction.Change change) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<Correction> done = correct(c, mentionId, actor, at, change);
        c.commit();
        return done;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store the correction of mention " + mentionId, e);
    }
  }

  private Optional<Correction> correct(
      Connection c, long mentionId, String actor, Instant at, Correction.Change change)
      throws SQLException {
    long postId;
    String previousSentiment;
    Array previousIntents;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.sentiment, p.intents FROM mentions m JOIN posts p ON p.id = m.post_id"
                + " WHERE m.id = ? FOR UPDATE OF p")) {
      ps.setLong(1, mentionId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        postId = rs.getLong(1);
        previousSentiment = rs.getString(2);
        previousIntents = rs.getArray(3);
      }
    }
    String sentiment = change.sentiment().map(Sentiment::label).orElse(null);
    String[] intents =
        change.intents().map(i -> Correction.Change.labels(i).toArray(String[]::new)).orElse(null);
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO corrections (mention_id, at, actor, sentiment, intents,"
                + " previous_sentiment, previous_intents) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id")) {
      ps.setLong(1, mentionId);
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setString(3, Sql.text(actor));
      ps.setString(4, sentiment);
      ps.setArray(5, intents == null ? null : c.createArrayOf("text", intents));
      ps.setString(6, previousSentiment);
      ps.setArray(
          7, previousIntents == null ? c.createArrayOf("text", new String[0]) : previousIntents);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    if (sentiment != null) {
      // An agent's label is certain: its score becomes 1, so the mention shows confidence 1.
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE posts SET sentiment = ?, sentiment_scores = ? WHERE id = ?")) {
        Float[] oneHot = {0f, 0f, 0f};
        oneHot[change.sentiment().get().ordinal()] = 1f;
        ps.setString(1, sentiment);
        ps.setArray(2, c.createArrayOf("real", oneHot));
        ps.setLong(3, postId);
        ps.executeUpdate();
      }
      update(c, "UPDATE mentions SET sentiment = ? WHERE post_id = ?", sentiment, postId);
    }
    if (intents != null) {
      try (PreparedStatement ps = c.prepareStatement("UPDATE posts SET intents = ? WHERE id = ?")) {
        ps.setArray(1, c.createArrayOf("text", intents));
        ps.setLong(2, postId);
        ps.executeUpdate();
      }
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("correction", Long.toString(id));
    if (sentiment != null) {
      details.put("sentiment", sentiment);
      details.put("was", previousSentiment == null ? "none" : previousSentiment);
    }
    if (intents != null) {
      details.put("intents", String.join(",", intents));
    }
    PostgresAuditLog.record(
        c, new AuditEvent(at, actor, "mention.correct", "mention:" + mentionId, details));
    return Sql.query(
            c, SELECT + " WHERE c.id = ?", ps -> ps.setLong(1, id), PostgresCorrections::row)
        .stream()
        .findFirst();
  }

  @Override
  public List<Correction> list(Optional<Long> afterId, int limit) {
    if (limit < 1 || limit > 100_000) {
      throw new IllegalArgumentException("limit must be between 1 and 100000, was " + limit);
    }
    return Sql.query(
        dataSource,
        SELECT + " WHERE c.id > ? ORDER BY c.id DESC LIMIT " + limit,
        ps -> ps.setLong(1, afterId.orElse(0L)),
        PostgresCorrections::row);
  }

  private static void update(Connection c, String sql, String value, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  private static Correction row(ResultSet rs) throws SQLException {
    Array intents = rs.getArray(6);
    return new Correction(
        rs.getLong(1),
        rs.getLong(2),
        rs.getTimestamp(3).toInstant(),
        rs.getString(4),
        sentiment(rs.getString(5)),
        intents == null ? Optional.empty() : Optional.of(intents(intents)),
        sentiment(rs.getString(7)),
        intents(rs.getArray(8)),
        rs.getString(9));
  }

  private static Optional<Sentiment> sentiment(String s) {
    return s == null
        ? Optional.empty()
        : Optional.of(Sentiment.valueOf(s.toUpperCase(Locale.ROOT)));
  }

  private static Set<Intent> intents(Array a) throws SQLException {
    Set<Intent> out = EnumSet.noneOf(Intent.class);
    if (a == null) {
      return out;
    }
    for (Object o : (Object[]) a.getArray()) {
      try {
        out.add(Intent.valueOf(o.toString().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException ignored) {
        // an intent label this version does not know: not shown
      }
    }
    return out;
  }
}
