package dev.outpost.core;

/**
 * A {@link Store} refused a batch because of what it contains (a value the database cannot hold, a
 * broken constraint), not because it is unavailable: storing the same posts again would fail again.
 * The pipeline then splits the batch to find the post at fault and hands that post to {@link
 * Store#reject}, so one poison post never blocks a source.
 */
public final class RejectedDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RejectedDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
