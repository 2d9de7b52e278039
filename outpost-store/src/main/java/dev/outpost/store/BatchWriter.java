package dev.outpost.store;

import dev.outpost.core.Author;
import dev.outpost.core.Enrichment;
import dev.outpost.core.MatchedPost;
import dev.outpost.core.Mention;
import dev.outpost.core.Post;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch with one statement per table: rows travel as arrays and are expanded with {@code
 * unnest}, so a batch of hundreds of posts costs three round trips.
 */
final class BatchWriter {
  private BatchWriter() {}

  /** Creates or refreshes the authors; returns their ids by "network:handle". */
  static Map<String, Long> upsertAuthors(Connection c, Collection<MatchedPost> posts)
      throws SQLException {
    Map<String, Author> authors = new LinkedHashMap<>();
    for (MatchedPost m : posts) {
      Author a = m.post().author();
      authors.put(Sql.text(a.network() + ":" + a.handle()), a);
    }
    int n = authors.size();
    String[] network = new String[n];
    String[] handle = new String[n];
    String[] name = new String[n];
    Long[] followers = new Long[n];
    Boolean[] verified = new Boolean[n];
    String[] created = new String[n];
    int i = 0;
    for (Author a : authors.values()) {
      network[i] = Sql.text(a.network());
      handle[i] = Sql.text(a.handle());
      name[i] = Sql.text(a.displayName());
      followers[i] = a.followers();
      verified[i] = a.verified();
      created[i] = a.createdAt().map(Instant::toString).orElse(null);
      i++;
    }
    Map<String, Long> ids = new HashMap<>();
    Sql.query(
            c,
            "INSERT INTO authors (network, handle, display_name, followers, verified, created_at)"
                + " SELECT n, h, d, f, v, t::timestamptz FROM unnest(?::text[], ?::text[],"
                + " ?::text[], ?::bigint[], ?::boolean[], ?::text[]) AS x(n, h, d, f, v, t)"
                + " ON CONFLICT (network, handle) DO UPDATE SET display_name ="
                + " EXCLUDED.display_name, followers = EXCLUDED.followers, verified ="
                + " EXCLUDED.verified, created_at = COALESCE(EXCLUDED.created_at,"
                + " authors.created_at), updated_at = now()"
                + " RETURNING id, network, handle",
            ps -> {
              ps.setArray(1, c.createArrayOf("text", network));
              ps.setArray(2, c.createArrayOf("text", handle));
              ps.setArray(3, c.createArrayOf("text", name));
              ps.setArray(4, c.createArrayOf("bigint", followers));
              ps.setArray(5, c.createArrayOf("boolean", verified));
              ps.setArray(6, c.createArrayOf("text", created));
            },
            rs -> Map.entry(rs.getString(2) + ":" + rs.getString(3), rs.getLong(1)))
        .forEach(e -> ids.put(e.getKey(), e.getValue()));
    return ids;
  }

  /** Inserts the posts not stored yet; returns the new posts' ids by {@link Post#key()}. */
  static Map<String, Long> insertPosts(
      Connection c, String source, Collection<MatchedPost> posts, Map<String, Long> authorIds)
      throws SQLException {
    int n = posts.size();
    String[] network = new String[n];
    String[] externalId = new String[n];
    Long[] authorId = new Long[n];
    String[] text = new String[n];
    String[] language = new String[n];
    String[] created = new String[n];
    String[] url = new String[n];
    String[] replyTo = new String[n];
    Long[] likes = new Long[n];
    Long[] reposts = new Long[n];
    Long[] replies = new Long[n];
    Long[] views = new Long[n];
    EnrichmentColumns enrich = new EnrichmentColumns(n);
    int i = 0;
    for (MatchedPost m : posts) {
      Post p = m.post();
      network[i] = Sql.text(p.network());
      externalId[i] = Sql.text(p.externalId());
      authorId[i] = authorIds.get(Sql.text(p.network() + ":" + p.author().handle()));
      text[i] = Sql.text(p.text());
      language[i] = p.language();
      created[i] = p.createdAt().toString();
      url[i] = Sql.text(p.url().orElse(null));
      replyTo[i] = Sql.text(p.replyTo().orElse(null));
      likes[i] = p.metrics().likes();
      reposts[i] = p.metrics().reposts();
      replies[i] = p.metrics().replies();
      views[i] = p.metrics().views();
      enrich.set(i, m.enrichment());
      language[i] = Sql.text(m.enrichment().map(Enrichment::language).orElse(p.language()));
      i++;
    }
    Map<String, Long> ids = new HashMap<>();
    Sql.query(
            c,
            "INSERT INTO posts (network, external_id, author_id, text, language, created_at, url,"
                + " reply_to, likes, reposts, replies, views, source, "
                + EnrichmentColumns.COLUMNS
                + ") SELECT n, e, a, x, l, t::timestamptz, u, r, lk, rp, rl, vw, ?, "
                + EnrichmentColumns.SELECT
                + " FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], "
                + EnrichmentColumns.PARAMETERS
                + ") AS v(n, e, a, x, l, t, u, r, lk, rp, rl, vw, "
                + EnrichmentColumns.ALIASES
                + ")"
                + " ON CONFLICT (network, external_id) DO NOTHING"
                + " RETURNING id, network, external_id",
            ps -> {
              ps.setString(1, source);
              ps.setArray(2, c.createArrayOf("text", network));
              ps.setArray(3, c.createArrayOf("text", externalId));
              ps.setArray(4, c.createArrayOf("bigint", authorId));
              ps.setArray(5, c.createArrayOf("text", text));
              ps.setArray(6, c.createArrayOf("text", language));
              ps.setArray(7, c.createArrayOf("text", created));
              ps.setArray(8, c.createArrayOf("text", url));
              ps.setArray(9, c.createArrayOf("text", replyTo));
              ps.setArray(10, c.createArrayOf("bigint", likes));
              ps.setArray(11, c.createArrayOf("bigint", reposts));
              ps.setArray(12, c.createArrayOf("bigint", replies));
              ps.setArray(13, c.createArrayOf("bigint", views));
              enrich.bind(c, ps, 14);
            },
            rs -> Map.entry(rs.getString(2) + ":" + rs.getString(3), rs.getLong(1)))
        .forEach(e -> ids.put(e.getKey(), e.getValue()));
    return ids;
  }

  /** Inserts a mention per new post and matched topic (topics deleted meanwhile are skipped). */
  static List<Mention> insertMentions(
      Connection c, Map<String, MatchedPost> posts, Map<String, Long> newPostIds, Instant now)
      throws SQLException {
    List<Long> postIds = new ArrayList<>();
    List<String> topicIds = new ArrayList<>();
    List<String> postedAt = new ArrayList<>();
    List<String> sentiments = new ArrayList<>();
    for (Map.Entry<String, Long> e : newPostIds.entrySet()) {
      MatchedPost m = posts.get(e.getKey());
      for (String topic : m.topicIds()) {
        postIds.add(e.getValue());
        topicIds.add(topic);
        postedAt.add(m.post().createdAt().toString());
        sentiments.add(m.enrichment().map(en -> en.sentiment().label()).orElse(null));
      }
    }
    if (postIds.isEmpty()) {
      return List.of();
    }
    Map<Long, MatchedPost> byId = new HashMap<>();
    newPostIds.forEach((key, id) -> byId.put(id, posts.get(key)));
    return Sql.query(
        c,
        "INSERT INTO mentions (post_id, topic_id, posted_at, matched_at, sentiment)"
            + " SELECT p, t, a::timestamptz, ?, s FROM unnest(?::bigint[], ?::text[], ?::text[],"
            + " ?::text[]) AS v(p, t, a, s) WHERE t IN (SELECT id FROM topics)"
            + " ON CONFLICT (post_id, topic_id) DO NOTHING RETURNING id, post_id, topic_id",
        ps -> {
          ps.setObject(1, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
          ps.setArray(2, c.createArrayOf("bigint", postIds.toArray(Long[]::new)));
          ps.setArray(3, c.createArrayOf("text", topicIds.toArray(String[]::new)));
          ps.setArray(4, c.createArrayOf("text", postedAt.toArray(String[]::new)));
          ps.setArray(5, c.createArrayOf("text", sentiments.toArray(String[]::new)));
        },
        rs ->
            new Mention(
                rs.getLong(1),
                byId.get(rs.getLong(2)).post(),
                rs.getString(3),
                now,
                byId.get(rs.getLong(2)).enrichment()));
  }
}
