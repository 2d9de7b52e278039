package dev.outpost.care.inbox;

/** Where a case stands. */
public enum CaseStatus {
  /** Opened from a mention; nobody has acted on it yet. */
  NEW,
  /** Being worked on. */
  OPEN,
  /** Waiting on the customer: the SLA timers are paused until they answer. */
  WAITING,
  /** Handed to a lead (by a person, or because an SLA target was about to be missed). */
  ESCALATED,
  /** Done, with a resolution reason. */
  RESOLVED
}
