package dev.outpost.core.corrections;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where agents' corrections are kept; a correction also changes the mention as shown. */
public interface Corrections {
  /**
   * Records a correction of a mention, applies it to the mention's post and writes an audit event
   * ({@code mention.correct}), all or nothing.
   *
   * @return the correction, or empty when there is no such mention
   */
  Optional<Correction> correct(long mentionId, String actor, Instant at, Correction.Change change);

  /** Corrections, newest first, optionally only those after {@code afterId}. */
  List<Correction> list(Optional<Long> afterId, int limit);
}
