package dev.outpost.care.outbox;

import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.OutboxAction;
import java.util.Optional;
import java.util.Set;

/**
 * Somewhere the outbox sends actions: a network connection, an e-mail list, a webhook. One method
 * to send; failures are a {@link ChannelException} saying whether a retry can help.
 */
public interface Channel {
  /** The name actions address it by ({@link OutboxAction#channel()}). */
  String name();

  /** What it can do. */
  Set<ActionKind> kinds();

  /**
   * Sends the action. Must pass {@link OutboxAction#key()} on as the idempotency key where the
   * channel supports one.
   *
   * @throws ChannelException when it was not sent
   */
  Sent send(OutboxAction action) throws InterruptedException;

  /** What the channel created: its id and a link where there is one. */
  record Sent(String externalId, Optional<String> url) {}
}
