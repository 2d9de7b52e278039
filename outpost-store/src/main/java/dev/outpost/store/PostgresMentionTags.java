package dev.outpost.store;

import dev.outpost.core.MentionTags;
import dev.outpost.core.audit.AuditEvent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Mention tags in PostgreSQL ({@code mention_tags}), each change audited in the same commit. */
public final class PostgresMentionTags implements MentionTags {
  private final DataSource dataSource;
  private final Clock clock;

  public PostgresMentionTags(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public int change(
      Collection<Long> mentionIds, List<String> add, List<String> remove, String actor) {
    if (mentionIds.isEmpty()) {
      throw new IllegalArgumentException("no mentions given");
    }
    if (mentionIds.size() > MAX_BULK) {
      throw new IllegalArgumentException(
          "at most " + MAX_BULK + " mentions at once, was " + mentionIds.size());
    }
    List<String> adding = add.stream().map(MentionTags::checked).distinct().toList();
    List<String> removing = remove.stream().map(MentionTags::checked).distinct().toList();
    if (adding.isEmpty() && removing.isEmpty()) {
      throw new IllegalArgumentException("say which tags to add or remove");
    }
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Array ids = c.createArrayOf("bigint", mentionIds.toArray());
        List<Long> existing = new ArrayList<>();
        try (PreparedStatement ps =
            c.prepareStatement("SELECT id FROM mentions WHERE id = ANY(?) ORDER BY id")) {
          ps.setArray(1, ids);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              existing.add(rs.getLong(1));
            }
          }
        }
        Array known = c.createArrayOf("bigint", existing.toArray());
        for (String tag : adding) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO mention_tags (mention_id, tag, tagged_by, tagged_at)"
                      + " SELECT id, ?, ?, ? FROM unnest(?::bigint[]) AS id"
                      + " ON CONFLICT (mention_id, tag) DO NOTHING")) {
            ps.setString(1, tag);
            ps.setString(2, Sql.text(actor));
            ps.setTimestamp(3, now);
            ps.setArray(4, known);
            ps.executeUpdate();
          }
        }
        if (!removing.isEmpty()) {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM mention_tags WHERE mention_id = ANY(?) AND tag = ANY(?)")) {
            ps.setArray(1, known);
            ps.setArray(2, c.createArrayOf("text", removing.toArray()));
            ps.executeUpdate();
          }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("mentions", String.valueOf(existing.size()));
        details.put("added", String.join(",", adding));
        details.put("removed", String.join(",", removing));
        PostgresAuditLog.record(
            c,
            new AuditEvent(
                clock.instant(),
                actor,
                "mention.tag",
                existing.size() == 1 ? "mention:" + existing.getFirst() : "mentions",
                details));
        c.commit();
        return existing.size();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot change mention tags: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<Long, List<String>> tagsOf(Collection<Long> mentionIds) {
    if (mentionIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<String>> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT mention_id, tag FROM mention_tags WHERE mention_id = ANY(?)"
                    + " ORDER BY mention_id, tag")) {
      ps.setArray(1, c.createArrayOf("bigint", mentionIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read mention tags: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Object[] row :
        Sql.query(
            dataSource,
            "SELECT tag, count(*) FROM mention_tags GROUP BY tag ORDER BY count(*) DESC, tag",
            ps -> {},
            rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
      out.put((String) row[0], (Long) row[1]);
    }
    return out;
  }
}
