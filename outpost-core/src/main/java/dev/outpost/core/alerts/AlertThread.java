package dev.outpost.core.alerts;

import dev.outpost.core.Alert;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert thread as people handle it: the detector's latest message, how many it sent, and what
 * people did (acknowledged, snoozed, resolved, by whom and when).
 *
 * @param latest the latest message of the thread (its severity is the highest seen)
 * @param openedAt stream time of the opening
 * @param messages how many messages the detector sent for it
 * @param status what people did with it
 * @param snoozedUntil when a snooze ends (wall clock)
 * @param acknowledgedBy who acknowledged it first, and when
 * @param resolvedBy who resolved it, and when
 * @param escalatedAt when it was escalated for lack of an acknowledgement
 */
public record AlertThread(
    Alert latest,
    Instant openedAt,
    int messages,
    Status status,
    Optional<Instant> snoozedUntil,
    Optional<Actor> acknowledgedBy,
    Optional<Actor> resolvedBy,
    Optional<Instant> escalatedAt) {

  /** What people did with a thread. */
  public enum Status {
    NEW,
    ACKNOWLEDGED,
    SNOOZED,
    RESOLVED
  }

  /** Someone who acted on a thread, and when. */
  public record Actor(String name, Instant at) {
    public Actor {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(at, "at");
    }
  }

  public AlertThread {
    Objects.requireNonNull(latest, "latest");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(snoozedUntil, "snoozedUntil");
    Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
    Objects.requireNonNull(resolvedBy, "resolvedBy");
    Objects.requireNonNull(escalatedAt, "escalatedAt");
  }

  public String id() {
    return latest.threadId();
  }

  /**
   * Whether it needs attention: not resolved by a person, not closed by the detector, and not
   * snoozed (a snooze that ended counts as new again).
   */
  public boolean active() {
    return status != Status.RESOLVED
        && status != Status.SNOOZED
        && latest.phase() != Alert.Phase.CLOSED;
  }
}
