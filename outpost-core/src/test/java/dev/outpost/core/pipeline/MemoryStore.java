package dev.outpost.core.pipeline;

import dev.outpost.core.MatchedPost;
import dev.outpost.core.Mention;
import dev.outpost.core.Store;
import dev.outpost.core.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory store with the Store contract's semantics (idempotent by post key, checkpoint moved
 * with the batch), which can be told to fail the next saves. The PostgreSQL store is tested against
 * the real database in outpost-store.
 */
final class MemoryStore implements Store {
  final Map<String, Mention> mentionsByKey = new LinkedHashMap<>();
  final Map<String, String> checkpoints = new HashMap<>();
  final List<String> checkpointHistory = new ArrayList<>();
  int failNext;

  /** Keys of posts the store refuses for their data, as a database refuses a bad value. */
  final java.util.Set<String> poison = new java.util.HashSet<>();

  final Map<String, String> rejected = new LinkedHashMap<>();
  private long nextId = 1;

  @Override
  public synchronized List<Mention> save(
      String source, List<MatchedPost> batch, String checkpoint) {
    if (failNext > 0) {
      failNext--;
      throw new IllegalStateException("database unavailable");
    }
    for (MatchedPost m : batch) {
      if (poison.contains(m.post().key())) {
        throw new dev.outpost.core.RejectedDataException(
            "value out of range in " + m.post().key(), null);
      }
    }
    List<Mention> stored = new ArrayList<>();
    for (MatchedPost m : batch) {
      for (String topic : m.topicIds()) {
        String key = m.post().key() + "/" + topic;
        if (!mentionsByKey.containsKey(key)) {
          Mention mention = new Mention(nextId++, m.post(), topic, Instant.EPOCH);
          mentionsByKey.put(key, mention);
          stored.add(mention);
        }
      }
    }
    checkpoints.put(source, checkpoint);
    checkpointHistory.add(checkpoint);
    return stored;
  }

  @Override
  public synchronized void reject(
      String source, dev.outpost.core.Post post, String reason, String checkpoint) {
    rejected.put(post.key(), reason);
    checkpoints.put(source, checkpoint);
    checkpointHistory.add(checkpoint);
  }

  @Override
  public synchronized long rejectedCount() {
    return rejected.size();
  }

  @Override
  public synchronized Optional<String> checkpoint(String source) {
    return Optional.ofNullable(checkpoints.get(source));
  }

  @Override
  public void saveTopics(List<Topic> topics) {}

  @Override
  public boolean deleteTopic(String id) {
    return false;
  }

  @Override
  public List<Topic> topics() {
    return List.of();
  }

  @Override
  public List<Mention> latestMentions(int limit, Optional<String> topicId) {
    return List.of();
  }

  @Override
  public Map<String, Long> mentionCounts() {
    return Map.of();
  }

  @Override
  public long postCount() {
    return mentionsByKey.size();
  }

  @Override
  public boolean isHealthy() {
    return failNext == 0;
  }
}
