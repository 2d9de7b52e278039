package dev.outpost.app.cli;

import dev.outpost.app.bench.ClusterBenchmark;
import dev.outpost.bench.match.RealPosts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outpost bench cluster}: single-node mode and cluster mode with 1, 2, 4 workers. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Pushes real posts from shared/data through single-node mode, then through cluster mode"
          + " (an in-process Kafka broker, workers in this JVM) with each --workers count; every"
          + " run matches, enriches and stores into a fresh embedded PostgreSQL. One JSON line"
          + " per run; the last line holds every run side by side."
    })
public final class BenchClusterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--posts",
      defaultValue = "50000",
      description = "Posts to push through (default ${DEFAULT-VALUE}).")
  int posts;

  @Option(
      names = "--workers",
      split = ",",
      defaultValue = "1,2,4",
      description = "Worker counts of the cluster runs (default ${DEFAULT-VALUE}).")
  List<Integer> workers;

  @Option(
      names = "--data",
      description = "The shared data folder (default: $OUTPOST_SHARED_DATA or ../shared/data).")
  Path data;

  @Option(names = "--work-dir", description = "Where Kafka and the databases go (default: temp).")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    if (posts < 1 || workers.isEmpty() || workers.stream().anyMatch(w -> w < 1 || w > 8)) {
      throw new UserError("--posts must be >= 1 and each of --workers between 1 and 8", 2);
    }
    Path shared = BenchCommand.sharedData(data);
    Optional<Path> given = Optional.ofNullable(workDir);
    Path dir = dev.outpost.app.bench.WorkDirs.create(given);
    PrintWriter out = spec.commandLine().getOut();
    try {
      var runs =
          ClusterBenchmark.run(
              RealPosts.load(shared, posts, 42),
              workers,
              dir,
              r -> BenchCommand.print(out, r.json()));
      out.println(ClusterBenchmark.summary(runs));
      out.flush();
      return 0;
    } finally {
      dev.outpost.app.bench.WorkDirs.cleanUp(given, dir);
    }
  }
}
