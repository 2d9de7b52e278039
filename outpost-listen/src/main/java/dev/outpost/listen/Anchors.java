package dev.outpost.listen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds, for a query, a small set of tokens at least one of which every matching post must contain:
 * its anchors. A query without such a set (only exclusions or number ranges, or a leading wildcard)
 * has no anchors and runs against every post.
 */
final class Anchors {
  /** Prefix anchors are cut to this many characters; a shorter prefix is still necessary. */
  static final int MAX_PREFIX = 8;

  private static final int MIN_PREFIX = 2;

  /** Frequent words: a poor choice of anchor when the query offers a better one. */
  private static final Set<String> COMMON =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "have", "i", "if",
          "in", "is", "it", "my", "no", "not", "of", "on", "or", "so", "that", "the", "this", "to",
          "was", "we", "what", "will", "with", "you", "your", "me", "just", "get", "can", "rt",
          "amp", "http", "https", "co", "t");

  /** One token of a field, or the start of one when {@code prefix}. */
  record Anchor(Field field, String value, boolean prefix) {
    double cost() {
      double base =
          switch (field) {
            case TEXT, RAW -> COMMON.contains(value) ? 40 : 1 + 16.0 / (value.length() + 1);
            case LANG, NETWORK, VERIFIED -> 100;
            default -> 1;
          };
      return prefix ? base * 2 + 2 : base;
    }
  }

  /** The most clauses kept per query: the anchor clause and the cheapest others. */
  static final int MAX_CLAUSES = 8;

  private Anchors() {}

  /**
   * What a matching post must contain, as clauses that must all hold, each satisfied by any one of
   * its anchors. The first clause is the cheapest: the query is indexed under its anchors. Empty
   * when the query has no such requirement.
   */
  static List<List<Anchor>> of(Node node) {
    List<List<Anchor>> clauses = new ArrayList<>(clauses(node));
    clauses.sort(java.util.Comparator.comparingDouble(Anchors::cost));
    List<List<Anchor>> kept = new ArrayList<>();
    for (List<Anchor> c : clauses) {
      if (kept.size() < MAX_CLAUSES && !kept.contains(c)) {
        kept.add(List.copyOf(c));
      }
    }
    return List.copyOf(kept);
  }

  static double cost(List<Anchor> clause) {
    return clause.stream().mapToDouble(Anchor::cost).sum();
  }

  private static List<List<Anchor>> clauses(Node node) {
    return switch (node) {
      case Node.Or o -> {
        List<Anchor> union = new ArrayList<>();
        for (Node c : o.children()) {
          List<List<Anchor>> cs = clauses(c);
          if (cs.isEmpty()) {
            yield List.of();
          }
          union.addAll(cs.stream().min(java.util.Comparator.comparingDouble(Anchors::cost)).get());
        }
        yield List.of(union);
      }
      case Node.And a -> {
        List<List<Anchor>> all = new ArrayList<>();
        for (Node c : a.children()) {
          if (!(c instanceof Node.Not)) {
            all.addAll(clauses(c));
          }
        }
        yield all;
      }
      case Node.Near n -> {
        List<List<Anchor>> all = new ArrayList<>(clauses(n.left()));
        all.addAll(clauses(n.right()));
        yield all;
      }
      case Node.Not n -> List.of();
      case Node.Range r -> List.of();
      case Node.Term t -> List.of(List.of(new Anchor(t.field(), t.value(), false)));
      case Node.Phrase ph -> {
        List<List<Anchor>> all = new ArrayList<>();
        for (String w : ph.words()) {
          all.add(List.of(new Anchor(ph.field(), w, false)));
        }
        yield all;
      }
      case Node.Wild w -> {
        String prefix = literalPrefix(w.pattern());
        if (prefix.codePointCount(0, prefix.length()) < MIN_PREFIX) {
          yield List.of();
        }
        yield List.of(
            List.of(
                new Anchor(
                    w.field(), prefix.substring(0, Math.min(MAX_PREFIX, prefix.length())), true)));
      }
    };
  }

  /** The characters before the first wildcard, with escapes removed. */
  private static String literalPrefix(String pattern) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        sb.append(pattern.charAt(++i));
      } else if (c == '*' || c == '?') {
        break;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
