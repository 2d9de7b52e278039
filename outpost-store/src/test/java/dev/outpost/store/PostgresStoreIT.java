package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Author;
import dev.outpost.core.Enrichment;
import dev.outpost.core.MatchedPost;
import dev.outpost.core.Mention;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresStoreIT {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private static final List<Topic> TOPICS =
      List.of(
          new Topic("united", "United", TopicKind.BRAND, "@united"),
          new Topic("delta", "Delta", TopicKind.COMPETITOR, "@delta"));

  @TempDir Path dataDir;

  private static Post post(String id, String handle, String text, long followers) {
    return new Post(
        "x",
        id,
        new Author(
            "x",
            handle,
            handle.toUpperCase(java.util.Locale.ROOT),
            followers,
            false,
            Optional.empty()),
        text,
        "en",
        Instant.parse("2015-02-24T19:35:52Z"),
        Optional.of("https://x.com/" + handle + "/status/" + id),
        Optional.empty(),
        new Metrics(1, 2, 3, 4));
  }

  @Test
  void storesEachPostOnceAndMovesTheCheckpointWithIt() {
    try (Database db = Database.embedded(dataDir)) {
      PostgresStore store = new PostgresStore(db.dataSource(), CLOCK);
      store.saveTopics(TOPICS);
      MatchedPost a =
          new MatchedPost(post("1", "alice", "@united lost my bag", 10), Set.of("united"));
      MatchedPost b =
          new MatchedPost(
              post("2", "bob", "@united and @delta both late", 20), Set.of("united", "delta"));
      MatchedPost none = new MatchedPost(post("3", "carol", "nothing", 0), Set.of());

      List<Mention> first = store.save("replay", List.of(a, b, none, a), "c3");
      assertThat(first).hasSize(3);
      assertThat(store.postCount()).isEqualTo(2);
      assertThat(store.checkpoint("replay")).contains("c3");

      // The same posts again (a redelivery after a crash): nothing new, checkpoint still moves.
      List<Mention> again = store.save("replay", List.of(b, a), "c4");
      assertThat(again).isEmpty();
      assertThat(store.postCount()).isEqualTo(2);
      assertThat(store.checkpoint("replay")).contains("c4");
      assertThat(store.mentionCounts()).containsEntry("united", 2L).containsEntry("delta", 1L);

      List<Mention> latest = store.latestMentions(10, Optional.empty());
      assertThat(latest).hasSize(3);
      assertThat(latest.getFirst().id()).isGreaterThan(latest.getLast().id());
      Post stored = latest.getLast().post();
      assertThat(stored).isEqualTo(a.post());
      assertThat(store.latestMentions(10, Optional.of("delta")))
          .extracting(m -> m.post().externalId())
          .containsExactly("2");
    }
  }

  @Test
  void authorsAreUpdatedNotDuplicated() {
    try (Database db = Database.embedded(dataDir)) {
      PostgresStore store = new PostgresStore(db.dataSource(), CLOCK);
      store.saveTopics(TOPICS);
      store.save(
          "s", List.of(new MatchedPost(post("1", "alice", "@united", 10), Set.of("united"))), "1");
      store.save(
          "s", List.of(new MatchedPost(post("2", "alice", "@united", 99), Set.of("united"))), "2");
      assertThat(store.latestMentions(10, Optional.empty()))
          .extracting(m -> m.post().author().followers())
          .containsExactly(99L, 99L);
    }
  }

  @Test
  void enrichmentIsStoredWithThePostAndReadBack() {
    var scores =
        java.util.Map.of(
            Enrichment.Sentiment.NEGATIVE, 0.7,
            Enrichment.Sentiment.NEUTRAL, 0.2,
            Enrichment.Sentiment.POSITIVE, 0.1);
    Enrichment enrichment =
        new Enrichment(
            "en",
            Enrichment.Sentiment.NEGATIVE,
            0.7,
            scores,
            java.util.EnumSet.of(Enrichment.Intent.COMPLAINT, Enrichment.Intent.OUTAGE),
            42.5,
            true,
            12_345,
            3.5,
            false);
    try (Database db = Database.embedded(dataDir)) {
      PostgresStore store = new PostgresStore(db.dataSource(), CLOCK);
      store.saveTopics(TOPICS);
      Post p = post("1", "alice", "@united the app is down again", 10);
      List<Mention> stored =
          store.save(
              "s", List.of(new MatchedPost(p, Set.of("united"), Optional.of(enrichment))), "1");
      assertThat(stored.getFirst().enrichment()).contains(enrichment);
      Mention read = store.latestMentions(1, Optional.empty()).getFirst();
      Enrichment back = read.enrichment().orElseThrow();
      assertThat(back.sentiment()).isEqualTo(Enrichment.Sentiment.NEGATIVE);
      assertThat(back.confidence()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(back.intents())
          .containsExactlyInAnyOrder(Enrichment.Intent.COMPLAINT, Enrichment.Intent.OUTAGE);
      assertThat(back.influence()).isEqualTo(42.5);
      assertThat(back.influencer()).isTrue();
      assertThat(back.reach()).isEqualTo(12_345);
      assertThat(read.post().language()).isEqualTo("en");
    }
  }

  @Test
  void untrustedTextIsStoredExactly() {
    String nasty =
        "<script>alert(1)</script> <img src=x onerror=alert(2)> '; DROP TABLE posts; -- \u202e\u200b 😀";
    try (Database db = Database.embedded(dataDir)) {
      PostgresStore store = new PostgresStore(db.dataSource(), CLOCK);
      store.saveTopics(TOPICS);
      store.save(
          "s", List.of(new MatchedPost(post("1", "mallory", nasty, 0), Set.of("united"))), "1");
      assertThat(store.latestMentions(1, Optional.empty()).getFirst().post().text())
          .isEqualTo(nasty);
    }
  }

  @Test
  void aMentionOfADeletedTopicIsSkippedNotFailed() throws Exception {
    try (Database db = Database.embedded(dataDir)) {
      PostgresStore store = new PostgresStore(db.dataSource(), CLOCK);
      store.saveTopics(TOPICS);
      List<Mention> stored =
          store.save(
              "s",
              List.of(new MatchedPost(post("1", "a", "@gone", 0), Set.of("gone", "united"))),
              "1");
      assertThat(stored).extracting(Mention::topicId).containsExactly("united");
    }
  }

  @Test
  void aRestartKeepsEverythingStored() throws Exception {
    try (Database db = Database.embedded(dataDir)) {
      PostgresStore store = new PostgresStore(db.dataSource(), CLOCK);
      store.saveTopics(TOPICS);
      store.save(
          "s", List.of(new MatchedPost(post("1", "a", "@united", 0), Set.of("united"))), "1");
    }
    try (Database db = Database.embedded(dataDir)) {
      PostgresStore store = new PostgresStore(db.dataSource(), CLOCK);
      assertThat(store.postCount()).isEqualTo(1);
      assertThat(store.checkpoint("s")).contains("1");
      assertThat(store.topics()).extracting(Topic::id).containsExactlyInAnyOrder("united", "delta");
      try (Connection c = db.dataSource().getConnection();
          ResultSet rs =
              c.createStatement()
                  .executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success")) {
        rs.next();
        assertThat(rs.getInt(1)).as("failed migrations").isZero();
      }
    }
  }

  @Test
  void anUnreachableExternalDatabaseIsReportedPlainly() {
    assertThatThrownBy(() -> Database.external("jdbc:postgresql://127.0.0.1:1/outpost", "u", "p"))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(
            "cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/outpost")
        .hasMessageNotContaining("p\"");
    assertThatThrownBy(() -> Database.external("mysql://x", "u", "p"))
        .hasMessageContaining("must start with jdbc:postgresql://");
  }

  @Test
  void anUnwritableDataDirectoryIsReportedPlainly() {
    assertThatThrownBy(() -> Database.embedded(Path.of("/proc/outpost-cannot-write-here")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("/proc/outpost-cannot-write-here");
  }
}
