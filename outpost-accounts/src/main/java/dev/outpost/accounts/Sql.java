package dev.outpost.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers: one statement, positional parameters, rows as lists of values. */
final class Sql {
  private Sql() {}

  /** One result row, read by column index (0-based). */
  record Row(List<Object> values) {
    String string(int i) {
      return (String) values.get(i);
    }

    boolean bool(int i) {
      return (Boolean) values.get(i);
    }

    long longValue(int i) {
      return ((Number) values.get(i)).longValue();
    }

    byte[] bytes(int i) {
      return (byte[]) values.get(i);
    }

    Instant instant(int i) {
      Object v = values.get(i);
      return v == null ? null : ((Timestamp) v).toInstant();
    }
  }

  static void exec(DataSource db, String sql, Object... params) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = prepare(c, sql, params)) {
      ps.execute();
    } catch (SQLException e) {
      throw Accounts.failed(firstWords(sql), e);
    }
  }

  /** The first row, or {@code null} when there is none. */
  static Row one(DataSource db, String sql, Object... params) {
    List<Row> rows = all(db, sql, params);
    return rows.isEmpty() ? null : rows.getFirst();
  }

  static int count(DataSource db, String sql, Object... params) {
    return (int) one(db, sql, params).longValue(0);
  }

  static List<Row> all(DataSource db, String sql, Object... params) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = prepare(c, sql, params);
        ResultSet rs = ps.executeQuery()) {
      List<Row> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> values = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          values.add(v instanceof java.time.OffsetDateTime o ? Timestamp.from(o.toInstant()) : v);
        }
        rows.add(new Row(java.util.Collections.unmodifiableList(values)));
      }
      return rows;
    } catch (SQLException e) {
      throw Accounts.failed(firstWords(sql), e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }

  private static String firstWords(String sql) {
    String[] w = sql.split("\\s+");
    return String.join(" ", java.util.Arrays.asList(w).subList(0, Math.min(3, w.length)));
  }
}
