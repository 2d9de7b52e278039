package dev.outpost.core.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The append-only record of who did what, for admins to read and export. */
public interface AuditLog {
  /** Appends an event; never fails silently (a failure to audit is an error for the caller). */
  void record(AuditEvent event);

  /**
   * The newest events first.
   *
   * @param actor only this actor's events, when present
   * @param actionPrefix only actions starting with this (for example {@code case.}), when present
   * @param before only events strictly before this time (paging), when present
   */
  List<AuditEvent> recent(
      Optional<String> actor, Optional<String> actionPrefix, Optional<Instant> before, int limit);
}
