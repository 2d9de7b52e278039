package dev.outpost.listen;

import static dev.outpost.listen.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryEngineTest {

  private static boolean matches(String query, Post post) {
    QueryEngine engine = new QueryEngine();
    engine.put(new Topic("t", "T", TopicKind.BRAND, query));
    boolean ours = engine.match(post).contains("t");
    try (MonitorBaseline monitor = new MonitorBaseline()) {
      monitor.put(new Topic("t", "T", TopicKind.BRAND, query));
      assertThat(monitor.match(post).contains("t"))
          .as("plain Monitor agrees on %s", query)
          .isEqualTo(ours);
    }
    return ours;
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          @united OR "united airlines"        | @United my bag is lost                        | true
          @united OR "united airlines"        | flying United Airlines today                  | true
          @united OR "united airlines"        | the united nations                            | false
          @united                             | email me at bob@united.com                    | false
          #unitedairlines                     | great crew #UnitedAirlines                    | true
          "united airlines"                   | great crew #UnitedAirlines                    | true
          acme                                | so broken #AcmeFail                           | true
          #acme                               | so broken #AcmeFail                           | false
          #acmefail                           | so broken #acmefail                           | true
          @jetblue OR jetblue                 | JETBLUE rocks                                 | true
          delay AND bag                       | bag lost and flight delay                     | true
          delay AND bag                       | flight delay                                  | false
          delay bag                           | bag and a delay                               | true
          delay OR bag                        | just a bag                                    | true
          delay NOT bag                       | delay and bag                                 | false
          delay NOT bag                       | delay only                                    | true
          delay AND NOT (bag OR seat)         | delay and seat                                | false
          "flight delayed"                    | my flight was delayed                         | false
          "flight delayed"~1                  | my flight was delayed                         | true
          flight NEAR/2 delayed               | delayed was the flight                        | true
          flight NEAR/1 delayed               | delayed was the flight                        | false
          flight NEAR/2f delayed              | delayed was the flight                        | false
          flight NEAR/1f delayed              | flight was delayed                            | true
          flight NEAR/0 delayed               | flight was delayed                            | false
          (late OR delay*) NEAR/2 flight      | delays on every flight                        | true
          flight NEAR/3 (delay* OR late)      | late flight                                   | true
          flight NEAR/3f (delay* OR late)     | late flight                                   | false
          here NEAR/2f here*                  | here and here                                 | true
          here NEAR/0 here*                   | here                                          | true
          "on hold" NEAR/3 jetblue            | jetblue kept me on hold                       | true
          "delayed flight"~2                  | flight delayed                                | true
          "delayed flight"~1                  | flight delayed                                | false
          "delayed flight"~1                  | delayed my flight                             | true
          "bag bag"~1                         | bag x bag                                     | true
          "very long delayed flight"~2        | very long flight delayed                      | true
          produc*                             | our new production line                       | true
          produc*                             | a reproduction                                | false
          *tion                               | a reproduction                                | true
          raw:"iPhone"                        | new iPhone out                                | true
          raw:"iPhone"                        | new iphone out                                | false
          iphone                              | new IPHONE out                                | true
          cafe                                | Café au lait                                  | true
          café                                | cafe au lait                                  | true
          strasse                             | Hauptstraße 1                                 | false
          strasse                             | Haupt Straße 1                                | true
          🔥                                  | this is 🔥🔥                                  | true
          fire                                | this is 🔥                                    | false
          ｊｅｔｂｌｕｅ                           | jetblue                                       | true
          url:example.com/news                | read https://www.example.com/news/123.        | true
          url:example.com/news                | read https://example.com/blog                 | false
          site:example.com                    | read https://news.example.com/a               | true
          site:example.com                    | read https://example.org/a                    | false
          example                             | read https://example.com/a                    | false
          country:us                          | anything                                      | false
          """)
  void matchesLikePlainMonitor(String query, String text, boolean expected) {
    assertThat(matches(query, post(text))).as("%s ~ %s", query, text).isEqualTo(expected);
  }

  @Test
  void fieldsOfThePostAndItsAuthor() {
    Post p = post("Thanks for the help", "mastodon", "JetBlue", "en-US", 25_000, true);
    assertThat(matches("thanks author:jetblue", p)).isTrue();
    assertThat(matches("thanks author:@JetBlue", p)).isTrue();
    assertThat(matches("thanks author:delta", p)).isFalse();
    assertThat(matches("thanks lang:en", p)).isTrue();
    assertThat(matches("thanks lang:en-us", p)).isTrue();
    assertThat(matches("thanks lang:fr", p)).isFalse();
    assertThat(matches("thanks network:mastodon", p)).isTrue();
    assertThat(matches("thanks network:x", p)).isFalse();
    assertThat(matches("thanks followers:>10000", p)).isTrue();
    assertThat(matches("thanks followers:<=25000", p)).isTrue();
    assertThat(matches("thanks followers:>25000", p)).isFalse();
    assertThat(matches("thanks verified:true", p)).isTrue();
    assertThat(matches("thanks verified:false", p)).isFalse();
    assertThat(matches("followers:>10000 NOT spam", p)).isTrue();
  }

  @Test
  void badQueryIsRejectedAloneAndLeavesOtherTopicsUntouched() {
    QueryEngine engine = new QueryEngine();
    engine.put(new Topic("jetblue", "JetBlue", TopicKind.BRAND, "@JetBlue OR jetblue"));
    assertThatThrownBy(
            () -> engine.put(new Topic("jetblue", "JetBlue", TopicKind.BRAND, "jetblue AND (")))
        .isInstanceOf(QueryException.class)
        .extracting(e -> ((QueryException) e).column())
        .isEqualTo(13);
    assertThat(engine.match(post("love jetblue"))).containsExactly("jetblue");
  }

  @Test
  void replacesAndRemovesTopics() {
    QueryEngine engine = new QueryEngine();
    engine.put(new Topic("a", "A", TopicKind.BRAND, "delta"));
    engine.put(new Topic("b", "B", TopicKind.COMPETITOR, "delta OR united"));
    assertThat(engine.match(post("delta"))).containsExactlyInAnyOrder("a", "b");
    engine.put(new Topic("a", "A", TopicKind.BRAND, "southwest"));
    assertThat(engine.match(post("delta"))).containsExactly("b");
    assertThat(engine.match(post("southwest"))).containsExactly("a");
    engine.remove("b");
    engine.remove("missing");
    assertThat(engine.match(post("delta united"))).isEmpty();
    assertThat(engine.size()).isEqualTo(1);
  }

  @Test
  void matchesFromManyThreadsWhileTopicsChange() throws Exception {
    QueryEngine engine = new QueryEngine();
    engine.put(new Topic("stable", "Stable", TopicKind.BRAND, "@united OR \"united airlines\""));
    Post post = post("@united lost my bag");
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<Boolean>> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        readers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    if (!engine.match(post).contains("stable")) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  engine.put(new Topic("t" + (i % 50), "T", TopicKind.CAMPAIGN, "bag" + i));
                  engine.remove("t" + ((i + 25) % 50));
                }
              });
      writer.get();
      for (Future<Boolean> r : readers) {
        assertThat(r.get()).isTrue();
      }
    }
    assertThat(engine.failures()).isZero();
  }

  @Test
  void matchAllKeepsInputOrder() {
    QueryEngine engine = new QueryEngine();
    engine.put(
        new Topic("sw", "Southwest", TopicKind.BRAND, "@SouthwestAir OR \"southwest airlines\""));
    List<Set<String>> result =
        engine.matchAll(
            List.of(post("@SouthwestAir hi"), post("nothing"), post("Southwest Airlines!")));
    assertThat(result).containsExactly(Set.of("sw"), Set.of(), Set.of("sw"));
  }

  @Test
  void oddPostsGiveAnAnswerNotAnException() {
    String huge = "delay ".repeat(3_000) + "word".repeat(1) + " flight";
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      many.append("produc").append(i).append(' ');
    }
    many.append("flight");
    List<String> texts =
        List.of(
            "",
            "   ",
            "🔥🔥🔥",
            "\uD83D lone \uDC00 surrogates".translateEscapes(),
            "\u0000 control \u200B zero width".translateEscapes(),
            huge.substring(0, Math.min(huge.length(), Post.MAX_TEXT)),
            many.toString());
    List<String> queries =
        List.of(
            "delay NEAR/3 flight",
            "produc* NEAR/5 flight",
            "\"delay flight\"~2",
            "🔥",
            "surrogates OR control",
            "produc* AND NOT flight");
    QueryEngine engine = new QueryEngine();
    for (int i = 0; i < queries.size(); i++) {
      engine.put(new Topic("q" + i, "Q", TopicKind.CAMPAIGN, queries.get(i)));
    }
    try (MonitorBaseline monitor = new MonitorBaseline()) {
      for (int i = 0; i < queries.size(); i++) {
        monitor.put(new Topic("q" + i, "Q", TopicKind.CAMPAIGN, queries.get(i)));
      }
      for (String text : texts) {
        Post p = post(text);
        Set<String> ours = engine.match(p);
        assertThat(ours).isNotNull();
        if (!text.startsWith("produc")) {
          assertThat(ours)
              .as(text.length() > 60 ? text.substring(0, 60) : text)
              .isEqualTo(monitor.match(p));
        }
      }
    }
    assertThat(engine.match(post("🔥🔥🔥"))).containsExactly("q3");
    assertThat(engine.match(post("delay ".repeat(300) + "flight"))).contains("q0", "q2");
  }
}
