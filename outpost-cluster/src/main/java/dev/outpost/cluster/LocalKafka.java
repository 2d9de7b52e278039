package dev.outpost.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node Kafka (KRaft, broker and controller combined) inside this JVM, for tests and {@code
 * ./outpost bench cluster}. Production runs against a real Kafka cluster (see docs/cluster.md).
 */
public final class LocalKafka implements AutoCloseable {
  private final KafkaClusterTestKit kit;

  private LocalKafka(KafkaClusterTestKit kit) {
    this.kit = kit;
  }

  /** Formats and starts a broker with its logs under {@code dir}, and waits until it is ready. */
  public static LocalKafka start(Path dir) {
    try {
      KafkaClusterTestKit kit =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      // The latest production metadata version: the test kit's default is the
                      // newest one still under development.
                      .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .setBaseDirectory(dir)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("num.partitions", "4")
              .build();
      format(kit);
      kit.startup();
      kit.waitForReadyBrokers();
      return new LocalKafka(kit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the in-process Kafka", e);
    } catch (Exception e) {
      throw new IllegalStateException("the in-process Kafka did not start: " + e, e);
    }
  }

  /** Formats the storage; Kafka's formatter prints to standard output, which is kept clean. */
  private static void format(KafkaClusterTestKit kit) throws Exception {
    PrintStream out = System.out;
    synchronized (LocalKafka.class) {
      System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, UTF_8));
      try {
        kit.format();
      } finally {
        System.setOut(out);
      }
    }
  }

  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  @Override
  public void close() {
    try {
      kit.close();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the in-process Kafka failed: " + e, e);
    }
  }
}
