package dev.outpost.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Durable storage of topics, posts, mentions and source checkpoints. */
public interface Store {

  /**
   * Stores the posts that matched at least one topic and moves the source's checkpoint, all in one
   * transaction. A post already stored (same network and external id) is not stored again.
   *
   * @return the mentions that are new
   * @throws RejectedDataException when the batch holds data the store can never hold; anything else
   *     thrown is taken as transient and the batch is retried
   */
  List<Mention> save(String source, List<MatchedPost> batch, String checkpoint);

  /**
   * Sets aside a post that cannot be processed or stored (a dead letter), with the reason, and
   * moves the source's checkpoint past it, in one transaction. Must not fail for what the post
   * contains. Every store the pipeline writes to must implement it (the default, kept for test
   * fakes, refuses, and the pipeline then retries with backoff).
   */
  default void reject(String source, Post post, String reason, String checkpoint) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot set posts aside: " + reason);
  }

  /** Number of posts set aside by {@link #reject}. */
  default long rejectedCount() {
    return 0;
  }

  /** The cursor after the last post stored for a source. */
  Optional<String> checkpoint(String source);

  /** Creates or updates topics by id. */
  void saveTopics(List<Topic> topics);

  List<Topic> topics();

  /** Deletes a topic and, with it, its mentions; false when there was no such topic. */
  boolean deleteTopic(String id);

  /** The newest mentions first, at most {@code limit}, of one topic or of all when empty. */
  List<Mention> latestMentions(int limit, Optional<String> topicId);

  /** Number of stored mentions per topic id. */
  Map<String, Long> mentionCounts();

  /** Number of distinct stored posts. */
  long postCount();

  /** Whether the database answers now. */
  boolean isHealthy();
}
