package dev.outpost.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.app.SharedData;
import dev.outpost.bench.match.MatchBenchmark;
import dev.outpost.bench.match.RealPosts;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outpost bench ...}: benchmarks that print our figure and a baseline side by side. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; each prints a one-line JSON summary as its last line.",
    subcommands = {
      BenchCommand.Match.class,
      BenchCommand.PipelineRun.class,
      BenchOverloadCommand.class,
      BenchSoakCommand.class,
      BenchClusterCommand.class,
      BenchStatusCommand.class
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void print(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shared data folder (option or the usual places), or a usage error saying where to look. */
  static Path sharedData(Path option) {
    Path data =
        SharedData.find(Optional.ofNullable(option))
            .orElseThrow(
                () ->
                    new UserError(
                        "shared data not found ($OUTPOST_SHARED_DATA, ../shared/data); use --data DIR",
                        2));
    if (!Files.isDirectory(data.resolve("twitter_us_airline_sentiment"))) {
      throw new UserError("shared data not found at " + data + " (use --data DIR)", 2);
    }
    return data;
  }

  /** {@code outpost bench match}. */
  @Command(
      name = "match",
      mixinStandardHelpOptions = true,
      description = {
        "Matches real posts from shared/data against generated realistic queries with plain",
        "Lucene Monitor (one thread) and with Outpost's engine (all threads), and checks that",
        "both find the same matches."
      })
  static final class Match implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--queries",
        defaultValue = "10000",
        description = "Saved queries (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(
        names = "--posts",
        defaultValue = "20000",
        description = "Posts to match (default ${DEFAULT-VALUE}).")
    int posts;

    @Option(names = "--threads", description = "Threads for Outpost's engine (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
        names = "--data",
        description = "The shared data folder (default: $OUTPOST_SHARED_DATA or ../shared/data).")
    Path data;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for shuffling and queries.")
    long seed;

    @Override
    public Integer call() throws Exception {
      if (queries < 1 || posts < 1 || threads < 1) {
        throw new UserError("--queries, --posts and --threads must be at least 1", 2);
      }
      Path data = sharedData(this.data);
      PrintWriter out = spec.commandLine().getOut();
      MatchBenchmark.Result r =
          MatchBenchmark.run(new MatchBenchmark.Options(queries, posts, threads, data, seed), out);
      out.println(r.json());
      out.flush();
      return r.identical() ? 0 : 1;
    }
  }

  /** {@code outpost bench pipeline}. */
  @Command(
      name = "pipeline",
      mixinStandardHelpOptions = true,
      description = {
        "Runs the whole single-node pipeline (read, match, enrich, store in the embedded",
        "PostgreSQL) over real posts from shared/data, with enrichment off (baseline) and on."
      })
  static final class PipelineRun implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--posts",
        defaultValue = "100000",
        description = "Posts to push through (default ${DEFAULT-VALUE}).")
    int posts;

    @Option(
        names = "--data",
        description = "The shared data folder (default: $OUTPOST_SHARED_DATA or ../shared/data).")
    Path data;

    @Option(
        names = "--rounds",
        defaultValue = "3",
        description = "Rounds of both runs; medians are reported (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--work-dir", description = "Where the databases go (default: a temp dir).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
      if (posts < 1 || rounds < 1) {
        throw new UserError("--posts and --rounds must be at least 1", 2);
      }
      Path data = sharedData(this.data);
      Optional<Path> given = Optional.ofNullable(workDir);
      Path dir = dev.outpost.app.bench.WorkDirs.create(given);
      PrintWriter out = spec.commandLine().getOut();
      var runs =
          dev.outpost.app.bench.PipelineBenchmark.run(
              RealPosts.load(data, posts, 42), rounds, dir, out);
      out.println(dev.outpost.app.bench.PipelineBenchmark.summary(runs));
      out.flush();
      dev.outpost.app.bench.WorkDirs.cleanUp(given, dir);
      return 0;
    }
  }
}
