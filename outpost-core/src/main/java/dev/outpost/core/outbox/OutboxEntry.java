package dev.outpost.core.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbox action with its delivery state.
 *
 * @param attempts how many times sending was tried
 * @param nextAttemptAt when it may be (re)tried; for {@link OutboxStatus#SENDING}, when the claim
 *     expires
 * @param lastError why the last try failed, if it did
 * @param externalId the network's id of what was created, once sent
 * @param url a link to it, once sent, where the network gives one
 */
public record OutboxEntry(
    OutboxAction action,
    OutboxStatus status,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Optional<String> lastError,
    Optional<String> externalId,
    Optional<String> url,
    Optional<Instant> sentAt) {
  public OutboxEntry {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sentAt, "sentAt");
  }

  public String key() {
    return action.key();
  }
}
