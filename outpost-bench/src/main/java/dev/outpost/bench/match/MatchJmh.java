package dev.outpost.bench.match;

import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.listen.MonitorBaseline;
import dev.outpost.listen.QueryCheck;
import dev.outpost.listen.QueryEngine;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks for the hot paths: matching one post (Outpost's engine and plain Monitor, same
 * queries) and parsing a query. Run with {@code java -cp ... org.openjdk.jmh.Main MatchJmh} (see
 * docs/benchmarks.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MatchJmh {
  @Param({"10000"})
  public int queries;

  private List<Post> posts;
  private List<Topic> topics;
  private QueryEngine engine;
  private MonitorBaseline monitor;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    List<Post> all = RealPosts.load(RealPosts.sharedData(), Integer.MAX_VALUE, 42);
    posts = all.subList(0, 5_000);
    topics = QuerySet.generate(queries, all, 42);
    engine = new QueryEngine();
    engine.putAll(topics);
    monitor = new MonitorBaseline();
    monitor.putAll(topics);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    monitor.close();
  }

  private Post nextPost() {
    next = (next + 1) % posts.size();
    return posts.get(next);
  }

  @Benchmark
  public Set<String> outpostMatch() {
    return engine.match(nextPost());
  }

  @Benchmark
  public Set<String> monitorMatch() {
    return monitor.match(nextPost());
  }

  @Benchmark
  public QueryCheck parseAndNormalise() {
    next = (next + 1) % topics.size();
    return QueryEngine.check(topics.get(next).query());
  }
}
