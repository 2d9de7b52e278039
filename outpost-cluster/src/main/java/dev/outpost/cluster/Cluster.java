package dev.outpost.cluster;

import dev.outpost.core.Alert;
import dev.outpost.core.Matcher;
import dev.outpost.core.Mention;
import dev.outpost.core.MentionListener;
import dev.outpost.core.PostEnricher;
import dev.outpost.core.Source;
import dev.outpost.core.Store;
import dev.outpost.core.Topic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode: the pipeline's stages as Kafka producers and consumers. The ingest side produces
 * raw posts; workers in one consumer group match, enrich and store them (adding a worker adds
 * throughput, up to one per partition); saved-query changes reach every worker through a compacted
 * topic; stored mentions go on, keyed by topic id, to whoever runs the detectors; alerts have a
 * topic of their own. Kafka and PostgreSQL do the distributed work.
 *
 * <pre>{@code
 * try (Cluster cluster = Cluster.connect(ClusterSettings.defaults("kafka:9092"))) {
 *   cluster.ingest(source, store);
 *   cluster.worker("w1", matcher, Optional.of(enricher), store);
 * }
 * }</pre>
 */
public final class Cluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

  private final ClusterSettings settings;
  private final Properties common;
  private final KafkaProducer<String, byte[]> producer;
  private final Clock clock;
  private final List<AutoCloseable> started = new CopyOnWriteArrayList<>();

  private Cluster(ClusterSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.common = new Properties();
    common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    Properties p = new Properties();
    p.putAll(common);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * Connects to the brokers and creates the topics that do not exist yet (the queries topic
   * compacted).
   *
   * @throws IllegalStateException when the brokers cannot be reached, naming them
   */
  public static Cluster connect(ClusterSettings settings) {
    return connect(settings, Clock.systemUTC());
  }

  public static Cluster connect(ClusterSettings settings, Clock clock) {
    createTopics(settings);
    return new Cluster(settings, clock);
  }

  private static void createTopics(ClusterSettings s) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
    p.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(p)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> wanted = new ArrayList<>();
      short rf = s.replicationFactor();
      wanted.add(new NewTopic(s.rawTopic(), s.partitions(), rf));
      wanted.add(new NewTopic(s.matchedTopic(), s.partitions(), rf));
      wanted.add(
          new NewTopic(s.queriesTopic(), 1, rf)
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
      wanted.add(new NewTopic(s.alertsTopic(), 1, rf));
      List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
          LOG.info("created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cluster.bootstrapServers "
              + s.bootstrapServers()
              + ": cannot reach Kafka or create topics ("
              + (e.getCause() == null ? e : e.getCause())
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to Kafka", e);
    }
  }

  public ClusterSettings settings() {
    return settings;
  }

  /** Starts producing a source's posts to the raw topic, from its stored checkpoint. */
  public Ingest ingest(Source source, Store store) {
    Ingest ingest = new Ingest(source, store, producer, settings.rawTopic(), clock);
    started.add(ingest);
    ingest.start();
    return ingest;
  }

  /** Starts a worker of the consumer group; it stores into {@code store}. */
  public Worker worker(String name, Matcher matcher, Optional<PostEnricher> enricher, Store store) {
    Worker worker = new Worker(name, settings, common, matcher, enricher, store, producer);
    started.add(worker);
    worker.start();
    return worker;
  }

  /** Broadcasts a saved or changed topic to every worker. */
  public void publish(Topic topic) {
    send(settings.queriesTopic(), topic.id(), Codec.write(topic));
  }

  /** Broadcasts a topic's deletion (a tombstone, so compaction forgets the topic). */
  public void publishDeletion(String topicId) {
    send(settings.queriesTopic(), topicId, null);
  }

  /** Applies every saved-query change, from the first, to {@code updates}, until closed. */
  public AutoCloseable followQueries(String clientId, QueryUpdates updates) {
    return follow(
        settings.queriesTopic(),
        null,
        clientId,
        r -> {
          if (r.value() == null) {
            updates.remove(r.key());
          } else {
            updates.put(Codec.read(r.value(), Topic.class));
          }
        });
  }

  /**
   * Hands stored mentions to {@code listener} (the detectors, live views) as a member of the group
   * {@code groupId-feed}: each topic's mentions reach one member, in the order they were stored.
   */
  public AutoCloseable followMentions(String clientId, MentionListener listener) {
    return follow(
        settings.matchedTopic(),
        settings.groupId() + "-feed",
        clientId,
        r -> listener.stored(List.of(Codec.read(r.value(), Mention.class))));
  }

  /** Where detectors send their alerts: the alerts topic, keyed by alert thread. */
  public Consumer<Alert> alertSink() {
    return alert -> send(settings.alertsTopic(), alert.threadId(), Codec.write(alert));
  }

  /** Reads every alert from the start of the alerts topic, until closed. */
  public AutoCloseable followAlerts(String clientId, Consumer<Alert> handler) {
    return follow(
        settings.alertsTopic(),
        null,
        clientId,
        r -> handler.accept(Codec.read(r.value(), Alert.class)));
  }

  private AutoCloseable follow(
      String topic,
      String group,
      String clientId,
      Consumer<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> handler) {
    Follower f = new Follower(common, topic, group, clientId, handler);
    started.add(f);
    return f;
  }

  private void send(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not take the record for " + topic + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + topic, e);
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : List.copyOf(started).reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
    started.clear();
    producer.close();
  }
}
