package dev.outpost.listen;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/** Compiles a parsed query to the Lucene query that Lucene Monitor runs against a post. */
final class Compiler {
  /** Lucene's limit; a post would need over 1,024 distinct words matching one wildcard. */
  private static final int MAX_EXPANSIONS = 1024;

  private Compiler() {}

  static Query compile(Node node) {
    return switch (node) {
      case Node.Or o -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Node c : o.children()) {
          b.add(compile(c), Occur.SHOULD);
        }
        yield b.build();
      }
      case Node.And a -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        for (Node c : a.children()) {
          if (c instanceof Node.Not n) {
            b.add(compile(n.child()), Occur.MUST_NOT);
          } else {
            b.add(compile(c), Occur.MUST);
            positive = true;
          }
        }
        if (!positive) {
          b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        yield b.build();
      }
      case Node.Not n ->
          new BooleanQuery.Builder()
              .add(new MatchAllDocsQuery(), Occur.MUST)
              .add(compile(n.child()), Occur.MUST_NOT)
              .build();
      case Node.Near n -> new IntervalQuery(field(n).lucene, intervals(n));
      case Node.Term t -> new TermQuery(new Term(t.field().lucene, t.value()));
      case Node.Phrase ph ->
          new PhraseQuery(ph.slop(), ph.field().lucene, ph.words().toArray(String[]::new));
      case Node.Wild w -> new WildcardQuery(new Term(w.field().lucene, w.pattern()));
      case Node.Range r -> LongPoint.newRangeQuery(r.field().lucene, r.min(), r.max());
    };
  }

  private static Field field(Node node) {
    return switch (node) {
      case Node.Near n -> field(n.left());
      case Node.Or o -> field(o.children().getFirst());
      case Node.Term t -> t.field();
      case Node.Phrase ph -> ph.field();
      case Node.Wild w -> w.field();
      default -> throw new IllegalStateException("not a NEAR operand: " + node);
    };
  }

  private static IntervalsSource intervals(Node node) {
    return switch (node) {
      case Node.Near n -> {
        IntervalsSource l = intervals(n.left());
        IntervalsSource r = intervals(n.right());
        yield Intervals.maxgaps(
            n.distance(), n.ordered() ? Intervals.ordered(l, r) : Intervals.unordered(l, r));
      }
      case Node.Or o -> {
        List<IntervalsSource> sources = new ArrayList<>();
        for (Node c : o.children()) {
          sources.add(intervals(c));
        }
        yield Intervals.or(sources);
      }
      case Node.Term t -> Intervals.term(t.value());
      case Node.Phrase ph -> Intervals.phrase(ph.words().toArray(String[]::new));
      case Node.Wild w -> Intervals.wildcard(new BytesRef(w.pattern()), MAX_EXPANSIONS);
      default -> throw new IllegalStateException("not a NEAR operand: " + node);
    };
  }
}
