package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Author;
import dev.outpost.core.MatchedPost;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.RejectedDataException;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data the database refuses, NUL characters, dead letters, and a crash of PostgreSQL itself. */
class PoisonAndOutageIT {
  @TempDir static Path dataDir;
  private static Database db;
  private static PostgresStore store;

  @BeforeAll
  static void start() {
    db = Database.embedded(dataDir);
    store = new PostgresStore(db.dataSource(), Clock.systemUTC());
    store.saveTopics(List.of(new Topic("acme", "Acme", TopicKind.BRAND, "@acme")));
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  private static MatchedPost post(String id, String text, Instant created) {
    return new MatchedPost(
        new Post(
            "x",
            id,
            Author.of("x", "author-" + id),
            text,
            "en",
            created,
            Optional.empty(),
            Optional.empty(),
            Metrics.NONE),
        Set.of("acme"));
  }

  private static long count(String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aPostWithNulCharactersIsStoredWithReplacementCharacters() throws Exception {
    store.save("nul", List.of(post("nul-1", "@acme a\u0000b", Instant.EPOCH)), "c1");
    try (Connection c = db.dataSource().getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT text FROM posts WHERE external_id = 'nul-1'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("@acme a\uFFFDb");
    }
  }

  @Test
  void aBatchTheDatabaseRefusesWritesNothingAndCanBeSetAsidePostByPost() throws Exception {
    MatchedPost good = post("good-1", "@acme fine", Instant.parse("2026-01-01T00:00:00Z"));
    MatchedPost poison =
        post("poison-1", "@acme far future", Instant.parse("+300000-01-01T00:00:00Z"));
    assertThatThrownBy(() -> store.save("poison", List.of(good, poison), "c2"))
        .isInstanceOf(RejectedDataException.class);
    assertThat(count("SELECT count(*) FROM posts WHERE external_id = 'good-1'"))
        .as("no partial write")
        .isZero();
    assertThat(store.checkpoint("poison")).isEmpty();

    store.save("poison", List.of(good), "c1");
    store.reject("poison", poison.post(), "timestamp out of range \u0000", "c2");
    store.reject("poison", poison.post(), "again", "c2");
    assertThat(store.checkpoint("poison")).contains("c2");
    assertThat(count("SELECT count(*) FROM dead_letters WHERE external_id = 'poison-1'"))
        .isEqualTo(1);
    assertThat(store.rejectedCount()).isGreaterThanOrEqualTo(1);
    assertThat(DeadLetters.json(poison.post()))
        .contains("\"createdAt\":\"+300000-01-01T00:00:00Z\"");
  }

  @Test
  void thePoolRecoversAfterPostgresCrashesAndRestartsOnTheSamePort() throws Exception {
    db.crashEmbeddedServer();
    try {
      assertThat(store.isHealthy()).isFalse();
      assertThatThrownBy(
              () -> store.save("crash", List.of(post("crash-1", "@acme", Instant.EPOCH)), "c1"))
          .isInstanceOf(StoreException.class)
          .isNotInstanceOf(RejectedDataException.class);
    } finally {
      db.restartEmbeddedServer();
    }
    // The pool notices within a few attempts; it must not need a restart of Outpost.
    boolean healthy = false;
    for (int i = 0; i < 50 && !healthy; i++) {
      healthy = store.isHealthy();
      if (!healthy) {
        Thread.sleep(100);
      }
    }
    assertThat(healthy).as("healthy again within 5 s of the restart").isTrue();
    store.save("crash", List.of(post("crash-1", "@acme", Instant.EPOCH)), "c1");
    assertThat(store.checkpoint("crash")).contains("c1");
  }
}
