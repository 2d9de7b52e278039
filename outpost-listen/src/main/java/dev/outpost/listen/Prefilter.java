package dev.outpost.listen;

import java.util.ArrayList;
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
  private static final Compiled[] NONE = new Compiled[0];

  /** Posting lists: copied on change, so readers iterate a plain array without locks. */
  private final Map<String, Compiled[]> exact = new ConcurrentHashMap<>();

  private final Map<String, Compiled[]> prefixes = new ConcurrentHashMap<>();

  /** Per matching thread, which compiled queries were already seen for the current post. */
  private static final ThreadLocal<java.util.BitSet> SEEN =
      ThreadLocal.withInitial(java.util.BitSet::new);

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
      Map<String, Compiled[]> map = a.prefix() ? prefixes : exact;
      map.compute(key(a.field(), a.value()), (k, list) -> with(list, c));
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
      Map<String, Compiled[]> map = a.prefix() ? prefixes : exact;
      map.computeIfPresent(key(a.field(), a.value()), (k, list) -> without(list, c));
    }
  }

  private static Compiled[] with(Compiled[] list, Compiled c) {
    Compiled[] old = list == null ? NONE : list;
    for (Compiled x : old) {
      if (x == c) {
        return old;
      }
    }
    Compiled[] copy = java.util.Arrays.copyOf(old, old.length + 1);
    copy[old.length] = c;
    return copy;
  }

  private static Compiled[] without(Compiled[] list, Compiled c) {
    Compiled[] copy = java.util.Arrays.stream(list).filter(x -> x != c).toArray(Compiled[]::new);
    return copy.length == 0 ? null : copy;
  }

  /** The queries that can match this post. */
  List<Compiled> candidates(PostView post) {
    int[][] lens = lengths;
    List<Compiled> out = new ArrayList<>(unanchored);
    java.util.BitSet seen = SEEN.get();
    try {
      for (String key : post.keys) {
        check(post, exact.get(key), seen, out);
        int[] fieldLens = lens[key.charAt(0) - 'A'];
        for (int len : fieldLens) {
          if (key.length() > len) {
            check(post, prefixes.get(key.substring(0, len + 1)), seen, out);
          }
        }
      }
    } finally {
      seen.clear();
    }
    return out;
  }

  /** Adds each query not seen yet whose other required clauses the post meets. */
  private static void check(
      PostView post, Compiled[] list, java.util.BitSet seen, List<Compiled> out) {
    if (list == null) {
      return;
    }
    for (Compiled c : list) {
      if (!seen.get(c.serial)) {
        seen.set(c.serial);
        if (satisfies(post, c)) {
          out.add(c);
        }
      }
    }
  }

  /** Whether the post meets every clause after the first (the first found the query). */
  private static boolean satisfies(PostView post, Compiled c) {
    String[][] keys = c.requiredKeys;
    for (int i = 0; i < keys.length; i++) {
      if (!holds(post, keys[i], c.requiredPrefix[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(PostView post, String[] keys, boolean[] prefix) {
    for (int j = 0; j < keys.length; j++) {
      if (prefix[j] ? post.prefixKeys().contains(keys[j]) : post.keys.contains(keys[j])) {
        return true;
      }
    }
    return false;
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
