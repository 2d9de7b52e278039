package dev.outpost.care.inbox;

/** No case with this id. */
public final class CaseNotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CaseNotFound(long id) {
    super("no case " + id);
  }
}
