package dev.outpost.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A post matched by a topic, as stored.
 *
 * @param id the store's id of this mention (increasing in the order mentions were stored)
 * @param post the post
 * @param topicId the topic that matched it
 * @param matchedAt when Outpost matched it
 */
public record Mention(long id, Post post, String topicId, Instant matchedAt) {
  public Mention {
    Objects.requireNonNull(post, "mention post");
    Validate.notBlank("mention topicId", topicId);
    Objects.requireNonNull(matchedAt, "mention matchedAt");
  }
}
