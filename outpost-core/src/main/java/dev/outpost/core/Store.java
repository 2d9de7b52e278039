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
   */
  List<Mention> save(String source, List<MatchedPost> batch, String checkpoint);

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
