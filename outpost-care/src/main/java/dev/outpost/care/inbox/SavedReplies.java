package dev.outpost.care.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Saved replies ({@code care_saved_replies}), by name. */
final class SavedReplies {
  private SavedReplies() {}

  static Map<String, String> all(DataSource ds) {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT name, body FROM care_saved_replies ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read saved replies: " + e.getMessage(), e);
    }
    return out;
  }

  static void save(Connection c, String name, String body, String actor, Instant now)
      throws SQLException {
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          "a saved reply's name is 1 to 64 letters, digits, '-' or '_', was '" + name + "'");
    }
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("saved reply '" + name + "' needs a body");
    }
    Templates.render(body, Templates.SAMPLE); // an unknown variable is refused now, not when used
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO care_saved_replies (name, body, updated_by, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body,"
                + " updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at")) {
      ps.setString(1, name);
      ps.setString(2, CaseRows.clean(body));
      ps.setString(3, actor);
      ps.setTimestamp(4, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  /** A saved reply filled in for a case. */
  static String fill(String body, InboxCase k, String agent) {
    return Templates.render(
        body,
        Map.of(
            "author.name", k.authorName(),
            "author.handle", "@" + k.authorHandle(),
            "agent.name", agent,
            "case.id", String.valueOf(k.id()),
            "topic", k.topicId()));
  }
}
