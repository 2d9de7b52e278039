package dev.outpost.care.inbox;

/** An action collides with someone else's (already answered, assigned to another agent). */
public final class CaseConflict extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CaseConflict(String message) {
    super(message);
  }
}
