package dev.outpost.store;

import dev.outpost.core.Analytics;
import dev.outpost.core.Mention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link Analytics} on PostgreSQL: every figure is one SQL aggregate over the stored mentions, so
 * dashboards show exactly what is stored. Buckets are in UTC.
 */
public final class PostgresAnalytics implements Analytics {
  private static final String MENTION_COLUMNS =
      "SELECT m.id, m.topic_id, m.matched_at, p.network, p.external_id, p.text, p.language,"
          + " p.created_at, p.url, p.reply_to, p.likes, p.reposts, p.replies, p.views,"
          + " a.handle, a.display_name, a.followers, a.verified, a.created_at, p.sentiment,"
          + " p.sentiment_scores, p.intents, p.influence, p.influencer, p.reach, p.virality,"
          + " p.text_truncated"
          + " FROM mentions m JOIN posts p ON p.id = m.post_id JOIN authors a ON a.id = p.author_id";

  private final DataSource dataSource;

  public PostgresAnalytics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<Span> span() {
    return Sql.query(
            dataSource,
            "SELECT min(posted_at), max(posted_at) FROM mentions",
            ps -> {},
            rs ->
                rs.getTimestamp(1) == null
                    ? Optional.<Span>empty()
                    : Optional.of(
                        new Span(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())))
        .getFirst();
  }

  @Override
  public List<VolumePoint> volume(Filter filter, Interval interval) {
    Where where = Where.of(filter);
    String sql =
        "SELECT date_trunc('"
            + interval.name().toLowerCase(Locale.ROOT)
            + "', m.posted_at AT TIME ZONE 'UTC') AS bucket, m.topic_id,"
            + " count(*) FILTER (WHERE m.sentiment = 'negative'),"
            + " count(*) FILTER (WHERE m.sentiment = 'neutral'),"
            + " count(*) FILTER (WHERE m.sentiment = 'positive'),"
            + " count(*) FILTER (WHERE m.sentiment IS NULL)"
            + " FROM mentions m WHERE "
            + where.sql()
            + " GROUP BY 1, 2 ORDER BY 1, 2";
    return query(
        sql,
        where,
        rs ->
            new VolumePoint(
                rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6)));
  }

  @Override
  public List<TopicShare> shareOfVoice(Filter filter) {
    boolean some = !filter.topicIds().isEmpty();
    String sql =
        "SELECT t.id, t.name, t.kind, count(m.id),"
            + " coalesce(count(m.id)::float8 / nullif(sum(count(m.id)) OVER (), 0), 0)"
            + " FROM topics t LEFT JOIN mentions m ON m.topic_id = t.id"
            + " AND m.posted_at >= ? AND m.posted_at < ?"
            + (some ? " WHERE t.id = ANY(?)" : "")
            + " GROUP BY t.id, t.name, t.kind ORDER BY 4 DESC, 1";
    try (Connection c = dataSource.getConnection()) {
      return Sql.query(
          c,
          sql,
          ps -> {
            ps.setTimestamp(1, Timestamp.from(filter.span().from()));
            ps.setTimestamp(2, Timestamp.from(filter.span().to()));
            if (some) {
              ps.setArray(3, c.createArrayOf("text", filter.topicIds().toArray()));
            }
          },
          rs ->
              new TopicShare(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getDouble(5)));
    } catch (SQLException e) {
      throw new StoreException("share of voice failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<AuthorStat> topAuthors(Filter filter, AuthorOrder order, int limit) {
    Where where = Where.of(filter);
    String sql =
        "SELECT a.network, a.handle, a.display_name, a.followers, count(DISTINCT p.id),"
            + " coalesce(max(p.influence), 0)"
            + " FROM mentions m JOIN posts p ON p.id = m.post_id"
            + " JOIN authors a ON a.id = p.author_id WHERE "
            + where.sql()
            + " GROUP BY a.id ORDER BY "
            + (order == AuthorOrder.VOLUME ? "5 DESC, 6 DESC" : "6 DESC, 5 DESC")
            + ", a.handle, a.network LIMIT "
            + checkedLimit(limit);
    return query(
        sql,
        where,
        rs ->
            new AuthorStat(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getDouble(6)));
  }

  @Override
  public List<TermCount> topHashtags(Filter filter, int limit) {
    Where where = Where.of(filter);
    String sql =
        "SELECT tag, count(*) FROM (SELECT DISTINCT p.id, lower(t[1]) AS tag FROM posts p"
            + " CROSS JOIN LATERAL regexp_matches(p.text, '#([[:alnum:]_]+)', 'g') AS t"
            + " WHERE p.id IN (SELECT m.post_id FROM mentions m WHERE "
            + where.sql()
            + ")) x GROUP BY tag ORDER BY 2 DESC, 1 LIMIT "
            + checkedLimit(limit);
    return query(sql, where, rs -> new TermCount(rs.getString(1), rs.getLong(2)));
  }

  /** Words come from the posts' {@code terms} column (migration V10). */
  @Override
  public List<TermCount> topTerms(Filter filter, int limit) {
    Where where = Where.of(filter);
    String sql =
        "SELECT w, count(*) FROM (SELECT p.id, unnest(tsvector_to_array(p.terms)) AS w"
            + " FROM posts p"
            + " WHERE p.id IN (SELECT m.post_id FROM mentions m WHERE "
            + where.sql()
            + ")) x WHERE length(w) >= 3 AND w !~ '^[0-9_]+$'"
            + " GROUP BY w ORDER BY 2 DESC, 1 LIMIT "
            + checkedLimit(limit);
    return query(sql, where, rs -> new TermCount(rs.getString(1), rs.getLong(2)));
  }

  @Override
  public List<Mention> search(Search s) {
    StringBuilder sql = new StringBuilder(MENTION_COLUMNS).append(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (!s.query().isBlank()) {
      sql.append(" AND to_tsvector('english', p.text) @@ websearch_to_tsquery('english', ?::text)");
      args.add(s.query());
    }
    s.span()
        .ifPresent(
            span -> {
              sql.append(" AND m.posted_at >= ? AND m.posted_at < ?");
              args.add(Timestamp.from(span.from()));
              args.add(Timestamp.from(span.to()));
            });
    if (!s.topicIds().isEmpty()) {
      sql.append(" AND m.topic_id = ANY(?)");
      args.add(s.topicIds());
    }
    facet(sql, args, " AND p.network = ?", s.network());
    facet(sql, args, " AND m.sentiment = ?", s.sentiment());
    facet(sql, args, " AND ? = ANY(p.intents)", s.intent());
    facet(sql, args, " AND p.language = ?", s.language());
    sql.append(" ORDER BY m.posted_at DESC, m.id DESC LIMIT ").append(s.limit());
    try (Connection c = dataSource.getConnection()) {
      return Sql.query(c, sql.toString(), ps -> bind(c, ps, args, 1), PostgresStore::mention);
    } catch (SQLException e) {
      throw new StoreException("search failed: " + e.getMessage(), e);
    }
  }

  private static void facet(
      StringBuilder sql, List<Object> args, String clause, Optional<String> value) {
    value.ifPresent(
        v -> {
          sql.append(clause);
          args.add(v);
        });
  }

  private static int checkedLimit(int limit) {
    if (limit < 1 || limit > 1_000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
    }
    return limit;
  }

  private <T> List<T> query(String sql, Where where, Sql.RowMapper<T> mapper) {
    try (Connection c = dataSource.getConnection()) {
      return Sql.query(c, sql, ps -> bind(c, ps, where.args(), 1), mapper);
    } catch (SQLException e) {
      throw new StoreException("analytics query failed: " + e.getMessage(), e);
    }
  }

  private static void bind(Connection c, PreparedStatement ps, List<Object> args, int first)
      throws SQLException {
    int i = first;
    for (Object arg : args) {
      if (arg instanceof List<?> list) {
        ps.setArray(i++, c.createArrayOf("text", list.toArray()));
      } else if (arg instanceof Timestamp t) {
        ps.setTimestamp(i++, t);
      } else {
        ps.setString(i++, (String) arg);
      }
    }
  }

  /** The mention filter as a SQL condition on {@code m} and its arguments. */
  private record Where(String sql, List<Object> args) {
    static Where of(Filter f) {
      List<Object> args = new ArrayList<>();
      args.add(Timestamp.from(f.span().from()));
      args.add(Timestamp.from(f.span().to()));
      String sql = "m.posted_at >= ? AND m.posted_at < ?";
      if (!f.topicIds().isEmpty()) {
        sql += " AND m.topic_id = ANY(?)";
        args.add(f.topicIds());
      }
      return new Where(sql, args);
    }
  }
}
