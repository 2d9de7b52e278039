package dev.outpost.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outpost.bench.match.RealPosts;
import dev.outpost.core.Mention;
import dev.outpost.core.Post;
import dev.outpost.core.Source;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import dev.outpost.listen.QueryEngine;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real in-process Kafka (KRaft) and the embedded PostgreSQL, with several workers in one JVM: the
 * workers learn the saved queries only from the compacted queries topic; one worker dies mid-stream
 * after storing a batch and before committing its offset; another joins. Every post that matched is
 * stored once, every mention reaches the mention feed once, and posts produced again are not stored
 * again.
 */
class ClusterIT {
  private static final int POSTS = 8_000;

  @TempDir static Path dir;
  private static LocalKafka kafka;
  private static Database db;
  private static PostgresStore store;
  private static List<Post> posts;

  @BeforeAll
  static void start() {
    Path data = RealPosts.sharedData();
    assumeTrue(
        Files.isDirectory(data.resolve("twitter_us_airline_sentiment")),
        "shared data not found at " + data + ": this test replays real posts from it");
    posts = RealPosts.load(data, POSTS, 7);
    kafka = LocalKafka.start(dir.resolve("kafka"));
    db = Database.embedded(dir.resolve("pg"));
    store = new PostgresStore(db.dataSource(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (db != null) {
      db.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private static final List<Topic> TOPICS =
      List.of(
          new Topic("united", "United", TopicKind.BRAND, "united"),
          new Topic("delta", "Delta", TopicKind.BRAND, "delta OR jetblue"),
          new Topic("delays", "Delays", TopicKind.CAMPAIGN, "delay* OR cancel*"),
          new Topic("gone", "Gone", TopicKind.BRAND, "flight"));

  @Test
  void aWorkerKilledMidStreamLosesAndDuplicatesNothing() throws Exception {
    ClusterSettings settings = ClusterSettings.defaults(kafka.bootstrapServers()).withPartitions(6);
    store.saveTopics(TOPICS.subList(0, 3));
    QueryEngine engine = new QueryEngine();
    ConcurrentLinkedQueue<Mention> feed = new ConcurrentLinkedQueue<>();
    try (Cluster cluster = Cluster.connect(settings)) {
      // The workers' matcher knows only what the queries topic broadcasts, a deletion included.
      cluster.followQueries("test-queries", updates(engine));
      TOPICS.forEach(cluster::publish);
      cluster.publishDeletion("gone");
      await("the broadcast queries", () -> engine.size() == 3, Duration.ofSeconds(30));
      assertThat(engine.match(post("x1", "United lost my bag, flight delayed")))
          .containsOnly("united", "delays");

      cluster.followMentions("test-feed", feed::addAll);
      Worker w1 = cluster.worker("w1", engine, Optional.empty(), store);
      Worker w2 = cluster.worker("w2", engine, Optional.empty(), store);
      await(
          "w1 and w2 sharing the partitions",
          () ->
              w1.assignedPartitions() > 0
                  && w2.assignedPartitions() > 0
                  && w1.assignedPartitions() + w2.assignedPartitions() == settings.partitions(),
          Duration.ofSeconds(60));
      // w1 dies after storing its first batch, before committing its offset: mid-stream.
      w1.crashAfterNextStore();
      Ingest first = cluster.ingest(source("airline-1", posts.subList(0, POSTS / 2)), store);
      assertThat(w1.awaitStopped(Duration.ofSeconds(60))).isTrue();
      assertThat(w1.batches()).isEqualTo(1);
      // w3 joins; the second half of the stream is shared by w2 and w3.
      Worker w3 = cluster.worker("w3", engine, Optional.empty(), store);
      await(
          "w2 and w3 sharing the partitions",
          () ->
              w3.assignedPartitions() > 0
                  && w2.assignedPartitions() > 0
                  && w2.assignedPartitions() + w3.assignedPartitions() == settings.partitions(),
          Duration.ofSeconds(60));
      first.awaitDone();
      Ingest second = cluster.ingest(source("airline-2", posts.subList(POSTS / 2, POSTS)), store);
      second.awaitDone();
      await(
          "every raw post stored",
          () -> storedPositions(settings) == POSTS,
          Duration.ofSeconds(90));

      Expected expected = expected(engine, posts);
      assertThat(store.postCount()).isEqualTo(expected.posts());
      assertThat(store.mentionCounts()).isEqualTo(expected.mentionsPerTopic());
      assertThat(duplicateMentions()).isZero();
      assertThat(w1.posts() + w2.posts() + w3.posts())
          .as("raw posts taken through by the three workers")
          .isEqualTo(POSTS);
      assertThat(w3.posts()).as("the worker that joined took a share").isPositive();
      long total = expected.mentionsPerTopic().values().stream().mapToLong(Long::longValue).sum();
      await("the mention feed", () -> feed.size() >= total, Duration.ofSeconds(30));
      Set<String> seen = new HashSet<>();
      for (Mention m : feed) {
        assertThat(seen.add(m.topicId() + "|" + m.post().key()))
            .as("mention fed once: %s %s", m.topicId(), m.post().key())
            .isTrue();
      }
      assertThat(seen).hasSize((int) total);

      // The same posts produced again (a source re-read after a crash) are not stored again.
      Ingest again = cluster.ingest(source("airline-again", posts.subList(0, 2_000)), store);
      again.awaitDone();
      await(
          "the replayed posts",
          () -> storedPositions(settings) == POSTS + 2_000,
          Duration.ofSeconds(60));
      assertThat(store.postCount()).isEqualTo(expected.posts());
      assertThat(store.mentionCounts()).isEqualTo(expected.mentionsPerTopic());
      Thread.sleep(500);
      assertThat(feed).hasSize((int) total);
    }
  }

  private record Expected(long posts, Map<String, Long> mentionsPerTopic) {}

  private static Expected expected(QueryEngine engine, List<Post> posts) {
    Map<String, Long> perTopic = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (Post p : posts) {
      Set<String> topics = engine.match(p);
      if (!topics.isEmpty() && keys.add(p.key())) {
        topics.forEach(t -> perTopic.merge(t, 1L, Long::sum));
      }
    }
    return new Expected(keys.size(), perTopic);
  }

  /** The sum of the raw topic's stored partition positions: records taken through so far. */
  private static long storedPositions(ClusterSettings settings) {
    return IntStream.range(0, settings.partitions())
        .mapToLong(
            p ->
                store
                    .checkpoint(
                        Worker.checkpointName(
                            new org.apache.kafka.common.TopicPartition(settings.rawTopic(), p)))
                    .map(Long::parseLong)
                    .orElse(0L))
        .sum();
  }

  private static long duplicateMentions() throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM (SELECT post_id, topic_id FROM mentions"
                    + " GROUP BY post_id, topic_id HAVING count(*) > 1) d")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static QueryUpdates updates(QueryEngine engine) {
    return new QueryUpdates() {
      @Override
      public void put(Topic topic) {
        engine.put(topic);
      }

      @Override
      public void remove(String topicId) {
        engine.remove(topicId);
      }
    };
  }

  private static Post post(String id, String text) {
    return new Post(
        "x",
        id,
        dev.outpost.core.Author.of("x", "someone"),
        text,
        "en",
        java.time.Instant.parse("2026-01-01T00:00:00Z"),
        Optional.empty(),
        Optional.empty(),
        dev.outpost.core.Metrics.NONE);
  }

  private static Source source(String name, List<Post> posts) {
    return new Source() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void stream(Optional<String> cursor, Emitter emitter) throws InterruptedException {
        int from = cursor.map(Integer::parseInt).orElse(0);
        for (int i = from; i < posts.size(); i++) {
          emitter.emit(posts.get(i), Integer.toString(i + 1));
        }
      }
    };
  }

  private static void await(String what, BooleanSupplier done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
