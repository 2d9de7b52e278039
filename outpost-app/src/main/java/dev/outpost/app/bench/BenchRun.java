package dev.outpost.app.bench;

import dev.outpost.core.Source;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import dev.outpost.core.pipeline.Pipeline;
import dev.outpost.listen.QueryEngine;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresStore;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The single-node pipeline as {@code outpost serve} runs it (embedded PostgreSQL, the query engine,
 * default queue and batch sizes, enrichment off) with one topic, {@code @acme}, for end-to-end
 * benchmarks; and the process's memory, GC and pipeline figures at a moment.
 */
public final class BenchRun implements AutoCloseable {
  private final Database database;
  private final PostgresStore store;
  private final Pipeline pipeline;
  private final long startNanos = System.nanoTime();

  /**
   * @param elapsedSeconds since the run started
   * @param received posts taken from the sources
   * @param newMentions mentions stored
   * @param queued posts waiting in the bounded queues
   * @param queueCapacity what the queues hold at most
   * @param lagMillis age of the oldest post accepted but not stored
   * @param storeFailures failed store attempts (retried)
   * @param deadLettered posts set aside
   * @param heapUsedMb heap in use now
   * @param oldGenUsedMb heap in use in the old generation now: what survived collections; it climbs
   *     steadily when memory leaks
   * @param heapMaxMb the heap limit
   * @param gcCount collections so far
   * @param gcMillis time spent collecting so far
   */
  public record Sample(
      double elapsedSeconds,
      long received,
      long newMentions,
      int queued,
      int queueCapacity,
      long lagMillis,
      long storeFailures,
      long deadLettered,
      long heapUsedMb,
      long oldGenUsedMb,
      long heapMaxMb,
      long gcCount,
      long gcMillis) {}

  private BenchRun(Database database, PostgresStore store, Pipeline pipeline) {
    this.database = database;
    this.store = store;
    this.pipeline = pipeline;
  }

  public static BenchRun start(Path dataDir, Clock clock) {
    Database database = Database.embedded(dataDir);
    try {
      PostgresStore store = new PostgresStore(database.dataSource(), clock);
      store.saveTopics(List.of(new Topic("acme", "Acme", TopicKind.BRAND, "@acme")));
      QueryEngine engine = new QueryEngine();
      store.topics().forEach(engine::put);
      Pipeline pipeline =
          new Pipeline(engine, store, mentions -> {}, clock, Pipeline.Settings.DEFAULT);
      return new BenchRun(database, store, pipeline);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public void start(Source source) {
    pipeline.start(source);
  }

  public void awaitDrained() throws InterruptedException {
    pipeline.awaitDrained();
  }

  public long storedPosts() {
    return store.postCount();
  }

  public Sample sample() {
    var s = pipeline.stats();
    long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long heapMax = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    long oldGen = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      String name = pool.getName();
      if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
        oldGen += pool.getUsage().getUsed();
      }
    }
    long gcCount = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    return new Sample(
        Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0,
        s.received(),
        s.newMentions(),
        s.queued(),
        s.queueCapacity(),
        s.lagMillis(),
        s.storeFailures(),
        s.rejected(),
        heapUsed >> 20,
        oldGen >> 20,
        heapMax >> 20,
        gcCount,
        gcMillis);
  }

  @Override
  public void close() {
    pipeline.close();
    database.close();
  }
}
