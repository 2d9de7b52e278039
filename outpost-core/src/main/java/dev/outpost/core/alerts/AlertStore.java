package dev.outpost.core.alerts;

import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where alert threads and incidents are kept, so that they survive restarts and people can
 * acknowledge, snooze and resolve them. Times passed as {@code now} are wall-clock times; alert
 * times ({@link Alert#at()}) are stream times.
 */
public interface AlertStore {
  /**
   * Adds a detector message to its thread (creating the thread on its first message). A repeated
   * message (same thread, phase and time) changes nothing. A snoozed thread whose severity rises
   * becomes new again.
   *
   * @return the thread as it now stands, and whether this message was new
   */
  Recorded record(Alert alert, Instant now);

  /** The result of {@link #record}. */
  record Recorded(AlertThread thread, boolean added) {}

  /**
   * The threads, latest message first.
   *
   * @param activeOnly only threads that need attention ({@link AlertThread#active()})
   */
  List<AlertThread> threads(boolean activeOnly, int limit, Instant now);

  Optional<AlertThread> thread(String threadId, Instant now);

  /** The messages of a thread, oldest first. */
  List<Alert> messages(String threadId);

  /** How many threads need attention now. */
  long activeCount(Instant now);

  /** Marks a thread acknowledged (the first acknowledgement is kept); empty if unknown. */
  Optional<AlertThread> acknowledge(String threadId, String actor, Instant now);

  /** Hides a thread until {@code now + duration}; empty if unknown. */
  Optional<AlertThread> snooze(String threadId, String actor, Duration duration, Instant now);

  /** Marks a thread resolved by a person; empty if unknown. */
  Optional<AlertThread> resolve(String threadId, String actor, Instant now);

  /**
   * Threads still new (not acknowledged, snoozed or resolved, not closed) that were first recorded
   * before {@code recordedBefore} and not yet escalated.
   */
  List<AlertThread> unacknowledged(Instant recordedBefore, int limit);

  /** Records that a thread was escalated; false if it already was. */
  boolean markEscalated(String threadId, Instant now);

  /**
   * The update throttle's memory, kept with the thread: claims the notification of the thread's
   * message at stream time {@code at}. It succeeds, and remembers {@code at}, when no message of
   * the thread went out yet or the latest that did is at least {@code throttle} before {@code at};
   * {@link Duration#ZERO} claims unconditionally (an opening, a rise in severity). Atomic, so that
   * only one caller wins a claim; false also for an unknown thread.
   */
  boolean claimNotification(String threadId, Instant at, Duration throttle);

  /** Saves the latest snapshot of an incident (replacing the previous one). */
  void saveIncident(Incident incident);

  /** Incidents, latest activity first. */
  List<Incident> incidents(int limit);

  Optional<Incident> incident(String id);
}
