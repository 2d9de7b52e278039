package dev.outpost.app.bench;

import dev.outpost.app.DemoConfig;
import dev.outpost.app.SharedData;
import dev.outpost.cluster.Cluster;
import dev.outpost.cluster.ClusterSettings;
import dev.outpost.cluster.Ingest;
import dev.outpost.cluster.LocalKafka;
import dev.outpost.cluster.Worker;
import dev.outpost.core.Post;
import dev.outpost.core.PostEnricher;
import dev.outpost.core.Source;
import dev.outpost.core.Topic;
import dev.outpost.enrich.Enricher;
import dev.outpost.listen.QueryEngine;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Single-node mode against cluster mode with 1, 2, 4... workers, in one run on the same posts: each
 * run reads, matches, enriches and stores every post into a fresh embedded PostgreSQL; the cluster
 * runs go through an in-process Kafka broker (KRaft), with the workers in this JVM. The clock runs
 * from the first post read to the last stored (ingest and workers run together).
 */
public final class ClusterBenchmark {
  private static final int PARTITIONS = 8;

  private ClusterBenchmark() {}

  /** One run's figures; {@code workers} is 1 for single-node mode. */
  public record Run(String mode, int workers, int posts, long mentions, double seconds) {
    public double postsPerSecond() {
      return posts / seconds;
    }

    public Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mode", mode);
      m.put("workers", workers);
      m.put("posts", posts);
      m.put("mentions", mentions);
      m.put("seconds", Math.round(seconds * 100) / 100.0);
      m.put("postsPerSecond", Math.round(postsPerSecond()));
      return m;
    }
  }

  /** Runs single-node mode, then cluster mode with each worker count; prints one line per run. */
  public static List<Run> run(
      List<Post> posts, List<Integer> workerCounts, Path workDir, Writer line) throws Exception {
    List<Topic> topics =
        DemoConfig.of(
                "127.0.0.1",
                0,
                workDir,
                Optional.of(SharedData.find(Optional.empty()).orElse(workDir)),
                0)
            .topics()
            .stream()
            .map(t -> t.toTopic())
            .toList();
    Enricher enricher = Enricher.loadDefault(Clock.systemUTC());
    Optional<PostEnricher> enrich = Optional.of(enricher::enrich);
    // Warm up the JIT, the matcher and Lingua's models outside the timed runs.
    PipelineBenchmark.once(
        "warm-up",
        posts.subList(0, Math.min(posts.size(), 20_000)),
        topics,
        enrich,
        workDir.resolve("warm-up"),
        new PrintWriter(java.io.Writer.nullWriter()));
    List<Run> runs = new ArrayList<>();
    PipelineBenchmark.Run single =
        PipelineBenchmark.once(
            "single-node",
            posts,
            topics,
            enrich,
            workDir.resolve("single"),
            new PrintWriter(java.io.Writer.nullWriter()));
    Run s = new Run("single-node", 1, single.posts(), single.mentions(), single.seconds());
    line.write(s);
    runs.add(s);
    try (LocalKafka kafka = LocalKafka.start(workDir.resolve("kafka"))) {
      // Warm up the broker and the Kafka clients too, untimed.
      cluster(
          2,
          "warm-up",
          posts.subList(0, Math.min(posts.size(), 10_000)),
          topics,
          enrich,
          kafka,
          workDir.resolve("cluster-warm-up"));
      for (int n : workerCounts) {
        Run r =
            cluster(n, "bench-" + n, posts, topics, enrich, kafka, workDir.resolve("cluster-" + n));
        line.write(r);
        runs.add(r);
      }
    }
    return runs;
  }

  /** Receives each run's figures as soon as it ends. */
  @FunctionalInterface
  public interface Writer {
    void write(Run run);
  }

  private static Run cluster(
      int workers,
      String prefix,
      List<Post> posts,
      List<Topic> topics,
      Optional<PostEnricher> enricher,
      LocalKafka kafka,
      Path dir)
      throws Exception {
    try (Database db = Database.embedded(dir)) {
      PostgresStore store = new PostgresStore(db.dataSource(), Clock.systemUTC());
      store.saveTopics(topics);
      QueryEngine engine = new QueryEngine();
      topics.forEach(engine::put);
      ClusterSettings settings =
          new ClusterSettings(
              kafka.bootstrapServers(),
              prefix,
              prefix + ".raw",
              prefix + ".matched",
              prefix + ".queries",
              prefix + ".alerts",
              PARTITIONS,
              (short) 1,
              500);
      try (Cluster cluster = Cluster.connect(settings)) {
        List<Worker> started = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
          started.add(cluster.worker(prefix + "-w" + i, engine, enricher, store));
        }
        // Time the work, not the group's first rebalance: wait until every partition is held.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (started.stream().mapToInt(Worker::assignedPartitions).sum() < PARTITIONS
            || started.stream().anyMatch(w -> w.assignedPartitions() == 0)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the workers did not share the partitions in 60 s");
          }
          Thread.sleep(20);
        }
        long start = System.nanoTime();
        Ingest ingest = cluster.ingest(source(posts), store);
        while (started.stream().mapToLong(Worker::posts).sum() < posts.size()) {
          Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ingest.awaitDone();
        long mentions = started.stream().mapToLong(Worker::mentions).sum();
        return new Run("cluster", workers, posts.size(), mentions, seconds);
      }
    } finally {
      WorkDirs.deleteTree(dir);
    }
  }

  private static Source source(List<Post> posts) {
    return new Source() {
      @Override
      public String name() {
        return "bench";
      }

      @Override
      public void stream(Optional<String> cursor, Emitter emitter) throws InterruptedException {
        for (int i = 0; i < posts.size(); i++) {
          emitter.emit(posts.get(i), Integer.toString(i + 1));
        }
      }
    };
  }

  /** The last line: every run side by side. */
  public static String summary(List<Run> runs) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "{\"benchmark\":\"cluster\",\"posts\":%d,\"cores\":%d,\"partitions\":%d,\"runs\":[",
            runs.getFirst().posts(),
            Runtime.getRuntime().availableProcessors(),
            PARTITIONS));
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      b.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"mode\":\"%s\",\"workers\":%d,\"mentions\":%d,\"seconds\":%.2f,"
                      + "\"postsPerSecond\":%.0f}",
                  r.mode(),
                  r.workers(),
                  r.mentions(),
                  r.seconds(),
                  r.postsPerSecond()));
    }
    return b.append("]}").toString();
  }
}
