package dev.outpost.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a topic on a thread of its own and hands every record to a handler: either every partition
 * from the start without a group (the compacted queries topic: each worker sees every change), or
 * as a member of a consumer group (the matched mentions, shared by topic id among the members).
 */
final class Follower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Follower.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Consumer<ConsumerRecord<String, byte[]>> handler;
  private final Thread thread;
  private volatile boolean closing;

  /**
   * @param group the consumer group, or null to read every partition from the start
   */
  Follower(
      Properties common,
      String topic,
      String group,
      String clientId,
      Consumer<ConsumerRecord<String, byte[]>> handler) {
    Properties p = new Properties();
    p.putAll(common);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    if (group != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    } else {
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    }
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.handler = handler;
    if (group != null) {
      consumer.subscribe(List.of(topic));
    } else {
      List<TopicPartition> all =
          consumer.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(all);
      consumer.seekToBeginning(all);
    }
    this.thread = Thread.ofPlatform().name("follow-" + clientId).daemon().start(this::run);
  }

  private void run() {
    try {
      while (!closing) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          try {
            handler.accept(r);
          } catch (RuntimeException e) {
            LOG.warn("{} offset {}: handler failed: {}", r.topic(), r.offset(), e.toString());
          }
        }
      }
    } catch (WakeupException e) {
      LOG.debug("follower stopped");
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
