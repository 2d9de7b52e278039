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

/**
 * {@code outpost bench overload}: measures the sustainable rate of the single-node pipeline, then
 * offers a burst of FACTOR times that rate and reports queues, lag, memory and the catch-up.
 */
@Command(
    name = "overload",
    mixinStandardHelpOptions = true,
    description = {
      "1. calibrate: offer --calibrate-posts as fast as the pipeline takes them (match + store,"
          + " enrichment off, embedded PostgreSQL): the sustainable rate.",
      "2. burst: offer --factor times that rate for --seconds; one JSON line per second (queue,"
          + " lag, source backlog, heap, GC) until everything offered is stored; summary last."
    })
public final class BenchOverloadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "10", description = "Burst length (default 10).")
  int seconds;

  @Option(names = "--factor", defaultValue = "10", description = "Burst rate / sustainable rate.")
  double factor;

  @Option(
      names = "--calibrate-posts",
      defaultValue = "60000",
      description = "Posts offered to measure the sustainable rate (default 60000).")
  int calibratePosts;

  @Option(names = "--data-dir", description = "Database directory (default: a temporary one).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    if (seconds < 1 || factor <= 0 || calibratePosts < 1_000) {
      throw new UserError("--seconds >= 1, --factor > 0 and --calibrate-posts >= 1000", 2);
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<Path> given = Optional.ofNullable(dataDir);
    Path dir = dev.outpost.app.bench.WorkDirs.create(given);
    try (BenchRun run = BenchRun.start(dir, Clock.systemUTC())) {
      SyntheticSource calibrate =
          new SyntheticSource("calibrate", calibratePosts, SyntheticSource.constant(0));
      long t0 = System.nanoTime();
      run.start(calibrate);
      run.awaitDrained();
      double calSeconds = (System.nanoTime() - t0) / 1e9;
      double sustainable = calibratePosts / calSeconds;
      long storedBefore = run.storedPosts();
      Map<String, Object> cal = new LinkedHashMap<>();
      cal.put("phase", "calibrate");
      cal.put("posts", calibratePosts);
      cal.put("seconds", round(calSeconds));
      cal.put("sustainablePostsPerSecond", Math.round(sustainable));
      cal.put("storedPosts", storedBefore);
      BenchCommand.print(out, cal);

      double rate = sustainable * factor;
      long total = (long) (rate * seconds);
      SyntheticSource burst = new SyntheticSource("burst", total, SyntheticSource.constant(rate));
      BenchRun.Sample base = run.sample();
      long start = System.nanoTime();
      run.start(burst);
      Peaks peaks = new Peaks();
      while (run.sample().received() - base.received() < total || run.sample().queued() > 0) {
        Thread.sleep(1_000);
        double t = (System.nanoTime() - start) / 1e9;
        BenchRun.Sample s = run.sample();
        peaks.add(s, burst.backlog());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("phase", t <= seconds ? "burst" : "catch-up");
        line.put("t", round(t));
        line.put("offered", burst.emitted());
        line.put("sourceBacklog", burst.backlog());
        line.put("sample", s);
        BenchCommand.print(out, line);
      }
      run.awaitDrained();
      double elapsed = (System.nanoTime() - start) / 1e9;
      BenchRun.Sample end = run.sample();
      long expectedStored = (total + 2) / 3 + storedBefore;
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("phase", "summary");
      summary.put("sustainablePostsPerSecond", Math.round(sustainable));
      summary.put("burstPostsPerSecond", Math.round(rate));
      summary.put("burstSeconds", seconds);
      summary.put("offered", total);
      summary.put("received", end.received() - base.received());
      summary.put("shed", total - (end.received() - base.received()));
      summary.put("storedPosts", run.storedPosts());
      summary.put("expectedStoredPosts", expectedStored);
      summary.put("queueCapacity", end.queueCapacity());
      summary.put("maxQueued", peaks.queued);
      summary.put("maxLagMillis", peaks.lagMillis);
      summary.put("maxSourceBacklog", peaks.backlog);
      summary.put("catchUpSecondsAfterBurst", round(elapsed - seconds));
      summary.put("maxHeapUsedMb", peaks.heapUsedMb);
      summary.put("maxOldGenUsedMb", peaks.oldGenUsedMb);
      summary.put("heapMaxMb", end.heapMaxMb());
      summary.put("gcCount", end.gcCount() - base.gcCount());
      summary.put("gcMillis", end.gcMillis() - base.gcMillis());
      summary.put("storeFailures", end.storeFailures());
      summary.put("deadLettered", end.deadLettered());
      BenchCommand.print(out, summary);
      return run.storedPosts() == expectedStored && total == end.received() - base.received()
          ? 0
          : 1;
    } finally {
      dev.outpost.app.bench.WorkDirs.cleanUp(given, dir);
    }
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The highest figures seen. */
  static final class Peaks {
    long queued;
    long lagMillis;
    long backlog;
    long heapUsedMb;
    long oldGenUsedMb;

    void add(BenchRun.Sample s, long sourceBacklog) {
      queued = Math.max(queued, s.queued());
      lagMillis = Math.max(lagMillis, s.lagMillis());
      backlog = Math.max(backlog, sourceBacklog);
      heapUsedMb = Math.max(heapUsedMb, s.heapUsedMb());
      oldGenUsedMb = Math.max(oldGenUsedMb, s.oldGenUsedMb());
    }
  }
}
