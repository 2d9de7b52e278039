package dev.outpost.listen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;

/**
 * Direct evaluation of {@code a NEAR/n b} when each side is one-word alternatives (words and
 * wildcards). With one position per match, Lucene's {@code maxgaps(n, unordered(a, b))} matches
 * exactly when an {@code a} and a {@code b} at different positions have at most n words between
 * them ({@code ordered}: the {@code b} after the {@code a}). A word that fits both sides makes the
 * overlap rules matter, so such posts go to the Lucene query instead.
 */
record Proximity(Field field, Side left, Side right, int distance, boolean ordered, Eval fallback)
    implements Eval {

  /** One-word alternatives: exact words and wildcard automata. */
  record Side(Field field, Set<String> words, List<CharacterRunAutomaton> wildcards) {
    /**
     * False only when the side cannot occur: it has no wildcards and none of its words is there.
     */
    boolean mayOccur(PostView post) {
      if (!wildcards.isEmpty()) {
        return true;
      }
      for (String w : words) {
        if (post.keys.contains(Prefilter.key(field, w))) {
          return true;
        }
      }
      return false;
    }

    boolean matches(String token) {
      if (words.contains(token)) {
        return true;
      }
      for (CharacterRunAutomaton a : wildcards) {
        if (a.run(token)) {
          return true;
        }
      }
      return false;
    }
  }

  static boolean simple(Node.Near n) {
    return oneWord(n.left()) && oneWord(n.right());
  }

  private static boolean oneWord(Node node) {
    return switch (node) {
      case Node.Term t -> true;
      case Node.Wild w -> true;
      case Node.Or o -> o.children().stream().allMatch(Proximity::oneWord);
      default -> false;
    };
  }

  static Proximity of(Node.Near n, Eval fallback) {
    Field field =
        n.left() instanceof Node.Or o ? fieldOf(o.children().getFirst()) : fieldOf(n.left());
    return new Proximity(
        field, side(field, n.left()), side(field, n.right()), n.distance(), n.ordered(), fallback);
  }

  private static Field fieldOf(Node node) {
    return switch (node) {
      case Node.Term t -> t.field();
      case Node.Wild w -> w.field();
      case Node.Or o -> fieldOf(o.children().getFirst());
      default -> throw new IllegalStateException("not a one-word side: " + node);
    };
  }

  private static Side side(Field field, Node node) {
    List<String> words = new ArrayList<>();
    List<CharacterRunAutomaton> wildcards = new ArrayList<>();
    collect(node, words, wildcards);
    return new Side(field, Set.copyOf(words), List.copyOf(wildcards));
  }

  private static void collect(Node node, List<String> words, List<CharacterRunAutomaton> wild) {
    switch (node) {
      case Node.Term t -> words.add(t.value());
      case Node.Wild w -> wild.add(Eval.automaton(w));
      case Node.Or o -> o.children().forEach(c -> collect(c, words, wild));
      default -> throw new IllegalStateException("not a one-word side: " + node);
    }
  }

  @Override
  public boolean test(PostView post) {
    if (!left.mayOccur(post) || !right.mayOccur(post)) {
      return false;
    }
    List<String> tokens = post.tokens(field);
    int lastLeft = Integer.MIN_VALUE / 2;
    int lastRight = Integer.MIN_VALUE / 2;
    boolean found = false;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean l = left.matches(token);
      boolean r = right.matches(token);
      if (l && r) {
        return fallback.test(post);
      }
      if (l) {
        if (!ordered && i - lastRight - 1 <= distance) {
          found = true;
        }
        lastLeft = i;
      } else if (r) {
        if (i - lastLeft - 1 <= distance) {
          found = true;
        }
        lastRight = i;
      }
    }
    return found;
  }

  @Override
  public int cost() {
    return 10;
  }
}
