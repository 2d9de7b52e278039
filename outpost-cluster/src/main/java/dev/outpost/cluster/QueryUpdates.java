package dev.outpost.cluster;

import dev.outpost.core.Topic;

/** Where a worker applies the saved-query changes broadcast to every worker. */
public interface QueryUpdates {
  /** A topic was created or its query changed. */
  void put(Topic topic);

  /** A topic was deleted. */
  void remove(String topicId);
}
