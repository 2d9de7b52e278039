package dev.outpost.listen;

import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * A query as a tree of tests on a {@link PostView}. Each test gives exactly the answer of the
 * Lucene query it stands for (a term is present, words are adjacent, a token fits the wildcard's
 * automaton, a number is in range); proximity and sloppy phrases run the compiled Lucene query on
 * the one-post index. The equivalence tests check this against plain Lucene Monitor.
 */
sealed interface Eval
    permits Eval.AnyOf,
        Eval.AllOf,
        Eval.None,
        Eval.Has,
        Eval.Between,
        Eval.Adjacent,
        Eval.Wildcard,
        Eval.SloppyPair,
        Eval.Lucene,
        Proximity {
  boolean test(PostView post);

  /** Rough cost, so that AND tries cheap tests first. */
  int cost();

  static Eval of(Node node) {
    return switch (node) {
      case Node.Or o -> new AnyOf(sorted(o.children().stream().map(Eval::of).toList()));
      case Node.And a -> new AllOf(sorted(a.children().stream().map(Eval::of).toList()));
      case Node.Not n -> new None(of(n.child()));
      case Node.Term t -> new Has(Prefilter.key(t.field(), t.value()));
      case Node.Phrase ph when ph.slop() == 0 -> new Adjacent(ph.field(), ph.words());
      case Node.Phrase ph
          when ph.words().size() == 2 && !ph.words().get(0).equals(ph.words().get(1)) ->
          new SloppyPair(ph.field(), ph.words().get(0), ph.words().get(1), ph.slop());
      case Node.Wild w -> new Wildcard(w.field(), automaton(w));
      case Node.Range r -> new Between(r.min(), r.max());
      case Node.Near n when Proximity.simple(n) ->
          Proximity.of(n, new Lucene(presence(node), new LazyQuery(node)));
      default -> new Lucene(presence(node), new LazyQuery(node));
    };
  }

  /** A cheap test that every post matching a proximity node passes: its words are all there. */
  private static Eval presence(Node node) {
    return switch (node) {
      case Node.Or o -> new AnyOf(o.children().stream().map(Eval::presence).toList());
      case Node.Near n -> new AllOf(List.of(presence(n.left()), presence(n.right())));
      case Node.Phrase ph ->
          new AllOf(
              ph.words().stream().<Eval>map(w -> new Has(Prefilter.key(ph.field(), w))).toList());
      default -> of(node);
    };
  }

  private static List<Eval> sorted(List<Eval> evals) {
    return evals.stream().sorted(Comparator.comparingInt(Eval::cost)).toList();
  }

  static CharacterRunAutomaton automaton(Node.Wild w) {
    return new CharacterRunAutomaton(
        Operations.determinize(
            WildcardQuery.toAutomaton(
                new Term(w.field().lucene, w.pattern()), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT),
            Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
  }

  record AnyOf(List<Eval> children) implements Eval {
    @Override
    public boolean test(PostView post) {
      for (Eval e : children) {
        if (e.test(post)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int cost() {
      return children.stream().mapToInt(Eval::cost).sum();
    }
  }

  record AllOf(List<Eval> children) implements Eval {
    @Override
    public boolean test(PostView post) {
      for (Eval e : children) {
        if (!e.test(post)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int cost() {
      return children.stream().mapToInt(Eval::cost).sum();
    }
  }

  record None(Eval child) implements Eval {
    @Override
    public boolean test(PostView post) {
      return !child.test(post);
    }

    @Override
    public int cost() {
      return child.cost();
    }
  }

  record Has(String key) implements Eval {
    @Override
    public boolean test(PostView post) {
      return post.keys.contains(key);
    }

    @Override
    public int cost() {
      return 1;
    }
  }

  record Between(long min, long max) implements Eval {
    @Override
    public boolean test(PostView post) {
      return post.doc.followers >= min && post.doc.followers <= max;
    }

    @Override
    public int cost() {
      return 1;
    }
  }

  record Adjacent(Field field, List<String> words) implements Eval {
    @Override
    public boolean test(PostView post) {
      for (String w : words) {
        if (!post.keys.contains(Prefilter.key(field, w))) {
          return false;
        }
      }
      List<String> tokens = post.tokens(field);
      int n = words.size();
      outer:
      for (int i = 0; i + n <= tokens.size(); i++) {
        for (int j = 0; j < n; j++) {
          if (!tokens.get(i + j).equals(words.get(j))) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }

    @Override
    public int cost() {
      return 4;
    }
  }

  record Wildcard(Field field, CharacterRunAutomaton automaton) implements Eval {
    @Override
    public boolean test(PostView post) {
      for (String token : post.tokens(field)) {
        if (automaton.run(token)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int cost() {
      return 8;
    }
  }

  /**
   * {@code "a b"~slop} for two different words: Lucene's sloppy phrase matches when some {@code a}
   * at i and {@code b} at j have {@code |j - 1 - i| <= slop} (b one after a costs nothing).
   */
  record SloppyPair(Field field, String first, String second, int slop) implements Eval {
    @Override
    public boolean test(PostView post) {
      if (!post.keys.contains(Prefilter.key(field, first))
          || !post.keys.contains(Prefilter.key(field, second))) {
        return false;
      }
      List<String> tokens = post.tokens(field);
      for (int i = 0; i < tokens.size(); i++) {
        if (!tokens.get(i).equals(first)) {
          continue;
        }
        int from = Math.max(0, i + 1 - slop);
        int to = Math.min(tokens.size() - 1, i + 1 + slop);
        for (int j = from; j <= to; j++) {
          if (tokens.get(j).equals(second)) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public int cost() {
      return 6;
    }
  }

  /** Runs the Lucene query, once the cheap {@code guard} (all its words present) has passed. */
  record Lucene(Eval guard, LazyQuery query) implements Eval {
    @Override
    public boolean test(PostView post) {
      return guard.test(post) && post.matches(query.get());
    }

    @Override
    public int cost() {
      return 100;
    }
  }

  /** A node's Lucene query, compiled on first use: many are never needed, and they are large. */
  final class LazyQuery {
    private final Node node;
    private volatile org.apache.lucene.search.Query query;

    LazyQuery(Node node) {
      this.node = node;
    }

    org.apache.lucene.search.Query get() {
      org.apache.lucene.search.Query q = query;
      if (q == null) {
        q = Compiler.compile(node);
        query = q;
      }
      return q;
    }
  }
}
