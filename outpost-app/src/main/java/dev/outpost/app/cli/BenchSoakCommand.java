package dev.outpost.app.cli;

import dev.outpost.app.bench.BenchRun;
import dev.outpost.app.bench.SyntheticSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outpost bench soak}: the pipeline at a steady rate for minutes, sampled over time. */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Offer posts at a steady --rate for --minutes through the single-node pipeline (match +"
          + " store on embedded PostgreSQL) and print one JSON line per --interval seconds"
          + " (memory, live heap after GC, GC, lag, queue, errors), a summary last."
    })
public final class BenchSoakCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--minutes", defaultValue = "5", description = "How long (default 5).")
  double minutes;

  @Option(names = "--rate", defaultValue = "1000", description = "Posts per second (default 1000).")
  double rate;

  @Option(names = "--interval", defaultValue = "10", description = "Seconds between lines.")
  int interval;

  @Option(names = "--data-dir", description = "Database directory (default: a temporary one).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    if (minutes <= 0 || rate <= 0 || interval < 1) {
      throw new UserError("--minutes and --rate must be > 0, --interval >= 1", 2);
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<Path> given = Optional.ofNullable(dataDir);
    Path dir = dev.outpost.app.bench.WorkDirs.create(given);
    try (BenchRun run = BenchRun.start(dir, Clock.systemUTC())) {
      long total = (long) (rate * minutes * 60);
      SyntheticSource source = new SyntheticSource("soak", total, SyntheticSource.constant(rate));
      BenchRun.Sample base = run.sample();
      BenchOverloadCommand.Peaks peaks = new BenchOverloadCommand.Peaks();
      long minOldGen = Long.MAX_VALUE;
      long lastOldGen = 0;
      long start = System.nanoTime();
      long previous = 0;
      run.start(source);
      while (run.sample().received() - base.received() < total || run.sample().queued() > 0) {
        Thread.sleep(interval * 1_000L);
        BenchRun.Sample s = run.sample();
        double t = (System.nanoTime() - start) / 1e9;
        peaks.add(s, source.backlog());
        if (t > 60) { // after warm-up
          minOldGen = Math.min(minOldGen, s.oldGenUsedMb());
        }
        lastOldGen = s.oldGenUsedMb();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("t", BenchOverloadCommand.round(t));
        line.put("postsPerSecond", Math.round((s.received() - previous) / (double) interval));
        line.put("sourceBacklog", source.backlog());
        line.put("sample", s);
        BenchCommand.print(out, line);
        previous = s.received();
      }
      run.awaitDrained();
      BenchRun.Sample end = run.sample();
      double elapsed = (System.nanoTime() - start) / 1e9;
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("phase", "summary");
      summary.put("minutes", minutes);
      summary.put("targetPostsPerSecond", rate);
      summary.put("achievedPostsPerSecond", Math.round(end.received() / elapsed));
      summary.put("offered", total);
      summary.put("received", end.received());
      summary.put("storedPosts", run.storedPosts());
      summary.put("expectedStoredPosts", (total + 2) / 3);
      summary.put("maxQueued", peaks.queued);
      summary.put("maxLagMillis", peaks.lagMillis);
      summary.put("maxHeapUsedMb", peaks.heapUsedMb);
      summary.put("minOldGenUsedMbAfterWarmUp", minOldGen == Long.MAX_VALUE ? -1 : minOldGen);
      summary.put("maxOldGenUsedMb", peaks.oldGenUsedMb);
      summary.put("lastOldGenUsedMb", lastOldGen);
      summary.put("heapMaxMb", end.heapMaxMb());
      summary.put("gcCount", end.gcCount() - base.gcCount());
      summary.put("gcMillis", end.gcMillis() - base.gcMillis());
      summary.put("storeFailures", end.storeFailures());
      summary.put("deadLettered", end.deadLettered());
      BenchCommand.print(out, summary);
      return run.storedPosts() == (total + 2) / 3 ? 0 : 1;
    } finally {
      dev.outpost.app.bench.WorkDirs.cleanUp(given, dir);
    }
  }
}
