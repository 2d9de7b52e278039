package dev.outpost.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * Keeps the dashboard rollups (migration V12, ADR 0015) up to date: recomputes each dirty UTC day
 * from the base tables, then months from their days and years from their months. One refresher at a
 * time across every process sharing the database (a PostgreSQL advisory lock).
 */
public final class Rollups {
  private static final long LOCK = 0x6f75_7470_6f73_7401L; // "outpost" + 1
  static final String TERM_FILTER = "length(w) >= 3 AND w !~ '^[0-9_]+$'";
  static final String TAG_PATTERN = "'#([[:alnum:]_]+)'";
  private final DataSource dataSource;
  private final Clock clock;

  public Rollups(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Recomputes up to {@code maxDays} dirty days, then every month and year that can be rebuilt.
   *
   * @return the number of periods recomputed; 0 when another process holds the refresher lock
   */
  public int refresh(int maxDays) {
    try (Connection c = dataSource.getConnection()) {
      if (!lock(c, "pg_try_advisory_lock")) {
        return 0;
      }
      try {
        int done = 0;
        for (Dirty d : dirtyDays(c, maxDays)) {
          day(c, d);
          done++;
        }
        for (LocalDate m : buildable(c, "m")) {
          rollUp(c, "m", m, m.plusMonths(1), "d");
          done++;
        }
        for (LocalDate y : buildable(c, "y")) {
          rollUp(c, "y", y, y.plusYears(1), "m");
          done++;
        }
        return done;
      } finally {
        lock(c, "pg_advisory_unlock");
      }
    } catch (SQLException e) {
      throw new StoreException("cannot refresh the dashboard rollups: " + e.getMessage(), e);
    }
  }

  /** Days waiting to be recomputed. */
  public long dirtyDays() {
    return Sql.query(dataSource, "SELECT count(*) FROM rollup_dirty", ps -> {}, rs -> rs.getLong(1))
        .getFirst();
  }

  private static boolean lock(Connection c, String function) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?)")) {
      ps.setLong(1, LOCK);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private record Dirty(LocalDate day, long version) {}

  private static List<Dirty> dirtyDays(Connection c, int max) throws SQLException {
    return Sql.query(
        c,
        "SELECT day, version FROM rollup_dirty ORDER BY day LIMIT ?",
        ps -> ps.setInt(1, max),
        rs -> new Dirty(rs.getObject(1, LocalDate.class), rs.getLong(2)));
  }

  /** Recomputes one day in one transaction; it stays dirty if it changed meanwhile. */
  private void day(Connection c, Dirty d) throws SQLException {
    LocalDate day = d.day();
    Timestamp from = Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    Date date = Date.valueOf(day);
    c.setAutoCommit(false);
    try {
      for (String table : List.of("rollup_authors", "rollup_tags", "rollup_terms")) {
        update(c, "DELETE FROM " + table + " WHERE kind = 'd' AND start = ?", date);
      }
      update(c, "DELETE FROM rollup_volume WHERE day = ?", date);
      update(
          c,
          "INSERT INTO rollup_volume SELECT ?::date,"
              + " date_trunc('hour', m.posted_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', m.topic_id,"
              + " count(*) FILTER (WHERE m.sentiment = 'negative'),"
              + " count(*) FILTER (WHERE m.sentiment = 'neutral'),"
              + " count(*) FILTER (WHERE m.sentiment = 'positive'),"
              + " count(*) FILTER (WHERE m.sentiment IS NULL)"
              + " FROM mentions m WHERE m.posted_at >= ? AND m.posted_at < ? GROUP BY 2, 3",
          date,
          from,
          to);
      String sets =
          "WITH pt AS (SELECT post_id, array_agg(topic_id ORDER BY topic_id) AS topics"
              + " FROM mentions WHERE posted_at >= ? AND posted_at < ? GROUP BY post_id) ";
      update(
          c,
          sets
              + "INSERT INTO rollup_authors SELECT 'd', ?::date, pt.topics, p.author_id, count(*),"
              + " coalesce(max(p.influence), 0) FROM pt JOIN posts p ON p.id = pt.post_id"
              + " GROUP BY pt.topics, p.author_id",
          from,
          to,
          date);
      update(
          c,
          sets
              + "INSERT INTO rollup_tags SELECT 'd', ?::date, pt.topics, x.tag, count(*) FROM pt"
              + " CROSS JOIN LATERAL (SELECT DISTINCT lower(t[1]) AS tag FROM posts p"
              + " CROSS JOIN LATERAL regexp_matches(p.text, "
              + TAG_PATTERN
              + ", 'g') AS t WHERE p.id = pt.post_id) x GROUP BY pt.topics, x.tag",
          from,
          to,
          date);
      update(
          c,
          sets
              + "INSERT INTO rollup_terms SELECT 'd', ?::date, pt.topics, w, count(*) FROM pt"
              + " JOIN posts p ON p.id = pt.post_id"
              + " CROSS JOIN LATERAL unnest(tsvector_to_array(p.terms)) AS w WHERE "
              + TERM_FILTER
              + " GROUP BY pt.topics, w",
          from,
          to,
          date);
      // the day's month and year are rebuilt from the new day
      update(
          c,
          "DELETE FROM rollup_periods WHERE (kind = 'd' AND start = ?) OR (kind = 'm' AND start = ?)"
              + " OR (kind = 'y' AND start = ?)",
          date,
          Date.valueOf(day.withDayOfMonth(1)),
          Date.valueOf(day.withDayOfYear(1)));
      update(
          c,
          "INSERT INTO rollup_periods (kind, start, computed_at) VALUES ('d', ?, ?)",
          date,
          Timestamp.from(clock.instant()));
      update(c, "DELETE FROM rollup_dirty WHERE day = ? AND version = ?", date, d.version());
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * Months (or years) that can be built: some of their days (months) are computed, the period
   * itself is not, none of its days is dirty, and (for a year) each of its months is computed.
   */
  private static List<LocalDate> buildable(Connection c, String kind) throws SQLException {
    String unit = kind.equals("m") ? "month" : "year";
    String part = kind.equals("m") ? "d" : "m";
    String sql =
        "SELECT DISTINCT date_trunc('"
            + unit
            + "', p.start)::date AS s FROM rollup_periods p WHERE p.kind = '"
            + part
            + "' AND NOT EXISTS (SELECT 1 FROM rollup_periods q WHERE q.kind = '"
            + kind
            + "' AND q.start = date_trunc('"
            + unit
            + "', p.start)::date)"
            + " AND NOT EXISTS (SELECT 1 FROM rollup_dirty r WHERE r.day >= date_trunc('"
            + unit
            + "', p.start)::date AND r.day < (date_trunc('"
            + unit
            + "', p.start) + interval '1 "
            + unit
            + "')::date)"
            + (kind.equals("y")
                ? " AND NOT EXISTS (SELECT 1 FROM rollup_periods d WHERE d.kind = 'd'"
                    + " AND date_trunc('year', d.start) = date_trunc('year', p.start)"
                    + " AND NOT EXISTS (SELECT 1 FROM rollup_periods mm WHERE mm.kind = 'm'"
                    + " AND mm.start = date_trunc('month', d.start)::date))"
                : "")
            + " ORDER BY s";
    return Sql.query(c, sql, ps -> {}, rs -> rs.getObject(1, LocalDate.class));
  }

  private void rollUp(Connection c, String kind, LocalDate start, LocalDate end, String part)
      throws SQLException {
    Date s = Date.valueOf(start);
    Date e = Date.valueOf(end);
    c.setAutoCommit(false);
    try {
      for (String table : List.of("rollup_authors", "rollup_tags", "rollup_terms")) {
        update(c, "DELETE FROM " + table + " WHERE kind = ? AND start = ?", kind, s);
      }
      update(
          c,
          "INSERT INTO rollup_authors SELECT ?, ?, topics, author_id, sum(posts),"
              + " max(max_influence) FROM rollup_authors WHERE kind = ? AND start >= ?"
              + " AND start < ? GROUP BY topics, author_id",
          kind,
          s,
          part,
          s,
          e);
      update(
          c,
          "INSERT INTO rollup_tags SELECT ?, ?, topics, tag, sum(posts) FROM rollup_tags"
              + " WHERE kind = ? AND start >= ? AND start < ? GROUP BY topics, tag",
          kind,
          s,
          part,
          s,
          e);
      update(
          c,
          "INSERT INTO rollup_terms SELECT ?, ?, topics, term, sum(posts) FROM rollup_terms"
              + " WHERE kind = ? AND start >= ? AND start < ? GROUP BY topics, term",
          kind,
          s,
          part,
          s,
          e);
      update(
          c,
          "INSERT INTO rollup_periods (kind, start, computed_at) VALUES (?, ?, ?)",
          kind,
          s,
          Timestamp.from(clock.instant()));
      c.commit();
    } catch (SQLException | RuntimeException ex) {
      c.rollback();
      throw ex;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }
}
