package dev.outpost.connectors;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call to a network failed. {@link #retriable()} tells whether trying again later can help (429,
 * 5xx, timeouts, I/O, malformed responses) or not (401/403, other 4xx, bad configuration). Messages
 * name the method and path, never query strings, headers or secrets.
 */
public final class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retriable;
  private final int status;
  private final transient Optional<Duration> retryAfter;

  private ConnectorException(
      String message,
      boolean retriable,
      int status,
      Optional<Duration> retryAfter,
      Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public static ConnectorException retriable(
      String message, int status, Optional<Duration> retryAfter, Throwable cause) {
    return new ConnectorException(message, true, status, retryAfter, cause);
  }

  public static ConnectorException permanent(String message, int status) {
    return new ConnectorException(message, false, status, Optional.empty(), null);
  }

  public static ConnectorException permanent(String message, Throwable cause) {
    return new ConnectorException(message, false, 0, Optional.empty(), cause);
  }

  public boolean retriable() {
    return retriable;
  }

  /** The HTTP status, when there was one. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** How long the network asked us to wait. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
