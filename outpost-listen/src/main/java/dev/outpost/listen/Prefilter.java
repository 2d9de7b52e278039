package dev.outpost.listen;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index from anchor tokens to the queries they stand for. For a post it returns the queries
 * that can match: those with an anchor among the post's tokens, plus those without anchors. Safe
 * for concurrent reads while queries are added and removed.
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
    if (c.anchors.isEmpty()) {
      unanchored.add(c);
      return;
    }
    for (Anchors.Anchor a : c.anchors.get()) {
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
    if (c.anchors.isEmpty()) {
      unanchored.remove(c);
      return;
    }
    for (Anchors.Anchor a : c.anchors.get()) {
      Map<String, Set<Compiled>> map = a.prefix() ? prefixes : exact;
      map.computeIfPresent(
          key(a.field(), a.value()),
          (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
          });
    }
  }

  /** The queries that can match a post with these tokens. */
  Set<Compiled> candidates(PostDocument doc) {
    Set<Compiled> out = new HashSet<>(unanchored);
    int[][] lens = lengths;
    Set<String> seen = new HashSet<>();
    for (Field f : Field.values()) {
      List<String> tokens = doc.tokens(f);
      int[] fieldLens = lens[f.ordinal()];
      for (String token : tokens) {
        String key = key(f, token);
        if (!seen.add(key)) {
          continue;
        }
        addAll(out, exact.get(key));
        for (int len : fieldLens) {
          if (token.length() >= len) {
            addAll(out, prefixes.get(key.substring(0, len + 1)));
          }
        }
      }
    }
    return out;
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
        java.util.stream.IntStream.rangeClosed(0, Anchors.MAX_PREFIX)
            .filter(l -> prefixLengths[field.ordinal()][l])
            .toArray();
    lengths = copy;
  }

  private static String key(Field field, String value) {
    return (char) ('A' + field.ordinal()) + value;
  }
}
