package dev.outpost.listen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The index from anchor tokens to the queries they stand for. For a post it returns the queries
 * that can match: those with an anchor among the post's tokens whose other required clauses the
 * post also satisfies, plus those without anchors. Every test is a necessary condition of the
 * query, so no query that matches is left out. Safe for concurrent reads while queries change.
 */
final class Prefilter {
  private final Map<String, Set<Compiled>> exact = new ConcurrentHashMap<>();
  private final Map<String, Set<Compiled>> prefixes = new ConcurrentHashMap<>();
  private final Set<Compiled> unanchored = ConcurrentHashMap.newKeySet();

  /** Per field, whether prefix anchors of each length (index) were ever added. */
  private final boolean[][] prefixLengths =
      new boolean[Field.values().length][Anchors.MAX_PREFIX + 1];

  private volatile int[][] lengths = new int[Field.values().length][0];

  void add(Compiled c) {
    if (c.anchors().isEmpty()) {
      unanchored.add(c);
      return;
    }
    for (Anchors.Anchor a : c.anchors()) {
      Map<String, Set<Compiled>> map = a.prefix() ? prefixes : exact;
      map.compute(
          key(a.field(), a.value()),
          (k, set) -> {
            Set<Compiled> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            s.add(c);
            return s;
          });
      if (a.prefix()) {
        addLength(a.field(), a.value().length());
      }
    }
  }

  void remove(Compiled c) {
    if (c.anchors().isEmpty()) {
      unanchored.remove(c);
      return;
    }
    for (Anchors.Anchor a : c.anchors()) {
      Map<String, Set<Compiled>> map = a.prefix() ? prefixes : exact;
      map.computeIfPresent(
          key(a.field(), a.value()),
          (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
          });
    }
  }

  /** The queries that can match this post. */
  List<Compiled> candidates(PostView post) {
    int[][] lens = lengths;
    Set<Compiled> found = new HashSet<>();
    for (String key : post.keys) {
      addAll(found, exact.get(key));
      int[] fieldLens = lens[key.charAt(0) - 'A'];
      for (int len : fieldLens) {
        if (key.length() > len) {
          addAll(found, prefixes.get(key.substring(0, len + 1)));
        }
      }
    }
    List<Compiled> out = new ArrayList<>(unanchored);
    for (Compiled c : found) {
      if (satisfies(post, c.clauses)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Whether the post meets every clause after the first (the first found the query). */
  private static boolean satisfies(PostView post, List<List<Anchors.Anchor>> clauses) {
    for (int i = 1; i < clauses.size(); i++) {
      if (!holds(post, clauses.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(PostView post, List<Anchors.Anchor> clause) {
    for (Anchors.Anchor a : clause) {
      String key = key(a.field(), a.value());
      if (a.prefix() ? post.prefixKeys().contains(key) : post.keys.contains(key)) {
        return true;
      }
    }
    return false;
  }

  private static void addAll(Set<Compiled> out, Set<Compiled> found) {
    if (found != null) {
      out.addAll(found);
    }
  }

  private synchronized void addLength(Field field, int length) {
    if (prefixLengths[field.ordinal()][length]) {
      return;
    }
    prefixLengths[field.ordinal()][length] = true;
    int[][] copy = lengths.clone();
    copy[field.ordinal()] =
        IntStream.rangeClosed(0, Anchors.MAX_PREFIX)
            .filter(l -> prefixLengths[field.ordinal()][l])
            .toArray();
    lengths = copy;
  }

  static String key(Field field, String value) {
    return (char) ('A' + field.ordinal()) + value;
  }
}
