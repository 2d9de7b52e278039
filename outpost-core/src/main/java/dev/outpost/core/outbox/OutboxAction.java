package dev.outpost.core.outbox;

import java.util.Map;
import java.util.Objects;

/**
 * An action to send to a channel exactly once.
 *
 * @param key the idempotency key: the same key is never sent twice, and is passed to networks that
 *     support one (Mastodon's {@code Idempotency-Key}); derive it from what the action is for, for
 *     example {@code case:42:reply:3}
 * @param channel the connection (or channel) name that sends it, as configured
 * @param kind what it does
 * @param target the post id or handle it is about (see {@link ActionKind}); may be empty
 * @param text the text to send; may be empty for a follow
 * @param attributes extra, channel-specific data (for example an e-mail subject); never secrets
 */
public record OutboxAction(
    String key,
    String channel,
    ActionKind kind,
    String target,
    String text,
    Map<String, String> attributes) {
  public OutboxAction {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("an outbox action needs an idempotency key");
    }
    if (channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("an outbox action needs a channel");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(text, "text");
    attributes = Map.copyOf(attributes);
  }

  public OutboxAction(String key, String channel, ActionKind kind, String target, String text) {
    this(key, channel, kind, target, text, Map.of());
  }
}
