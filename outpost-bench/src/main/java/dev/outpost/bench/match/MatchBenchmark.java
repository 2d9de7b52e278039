package dev.outpost.bench.match;

import dev.outpost.core.Matcher;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.listen.MonitorBaseline;
import dev.outpost.listen.QueryEngine;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code outpost bench match}: the same realistic queries and real posts through plain Lucene
 * Monitor (its default presearcher, one thread) and through Outpost's {@link QueryEngine} (anchor
 * prefilter, all threads), checking that both find exactly the same matches.
 */
public final class MatchBenchmark {
  /** What to run. */
  public record Options(int queries, int posts, int threads, Path data, long seed) {}

  /** The figures of one run. */
  public record Result(
      int queries,
      int posts,
      int threads,
      double monitorPostsPerSec,
      double outpostPostsPerSec,
      double speedup,
      double monitorPostsPerCpuSec,
      double outpostPostsPerCpuSec,
      double cpuSpeedup,
      double monitorP99Micros,
      double outpostP99Micros,
      double monitorP99CpuMicros,
      double outpostP99CpuMicros,
      double outpostHeapMb,
      long monitorMatches,
      long outpostMatches,
      int differingPosts) {

    public boolean identical() {
      return differingPosts == 0 && monitorMatches == outpostMatches;
    }

    public String json() {
      return String.format(
          Locale.ROOT,
          "{\"queries\":%d,\"posts\":%d,\"threads\":%d,\"monitor_posts_per_s\":%.0f,"
              + "\"outpost_posts_per_s\":%.0f,\"speedup\":%.1f,"
              + "\"monitor_posts_per_cpu_s\":%.0f,\"outpost_posts_per_cpu_s\":%.0f,"
              + "\"cpu_speedup\":%.1f,\"monitor_p99_us\":%.0f,"
              + "\"outpost_p99_us\":%.0f,\"monitor_p99_cpu_us\":%.0f,\"outpost_p99_cpu_us\":%.0f,"
              + "\"outpost_heap_mb\":%.1f,\"monitor_matches\":%d,"
              + "\"outpost_matches\":%d,\"differing_posts\":%d,\"identical\":%s}",
          queries,
          posts,
          threads,
          monitorPostsPerSec,
          outpostPostsPerSec,
          speedup,
          monitorPostsPerCpuSec,
          outpostPostsPerCpuSec,
          cpuSpeedup,
          monitorP99Micros,
          outpostP99Micros,
          monitorP99CpuMicros,
          outpostP99CpuMicros,
          outpostHeapMb,
          monitorMatches,
          outpostMatches,
          differingPosts,
          identical());
    }
  }

  private MatchBenchmark() {}

  public static Result run(Options o, PrintWriter log) throws Exception {
    log.printf(Locale.ROOT, "loading posts from %s%n", o.data().toAbsolutePath().normalize());
    log.flush();
    List<Post> all = RealPosts.load(o.data(), Integer.MAX_VALUE, o.seed());
    List<Post> posts = all.subList(0, Math.min(o.posts(), all.size()));
    List<Topic> topics = QuerySet.generate(o.queries(), all, o.seed());
    log.printf(
        Locale.ROOT,
        "%d posts, %d queries, %d threads%n",
        posts.size(),
        topics.size(),
        o.threads());
    log.flush();

    long heapBefore = usedHeapAfterGc();
    QueryEngine engine = new QueryEngine();
    long t0 = System.nanoTime();
    engine.putAll(topics);
    double buildMs = (System.nanoTime() - t0) / 1e6;
    double heapMb = (usedHeapAfterGc() - heapBefore) / (1024.0 * 1024.0);
    warmUp(engine, posts);
    Timed ours = timed(engine, posts, o.threads());
    log.printf(
        Locale.ROOT,
        "outpost: %.0f posts/s on %d threads (%.0f posts/s from the threads' CPU time), p99 %.0f us"
            + " (%.0f us CPU), %d matches, built in %.0f ms, %.1f MB heap for the queries%n",
        ours.postsPerSec(),
        o.threads(),
        ours.postsPerCpuSec(),
        ours.p99Micros(),
        ours.p99CpuMicros(),
        ours.matches(),
        buildMs,
        heapMb);
    log.flush();
    engine = null;

    Timed plain;
    try (MonitorBaseline monitor = new MonitorBaseline()) {
      t0 = System.nanoTime();
      monitor.putAll(topics);
      double monitorBuildMs = (System.nanoTime() - t0) / 1e6;
      warmUp(monitor, posts);
      plain = timed(monitor, posts, 1);
      log.printf(
          Locale.ROOT,
          "monitor: %.0f posts/s on 1 thread (%.0f posts/s from its CPU time), p99 %.0f us (%.0f us CPU),"
              + " %d matches, built in %.0f ms%n",
          plain.postsPerSec(),
          plain.postsPerCpuSec(),
          plain.p99Micros(),
          plain.p99CpuMicros(),
          plain.matches(),
          monitorBuildMs);
      log.flush();
    }
    int differing = 0;
    for (int i = 0; i < posts.size(); i++) {
      if (!ours.results()[i].equals(plain.results()[i])) {
        differing++;
      }
    }
    return new Result(
        o.queries(),
        posts.size(),
        o.threads(),
        plain.postsPerSec(),
        ours.postsPerSec(),
        ours.postsPerSec() / plain.postsPerSec(),
        plain.postsPerCpuSec(),
        ours.postsPerCpuSec(),
        ours.postsPerCpuSec() / plain.postsPerCpuSec(),
        plain.p99Micros(),
        ours.p99Micros(),
        plain.p99CpuMicros(),
        ours.p99CpuMicros(),
        heapMb,
        plain.matches(),
        ours.matches(),
        differing);
  }

  /**
   * Wall-clock figures, and CPU-time figures (the matching threads' own CPU time), which estimate
   * the throughput with one dedicated core per thread when other work shares the machine.
   */
  private record Timed(
      double postsPerSec,
      double postsPerCpuSec,
      double p99Micros,
      double p99CpuMicros,
      long matches,
      Set<?>[] results) {}

  private static void warmUp(Matcher m, List<Post> posts) {
    for (int i = 0; i < Math.min(5_000, posts.size()); i++) {
      m.match(posts.get(i));
    }
  }

  private static Timed timed(Matcher m, List<Post> posts, int threads) throws Exception {
    int n = posts.size();
    long[] nanos = new long[n];
    long[] cpuNanos = new long[n];
    Set<?>[] results = new Set<?>[n];
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    java.util.concurrent.atomic.AtomicLong cpuTotal = new java.util.concurrent.atomic.AtomicLong();
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> workers =
          java.util.stream.IntStream.range(0, threads)
              .<Future<?>>mapToObj(
                  t ->
                      pool.submit(
                          () -> {
                            long cpuStart = cpu.getCurrentThreadCpuTime();
                            for (int i = next.getAndIncrement();
                                i < n;
                                i = next.getAndIncrement()) {
                              long c = cpu.getCurrentThreadCpuTime();
                              long s = System.nanoTime();
                              results[i] = Set.copyOf(m.match(posts.get(i)));
                              nanos[i] = System.nanoTime() - s;
                              cpuNanos[i] = cpu.getCurrentThreadCpuTime() - c;
                            }
                            cpuTotal.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                          }))
              .toList();
      for (Future<?> w : workers) {
        w.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long matches = Arrays.stream(results).mapToLong(Set::size).sum();
    double cpuSecondsPerThread = cpuTotal.get() / 1e9 / threads;
    return new Timed(
        n / seconds, n / cpuSecondsPerThread, p99(nanos), p99(cpuNanos), matches, results);
  }

  private static double p99(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e3;
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
