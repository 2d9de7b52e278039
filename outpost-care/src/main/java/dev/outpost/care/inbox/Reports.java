package dev.outpost.care.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** Outcomes per agent, queue or topic over the cases opened in a period. */
public final class Reports {
  private Reports() {}

  /**
   * One group's figures.
   *
   * @param key the agent (or {@code unassigned}), queue or topic
   * @param cases cases opened in the period
   * @param answered of those, answered at least once
   * @param firstResponseMinutes mean wall-clock minutes from opening to the first answer
   * @param resolved of those, resolved
   * @param handlingMinutes mean wall-clock minutes from opening to resolution
   * @param slaMissed first answers sent after their due time, or still unsent past it
   * @param fans cases that opened negative whose author's latest post is positive
   */
  public record Row(
      String key,
      long cases,
      long answered,
      double firstResponseMinutes,
      long resolved,
      double handlingMinutes,
      long slaMissed,
      long fans) {}

  static List<Row> by(DataSource ds, String by, Instant from, Instant to, Instant now) {
    String column =
        switch (by.toLowerCase(Locale.ROOT)) {
          case "agent" -> "COALESCE(assignee, 'unassigned')";
          case "queue" -> "queue";
          case "topic" -> "topic_id";
          default ->
              throw new IllegalArgumentException(
                  "by must be agent, queue or topic, was '" + by + "'");
        };
    String sql =
        "SELECT "
            + column
            + " AS k, count(*), count(first_response_at),"
            + " COALESCE(avg(EXTRACT(EPOCH FROM first_response_at - opened_at)) / 60, 0),"
            + " count(resolved_at),"
            + " COALESCE(avg(EXTRACT(EPOCH FROM resolved_at - opened_at)) / 60, 0),"
            + " count(*) FILTER (WHERE COALESCE(first_response_at, ?) > first_response_due),"
            + " count(*) FILTER (WHERE first_sentiment = 'negative' AND latest_sentiment = 'positive')"
            + " FROM care_cases WHERE opened_at >= ? AND opened_at < ? GROUP BY 1 ORDER BY 2 DESC, 1";
    List<Row> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setTimestamp(2, Timestamp.from(from));
      ps.setTimestamp(3, Timestamp.from(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Row(
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  Math.round(rs.getDouble(4) * 10) / 10.0,
                  rs.getLong(5),
                  Math.round(rs.getDouble(6) * 10) / 10.0,
                  rs.getLong(7),
                  rs.getLong(8)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot compute the care report: " + e.getMessage(), e);
    }
    return out;
  }
}
