package dev.outpost.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code cluster:} section: single node when left out, Kafka settings with defaults. */
class ClusterConfigTest {
  private final ConfigLoader loader = new ConfigLoader(Map.of("KAFKA", "kafka-1:9092")::get);

  @Test
  void leftOutOrEmptyMeansSingleNode() {
    assertThat(loader.parse("outpost.yaml", "server: {port: 8081}\n").cluster().enabled())
        .isFalse();
    assertThat(loader.parse("outpost.yaml", "cluster: {}\n").cluster().enabled()).isFalse();
  }

  @Test
  void bootstrapServersTurnClusterModeOnWithDefaults() {
    ClusterConfig c =
        loader
            .parse("outpost.yaml", "cluster:\n  bootstrapServers: ${KAFKA}\n  role: Worker\n")
            .cluster();
    assertThat(c.enabled()).isTrue();
    assertThat(c.bootstrapServers()).isEqualTo("kafka-1:9092");
    assertThat(c.role()).isEqualTo("worker");
    assertThat(c.runsWorkers()).isTrue();
    assertThat(c.runsIngest()).isFalse();
    assertThat(c.workers()).isEqualTo(2);
    assertThat(c.partitions()).isEqualTo(12);
    assertThat(c.topics().raw()).isEqualTo("outpost.posts.raw");
    assertThat(c.topics().queries()).isEqualTo("outpost.queries");
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> loader.parse("outpost.yaml", "cluster: {role: worker}\n"))
        .hasMessageContaining("cluster.bootstrapServers is required");
    assertThatThrownBy(
            () -> loader.parse("outpost.yaml", "cluster: {bootstrapServers: k:9092, role: boss}\n"))
        .hasMessageContaining("cluster.role must be all, ingest or worker");
    assertThatThrownBy(
            () -> loader.parse("outpost.yaml", "cluster: {bootstrapServers: k:9092, workers: 0}\n"))
        .hasMessageContaining("cluster.workers");
    assertThatThrownBy(
            () -> loader.parse("outpost.yaml", "cluster: {bootstrapServers: k:9092, brokers: 3}\n"))
        .hasMessageContaining("unknown setting 'cluster.brokers'");
  }
}
