package dev.outpost.core;

import java.util.Objects;
import java.util.Set;

/** A post and the ids of the topics whose queries it matched (possibly none). */
public record MatchedPost(Post post, Set<String> topicIds) {
  public MatchedPost {
    Objects.requireNonNull(post, "post");
    topicIds = Set.copyOf(topicIds);
  }
}
