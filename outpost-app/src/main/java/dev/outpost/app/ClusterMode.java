package dev.outpost.app;

import dev.outpost.app.cli.UserError;
import dev.outpost.app.config.ClusterConfig;
import dev.outpost.cluster.Cluster;
import dev.outpost.cluster.ClusterSettings;
import dev.outpost.cluster.Ingest;
import dev.outpost.cluster.QueryUpdates;
import dev.outpost.cluster.Worker;
import dev.outpost.core.Matcher;
import dev.outpost.core.MentionListener;
import dev.outpost.core.PostEnricher;
import dev.outpost.core.Source;
import dev.outpost.core.Store;
import dev.outpost.core.Topic;
import dev.outpost.listen.QueryEngine;
import dev.outpost.listen.QueryException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode inside one Outpost process: instead of the in-process pipeline, this process's
 * sources go to Kafka (role ingest or all) and its workers take posts from Kafka (role worker or
 * all). Saved-query changes are broadcast on the compacted queries topic and applied to this
 * process's matcher; stored mentions come back from the matched topic to the detectors and live
 * views; detectors' alerts go to the alerts topic.
 */
final class ClusterMode implements AutoCloseable, LiveTopics.Changes {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterMode.class);

  private final Cluster cluster;
  private final List<Worker> workers = new ArrayList<>();
  private final List<Ingest> ingests = new ArrayList<>();

  private ClusterMode(Cluster cluster) {
    this.cluster = cluster;
  }

  static ClusterSettings settings(ClusterConfig c) {
    return new ClusterSettings(
        c.bootstrapServers(),
        c.groupId(),
        c.topics().raw(),
        c.topics().matched(),
        c.topics().queries(),
        c.topics().alerts(),
        c.partitions(),
        (short) (int) c.replicationFactor(),
        c.batchSize());
  }

  /**
   * Connects to Kafka, broadcasts the stored topics, follows query changes into {@code engine}, and
   * starts this process's role.
   */
  static ClusterMode start(
      ClusterConfig config,
      Clock clock,
      Store store,
      QueryEngine engine,
      Matcher matcher,
      Optional<PostEnricher> enricher,
      MentionListener listener,
      List<Source> sources) {
    Cluster cluster;
    try {
      cluster = Cluster.connect(settings(config), clock);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    ClusterMode mode = new ClusterMode(cluster);
    try {
      String host = hostName();
      store.topics().forEach(cluster::publish);
      cluster.followQueries("queries-" + host, updates(engine));
      if (config.runsWorkers()) {
        for (int i = 1; i <= config.workers(); i++) {
          mode.workers.add(cluster.worker(host + "-" + i, matcher, enricher, store));
        }
        cluster.followMentions("feed-" + host, listener);
      }
      if (config.runsIngest()) {
        sources.forEach(s -> mode.ingests.add(cluster.ingest(s, store)));
      }
      LOG.info(
          "cluster mode: role {}, {} worker(s), {} source(s), Kafka {}",
          config.role(),
          mode.workers.size(),
          mode.ingests.size(),
          config.bootstrapServers());
      return mode;
    } catch (RuntimeException e) {
      mode.close();
      throw e;
    }
  }

  private static QueryUpdates updates(QueryEngine engine) {
    return new QueryUpdates() {
      @Override
      public void put(Topic topic) {
        try {
          engine.put(topic);
        } catch (QueryException e) {
          LOG.warn("topic {} is not matched: {}", topic.id(), e.getMessage());
        }
      }

      @Override
      public void remove(String topicId) {
        engine.remove(topicId);
      }
    };
  }

  private static String hostName() {
    String h = System.getenv("HOSTNAME");
    return h == null || h.isBlank() ? "outpost-" + ProcessHandle.current().pid() : h;
  }

  Cluster cluster() {
    return cluster;
  }

  @Override
  public void saved(Topic topic) {
    cluster.publish(topic);
  }

  @Override
  public void deleted(String topicId) {
    cluster.publishDeletion(topicId);
  }

  /** Figures for /health. */
  Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bootstrapServers", cluster.settings().bootstrapServers());
    m.put("workers", workers.stream().filter(Worker::isRunning).count());
    m.put("postsProcessed", workers.stream().mapToLong(Worker::posts).sum());
    m.put("mentionsStored", workers.stream().mapToLong(Worker::mentions).sum());
    m.put("postsProduced", ingests.stream().mapToLong(Ingest::produced).sum());
    return m;
  }

  @Override
  public void close() {
    cluster.close();
  }
}
