package dev.outpost.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How cluster mode reaches Kafka and which topics it uses.
 *
 * @param bootstrapServers the Kafka brokers, {@code host:port[,host:port...]}
 * @param groupId the consumer group of the workers; the mention feed uses {@code groupId-feed}
 * @param rawTopic raw posts, keyed by post key (network:id), written by the ingest side
 * @param matchedTopic stored mentions, keyed by topic id, so that one consumer sees all of a topic
 * @param queriesTopic saved queries (topics), compacted, keyed by topic id; null value = deleted
 * @param alertsTopic alerts raised by the detectors, keyed by alert thread
 * @param partitions partitions of the raw and matched topics when Outpost creates them
 * @param replicationFactor replicas of each topic when Outpost creates them
 * @param batchSize the most records a worker matches and stores in one transaction
 */
public record ClusterSettings(
    String bootstrapServers,
    String groupId,
    String rawTopic,
    String matchedTopic,
    String queriesTopic,
    String alertsTopic,
    int partitions,
    short replicationFactor,
    int batchSize) {

  /** How long a worker waits for records before it looks again. */
  static final Duration POLL = Duration.ofMillis(200);

  public ClusterSettings {
    Objects.requireNonNull(bootstrapServers, "cluster.bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("cluster.bootstrapServers must name at least one broker");
    }
    requireName("cluster.groupId", groupId);
    requireName("cluster.topics.raw", rawTopic);
    requireName("cluster.topics.matched", matchedTopic);
    requireName("cluster.topics.queries", queriesTopic);
    requireName("cluster.topics.alerts", alertsTopic);
    if (partitions < 1) {
      throw new IllegalArgumentException("cluster.partitions must be >= 1, was " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "cluster.replicationFactor must be >= 1, was " + replicationFactor);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("cluster.batchSize must be >= 1, was " + batchSize);
    }
  }

  /** The defaults for a broker at {@code bootstrapServers}. */
  public static ClusterSettings defaults(String bootstrapServers) {
    return new ClusterSettings(
        bootstrapServers,
        "outpost-workers",
        "outpost.posts.raw",
        "outpost.posts.matched",
        "outpost.queries",
        "outpost.alerts",
        12,
        (short) 1,
        500);
  }

  /** A copy with another partition count. */
  public ClusterSettings withPartitions(int count) {
    return new ClusterSettings(
        bootstrapServers,
        groupId,
        rawTopic,
        matchedTopic,
        queriesTopic,
        alertsTopic,
        count,
        replicationFactor,
        batchSize);
  }

  private static void requireName(String setting, String name) {
    if (name == null || !name.matches("[a-zA-Z0-9._-]{1,200}")) {
      throw new IllegalArgumentException(
          setting
              + " must be a Kafka name of letters, digits, '.', '_' or '-', was '"
              + name
              + "'");
    }
  }
}
