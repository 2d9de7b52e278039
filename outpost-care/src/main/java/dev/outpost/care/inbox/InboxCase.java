package dev.outpost.care.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A case as the queue shows it.
 *
 * @param priority the priority now, waiting time included, with its reasons
 * @param firstResponse the first-response SLA timer
 * @param resolution the resolution SLA timer
 * @param firstSentiment the sentiment of the post that opened the case
 * @param latestSentiment the sentiment of the author's latest post on the topic
 * @param preview the customer's latest words on the case
 */
public record InboxCase(
    long id,
    String network,
    String authorHandle,
    String authorName,
    long authorFollowers,
    String topicId,
    String queue,
    CaseStatus status,
    Priority priority,
    Optional<String> assignee,
    List<String> tags,
    Instant openedAt,
    Timer firstResponse,
    Timer resolution,
    Optional<String> resolutionReason,
    Optional<String> firstSentiment,
    Optional<String> latestSentiment,
    String preview) {

  public InboxCase {
    tags = List.copyOf(tags);
  }

  /**
   * An SLA timer.
   *
   * @param due when the target is missed (moved later by the time spent waiting on the customer)
   * @param stoppedAt when the target was met (first answer sent, case resolved)
   * @param paused whether the case is waiting on the customer
   */
  public record Timer(Instant due, Optional<Instant> stoppedAt, boolean paused) {
    /** Whether the target was or is missed as of {@code now}. */
    public boolean breached(Instant now) {
      return stoppedAt.map(s -> s.isAfter(due)).orElse(!paused && now.isAfter(due));
    }
  }

  /** A critic became a fan: the case opened negative and the author's latest post is positive. */
  public boolean becameFan() {
    return firstSentiment.filter("negative"::equals).isPresent()
        && latestSentiment.filter("positive"::equals).isPresent();
  }

  /**
   * What was said on a case, and for the brand's messages, how sending went. {@code mentionId} is
   * the stored mention an incoming message is (its sentiment and intents can be corrected).
   */
  public record Message(
      long id,
      String direction,
      String kind,
      Optional<String> externalId,
      String actor,
      String text,
      Instant at,
      Optional<String> sentiment,
      Optional<Delivery> delivery,
      boolean awaitingApproval,
      Optional<String> approvedBy,
      Optional<Long> mentionId) {}

  /**
   * The outbox state of a message the brand sent.
   *
   * @param status pending, sending, sent or failed
   * @param attempts tries so far
   * @param error why the last try failed
   * @param url a link to the post the network created
   */
  public record Delivery(
      String key, String status, int attempts, Optional<String> error, Optional<String> url) {}

  /** One step of a case's history (notes are events of kind {@code note}). */
  public record Event(Instant at, String actor, String kind, String detail) {}

  /** A case with its conversation, history and who is drafting on it now. */
  public record Detail(
      InboxCase summary, List<Message> messages, List<Event> history, List<String> drafting) {
    public Detail {
      messages = List.copyOf(messages);
      history = List.copyOf(history);
      drafting = List.copyOf(drafting);
    }
  }
}
