package dev.outpost.core.outbox;

/** Where an outbox action stands. */
public enum OutboxStatus {
  /** Waiting to be sent (first try or a retry after {@code nextAttemptAt}). */
  PENDING,
  /** Claimed by a sender; if that sender dies, the claim expires and it is sent again. */
  SENDING,
  /** Done: the network accepted it. */
  SENT,
  /** Given up: a permanent error or too many retries; the reason is kept. */
  FAILED
}
