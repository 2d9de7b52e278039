package dev.outpost.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A post matched by a topic, as stored.
 *
 * @param id the store's id of this mention (increasing in the order mentions were stored)
 * @param post the post
 * @param topicId the topic that matched it
 * @param matchedAt when Outpost matched it
 * @param enrichment what enrichment found in the post, when it ran
 */
public record Mention(
    long id, Post post, String topicId, Instant matchedAt, Optional<Enrichment> enrichment) {
  public Mention {
    Objects.requireNonNull(post, "mention post");
    Validate.notBlank("mention topicId", topicId);
    Objects.requireNonNull(matchedAt, "mention matchedAt");
    Objects.requireNonNull(enrichment, "mention enrichment (use Optional.empty())");
  }

  public Mention(long id, Post post, String topicId, Instant matchedAt) {
    this(id, post, topicId, matchedAt, Optional.empty());
  }
}
