package dev.outpost.detect.replay;

/** Input a user can fix (empty file, missing column, bad timestamp, rows out of order). */
public final class ReplayException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReplayException(String message) {
    super(message);
  }
}
