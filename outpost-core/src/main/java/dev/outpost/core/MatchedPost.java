package dev.outpost.core;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A post, the ids of the topics whose queries it matched (possibly none), and what enrichment found
 * in it (empty when enrichment is off or the post matched nothing).
 */
public record MatchedPost(Post post, Set<String> topicIds, Optional<Enrichment> enrichment) {
  public MatchedPost {
    Objects.requireNonNull(post, "post");
    topicIds = Set.copyOf(topicIds);
    Objects.requireNonNull(enrichment, "enrichment (use Optional.empty())");
  }

  public MatchedPost(Post post, Set<String> topicIds) {
    this(post, topicIds, Optional.empty());
  }
}
