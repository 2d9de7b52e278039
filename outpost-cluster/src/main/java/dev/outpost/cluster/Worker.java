package dev.outpost.cluster;

import dev.outpost.core.MatchedPost;
import dev.outpost.core.Matcher;
import dev.outpost.core.Mention;
import dev.outpost.core.Post;
import dev.outpost.core.PostEnricher;
import dev.outpost.core.RejectedDataException;
import dev.outpost.core.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of the workers' consumer group: takes raw posts from its share of the partitions,
 * matches and enriches them, and stores each partition's batch together with that partition's
 * position (the next offset) in one PostgreSQL transaction. Stored mentions then go to the matched
 * topic, keyed by topic id, and only then is the Kafka offset committed.
 *
 * <p>A worker that takes over a partition resumes from the position stored in PostgreSQL, not from
 * the committed offset, so posts stored by a worker that died before committing are not matched
 * again; were they, storage would still keep each post once (it is idempotent by post key).
 */
public final class Worker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final String name;
  private final ClusterSettings settings;
  private final Matcher matcher;
  private final Optional<PostEnricher> enricher;
  private final Store store;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong mentions = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private volatile boolean closing;
  private volatile boolean crashing;
  private volatile int assigned;
  private final Thread thread;

  Worker(
      String name,
      ClusterSettings settings,
      Properties common,
      Matcher matcher,
      Optional<PostEnricher> enricher,
      Store store,
      KafkaProducer<String, byte[]> producer) {
    this.name = name;
    this.settings = settings;
    this.matcher = matcher;
    this.enricher = enricher;
    this.store = store;
    this.producer = producer;
    Properties p = new Properties();
    p.putAll(common);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = Thread.ofPlatform().name("cluster-" + name).daemon().unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  public String name() {
    return name;
  }

  /** Raw posts this worker has taken through matching and storage. */
  public long posts() {
    return posts.get();
  }

  /** New mentions this worker stored. */
  public long mentions() {
    return mentions.get();
  }

  /** Batches (one partition's share of a poll) stored. */
  public long batches() {
    return batches.get();
  }

  /** Partitions of the raw topic this worker holds now. */
  public int assignedPartitions() {
    return assigned;
  }

  public boolean isRunning() {
    return stopped.getCount() > 0;
  }

  private void run() {
    try {
      consumer.subscribe(List.of(settings.rawTopic()), new Resume());
      while (!closing) {
        ConsumerRecords<String, byte[]> records = consumer.poll(ClusterSettings.POLL);
        for (TopicPartition tp : records.partitions()) {
          List<ConsumerRecord<String, byte[]>> part = records.records(tp);
          process(tp, part);
          if (crashing) {
            // Dies as a killed process would: stored in PostgreSQL, offset not committed.
            LOG.warn("worker {} crashes after storing a batch, before committing its offset", name);
            return;
          }
          long next = part.getLast().offset() + 1;
          consumer.commitAsync(Map.of(tp, new OffsetAndMetadata(next)), null);
        }
      }
      consumer.commitSync();
    } catch (WakeupException | InterruptedException e) {
      LOG.info("worker {} stopped", name);
    } catch (RuntimeException e) {
      LOG.error("worker {} failed and stops: {}", name, e.toString(), e);
    } finally {
      try {
        consumer.close(Duration.ofSeconds(crashing ? 1 : 5));
      } catch (RuntimeException e) {
        LOG.debug("closing consumer of {}: {}", name, e.toString());
      }
      stopped.countDown();
    }
  }

  /** Matches, enriches and stores one partition's records, then publishes the new mentions. */
  private void process(TopicPartition tp, List<ConsumerRecord<String, byte[]>> records)
      throws InterruptedException {
    String source = checkpointName(tp);
    List<Item> items = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> r : records) {
      try {
        items.add(new Item(Codec.read(r.value(), Post.class), r.offset()));
      } catch (IllegalArgumentException e) {
        // Not a post at all: nothing can be stored or set aside; the offset moves past it.
        LOG.warn("{} offset {}: skipped: {}", tp, r.offset(), e.getMessage());
      }
    }
    String position = String.valueOf(records.getLast().offset() + 1);
    List<Processed> processed = items.parallelStream().map(this::match).toList();
    // In order: a run of good posts is stored up to the post that failed, which is then set aside,
    // so the stored position never moves past a post that was neither stored nor set aside.
    List<Mention> stored = new ArrayList<>();
    List<MatchedPost> run = new ArrayList<>();
    for (Processed p : processed) {
      if (p.failure().isEmpty()) {
        run.add(p.matched());
        continue;
      }
      if (!run.isEmpty()) {
        stored.addAll(save(source, run, String.valueOf(p.offset())));
        run = new ArrayList<>();
      }
      reject(source, p.matched().post(), p.failure().get(), String.valueOf(p.offset() + 1));
    }
    stored.addAll(save(source, run, position));
    posts.addAndGet(records.size());
    mentions.addAndGet(stored.size());
    batches.incrementAndGet();
    for (Mention m : stored) {
      producer.send(
          new ProducerRecord<>(settings.matchedTopic(), m.topicId(), Codec.write(m)),
          (meta, e) -> {
            if (e != null) {
              LOG.warn("publishing a mention of {} failed: {}", m.topicId(), e.toString());
            }
          });
    }
  }

  /** Stores a run of posts and the partition position, retrying while the store is down. */
  private List<Mention> save(String source, List<MatchedPost> run, String position)
      throws InterruptedException {
    Duration backoff = Duration.ofMillis(200);
    while (true) {
      try {
        return store.save(source, run, position);
      } catch (RejectedDataException e) {
        if (run.size() <= 1) {
          if (run.size() == 1) {
            reject(source, run.getFirst().post(), e.getMessage(), position);
          }
          return List.of();
        }
        // Store post by post so that only the post at fault is set aside.
        List<Mention> stored = new ArrayList<>();
        for (MatchedPost m : run) {
          stored.addAll(save(source, List.of(m), position));
        }
        return stored;
      } catch (RuntimeException e) {
        backoff = failed(e, backoff);
      }
    }
  }

  private void reject(String source, Post post, String reason, String position)
      throws InterruptedException {
    Duration backoff = Duration.ofMillis(200);
    while (true) {
      try {
        store.reject(source, post, reason, position);
        LOG.warn("{}: post {} set aside as a dead letter: {}", source, post.key(), reason);
        return;
      } catch (RuntimeException e) {
        backoff = failed(e, backoff);
      }
    }
  }

  private Duration failed(RuntimeException e, Duration backoff) throws InterruptedException {
    if (closing) {
      throw new InterruptedException("closing while the store fails: " + e);
    }
    LOG.warn("worker {}: storing failed, retrying in {}: {}", name, backoff, e.toString());
    Thread.sleep(backoff);
    Duration next = backoff.multipliedBy(2);
    return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
  }

  private Processed match(Item item) {
    Post post = item.post();
    try {
      Set<String> topics = matcher.match(post);
      MatchedPost m =
          topics.isEmpty()
              ? new MatchedPost(post, topics)
              : new MatchedPost(post, topics, enricher.map(e -> e.enrich(post)));
      return new Processed(m, item.offset(), Optional.empty());
    } catch (RuntimeException | StackOverflowError e) {
      return new Processed(
          new MatchedPost(post, Set.of()), item.offset(), Optional.of("processing failed: " + e));
    }
  }

  /** The name under which a partition's position is stored with its posts. */
  static String checkpointName(TopicPartition tp) {
    return "kafka:" + tp.topic() + ":" + tp.partition();
  }

  /** On assignment, resumes each partition after the last batch stored in PostgreSQL. */
  private final class Resume implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Map<TopicPartition, Long> positions = new HashMap<>();
      for (TopicPartition tp : partitions) {
        storedPosition(tp).ifPresent(p -> positions.put(tp, p));
      }
      positions.forEach(consumer::seek);
      assigned = consumer.assignment().size();
      LOG.info("worker {} assigned {} (stored positions {})", name, partitions, positions);
    }

    /** The stored position of a partition, waiting while the store is down. */
    private Optional<Long> storedPosition(TopicPartition tp) {
      long backoff = 200;
      while (true) {
        try {
          return store.checkpoint(checkpointName(tp)).map(Long::parseLong);
        } catch (RuntimeException e) {
          if (closing) {
            throw e;
          }
          LOG.warn(
              "worker {}: reading the position of {} failed, retrying: {}", name, tp, e.toString());
          try {
            Thread.sleep(backoff);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw e;
          }
          backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
        }
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      assigned = 0;
      LOG.info("worker {} gives up {}", name, partitions);
    }
  }

  /**
   * Simulates a crash, for tests: after the next batch is stored (and before its offset is
   * committed) the worker stops without committing anything, as a killed process would.
   */
  void crashAfterNextStore() {
    crashing = true;
  }

  /** Waits until the worker has stopped, at most {@code timeout}; true when it has. */
  boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      if (!stopped.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Item(Post post, long offset) {}

  private record Processed(MatchedPost matched, long offset, Optional<String> failure) {}
}
