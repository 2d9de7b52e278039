package dev.outpost.connectors;

/** Answers a post publicly. */
public interface Replier {
  /**
   * Replies to the post {@code inReplyTo} (its external id as the listener emitted it).
   *
   * @param idempotencyKey the same key for retries of the same reply; the connector documents how
   *     it avoids duplicates
   */
  ActionResult reply(String inReplyTo, String text, String idempotencyKey)
      throws InterruptedException;
}
