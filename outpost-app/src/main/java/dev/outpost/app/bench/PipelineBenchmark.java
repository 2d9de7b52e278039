package dev.outpost.app.bench;

import dev.outpost.app.DemoConfig;
import dev.outpost.core.Post;
import dev.outpost.core.PostEnricher;
import dev.outpost.core.Source;
import dev.outpost.core.Topic;
import dev.outpost.core.pipeline.Pipeline;
import dev.outpost.enrich.Enricher;
import dev.outpost.listen.QueryEngine;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole single-node pipeline (read, match, enrich, store in PostgreSQL) on real posts, run
 * twice in one process: with enrichment off (the baseline) and on, each into a fresh embedded
 * database. Prints one line per run and a JSON summary last.
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  /** One run's figures. */
  public record Run(String name, int posts, long mentions, double seconds) {
    public double postsPerSecond() {
      return posts / seconds;
    }

    String json() {
      return String.format(
          Locale.ROOT,
          "{\"run\":\"%s\",\"posts\":%d,\"mentions\":%d,\"seconds\":%.2f,\"postsPerSecond\":%.0f}",
          name,
          posts,
          mentions,
          seconds,
          postsPerSecond());
    }
  }

  /**
   * Runs both configurations {@code rounds} times over the same posts; returns the medians {off,
   * on}.
   */
  public static List<Run> run(List<Post> posts, int rounds, Path workDir, PrintWriter out)
      throws Exception {
    // The demo's topics: the airlines when the shared data is there, else the bundled brands.
    List<Topic> chosen =
        DemoConfig.of(
                "127.0.0.1",
                0,
                workDir,
                Optional.of(dev.outpost.app.SharedData.find(Optional.empty()).orElse(workDir)),
                0)
            .topics()
            .stream()
            .map(t -> t.toTopic())
            .toList();
    Enricher enricher = Enricher.loadDefault(Clock.systemUTC());
    // Warm up the JIT, the matcher and Lingua's lazily loaded models outside the timed runs.
    once(
        "warm-up",
        posts.subList(0, Math.min(posts.size(), 20_000)),
        chosen,
        Optional.of(enricher::enrich),
        workDir.resolve("warm-up"),
        new PrintWriter(java.io.Writer.nullWriter()));
    // Alternate the two configurations so that machine noise hits both alike; report medians.
    List<Run> offs = new java.util.ArrayList<>();
    List<Run> ons = new java.util.ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      offs.add(
          once("enrichment-off", posts, chosen, Optional.empty(), workDir.resolve("off"), out));
      ons.add(
          once(
              "enrichment-on",
              posts,
              chosen,
              Optional.of(enricher::enrich),
              workDir.resolve("on"),
              out));
    }
    Run off = median(offs);
    Run on = median(ons);
    return List.of(off, on);
  }

  private static Run median(List<Run> runs) {
    List<Run> sorted = runs.stream().sorted(Comparator.comparingDouble(Run::seconds)).toList();
    return sorted.get(sorted.size() / 2);
  }

  static Run once(
      String name,
      List<Post> posts,
      List<Topic> topics,
      Optional<PostEnricher> enricher,
      Path dir,
      PrintWriter out)
      throws Exception {
    try (Database db = Database.embedded(dir)) {
      PostgresStore store = new PostgresStore(db.dataSource(), Clock.systemUTC());
      store.saveTopics(topics);
      QueryEngine engine = new QueryEngine();
      topics.forEach(engine::put);
      Source source =
          new Source() {
            @Override
            public String name() {
              return "bench";
            }

            @Override
            public void stream(Optional<String> cursor, Emitter emitter)
                throws InterruptedException {
              for (int i = 0; i < posts.size(); i++) {
                emitter.emit(posts.get(i), Integer.toString(i));
              }
            }
          };
      long start = System.nanoTime();
      try (Pipeline pipeline =
          new Pipeline(
              engine,
              enricher,
              store,
              mentions -> {},
              Clock.systemUTC(),
              Pipeline.Settings.DEFAULT)) {
        pipeline.start(source);
        pipeline.awaitDrained();
        double seconds = (System.nanoTime() - start) / 1e9;
        Run run = new Run(name, posts.size(), pipeline.stats().newMentions(), seconds);
        out.println(run.json());
        out.flush();
        return run;
      }
    } finally {
      WorkDirs.deleteTree(dir);
    }
  }

  /** The one-line summary: both runs side by side and the cost of enrichment. */
  public static String summary(List<Run> runs) {
    Run off = runs.get(0);
    Run on = runs.get(1);
    return String.format(
        Locale.ROOT,
        "{\"benchmark\":\"pipeline\",\"posts\":%d,\"cores\":%d,\"statistic\":\"median\","
            + "\"baseline\":%s,\"outpost\":%s,\"enrichmentCost\":%.2f}",
        off.posts(),
        Runtime.getRuntime().availableProcessors(),
        off.json(),
        on.json(),
        off.postsPerSecond() / on.postsPerSecond());
  }
}
