package dev.outpost.identity.review;

import dev.outpost.identity.Assessment;
import dev.outpost.identity.Candidate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One account in the review queue: what was seen of it (merged over all its posts), how it scored
 * and what a reviewer decided.
 *
 * @param id the queue's id
 * @param candidate the account as seen (handle, display name, links, DM requests...)
 * @param assessment the latest score and its reasons
 * @param status the review status
 * @param firstSeen when its first suspicious post was stored
 * @param lastSeen when its latest post was stored
 * @param sightings how many of its posts were seen
 * @param example the latest post seen
 * @param reviewedBy who decided, when someone did
 * @param reviewedAt when
 * @param note the reviewer's note
 */
public record ReviewItem(
    long id,
    Candidate candidate,
    Assessment assessment,
    ReviewStatus status,
    Instant firstSeen,
    Instant lastSeen,
    int sightings,
    Example example,
    Optional<String> reviewedBy,
    Optional<Instant> reviewedAt,
    Optional<String> note) {
  public ReviewItem {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(example, "example");
  }

  /**
   * The post that brought the account to the queue most recently.
   *
   * @param mentionId the stored mention
   * @param url the post on its network, when known
   * @param text the post's text, at most {@link #MAX_TEXT} characters
   */
  public record Example(long mentionId, Optional<String> url, String text) {
    public static final int MAX_TEXT = 500;

    public Example {
      url = url == null ? Optional.empty() : url;
      text = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
  }
}
