package dev.outpost.app.config;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code cluster:} section of {@code outpost.yaml}: single-node mode when left out (or without
 * {@code bootstrapServers}), otherwise the Kafka settings of cluster mode (issue 13, see {@code
 * docs/cluster.md}). Every other field has a default.
 *
 * @param bootstrapServers the Kafka brokers, {@code host:port[,host:port...]}; set = cluster mode
 * @param role what this process runs: {@code ingest} (read the sources into Kafka), {@code worker}
 *     (match, enrich, store; run the detectors) or {@code all} (both; the default)
 * @param workers consumer-group workers this process runs when its role includes {@code worker}
 * @param groupId the workers' consumer group
 * @param partitions partitions of the raw and matched topics when Outpost creates them
 * @param replicationFactor replicas of each topic when Outpost creates them (3 in production)
 * @param batchSize the most posts a worker stores in one transaction
 * @param topics the Kafka topic names
 */
public record ClusterConfig(
    String bootstrapServers,
    String role,
    Integer workers,
    String groupId,
    Integer partitions,
    Integer replicationFactor,
    Integer batchSize,
    TopicNames topics) {

  private static final Set<String> ROLES = Set.of("all", "ingest", "worker");

  public ClusterConfig {
    boolean enabled = bootstrapServers != null && !bootstrapServers.isBlank();
    boolean anySet =
        role != null
            || workers != null
            || groupId != null
            || partitions != null
            || replicationFactor != null
            || batchSize != null
            || topics != null;
    if (!enabled && anySet) {
      throw new IllegalArgumentException(
          "cluster.bootstrapServers is required for cluster mode (host:port of the Kafka brokers);"
              + " leave the cluster section out for single-node mode");
    }
    bootstrapServers = enabled ? bootstrapServers.strip() : "";
    role = role == null || role.isBlank() ? "all" : role.strip().toLowerCase(Locale.ROOT);
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException(
          "cluster.role must be all, ingest or worker, was '" + role + "'");
    }
    workers = workers == null ? 2 : workers;
    if (workers < 1 || workers > 256) {
      throw new IllegalArgumentException(
          "cluster.workers must be between 1 and 256, was " + workers);
    }
    groupId = groupId == null || groupId.isBlank() ? "outpost-workers" : groupId.strip();
    partitions = partitions == null ? 12 : partitions;
    if (partitions < 1) {
      throw new IllegalArgumentException("cluster.partitions must be >= 1, was " + partitions);
    }
    replicationFactor = replicationFactor == null ? 1 : replicationFactor;
    if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          "cluster.replicationFactor must be >= 1, was " + replicationFactor);
    }
    batchSize = batchSize == null ? 500 : batchSize;
    if (batchSize < 1) {
      throw new IllegalArgumentException("cluster.batchSize must be >= 1, was " + batchSize);
    }
    topics = topics == null ? new TopicNames(null, null, null, null) : topics;
  }

  public static ClusterConfig defaults() {
    return new ClusterConfig(null, null, null, null, null, null, null, null);
  }

  /** Whether cluster mode is on (Kafka brokers are named). */
  public boolean enabled() {
    return !bootstrapServers.isEmpty();
  }

  /** Whether this process reads the sources into Kafka. */
  public boolean runsIngest() {
    return !"worker".equals(role);
  }

  /** Whether this process runs workers (and the detectors). */
  public boolean runsWorkers() {
    return !"ingest".equals(role);
  }

  /**
   * The Kafka topics; each defaults to {@code outpost.posts.raw}, {@code outpost.posts.matched},
   * {@code outpost.queries} (compacted) and {@code outpost.alerts}.
   */
  public record TopicNames(String raw, String matched, String queries, String alerts) {
    public TopicNames {
      raw = raw == null || raw.isBlank() ? "outpost.posts.raw" : raw.strip();
      matched = matched == null || matched.isBlank() ? "outpost.posts.matched" : matched.strip();
      queries = queries == null || queries.isBlank() ? "outpost.queries" : queries.strip();
      alerts = alerts == null || alerts.isBlank() ? "outpost.alerts" : alerts.strip();
    }
  }
}
