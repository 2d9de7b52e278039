package dev.outpost.store;

import dev.outpost.core.Author;
import dev.outpost.core.MatchedPost;
import dev.outpost.core.Mention;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.RejectedDataException;
import dev.outpost.core.Store;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link Store} on PostgreSQL. Each batch is one transaction, written with array parameters.
 */
public final class PostgresStore implements Store {
  private final DataSource dataSource;
  private final Clock clock;

  public PostgresStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public List<Mention> save(String source, List<MatchedPost> batch, String checkpoint) {
    // Keep the last sighting of each post and of each author; skip posts that matched nothing.
    Map<String, MatchedPost> posts = new LinkedHashMap<>();
    for (MatchedPost m : batch) {
      if (!m.topicIds().isEmpty()) {
        posts.put(Sql.text(m.post().key()), m);
      }
    }
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Mention> stored = new ArrayList<>();
        if (!posts.isEmpty()) {
          Map<String, Long> authorIds = BatchWriter.upsertAuthors(c, posts.values());
          Map<String, Long> newPostIds =
              BatchWriter.insertPosts(c, source, posts.values(), authorIds);
          stored = BatchWriter.insertMentions(c, posts, newPostIds, now);
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO checkpoints (source, cursor, updated_at) VALUES (?, ?, ?) "
                    + "ON CONFLICT (source) DO UPDATE SET cursor = EXCLUDED.cursor,"
                    + " updated_at = EXCLUDED.updated_at")) {
          ps.setString(1, source);
          ps.setString(2, checkpoint);
          ps.setTimestamp(3, Timestamp.from(now));
          ps.executeUpdate();
        }
        c.commit();
        return stored;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      String message = "storing " + posts.size() + " posts failed: " + e.getMessage();
      if (Sql.isDataError(e)) {
        throw new RejectedDataException(message, e);
      }
      throw new StoreException(message, e);
    }
  }

  @Override
  public void reject(String source, Post post, String reason, String checkpoint) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        DeadLetters.write(c, source, post, reason, checkpoint, clock.instant());
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("setting a post aside failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long rejectedCount() {
    return Sql.query(dataSource, "SELECT count(*) FROM dead_letters", ps -> {}, rs -> rs.getLong(1))
        .getFirst();
  }

  @Override
  public Optional<String> checkpoint(String source) {
    return Sql.query(
            dataSource,
            "SELECT cursor FROM checkpoints WHERE source = ?",
            ps -> ps.setString(1, source),
            rs -> rs.getString(1))
        .stream()
        .findFirst();
  }

  @Override
  public void saveTopics(List<Topic> topics) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO topics (id, name, kind, query) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,"
                    + " query = EXCLUDED.query, updated_at = now()")) {
      for (Topic t : topics) {
        ps.setString(1, t.id());
        ps.setString(2, t.name());
        ps.setString(3, t.kind().name());
        ps.setString(4, t.query());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("saving topics failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean deleteTopic(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM topics WHERE id = ?")) {
      ps.setString(1, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("deleting topic " + id + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Topic> topics() {
    return Sql.query(
        dataSource,
        "SELECT id, name, kind, query FROM topics ORDER BY kind, name",
        ps -> {},
        rs ->
            new Topic(
                rs.getString(1),
                rs.getString(2),
                TopicKind.valueOf(rs.getString(3)),
                rs.getString(4)));
  }

  @Override
  public List<Mention> latestMentions(int limit, Optional<String> topicId) {
    String sql =
        "SELECT m.id, m.topic_id, m.matched_at, p.network, p.external_id, p.text, p.language,"
            + " p.created_at, p.url, p.reply_to, p.likes, p.reposts, p.replies, p.views,"
            + " a.handle, a.display_name, a.followers, a.verified, a.created_at, p.sentiment,"
            + " p.sentiment_scores, p.intents, p.influence, p.influencer, p.reach, p.virality,"
            + " p.text_truncated"
            + " FROM mentions m JOIN posts p ON p.id = m.post_id JOIN authors a ON a.id = p.author_id"
            + (topicId.isPresent() ? " WHERE m.topic_id = ?" : "")
            + " ORDER BY m.id DESC LIMIT ?";
    return Sql.query(
        dataSource,
        sql,
        ps -> {
          int i = 1;
          if (topicId.isPresent()) {
            ps.setString(i++, topicId.get());
          }
          ps.setInt(i, Math.max(0, Math.min(limit, 1_000)));
        },
        PostgresStore::mention);
  }

  static Mention mention(ResultSet rs) throws SQLException {
    String network = rs.getString(4);
    Author author =
        new Author(
            network,
            rs.getString(15),
            rs.getString(16),
            rs.getLong(17),
            rs.getBoolean(18),
            Optional.ofNullable(rs.getTimestamp(19)).map(Timestamp::toInstant));
    Post post =
        new Post(
            network,
            rs.getString(5),
            author,
            rs.getString(6),
            rs.getString(7),
            rs.getTimestamp(8).toInstant(),
            Optional.ofNullable(rs.getString(9)),
            Optional.ofNullable(rs.getString(10)),
            new Metrics(rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)));
    return new Mention(
        rs.getLong(1),
        post,
        rs.getString(2),
        rs.getTimestamp(3).toInstant(),
        EnrichmentColumns.read(rs, post.language()));
  }

  @Override
  public Map<String, Long> mentionCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    Sql.query(
            dataSource,
            "SELECT t.id, count(m.id) FROM topics t LEFT JOIN mentions m ON m.topic_id = t.id"
                + " GROUP BY t.id ORDER BY t.id",
            ps -> {},
            rs -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  @Override
  public long postCount() {
    return Sql.query(dataSource, "SELECT count(*) FROM posts", ps -> {}, rs -> rs.getLong(1))
        .getFirst();
  }

  @Override
  public boolean isHealthy() {
    // A pooled connection may have died with the server; a failing statement makes the pool
    // evict it, so a second attempt gets a fresh connection once the server is back.
    // Only a quick failure (a dead pooled connection) is worth a second try: when no connection
    // can be had at all, the pool has already waited its timeout.
    for (int attempt = 0; attempt < 2; attempt++) {
      long start = System.nanoTime();
      try (Connection c = dataSource.getConnection();
          var st = c.createStatement()) {
        st.setQueryTimeout(2);
        st.execute("SELECT 1");
        return true;
      } catch (SQLException e) {
        if (System.nanoTime() - start > 1_000_000_000L) {
          return false;
        }
      }
    }
    return false;
  }
}
