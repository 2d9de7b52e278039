package dev.outpost.listen;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * A topic's query, compiled; compared by identity so that a replaced version is a different entry.
 */
final class Compiled {
  final String topicId;
  final Query query;
  final Optional<List<Anchors.Anchor>> anchors;

  Compiled(String topicId, Query query, Optional<List<Anchors.Anchor>> anchors) {
    this.topicId = topicId;
    this.query = query;
    this.anchors = anchors;
  }
}
