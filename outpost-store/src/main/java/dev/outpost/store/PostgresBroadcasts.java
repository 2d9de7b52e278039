package dev.outpost.store;

import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.core.broadcast.BroadcastStore;
import dev.outpost.core.broadcast.Impact;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Broadcasts and their messages in PostgreSQL ({@code broadcasts}, {@code broadcast_messages}). */
public final class PostgresBroadcasts implements BroadcastStore {
  private static final String BROADCAST_COLUMNS =
      "id, title, impact, components, incident_id, created_by, created_at, resolved_at";
  private static final String MESSAGE_COLUMNS =
      "broadcast_id, seq, kind, body, author, created_at, approved_by, approved_at, published_at";
  private final DataSource dataSource;

  public PostgresBroadcasts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Broadcast create(
      String title,
      Impact impact,
      List<String> components,
      Optional<String> incidentId,
      String body,
      String author,
      Instant now) {
    Broadcast.checkBody(body);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long id;
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO broadcasts (title, impact, components, incident_id, created_by,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
          ps.setString(1, Sql.text(title.strip()));
          ps.setString(2, impact.name());
          ps.setArray(3, c.createArrayOf("text", components.stream().map(Sql::text).toArray()));
          ps.setString(4, incidentId.map(Sql::text).orElse(null));
          ps.setString(5, Sql.text(author));
          ps.setTimestamp(6, Timestamp.from(now));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
          }
        }
        insertMessage(c, id, 1, Broadcast.Kind.ANNOUNCEMENT, body, author, now);
        c.commit();
        return find(id).orElseThrow();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot create broadcast '" + title + "': " + e.getMessage(), e);
    }
  }

  private static void insertMessage(
      Connection c, long id, int seq, Broadcast.Kind kind, String body, String author, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO broadcast_messages (broadcast_id, seq, kind, body, author, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setInt(2, seq);
      ps.setString(3, kind.name());
      ps.setString(4, Sql.text(body));
      ps.setString(5, Sql.text(author));
      ps.setTimestamp(6, Timestamp.from(now));
      ps.executeUpdate();
    }
  }

  @Override
  public Optional<Broadcast> find(long id) {
    return load("WHERE id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
  }

  @Override
  public List<Broadcast> recent(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    return load("ORDER BY created_at DESC, id DESC LIMIT ?", ps -> ps.setInt(1, limit));
  }

  private List<Broadcast> load(String where, Sql.Binder binder) {
    try (Connection c = dataSource.getConnection()) {
      List<Object[]> heads =
          Sql.query(
              c,
              "SELECT " + BROADCAST_COLUMNS + " FROM broadcasts " + where,
              binder,
              rs -> {
                Array comps = rs.getArray(4);
                Timestamp resolved = rs.getTimestamp(8);
                return new Object[] {
                  rs.getLong(1),
                  rs.getString(2),
                  Impact.valueOf(rs.getString(3)),
                  List.of((String[]) comps.getArray()),
                  Optional.ofNullable(rs.getString(5)),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant(),
                  Optional.ofNullable(resolved).map(Timestamp::toInstant)
                };
              });
      if (heads.isEmpty()) {
        return List.of();
      }
      Long[] ids = heads.stream().map(h -> (Long) h[0]).toArray(Long[]::new);
      Map<Long, List<Broadcast.Message>> messages = new HashMap<>();
      Sql.query(
          c,
          "SELECT "
              + MESSAGE_COLUMNS
              + " FROM broadcast_messages WHERE broadcast_id = ANY (?)"
              + " ORDER BY broadcast_id, seq",
          ps -> ps.setArray(1, c.createArrayOf("bigint", ids)),
          rs -> {
            messages
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(
                    new Broadcast.Message(
                        rs.getInt(2),
                        Broadcast.Kind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        Optional.ofNullable(rs.getString(7)),
                        instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9))));
            return null;
          });
      List<Broadcast> out = new ArrayList<>();
      for (Object[] h : heads) {
        @SuppressWarnings("unchecked")
        List<String> comps = (List<String>) h[3];
        @SuppressWarnings("unchecked")
        Optional<String> incident = (Optional<String>) h[4];
        @SuppressWarnings("unchecked")
        Optional<Instant> resolved = (Optional<Instant>) h[7];
        out.add(
            new Broadcast(
                (Long) h[0],
                (String) h[1],
                (Impact) h[2],
                comps,
                incident,
                (String) h[5],
                (Instant) h[6],
                resolved,
                messages.getOrDefault((Long) h[0], List.of())));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read broadcasts: " + e.getMessage(), e);
    }
  }

  private static Optional<Instant> instant(Timestamp t) {
    return Optional.ofNullable(t).map(Timestamp::toInstant);
  }

  @Override
  public Broadcast.Message addMessage(
      long id, Broadcast.Kind kind, String body, String author, Instant now) {
    Broadcast.checkBody(body);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // lock the broadcast so two writers never take the same sequence number
        List<Long> found =
            Sql.query(
                c,
                "SELECT id FROM broadcasts WHERE id = ? FOR UPDATE",
                ps -> ps.setLong(1, id),
                rs -> rs.getLong(1));
        if (found.isEmpty()) {
          throw new IllegalArgumentException("no broadcast " + id);
        }
        int seq =
            Sql.query(
                    c,
                    "SELECT coalesce(max(seq), 0) + 1 FROM broadcast_messages WHERE broadcast_id = ?",
                    ps -> ps.setLong(1, id),
                    rs -> rs.getInt(1))
                .getFirst();
        insertMessage(c, id, seq, kind, body, author, now);
        c.commit();
        return new Broadcast.Message(
            seq, kind, body, author, now, Optional.empty(), Optional.empty(), Optional.empty());
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot add a message to broadcast " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean approve(long id, int seq, String approver, Instant now) {
    return update(
            "UPDATE broadcast_messages SET approved_by = ?, approved_at = ? WHERE broadcast_id = ?"
                + " AND seq = ? AND approved_by IS NULL AND author <> ?",
            ps -> {
              ps.setString(1, Sql.text(approver));
              ps.setTimestamp(2, Timestamp.from(now));
              ps.setLong(3, id);
              ps.setInt(4, seq);
              ps.setString(5, Sql.text(approver));
            })
        == 1;
  }

  @Override
  public boolean markPublished(long id, int seq, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE broadcast_messages SET published_at = ? WHERE broadcast_id = ? AND seq = ?"
                  + " AND approved_at IS NOT NULL AND published_at IS NULL RETURNING kind")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setLong(2, id);
        ps.setInt(3, seq);
        String kind = null;
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            kind = rs.getString(1);
          }
        }
        if (Broadcast.Kind.RESOLUTION.name().equals(kind)) {
          try (PreparedStatement r =
              c.prepareStatement(
                  "UPDATE broadcasts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL")) {
            r.setTimestamp(1, Timestamp.from(now));
            r.setLong(2, id);
            r.executeUpdate();
          }
        }
        c.commit();
        return kind != null;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot publish message " + seq + " of broadcast " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<AuthorPost> latestPosts(Collection<String> authors, Instant since) {
    if (authors.isEmpty()) {
      return List.of();
    }
    List<String> networks = new ArrayList<>();
    List<String> handles = new ArrayList<>();
    for (String a : authors) {
      int colon = a.indexOf(':');
      if (colon > 0 && colon < a.length() - 1) {
        networks.add(a.substring(0, colon));
        handles.add(a.substring(colon + 1));
      }
    }
    return Sql.query(
        dataSource,
        "SELECT DISTINCT ON (a.id) a.network, a.handle, p.external_id"
            + " FROM unnest(?::text[], ?::text[]) AS w(network, handle)"
            + " JOIN authors a ON a.network = w.network AND a.handle = w.handle"
            + " JOIN posts p ON p.author_id = a.id AND p.created_at >= ?"
            + " ORDER BY a.id, p.created_at DESC, p.id DESC",
        ps -> {
          ps.setArray(1, ps.getConnection().createArrayOf("text", networks.toArray()));
          ps.setArray(2, ps.getConnection().createArrayOf("text", handles.toArray()));
          ps.setTimestamp(3, Timestamp.from(since));
        },
        rs -> new AuthorPost(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  private int update(String sql, Sql.Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update broadcasts: " + e.getMessage(), e);
    }
  }
}
