package dev.outpost.app.config;

/**
 * The {@code cluster:} section of {@code outpost.yaml}: single-node mode when left out, otherwise
 * the Kafka settings of cluster mode (issue 13). Every field has a default, so the section may be
 * left out.
 */
public record ClusterConfig() {
  public static ClusterConfig defaults() {
    return new ClusterConfig();
  }
}
