package dev.outpost.listen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  private Anchors() {}

  /** The anchors of a query, or empty when it has none. */
  static Optional<List<Anchor>> of(Node node) {
    return Optional.ofNullable(anchors(node));
  }

  private static List<Anchor> anchors(Node node) {
    return switch (node) {
      case Node.Or o -> {
        List<Anchor> all = new ArrayList<>();
        for (Node c : o.children()) {
          List<Anchor> a = anchors(c);
          if (a == null) {
            yield null;
          }
          all.addAll(a);
        }
        yield all;
      }
      case Node.And a -> best(a.children());
      case Node.Near n -> best(List.of(n.left(), n.right()));
      case Node.Not n -> null;
      case Node.Range r -> null;
      case Node.Term t -> List.of(new Anchor(t.field(), t.value(), false));
      case Node.Phrase ph -> {
        Anchor bestWord = null;
        for (String w : ph.words()) {
          Anchor a = new Anchor(ph.field(), w, false);
          if (bestWord == null || a.cost() < bestWord.cost()) {
            bestWord = a;
          }
        }
        yield List.of(bestWord);
      }
      case Node.Wild w -> {
        String prefix = literalPrefix(w.pattern());
        if (prefix.codePointCount(0, prefix.length()) < MIN_PREFIX) {
          yield null;
        }
        yield List.of(
            new Anchor(
                w.field(), prefix.substring(0, Math.min(MAX_PREFIX, prefix.length())), true));
      }
    };
  }

  /** Among the required (not negated) children, the anchor set that is cheapest to follow. */
  private static List<Anchor> best(List<Node> children) {
    List<Anchor> best = null;
    double bestCost = Double.MAX_VALUE;
    for (Node c : children) {
      if (c instanceof Node.Not) {
        continue;
      }
      List<Anchor> a = anchors(c);
      if (a == null) {
        continue;
      }
      double cost = a.stream().mapToDouble(Anchor::cost).sum();
      if (cost < bestCost) {
        best = a;
        bestCost = cost;
      }
    }
    return best;
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
