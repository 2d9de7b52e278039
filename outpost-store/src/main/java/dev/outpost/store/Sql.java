package dev.outpost.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers: a query with bound parameters mapped row by row. */
final class Sql {
  private Sql() {}

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * PostgreSQL text cannot hold the NUL character (U+0000); it is replaced by U+FFFD, the
   * replacement character, so that a post carrying one is stored rather than refused.
   */
  static String text(String s) {
    return s == null || s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
  }

  /**
   * A string map cleaned for a {@code jsonb} column, which refuses the NUL character even escaped:
   * keys and values go through {@link #text}.
   */
  static java.util.Map<String, String> textMap(java.util.Map<String, String> map) {
    java.util.Map<String, String> clean = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> clean.put(text(k), text(v)));
    return clean;
  }

  /**
   * Whether a failure is about the data itself, so that the same statement would fail again: data
   * exceptions (SQLSTATE class 22, for example a timestamp out of range or an invalid byte
   * sequence), integrity constraint violations (23) and program limits exceeded (54).
   */
  static boolean isDataError(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("22") || state.startsWith("23") || state.startsWith("54")) {
          return true;
        }
      }
    }
    return false;
  }

  static <T> List<T> query(DataSource ds, String sql, Binder binder, RowMapper<T> mapper) {
    try (Connection c = ds.getConnection()) {
      return query(c, sql, binder, mapper);
    } catch (SQLException e) {
      throw new StoreException("query failed: " + e.getMessage(), e);
    }
  }

  static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
        return rows;
      }
    }
  }
}
