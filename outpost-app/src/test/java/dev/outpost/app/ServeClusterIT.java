package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outpost.app.config.ClusterConfig;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.replay.ReplayFormat;
import dev.outpost.app.replay.ReplaySource;
import dev.outpost.cluster.Cluster;
import dev.outpost.cluster.ClusterSettings;
import dev.outpost.cluster.LocalKafka;
import dev.outpost.cluster.QueryUpdates;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import dev.outpost.listen.QueryEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with a {@code cluster:} section: the configured replay source goes through an
 * in-process Kafka to two workers of this process, every matched post is stored once, the stored
 * topics are broadcast on the compacted queries topic, and /health reports the cluster figures.
 */
class ServeClusterIT {
  @TempDir Path dir;

  @Test
  void servesInClusterModeFromTheClusterSection() throws Exception {
    Path shared = Path.of(System.getProperty("outpost.shared.data", "../shared/data"));
    assumeTrue(
        Files.isReadable(shared.resolve(DemoConfig.AIRLINE_FILE)),
        "skipped: ../shared/data (Twitter US Airline Sentiment) is not present");
    try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"))) {
      OutpostConfig demo = DemoConfig.of("127.0.0.1", 0, dir.resolve("pg"), Optional.of(shared), 0);
      ClusterConfig cluster =
          new ClusterConfig(kafka.bootstrapServers(), "all", 2, null, 4, null, null, null);
      OutpostConfig config =
          new OutpostConfig(
              demo.server(),
              demo.database(),
              demo.topics(),
              demo.sources(),
              null,
              null,
              null,
              null,
              null,
              null,
              cluster);
      QueryEngine expectedEngine = new QueryEngine();
      config.topics().forEach(t -> expectedEngine.put(t.toTopic()));
      Set<String> expected =
          ReplaySource.ofFile(
                  "expected",
                  shared.resolve(DemoConfig.AIRLINE_FILE),
                  ReplayFormat.AIRLINE,
                  0,
                  Duration.ZERO)
              .posts()
              .stream()
              .filter(p -> !expectedEngine.match(p).isEmpty())
              .map(Post::key)
              .collect(Collectors.toSet());

      try (Outpost outpost = Outpost.start(config, Clock.systemUTC())) {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (outpost.store().postCount() < expected.size() && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        assertThat(outpost.store().postCount()).isEqualTo(expected.size());
        assertThat(outpost.pipeline().stats().received())
            .as("the in-process pipeline stays idle in cluster mode")
            .isZero();

        Map<String, Topic> broadcast = new ConcurrentHashMap<>();
        try (Cluster reader =
            Cluster.connect(ClusterSettings.defaults(kafka.bootstrapServers()).withPartitions(4))) {
          reader.followQueries(
              "test",
              new QueryUpdates() {
                @Override
                public void put(Topic topic) {
                  broadcast.put(topic.id(), topic);
                }

                @Override
                public void remove(String topicId) {
                  broadcast.remove(topicId);
                }
              });
          Topic added = new Topic("boeing", "Boeing", TopicKind.BRAND, "boeing");
          new LiveTopics(
                  outpost.store(), new QueryEngine(), new RecentPosts(10), clusterChanges(reader))
              .save(added);
          long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
          while (broadcast.size() < config.topics().size() + 1 && System.nanoTime() < until) {
            Thread.sleep(50);
          }
          assertThat(broadcast.keySet())
              .containsAll(config.topics().stream().map(t -> t.id()).toList())
              .contains("boeing");
        }

        HttpResponse<String> health =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + outpost.port() + "/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"cluster\"", "\"workers\":2");
      }
    }
  }

  private static LiveTopics.Changes clusterChanges(Cluster cluster) {
    return new LiveTopics.Changes() {
      @Override
      public void saved(Topic topic) {
        cluster.publish(topic);
      }

      @Override
      public void deleted(String topicId) {
        cluster.publishDeletion(topicId);
      }
    };
  }
}
