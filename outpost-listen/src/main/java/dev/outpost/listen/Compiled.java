package dev.outpost.listen;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A topic's query, compiled; compared by identity so that a replaced version is a different entry.
 */
final class Compiled {
  private static final AtomicInteger SERIALS = new AtomicInteger();

  final String topicId;
  final Eval eval;

  /** Clauses a matching post must satisfy (see {@link Anchors#of}); empty when none. */
  final List<List<Anchors.Anchor>> clauses;

  /** The prefilter keys of each clause after the first, and whether each is a prefix. */
  final String[][] requiredKeys;

  final boolean[][] requiredPrefix;

  /** A number unique to this compiled version, for marking it seen while matching one post. */
  final int serial = SERIALS.getAndIncrement();

  Compiled(String topicId, Eval eval, List<List<Anchors.Anchor>> clauses) {
    this.topicId = topicId;
    this.eval = eval;
    this.clauses = clauses;
    int n = Math.max(0, clauses.size() - 1);
    this.requiredKeys = new String[n][];
    this.requiredPrefix = new boolean[n][];
    for (int i = 0; i < n; i++) {
      List<Anchors.Anchor> clause = clauses.get(i + 1);
      requiredKeys[i] = new String[clause.size()];
      requiredPrefix[i] = new boolean[clause.size()];
      for (int j = 0; j < clause.size(); j++) {
        Anchors.Anchor a = clause.get(j);
        requiredKeys[i][j] = Prefilter.key(a.field(), a.value());
        requiredPrefix[i][j] = a.prefix();
      }
    }
  }

  /** The anchors this query is indexed under; empty when it must run against every post. */
  List<Anchors.Anchor> anchors() {
    return clauses.isEmpty() ? List.of() : clauses.getFirst();
  }
}
