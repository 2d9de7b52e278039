package dev.outpost.detect;

import dev.outpost.core.Mention;
import java.time.Instant;
import java.util.Objects;

/**
 * One post as the detectors see it: when it happened on the stream, which topic it counts for, its
 * sentiment, author and text.
 *
 * @param at stream time (the post's time in a replay, the time it was matched when live)
 * @param topic the topic id it counts for ({@code all} when there is none)
 * @param sentiment its sentiment, {@link Sentiment#UNKNOWN} when not classified
 * @param author who wrote it ({@code network:handle}); empty when unknown
 * @param text its text; empty when unknown (then it takes no part in incident clustering)
 * @param postKey the post's identity ({@code network:externalId}); empty when unknown
 */
public record Observation(
    Instant at, String topic, Sentiment sentiment, String author, String text, String postKey) {

  /** The topic used when a stream has no topic column. */
  public static final String ALL = "all";

  public Observation {
    Objects.requireNonNull(at, "observation at");
    topic = topic == null || topic.isBlank() ? ALL : topic.strip();
    if (topic.indexOf('|') >= 0) {
      throw new IllegalArgumentException("observation topic must not contain '|': " + topic);
    }
    sentiment = sentiment == null ? Sentiment.UNKNOWN : sentiment;
    author = author == null ? "" : author.strip();
    text = text == null ? "" : text;
    postKey = postKey == null ? "" : postKey.strip();
  }

  /** A bare timestamp, counted for {@link #ALL}. */
  public static Observation at(Instant at) {
    return new Observation(at, ALL, Sentiment.UNKNOWN, "", "", "");
  }

  /** A stored mention, at the time it was matched. */
  public static Observation of(Mention mention, Sentiment sentiment) {
    var post = mention.post();
    return new Observation(
        mention.matchedAt(),
        mention.topicId(),
        sentiment,
        post.author().network() + ":" + post.author().handle(),
        post.text(),
        post.key());
  }
}
