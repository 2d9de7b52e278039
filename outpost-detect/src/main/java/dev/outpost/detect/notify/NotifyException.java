package dev.outpost.detect.notify;

/** A delivery failure; retriable for timeouts, 429 and 5xx, permanent otherwise. */
public final class NotifyException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean retriable;

  public NotifyException(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  public boolean retriable() {
    return retriable;
  }
}
