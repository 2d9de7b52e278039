package dev.outpost.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.core.Post;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes dead letters: posts set aside with the reason, and the checkpoint moved past them, in one
 * transaction. Everything written is cleaned so that this write cannot fail for the post's data.
 */
final class DeadLetters {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REASON = 2_000;

  private DeadLetters() {}

  static void write(
      Connection c, String source, Post post, String reason, String checkpoint, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO dead_letters (source, network, external_id, reason, post, rejected_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, network, external_id)"
                + " DO UPDATE SET reason = EXCLUDED.reason, rejected_at = EXCLUDED.rejected_at")) {
      ps.setString(1, Sql.text(source));
      ps.setString(2, Sql.text(post.network()));
      ps.setString(3, Sql.text(post.externalId()));
      String r = Sql.text(reason);
      ps.setString(4, r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r);
      // Jackson escapes control characters, NUL included, so the JSON text is plain ASCII-safe.
      ps.setString(5, json(post));
      ps.setTimestamp(6, Timestamp.from(now));
      ps.executeUpdate();
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
  }

  static String json(Post post) {
    ObjectNode n = JSON.createObjectNode();
    n.put("network", post.network());
    n.put("externalId", post.externalId());
    n.put("author", post.author().handle());
    n.put("authorName", post.author().displayName());
    n.put("followers", post.author().followers());
    n.put("text", post.text());
    n.put("language", post.language());
    n.put("createdAt", post.createdAt().toString());
    post.url().ifPresent(u -> n.put("url", u));
    post.replyTo().ifPresent(r -> n.put("replyTo", r));
    return n.toString();
  }
}
