package dev.outpost.core.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Durable queue of actions sent to networks and channels (replies, follows, messages, posts), each
 * under an idempotency key, so that a retry or a restart after a crash never sends one twice.
 * Writers {@link #enqueue} in their own transaction; a dispatcher {@link #claim}s due entries,
 * sends them and records the result.
 */
public interface Outbox {
  /**
   * Queues an action due now.
   *
   * @return true if it was queued, false if an action with the same key already exists (it is then
   *     left as it is: the caller's retry is a no-op)
   */
  boolean enqueue(OutboxAction action, Instant now);

  Optional<OutboxEntry> find(String key);

  /** The entries with these keys, in no particular order; unknown keys are skipped. */
  List<OutboxEntry> findAll(Collection<String> keys);

  /**
   * Claims up to {@code limit} due entries (pending ones whose time has come, and sending ones
   * whose claim expired) for {@code lease}; concurrent claimers never get the same entry.
   */
  List<OutboxEntry> claim(Instant now, Duration lease, int limit);

  /** Records a successful send. */
  void sent(String key, String externalId, Optional<String> url, Instant now);

  /**
   * Records a failed try: pending again at {@code retryAt} when present, otherwise failed for good.
   */
  void failed(String key, String error, Optional<Instant> retryAt, Instant now);

  /** Puts a failed entry back in the queue, due now (a person's "retry"). False if not failed. */
  boolean retry(String key, Instant now);
}
