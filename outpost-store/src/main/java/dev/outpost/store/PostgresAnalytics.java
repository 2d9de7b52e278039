package dev.outpost.store;

import dev.outpost.core.Analytics;
import dev.outpost.core.Mention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
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
  private final boolean rollups;

  public PostgresAnalytics(DataSource dataSource) {
    this(dataSource, true);
  }

  /**
   * @param rollups false to read everything from the base tables (the reference the rollups are
   *     tested against)
   */
  PostgresAnalytics(DataSource dataSource, boolean rollups) {
    this.rollups = rollups;
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
    String unit = interval.name().toLowerCase(Locale.ROOT);
    return planned(
        filter,
        false,
        (plan, args) -> {
          args.add(plan.days().stream().map(LocalDate::toString).toList());
          String rollupTopics = topics(filter, args, "topic_id = ANY(?)");
          args.addAll(plan.rawArgs());
          String rawTopics = topics(filter, args, "m.topic_id = ANY(?)");
          return "SELECT bucket, topic_id, sum(n), sum(u), sum(p), sum(x) FROM ("
              + "SELECT date_trunc('"
              + unit
              + "', hour AT TIME ZONE 'UTC') AS bucket, topic_id, negative AS n, neutral AS u,"
              + " positive AS p, unknown AS x FROM rollup_volume WHERE day = ANY(?::date[])"
              + rollupTopics
              + " UNION ALL SELECT date_trunc('"
              + unit
              + "', m.posted_at AT TIME ZONE 'UTC'), m.topic_id,"
              + " count(*) FILTER (WHERE m.sentiment = 'negative'),"
              + " count(*) FILTER (WHERE m.sentiment = 'neutral'),"
              + " count(*) FILTER (WHERE m.sentiment = 'positive'),"
              + " count(*) FILTER (WHERE m.sentiment IS NULL)"
              + " FROM mentions m WHERE "
              + plan.rawCondition("m.posted_at")
              + rawTopics
              + " GROUP BY 1, 2) v GROUP BY 1, 2 ORDER BY 1, 2";
        },
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
    return planned(
        filter,
        false,
        (plan, args) -> {
          args.add(plan.days().stream().map(LocalDate::toString).toList());
          args.addAll(plan.rawArgs());
          String some = topics(filter, args, "t.id = ANY(?)");
          return "SELECT t.id, t.name, t.kind, coalesce(c.n, 0),"
              + " coalesce(coalesce(c.n, 0)::float8 / nullif(sum(coalesce(c.n, 0)) OVER (), 0), 0)"
              + " FROM topics t LEFT JOIN (SELECT topic_id, sum(n) AS n FROM ("
              + "SELECT topic_id, sum(negative + neutral + positive + unknown) AS n"
              + " FROM rollup_volume WHERE day = ANY(?::date[]) GROUP BY topic_id"
              + " UNION ALL SELECT m.topic_id, count(*) FROM mentions m WHERE "
              + plan.rawCondition("m.posted_at")
              + " GROUP BY m.topic_id) u GROUP BY topic_id) c ON c.topic_id = t.id"
              + (some.isEmpty() ? "" : " WHERE true" + some)
              + " ORDER BY 4 DESC, 1";
        },
        rs ->
            new TopicShare(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getDouble(5)));
  }

  @Override
  public List<AuthorStat> topAuthors(Filter filter, AuthorOrder order, int limit) {
    int checked = checkedLimit(limit);
    return planned(
        filter,
        true,
        (plan, args) -> {
          String periods = periods(plan, args);
          String rollupTopics = topics(filter, args, "topics && ?::text[]");
          args.addAll(plan.rawArgs());
          String rawTopics = topics(filter, args, "m.topic_id = ANY(?)");
          return "SELECT a.network, a.handle, a.display_name, a.followers, x.posts, x.inf"
              + " FROM (SELECT author_id, sum(posts) AS posts, max(inf) AS inf FROM ("
              + "SELECT author_id, posts, max_influence AS inf FROM rollup_authors WHERE "
              + periods
              + rollupTopics
              + " UNION ALL SELECT p.author_id, count(DISTINCT p.id), coalesce(max(p.influence), 0)"
              + " FROM mentions m JOIN posts p ON p.id = m.post_id WHERE "
              + plan.rawCondition("m.posted_at")
              + rawTopics
              + " GROUP BY p.author_id) u GROUP BY author_id) x"
              + " JOIN authors a ON a.id = x.author_id ORDER BY "
              + (order == AuthorOrder.VOLUME ? "5 DESC, 6 DESC" : "6 DESC, 5 DESC")
              + ", a.handle, a.network LIMIT "
              + checked;
        },
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
    int checked = checkedLimit(limit);
    return planned(
        filter,
        true,
        (plan, args) -> {
          String periods = periods(plan, args);
          String rollupTopics = topics(filter, args, "topics && ?::text[]");
          args.addAll(plan.rawArgs());
          String rawTopics = topics(filter, args, "m.topic_id = ANY(?)");
          return "SELECT tag, sum(n) FROM (SELECT tag, posts AS n FROM rollup_tags WHERE "
              + periods
              + rollupTopics
              + " UNION ALL SELECT tag, count(*) FROM (SELECT DISTINCT p.id, lower(t[1]) AS tag"
              + " FROM posts p CROSS JOIN LATERAL regexp_matches(p.text, "
              + Rollups.TAG_PATTERN
              + ", 'g') AS t WHERE p.id IN (SELECT m.post_id FROM mentions m WHERE "
              + plan.rawCondition("m.posted_at")
              + rawTopics
              + ")) r GROUP BY tag) u GROUP BY tag ORDER BY 2 DESC, 1 LIMIT "
              + checked;
        },
        rs -> new TermCount(rs.getString(1), rs.getLong(2)));
  }

  /** Words come from the posts' {@code terms} column (migration V10). */
  @Override
  public List<TermCount> topTerms(Filter filter, int limit) {
    int checked = checkedLimit(limit);
    return planned(
        filter,
        true,
        (plan, args) -> {
          String periods = periods(plan, args);
          String rollupTopics = topics(filter, args, "topics && ?::text[]");
          args.addAll(plan.rawArgs());
          String rawTopics = topics(filter, args, "m.topic_id = ANY(?)");
          return "SELECT term, sum(n) FROM (SELECT term, posts AS n FROM rollup_terms WHERE "
              + periods
              + rollupTopics
              + " UNION ALL SELECT w, count(*) FROM (SELECT p.id,"
              + " unnest(tsvector_to_array(p.terms)) AS w FROM posts p"
              + " WHERE p.id IN (SELECT m.post_id FROM mentions m WHERE "
              + plan.rawCondition("m.posted_at")
              + rawTopics
              + ")) r WHERE "
              + Rollups.TERM_FILTER
              + " GROUP BY w) u GROUP BY term ORDER BY 2 DESC, 1 LIMIT "
              + checked;
        },
        rs -> new TermCount(rs.getString(1), rs.getLong(2)));
  }

  /**
   * Builds a query from the range's rollup plan: the SQL, given the plan, filling the arguments.
   */
  @FunctionalInterface
  private interface PlannedSql {
    String sql(RollupPlan plan, List<Object> args);
  }

  private <T> List<T> planned(
      Filter filter, boolean levels, PlannedSql build, Sql.RowMapper<T> mapper) {
    try (Connection c = dataSource.getConnection()) {
      RollupPlan plan =
          rollups
              ? RollupPlan.of(c, filter.span().from(), filter.span().to(), levels)
              : RollupPlan.raw(filter.span().from(), filter.span().to());
      List<Object> args = new ArrayList<>();
      String sql = build.sql(plan, args);
      return Sql.query(c, sql, ps -> bind(c, ps, args, 1), mapper);
    } catch (SQLException e) {
      throw new StoreException("analytics query failed: " + e.getMessage(), e);
    }
  }

  /** The rollup periods of a plan as a condition on {@code kind, start}. */
  private static String periods(RollupPlan plan, List<Object> args) {
    args.add(plan.kinds());
    args.add(plan.starts().stream().map(LocalDate::toString).toList());
    return "(kind, start) IN (SELECT k::char(1), s FROM unnest(?::text[], ?::date[]) AS x(k, s))";
  }

  /** A topic condition when the filter names topics (added to the arguments), else nothing. */
  private static String topics(Filter filter, List<Object> args, String condition) {
    if (filter.topicIds().isEmpty()) {
      return "";
    }
    args.add(filter.topicIds());
    return " AND " + condition;
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
    facet(
        sql,
        args,
        " AND EXISTS (SELECT 1 FROM mention_tags t WHERE t.mention_id = m.id AND t.tag = ?)",
        s.tag());
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
}
