package dev.outpost.cluster;

import dev.outpost.core.Post;
import dev.outpost.core.Source;
import dev.outpost.core.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest side of one source: reads it from its stored checkpoint and produces every post to the
 * raw topic, keyed by post key (so that a post read twice lands in the same partition). The
 * source's checkpoint moves only after Kafka has acknowledged the posts before it: a crash
 * re-reads, and storage drops what was already stored.
 */
public final class Ingest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final int CHECKPOINT_EVERY = 1_000;
  private static final long CHECKPOINT_MILLIS = 1_000;

  private final Source source;
  private final Store store;
  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final Clock clock;
  private final AtomicLong produced = new AtomicLong();
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closing;
  private String pendingCursor;
  private int pending;
  private long lastCheckpointMillis;

  Ingest(
      Source source,
      Store store,
      KafkaProducer<String, byte[]> producer,
      String topic,
      Clock clock) {
    this.source = source;
    this.store = store;
    this.producer = producer;
    this.topic = topic;
    this.clock = clock;
    this.thread = Thread.ofVirtual().name("ingest-" + source.name()).unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  /** Posts produced to Kafka so far. */
  public long produced() {
    return produced.get();
  }

  /** Waits until the source is exhausted and its last posts are acknowledged and checkpointed. */
  public void awaitDone() throws InterruptedException {
    done.await();
  }

  private void run() {
    Duration backoff = Duration.ofMillis(500);
    try {
      while (!closing) {
        try {
          Optional<String> checkpoint = store.checkpoint(source.name());
          LOG.info(
              "ingest {} resuming after checkpoint {}",
              source.name(),
              checkpoint.orElse("(none: from the start)"));
          source.stream(checkpoint, this::emit);
          checkpoint();
          return;
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          LOG.warn("ingest {} failed, retrying in {}: {}", source.name(), backoff, e.toString());
          pending = 0;
          pendingCursor = null;
          Thread.sleep(backoff);
          Duration next = backoff.multipliedBy(2);
          backoff = next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      done.countDown();
    }
  }

  private void emit(Post post, String cursor) throws InterruptedException {
    if (closing) {
      throw new InterruptedException("ingest of " + source.name() + " is closing");
    }
    producer.send(
        new ProducerRecord<>(topic, post.key(), Codec.write(post)),
        (meta, e) -> {
          if (e != null) {
            sendFailure.compareAndSet(null, e);
          }
        });
    produced.incrementAndGet();
    pendingCursor = cursor;
    pending++;
    if (pending >= CHECKPOINT_EVERY || clock.millis() - lastCheckpointMillis >= CHECKPOINT_MILLIS) {
      checkpoint();
    }
  }

  /** Waits for Kafka to acknowledge everything sent, then stores the source's cursor. */
  private void checkpoint() {
    if (pendingCursor == null) {
      return;
    }
    producer.flush();
    Exception failure = sendFailure.getAndSet(null);
    if (failure != null) {
      // Some post was not acknowledged: re-read from the stored checkpoint rather than move it.
      throw new IllegalStateException("Kafka did not take every post: " + failure, failure);
    }
    // An empty batch moves only the checkpoint.
    store.save(source.name(), List.of(), pendingCursor);
    pendingCursor = null;
    pending = 0;
    lastCheckpointMillis = clock.millis();
  }

  @Override
  public void close() {
    closing = true;
    thread.interrupt();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
