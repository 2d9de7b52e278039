package dev.outpost.identity.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.identity.Assessment;
import dev.outpost.identity.Candidate;
import dev.outpost.identity.Reason;
import dev.outpost.identity.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The review queue in PostgreSQL ({@code impersonation_candidates}, V70): one row per account
 * (network and case-folded handle), so an impostor posting a hundred times is reviewed once.
 */
final class PostgresReviewQueue {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, network, handle, display_name, account_created_at, links, asks_to_dm, score, verdict,"
          + " resembles, reasons::text, status, first_seen, last_seen, sightings, last_mention_id,"
          + " last_post_url, last_post_text, reviewed_by, reviewed_at, note";
  private final DataSource dataSource;

  PostgresReviewQueue(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  static String key(String handle) {
    return handle.toLowerCase(Locale.ROOT);
  }

  Optional<ReviewItem> find(String network, String handle) {
    return one(
        "SELECT " + COLUMNS + " FROM impersonation_candidates WHERE network = ? AND handle_key = ?",
        ps -> {
          ps.setString(1, network);
          ps.setString(2, key(handle));
        });
  }

  Optional<ReviewItem> find(long id) {
    return one(
        "SELECT " + COLUMNS + " FROM impersonation_candidates WHERE id = ?",
        ps -> ps.setLong(1, id));
  }

  /** Inserts or replaces the row of the item's account; returns its id. */
  long save(ReviewItem item) {
    Candidate c = item.candidate();
    Assessment a = item.assessment();
    String sql =
        "INSERT INTO impersonation_candidates (network, handle, handle_key, display_name,"
            + " account_created_at, links, asks_to_dm, score, verdict, resembles, reasons, status,"
            + " first_seen, last_seen, sightings, last_mention_id, last_post_url, last_post_text)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (network, handle_key) DO UPDATE SET handle = excluded.handle,"
            + " display_name = excluded.display_name,"
            + " account_created_at = excluded.account_created_at, links = excluded.links,"
            + " asks_to_dm = excluded.asks_to_dm, score = excluded.score,"
            + " verdict = excluded.verdict, resembles = excluded.resembles,"
            + " reasons = excluded.reasons, last_seen = excluded.last_seen,"
            + " sightings = excluded.sightings, last_mention_id = excluded.last_mention_id,"
            + " last_post_url = excluded.last_post_url, last_post_text = excluded.last_post_text"
            + " RETURNING id";
    try (Connection conn = dataSource.getConnection();
        PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setString(1, c.network());
      ps.setString(2, c.handle());
      ps.setString(3, key(c.handle()));
      ps.setString(4, clean(c.displayName()));
      ps.setTimestamp(5, c.createdAt().map(Timestamp::from).orElse(null));
      ps.setArray(
          6,
          conn.createArrayOf("text", c.links().stream().map(PostgresReviewQueue::clean).toArray()));
      ps.setBoolean(7, c.asksToDm());
      ps.setDouble(8, a.score());
      ps.setString(9, a.verdict().label());
      ps.setString(10, a.resembles().map(PostgresReviewQueue::clean).orElse(null));
      ps.setString(
          11,
          JSON.writeValueAsString(a.reasons().stream().map(PostgresReviewQueue::clean).toList()));
      ps.setString(12, item.status().name());
      ps.setTimestamp(13, Timestamp.from(item.firstSeen()));
      ps.setTimestamp(14, Timestamp.from(item.lastSeen()));
      ps.setInt(15, item.sightings());
      ps.setLong(16, item.example().mentionId());
      ps.setString(17, item.example().url().map(PostgresReviewQueue::clean).orElse(null));
      ps.setString(18, clean(item.example().text()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot save impersonation candidate @" + c.handle() + ": " + e.getMessage(), e);
    }
  }

  /** Records a reviewer's decision; false when there is no such candidate. */
  boolean decide(long id, ReviewStatus status, String actor, Instant at, String note) {
    try (Connection conn = dataSource.getConnection();
        PreparedStatement ps =
            conn.prepareStatement(
                "UPDATE impersonation_candidates SET status = ?, reviewed_by = ?, reviewed_at = ?,"
                    + " note = ? WHERE id = ?")) {
      ps.setString(1, status.name());
      ps.setString(2, clean(actor));
      ps.setTimestamp(3, Timestamp.from(at));
      ps.setString(4, note == null || note.isBlank() ? null : clean(note.strip()));
      ps.setLong(5, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot review impersonation candidate " + id, e);
    }
  }

  /** Candidates, highest score first, optionally of one status. */
  List<ReviewItem> list(Optional<ReviewStatus> status, int limit) {
    String where = status.isPresent() ? " WHERE status = ?" : "";
    return query(
        "SELECT "
            + COLUMNS
            + " FROM impersonation_candidates"
            + where
            + " ORDER BY score DESC, last_seen DESC, id LIMIT "
            + limit,
        ps -> {
          if (status.isPresent()) {
            ps.setString(1, status.get().name());
          }
        });
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private Optional<ReviewItem> one(String sql, Binder binder) {
    return query(sql, binder).stream().findFirst();
  }

  private List<ReviewItem> query(String sql, Binder binder) {
    try (Connection conn = dataSource.getConnection();
        PreparedStatement ps = conn.prepareStatement(sql)) {
      binder.bind(ps);
      List<ReviewItem> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the impersonation review queue", e);
    }
  }

  private static ReviewItem row(ResultSet rs) throws SQLException {
    Timestamp created = rs.getTimestamp(5);
    List<String> links = new ArrayList<>();
    for (Object o : (Object[]) rs.getArray(6).getArray()) {
      links.add(o.toString());
    }
    Candidate c =
        new Candidate(
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            "",
            Optional.ofNullable(created).map(Timestamp::toInstant),
            OptionalLong.empty(),
            Optional.empty(),
            links,
            0,
            rs.getBoolean(7));
    List<Reason> reasons;
    try {
      reasons = JSON.readValue(rs.getString(11), REASONS);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable reasons of candidate " + rs.getLong(1), e);
    }
    Assessment a =
        new Assessment(
            c.network(),
            c.handle(),
            rs.getDouble(8),
            Verdict.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)),
            reasons,
            Optional.ofNullable(rs.getString(10)));
    Timestamp reviewedAt = rs.getTimestamp(20);
    long mentionId = rs.getLong(16);
    return new ReviewItem(
        rs.getLong(1),
        c,
        a,
        ReviewStatus.valueOf(rs.getString(12)),
        rs.getTimestamp(13).toInstant(),
        rs.getTimestamp(14).toInstant(),
        rs.getInt(15),
        new ReviewItem.Example(mentionId, Optional.ofNullable(rs.getString(17)), rs.getString(18)),
        Optional.ofNullable(rs.getString(19)),
        Optional.ofNullable(reviewedAt).map(Timestamp::toInstant),
        Optional.ofNullable(rs.getString(21)));
  }

  /** PostgreSQL text cannot hold NUL; hostile posts may. */
  private static String clean(String s) {
    return s == null ? null : s.replace('\0', '\uFFFD');
  }

  private static Reason clean(Reason r) {
    return new Reason(clean(r.signal()), clean(r.detail()), r.weight());
  }
}
