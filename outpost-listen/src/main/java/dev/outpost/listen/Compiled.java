package dev.outpost.listen;

import java.util.List;

/**
 * A topic's query, compiled; compared by identity so that a replaced version is a different entry.
 */
final class Compiled {
  final String topicId;
  final Eval eval;

  /** Clauses a matching post must satisfy (see {@link Anchors#of}); empty when none. */
  final List<List<Anchors.Anchor>> clauses;

  Compiled(String topicId, Eval eval, List<List<Anchors.Anchor>> clauses) {
    this.topicId = topicId;
    this.eval = eval;
    this.clauses = clauses;
  }

  /** The anchors this query is indexed under; empty when it must run against every post. */
  List<Anchors.Anchor> anchors() {
    return clauses.isEmpty() ? List.of() : clauses.getFirst();
  }
}
