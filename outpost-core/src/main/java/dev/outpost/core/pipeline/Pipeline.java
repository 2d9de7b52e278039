package dev.outpost.core.pipeline;

import dev.outpost.core.Matcher;
import dev.outpost.core.MentionListener;
import dev.outpost.core.PostEnricher;
import dev.outpost.core.Source;
import dev.outpost.core.Store;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Connects sources to the store: each source gets a lane of its own, a reader that fills a bounded
 * queue and a writer that matches batches of posts on all cores and stores them together with the
 * source's checkpoint. Stopping is orderly: readers stop, writers finish what was queued.
 */
public final class Pipeline implements AutoCloseable {
  private final List<Lane> lanes = new CopyOnWriteArrayList<>();
  private final Settings settings;
  private final Matcher matcher;
  private final Optional<PostEnricher> enricher;
  private final Store store;
  private final MentionListener listener;
  private final Clock clock;
  private final PipelineStats stats = new PipelineStats();

  /**
   * @param queueCapacity posts each lane holds before its source is made to wait
   * @param batchSize the most posts matched and stored together
   */
  public record Settings(int queueCapacity, int batchSize) {
    public static final Settings DEFAULT = new Settings(4_096, 256);

    public Settings {
      if (queueCapacity < 1 || batchSize < 1) {
        throw new IllegalArgumentException("queueCapacity and batchSize must be >= 1");
      }
    }
  }

  public Pipeline(
      Matcher matcher, Store store, MentionListener listener, Clock clock, Settings settings) {
    this(matcher, Optional.empty(), store, listener, clock, settings);
  }

  /**
   * @param enricher enriches the posts that matched a topic before they are stored
   */
  public Pipeline(
      Matcher matcher,
      Optional<PostEnricher> enricher,
      Store store,
      MentionListener listener,
      Clock clock,
      Settings settings) {
    this.matcher = Objects.requireNonNull(matcher);
    this.enricher = Objects.requireNonNull(enricher);
    this.store = Objects.requireNonNull(store);
    this.listener = Objects.requireNonNull(listener);
    this.clock = Objects.requireNonNull(clock);
    this.settings = Objects.requireNonNull(settings);
  }

  /** Starts a lane for the source; it resumes after the source's stored checkpoint. */
  public synchronized void start(Source source) {
    Lane lane = new Lane(source, matcher, enricher, store, listener, clock, settings, stats);
    lanes.add(lane);
    lane.start();
  }

  public PipelineStats.Snapshot stats() {
    List<Lane> now = List.copyOf(lanes);
    return stats.snapshot(
        now.stream().mapToInt(Lane::queued).sum(),
        now.stream().mapToInt(Lane::capacity).sum(),
        now.stream().mapToLong(Lane::lagMillis).max().orElse(0));
  }

  /** Waits until every source is exhausted and everything it read is stored. */
  public void awaitDrained() throws InterruptedException {
    for (Lane lane : List.copyOf(lanes)) {
      lane.awaitDrained();
    }
  }

  @Override
  public synchronized void close() {
    lanes.forEach(Lane::close);
    lanes.clear();
  }
}
