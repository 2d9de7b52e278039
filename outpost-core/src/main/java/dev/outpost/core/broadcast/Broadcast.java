package dev.outpost.core.broadcast;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident announcement: a title and impact on some components, and its messages (the first
 * announcement, then updates and the resolution), each drafted, approved by someone other than its
 * author, and published to every channel.
 *
 * @param id the store's id
 * @param title the headline shown on the status page
 * @param impact how badly the components are affected
 * @param components the affected components, as named in the configuration
 * @param incidentId the detected incident it answers ({@link dev.outpost.core.Incident#id()}), if
 *     any: its authors may be answered with a link to the announcement
 * @param createdBy who drafted it
 * @param resolvedAt when its resolution was published
 * @param messages its messages in order (sequence 1 is the announcement)
 */
public record Broadcast(
    long id,
    String title,
    Impact impact,
    List<String> components,
    Optional<String> incidentId,
    String createdBy,
    Instant createdAt,
    Optional<Instant> resolvedAt,
    List<Message> messages) {

  /** The longest title kept. */
  public static final int MAX_TITLE = 200;

  /** The longest message body kept. */
  public static final int MAX_BODY = 20_000;

  public Broadcast {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a broadcast needs a title");
    }
    if (title.length() > MAX_TITLE) {
      throw new IllegalArgumentException(
          "a broadcast title must be at most " + MAX_TITLE + " characters");
    }
    Objects.requireNonNull(impact, "broadcast impact");
    components = List.copyOf(components);
    Objects.requireNonNull(incidentId, "broadcast incidentId (use Optional.empty())");
    Objects.requireNonNull(createdBy, "broadcast createdBy");
    Objects.requireNonNull(createdAt, "broadcast createdAt");
    Objects.requireNonNull(resolvedAt, "broadcast resolvedAt (use Optional.empty())");
    messages = List.copyOf(messages);
  }

  /** Whether its resolution has been published. */
  public boolean resolved() {
    return resolvedAt.isPresent();
  }

  /** Whether at least one message has been published (it then shows on the status page). */
  public boolean published() {
    return messages.stream().anyMatch(m -> m.publishedAt().isPresent());
  }

  /** The message with this sequence number. */
  public Optional<Message> message(int seq) {
    return messages.stream().filter(m -> m.seq() == seq).findFirst();
  }

  /** What a message is for. */
  public enum Kind {
    ANNOUNCEMENT,
    UPDATE,
    RESOLUTION
  }

  /** Where a message stands. */
  public enum State {
    DRAFT,
    APPROVED,
    PUBLISHED
  }

  /**
   * One message of a broadcast.
   *
   * @param seq its place in the broadcast, from 1
   * @param approvedBy who approved it (never its author)
   */
  public record Message(
      int seq,
      Kind kind,
      String body,
      String author,
      Instant createdAt,
      Optional<String> approvedBy,
      Optional<Instant> approvedAt,
      Optional<Instant> publishedAt) {
    public Message {
      if (seq < 1) {
        throw new IllegalArgumentException("message seq must be >= 1, was " + seq);
      }
      Objects.requireNonNull(kind, "message kind");
      checkBody(body);
      Objects.requireNonNull(author, "message author");
      Objects.requireNonNull(createdAt, "message createdAt");
      Objects.requireNonNull(approvedBy, "message approvedBy");
      Objects.requireNonNull(approvedAt, "message approvedAt");
      Objects.requireNonNull(publishedAt, "message publishedAt");
    }

    public State state() {
      return publishedAt.isPresent()
          ? State.PUBLISHED
          : approvedBy.isPresent() ? State.APPROVED : State.DRAFT;
    }
  }

  /** Refuses an empty or too long message body, saying which. */
  public static String checkBody(String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("a broadcast message needs a body");
    }
    if (body.length() > MAX_BODY) {
      throw new IllegalArgumentException(
          "a broadcast message must be at most " + MAX_BODY + " characters");
    }
    return body;
  }
}
