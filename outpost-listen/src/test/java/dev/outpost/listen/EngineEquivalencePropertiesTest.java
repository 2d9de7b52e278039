package dev.outpost.listen;

import static dev.outpost.listen.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random queries over a tiny vocabulary against random posts over the same vocabulary (so that
 * repeats, overlaps and near misses are frequent): the engine and plain Monitor must agree.
 */
class EngineEquivalencePropertiesTest {
  private static final List<String> WORDS = List.of("a", "b", "c", "ab", "abc", "#ab", "@c");
  private static final List<String> LEAVES =
      List.of(
          "a",
          "b",
          "c",
          "ab",
          "ab*",
          "a*",
          "#ab",
          "@c",
          "\"a b\"",
          "\"a b\"~1",
          "\"b a\"~2",
          "\"a a\"~1",
          "\"a b c\"~2",
          "raw:A",
          "followers:>5",
          "verified:true",
          "lang:en");
  private static final List<String> NEAR_LEAVES =
      List.of("a", "b", "c", "ab*", "\"a b\"", "(a OR c)");

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> leaf = Arbitraries.of(LEAVES);
    Arbitrary<String> near =
        Arbitraries.of(NEAR_LEAVES)
            .tuple2()
            .flatMap(
                t ->
                    Arbitraries.integers()
                        .between(0, 3)
                        .flatMap(
                            n ->
                                Arbitraries.of("", "f")
                                    .map(f -> t.get1() + " NEAR/" + n + f + " " + t.get2())));
    Arbitrary<String> atom = Arbitraries.oneOf(leaf, near);
    Arbitrary<String> negated = atom.map(s -> "NOT " + s);
    Arbitrary<String> term = Arbitraries.frequencyOf(Tuple.of(4, atom), Tuple.of(1, negated));
    Arbitrary<String> group =
        term.list().ofMinSize(1).ofMaxSize(3).map(l -> "(" + String.join(" OR ", l) + ")");
    return Arbitraries.oneOf(term, group)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<List<String>> texts() {
    return Arbitraries.of(WORDS)
        .list()
        .ofMinSize(0)
        .ofMaxSize(8)
        .map(l -> String.join(" ", l))
        .map(s -> s.isEmpty() ? "x" : s)
        .list()
        .ofSize(12);
  }

  @Property(tries = 200)
  void engineAgreesWithPlainMonitor(
      @ForAll("queries") String query, @ForAll("texts") List<String> texts) {
    boolean valid = QueryEngine.check(query).ok();
    net.jqwik.api.statistics.Statistics.collect(valid ? "valid query" : "invalid query");
    if (!valid) {
      return;
    }
    Topic topic = new Topic("t", "T", TopicKind.BRAND, query);
    QueryEngine engine = new QueryEngine();
    engine.put(topic);
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = (i % 3 == 0 ? "A " : "") + texts.get(i);
      posts.add(post(text, "x", "u" + i, i % 2 == 0 ? "en" : "fr", i, i % 4 == 0));
    }
    try (MonitorBaseline monitor = new MonitorBaseline()) {
      monitor.put(topic);
      for (Post p : posts) {
        assertThat(engine.match(p)).as("%s ~ %s", query, p.text()).isEqualTo(monitor.match(p));
      }
    }
    assertThat(engine.failures()).isZero();
  }
}
