package dev.outpost.bench.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.listen.MonitorBaseline;
import dev.outpost.listen.QueryEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The prefiltered engine finds exactly what plain Lucene Monitor finds, on real posts. */
class EquivalenceTest {
  private static List<Post> posts;
  private static List<Topic> topics;

  @BeforeAll
  static void load() {
    Path data = RealPosts.sharedData();
    Assumptions.assumeTrue(
        Files.isDirectory(data.resolve("twitter_us_airline_sentiment")),
        "shared data not found at " + data + ": skipping the equivalence test");
    List<Post> all = RealPosts.load(data, Integer.MAX_VALUE, 42);
    posts = all.subList(0, 4_000);
    topics = new ArrayList<>(QuerySet.generate(2_000, all, 7));
    String[] demo = {
      "@united OR \"united airlines\" OR #unitedairlines",
      "@AmericanAir OR \"american airlines\"",
      "@USAirways OR \"us airways\"",
      "@SouthwestAir OR \"southwest airlines\"",
      "@JetBlue OR jetblue",
      "@VirginAmerica OR \"virgin america\"",
    };
    for (int i = 0; i < demo.length; i++) {
      topics.add(new Topic("demo" + i, "Demo " + i, dev.outpost.core.TopicKind.BRAND, demo[i]));
    }
  }

  @Test
  void everyGeneratedQueryIsValid() {
    for (Topic t : topics) {
      assertThat(QueryEngine.check(t.query()).ok()).as(t.query()).isTrue();
    }
  }

  @Test
  void prefilteredEngineAndPlainMonitorMatchTheSamePosts() {
    QueryEngine engine = new QueryEngine();
    engine.putAll(topics);
    long total = 0;
    int differing = 0;
    try (MonitorBaseline monitor = new MonitorBaseline()) {
      monitor.putAll(topics);
      for (Post p : posts) {
        Set<String> expected = monitor.match(p);
        Set<String> actual = engine.match(p);
        if (!expected.equals(actual)) {
          differing++;
          assertThat(actual).as("post %s: %s", p.externalId(), p.text()).isEqualTo(expected);
        }
        total += expected.size();
      }
    }
    assertThat(differing).isZero();
    assertThat(engine.failures()).isZero();
    // Real posts do match: thousands of (post, query) pairs, not a vacuous agreement.
    assertThat(total).isGreaterThan(1_000);
  }

  @Test
  void demoTopicsMatchTheAirlineTweetsAboutThem() {
    QueryEngine engine = new QueryEngine();
    engine.putAll(topics.subList(topics.size() - 6, topics.size()));
    long united =
        posts.stream()
            .filter(p -> p.text().toLowerCase(java.util.Locale.ROOT).contains("@united"))
            .count();
    long matched = posts.stream().filter(p -> engine.match(p).contains("demo0")).count();
    assertThat(united).isPositive();
    assertThat(matched).isGreaterThanOrEqualTo(united * 9 / 10);
  }
}
