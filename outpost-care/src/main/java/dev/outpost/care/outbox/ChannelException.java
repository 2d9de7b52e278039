package dev.outpost.care.outbox;

import java.time.Duration;
import java.util.Optional;

/** An action could not be sent; {@link #retriable()} says whether trying later can help. */
public final class ChannelException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retriable;
  private final transient Optional<Duration> retryAfter;

  public ChannelException(String message, boolean retriable, Optional<Duration> retryAfter) {
    super(message);
    this.retriable = retriable;
    this.retryAfter = retryAfter;
  }

  public static ChannelException permanent(String message) {
    return new ChannelException(message, false, Optional.empty());
  }

  public boolean retriable() {
    return retriable;
  }

  /** How long the channel asked us to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
