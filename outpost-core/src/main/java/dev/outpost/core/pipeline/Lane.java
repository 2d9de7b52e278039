package dev.outpost.core.pipeline;

import dev.outpost.core.MatchedPost;
import dev.outpost.core.Matcher;
import dev.outpost.core.Mention;
import dev.outpost.core.MentionListener;
import dev.outpost.core.Post;
import dev.outpost.core.PostEnricher;
import dev.outpost.core.RejectedDataException;
import dev.outpost.core.Source;
import dev.outpost.core.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One source's path through the pipeline: reader thread, bounded queue, writer thread. */
final class Lane {
  private static final Logger LOG = LoggerFactory.getLogger(Lane.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  /** A post accepted from the source, with the cursor after it and when it was accepted. */
  private record Item(Post post, String cursor, long acceptedAtMillis) {}

  /** A post after matching: the match, or why matching failed. */
  private record Processed(Item item, MatchedPost matched, Optional<String> failure) {}

  private final Source source;
  private final Matcher matcher;
  private final Optional<PostEnricher> enricher;
  private final Store store;
  private final MentionListener listener;
  private final Clock clock;
  private final Pipeline.Settings settings;
  private final PipelineStats stats;
  private final BlockingQueue<Item> queue;
  private final CountDownLatch drained = new CountDownLatch(1);
  private volatile boolean readerDone;
  private volatile boolean closing;

  /** When the oldest post of the batch being stored was accepted; 0 when none is. */
  private volatile long inFlightSince;

  private Thread reader;
  private Thread writer;

  Lane(
      Source source,
      Matcher matcher,
      Optional<PostEnricher> enricher,
      Store store,
      MentionListener listener,
      Clock clock,
      Pipeline.Settings settings,
      PipelineStats stats) {
    this.source = source;
    this.matcher = matcher;
    this.enricher = enricher;
    this.store = store;
    this.listener = listener;
    this.clock = clock;
    this.settings = settings;
    this.stats = stats;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
  }

  void start() {
    reader = Thread.ofVirtual().name("read-" + source.name()).start(this::read);
    writer = Thread.ofVirtual().name("write-" + source.name()).start(this::write);
  }

  int queued() {
    return queue.size();
  }

  int capacity() {
    return settings.queueCapacity();
  }

  /** How long the oldest accepted but not yet stored post has waited, in milliseconds. */
  long lagMillis() {
    long oldest = inFlightSince;
    Item head = queue.peek();
    if (head != null && (oldest == 0 || head.acceptedAtMillis() < oldest)) {
      oldest = head.acceptedAtMillis();
    }
    return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest);
  }

  void awaitDrained() throws InterruptedException {
    drained.await();
  }

  void close() {
    closing = true;
    reader.interrupt();
    try {
      reader.join(Duration.ofSeconds(10));
      // The writer stores what is queued, then stops; it is interrupted only if it hangs.
      if (!writer.join(Duration.ofSeconds(30))) {
        writer.interrupt();
        writer.join(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void read() {
    Duration backoff = Duration.ofMillis(500);
    try {
      while (!closing) {
        try {
          Optional<String> checkpoint = store.checkpoint(source.name());
          LOG.info(
              "source {} resuming after checkpoint {}",
              source.name(),
              checkpoint.orElse("(none: from the start)"));
          source.stream(checkpoint, this::offer);
          return;
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          LOG.warn("source {} failed, retrying in {}: {}", source.name(), backoff, e.toString());
          awaitQueueEmpty();
          Thread.sleep(backoff);
          backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      readerDone = true;
    }
  }

  /** Before re-reading from the stored checkpoint, let the writer store what was queued. */
  private void awaitQueueEmpty() throws InterruptedException {
    while (!queue.isEmpty() && !closing) {
      Thread.sleep(20);
    }
  }

  private void offer(Post post, String cursor) throws InterruptedException {
    queue.put(new Item(post, cursor, clock.millis()));
  }

  private void write() {
    try {
      List<Item> batch = new ArrayList<>(settings.batchSize());
      while (true) {
        Item first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (readerDone && queue.isEmpty()) {
            return;
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, settings.batchSize() - 1);
        storeBatch(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      drained.countDown();
    }
  }

  /**
   * Matches a batch and stores it in order. Posts whose matching failed are set aside as dead
   * letters between the runs of good posts around them, so the checkpoint only moves over posts
   * that were stored or set aside.
   */
  private void storeBatch(List<Item> batch) throws InterruptedException {
    stats.received(batch.size());
    inFlightSince = batch.getFirst().acceptedAtMillis();
    List<Processed> processed = batch.parallelStream().map(this::process).toList();
    stats.matched(
        (int)
            processed.stream()
                .filter(p -> p.failure().isEmpty() && !p.matched().topicIds().isEmpty())
                .count());
    List<Processed> run = new ArrayList<>();
    for (Processed p : processed) {
      if (p.failure().isEmpty()) {
        run.add(p);
        continue;
      }
      if (!run.isEmpty()) {
        store(run);
        run = new ArrayList<>();
      }
      reject(p.item(), p.failure().get());
    }
    if (!run.isEmpty()) {
      store(run);
    }
    inFlightSince = 0;
  }

  /**
   * Stores a run of posts with its last cursor, retrying while the store is unavailable. When the
   * store refuses the data itself, the run is split in halves until the post at fault is alone;
   * that post is set aside and the others are stored.
   */
  private void store(List<Processed> run) throws InterruptedException {
    List<MatchedPost> matched = run.stream().map(Processed::matched).toList();
    String checkpoint = run.getLast().item().cursor();
    Duration backoff = Duration.ofMillis(200);
    while (true) {
      try {
        List<Mention> stored = store.save(source.name(), matched, checkpoint);
        stats.stored(stored.size());
        if (!stored.isEmpty()) {
          notifyListener(stored);
        }
        return;
      } catch (RejectedDataException e) {
        if (run.size() == 1) {
          reject(run.getFirst().item(), reason(e));
          return;
        }
        LOG.info(
            "{} refused a batch of {} posts for its data; splitting it to find the post at fault",
            source.name(),
            run.size());
        int half = run.size() / 2;
        store(run.subList(0, half));
        store(run.subList(half, run.size()));
        return;
      } catch (RuntimeException e) {
        backoff = failed(run.size(), e, backoff);
      }
    }
  }

  /** Sets a post aside with its reason, retrying while the store is unavailable. */
  private void reject(Item item, String reason) throws InterruptedException {
    Duration backoff = Duration.ofMillis(200);
    while (true) {
      try {
        store.reject(source.name(), item.post(), reason, item.cursor());
        stats.rejected(reason);
        LOG.warn(
            "{}: post {} set aside as a dead letter: {}", source.name(), item.post().key(), reason);
        return;
      } catch (RuntimeException e) {
        backoff = failed(1, e, backoff);
      }
    }
  }

  private Duration failed(int posts, RuntimeException e, Duration backoff)
      throws InterruptedException {
    stats.failed(reason(e));
    LOG.warn(
        "storing {} posts of {} failed at {}, retrying in {}: {}",
        posts,
        source.name(),
        clock.instant(),
        backoff,
        e.toString());
    Thread.sleep(backoff);
    return min(backoff.multipliedBy(2), MAX_BACKOFF);
  }

  private static String reason(RuntimeException e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Matches a post and, when it matched a topic, enriches it; a failure is kept, not thrown. */
  private Processed process(Item item) {
    Post post = item.post();
    try {
      var topics = matcher.match(post);
      MatchedPost matched =
          topics.isEmpty()
              ? new MatchedPost(post, topics)
              : new MatchedPost(post, topics, enricher.map(e -> e.enrich(post)));
      return new Processed(item, matched, Optional.empty());
    } catch (RuntimeException | StackOverflowError e) {
      return new Processed(
          item, new MatchedPost(post, java.util.Set.of()), Optional.of("processing failed: " + e));
    }
  }

  private void notifyListener(List<Mention> stored) {
    try {
      listener.stored(stored);
    } catch (RuntimeException e) {
      LOG.warn("mention listener failed: {}", e.toString());
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public String toString() {
    return "Lane[" + source.name() + ", queued=" + queue.size() + "]";
  }
}
