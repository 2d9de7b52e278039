package dev.outpost.core.pipeline;

import dev.outpost.core.MatchedPost;
import dev.outpost.core.Matcher;
import dev.outpost.core.Mention;
import dev.outpost.core.MentionListener;
import dev.outpost.core.Post;
import dev.outpost.core.PostEnricher;
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
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private record Item(Post post, String cursor) {}

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
          source.stream(store.checkpoint(source.name()), this::offer);
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
    queue.put(new Item(post, cursor));
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
        storeWithRetry(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      drained.countDown();
    }
  }

  private void storeWithRetry(List<Item> batch) throws InterruptedException {
    stats.received(batch.size());
    List<MatchedPost> matched = batch.parallelStream().map(item -> process(item.post())).toList();
    stats.matched((int) matched.stream().filter(m -> !m.topicIds().isEmpty()).count());
    String checkpoint = batch.getLast().cursor();
    Duration backoff = Duration.ofMillis(200);
    while (true) {
      try {
        List<Mention> stored = store.save(source.name(), matched, checkpoint);
        stats.stored(stored.size());
        if (!stored.isEmpty()) {
          notifyListener(stored);
        }
        return;
      } catch (RuntimeException e) {
        stats.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        LOG.warn(
            "storing {} posts of {} failed at {}, retrying in {}: {}",
            batch.size(),
            source.name(),
            clock.instant(),
            backoff,
            e.toString());
        Thread.sleep(backoff);
        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
      }
    }
  }

  /** Matches a post and, when it matched a topic, enriches it. */
  private MatchedPost process(Post post) {
    var topics = matcher.match(post);
    if (topics.isEmpty()) {
      return new MatchedPost(post, topics);
    }
    return new MatchedPost(post, topics, enricher.map(e -> e.enrich(post)));
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
