package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Analytics.AuthorOrder;
import dev.outpost.core.Analytics.Filter;
import dev.outpost.core.Analytics.Interval;
import dev.outpost.core.Analytics.Span;
import dev.outpost.core.Author;
import dev.outpost.core.Enrichment;
import dev.outpost.core.MatchedPost;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dashboards answered from rollups equal the same dashboards read from the base tables, for random
 * ranges (partial days, whole months, whole years, across a year boundary) and topic subsets: after
 * a full refresh, with some days dirty again, after a topic is deleted, and after a refresh.
 */
class RollupsIT {
  private static final Instant START = Instant.parse("2015-11-20T00:00:00Z");
  private static final long SPAN_MINUTES = Duration.ofDays(420).toMinutes();
  private static final List<String> TOPICS = List.of("united", "delta", "aa", "jetblue");
  private static final List<String> WORDS =
      List.of(
          "flight", "delayed", "bags", "crew", "great", "lost", "refund", "seat", "wifi", "2015");
  private static final List<String> TAGS = List.of("#Fail", "#fail", "#delay", "#love", "#bags");

  @TempDir Path dataDir;

  @Test
  void rollupAnswersEqualTheBaseTablesThroughRefreshesChangesAndDeletes() throws Exception {
    try (Database db = Database.embedded(dataDir)) {
      Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
      PostgresStore store = new PostgresStore(db.dataSource(), clock);
      store.saveTopics(
          TOPICS.stream()
              .map(t -> new Topic(t, t.toUpperCase(Locale.ROOT), TopicKind.COMPETITOR, "@" + t))
              .toList());
      Random random = new Random(7);
      storePosts(store, random, 0, 1_500);
      PostgresAnalytics reference = new PostgresAnalytics(db.dataSource(), false);
      PostgresAnalytics rolled = new PostgresAnalytics(db.dataSource());
      Rollups rollups = new Rollups(db.dataSource(), clock);

      compare(reference, rolled, random, 15); // nothing computed yet: all from the base tables
      while (rollups.refresh(500) > 0) {
        // until every day, month and year is computed
      }
      assertThat(rollups.dirtyDays()).isZero();
      try (Connection c = db.dataSource().getConnection()) {
        RollupPlan whole =
            RollupPlan.of(
                c,
                Instant.parse("2015-01-01T00:00:00Z"),
                Instant.parse("2018-01-01T00:00:00Z"),
                true);
        // the data run from 2015-11-20 to 2017-01-13: three computed years, nothing raw
        assertThat(whole.kinds()).containsExactly("y", "y", "y");
        assertThat(whole.raw()).isEmpty();
        // the data's own span (the dashboard's default range) is widened over the empty edges
        var span = rolled.span().orElseThrow();
        RollupPlan own = RollupPlan.of(c, span.from(), span.to().plusSeconds(1), true);
        assertThat(own.kinds()).containsExactly("y", "y", "y");
        assertThat(own.raw()).isEmpty();
        RollupPlan mixed =
            RollupPlan.of(
                c,
                Instant.parse("2016-02-10T12:00:00Z"),
                Instant.parse("2016-06-01T00:00:00Z"),
                true);
        assertThat(mixed.kinds()).contains("d", "m").doesNotContain("y");
        // the half day at the start (and any day without posts, never computed) is read raw
        assertThat(mixed.raw().getFirst())
            .containsExactly(
                Instant.parse("2016-02-10T12:00:00Z"), Instant.parse("2016-02-11T00:00:00Z"));
      }
      compare(reference, rolled, random, 40);

      storePosts(store, random, 1_500, 1_700); // some days dirty again
      assertThat(rollups.dirtyDays()).isPositive();
      compare(reference, rolled, random, 20);
      assertThat(store.deleteTopic("aa")).isTrue();
      compare(reference, rolled, random, 20);
      while (rollups.refresh(500) > 0) {
        // catch up
      }
      assertThat(rollups.dirtyDays()).isZero();
      compare(reference, rolled, random, 30);
    }
  }

  private static void storePosts(PostgresStore store, Random random, int from, int to) {
    List<MatchedPost> batch = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Set<String> topics = new LinkedHashSet<>();
      topics.add(TOPICS.get(random.nextInt(TOPICS.size())));
      if (random.nextInt(3) == 0) {
        topics.add(TOPICS.get(random.nextInt(TOPICS.size())));
      }
      String author = "user" + random.nextInt(60);
      StringBuilder text = new StringBuilder("@" + String.join(" @", topics));
      for (int w = 0; w < 1 + random.nextInt(6); w++) {
        text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
      }
      if (random.nextBoolean()) {
        text.append(' ').append(TAGS.get(random.nextInt(TAGS.size())));
      }
      Instant at = START.plus(Duration.ofMinutes((long) (random.nextDouble() * SPAN_MINUTES)));
      Post post =
          new Post(
              "x",
              "p" + i,
              new Author("x", author, author.toUpperCase(Locale.ROOT), 10, false, Optional.empty()),
              text.toString(),
              "en",
              at,
              Optional.empty(),
              Optional.empty(),
              new Metrics(0, 0, 0, 0));
      Optional<Enrichment> enrichment =
          random.nextInt(5) == 0
              ? Optional.empty()
              : Optional.of(enrichment(random.nextInt(3), random.nextInt(100)));
      batch.add(new MatchedPost(post, topics, enrichment));
      if (batch.size() == 50) {
        store.save("gen", List.copyOf(batch), "c" + i);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      store.save("gen", List.copyOf(batch), "c" + to);
    }
  }

  private static Enrichment enrichment(int sentiment, double influence) {
    Enrichment.Sentiment s = Enrichment.Sentiment.values()[sentiment];
    return new Enrichment(
        "en",
        s,
        0.8,
        Map.of(
            Enrichment.Sentiment.values()[0],
            s.ordinal() == 0 ? 0.8 : 0.1,
            Enrichment.Sentiment.values()[1],
            s.ordinal() == 1 ? 0.8 : 0.1,
            Enrichment.Sentiment.values()[2],
            s.ordinal() == 2 ? 0.8 : 0.1),
        EnumSet.of(Enrichment.Intent.OTHER),
        influence,
        false,
        10,
        0,
        false);
  }

  private static void compare(
      PostgresAnalytics reference, PostgresAnalytics rolled, Random random, int filters) {
    for (int i = 0; i < filters; i++) {
      Filter f = randomFilter(random);
      assertThat(rolled.volume(f, Interval.HOUR))
          .as("hourly volume %s", f)
          .isEqualTo(reference.volume(f, Interval.HOUR));
      assertThat(rolled.volume(f, Interval.DAY))
          .as("daily volume %s", f)
          .isEqualTo(reference.volume(f, Interval.DAY));
      assertThat(rolled.shareOfVoice(f)).as("share %s", f).isEqualTo(reference.shareOfVoice(f));
      for (AuthorOrder order : AuthorOrder.values()) {
        assertThat(rolled.topAuthors(f, order, 10))
            .as("authors %s %s", order, f)
            .isEqualTo(reference.topAuthors(f, order, 10));
      }
      assertThat(rolled.topHashtags(f, 5)).as("tags %s", f).isEqualTo(reference.topHashtags(f, 5));
      assertThat(rolled.topTerms(f, 8)).as("terms %s", f).isEqualTo(reference.topTerms(f, 8));
    }
  }

  private static Filter randomFilter(Random random) {
    Instant from;
    Instant to;
    switch (random.nextInt(4)) {
      case 0 -> { // whole range and beyond
        from = Instant.parse("2015-01-01T00:00:00Z");
        to = Instant.parse("2017-06-01T00:00:00Z");
      }
      case 1 -> { // whole months
        from = Instant.parse("2015-12-01T00:00:00Z");
        to = from.atOffset(ZoneOffset.UTC).plusMonths(1 + random.nextInt(10)).toInstant();
      }
      default -> { // arbitrary instants, partial days at both ends
        from = START.plus(Duration.ofMinutes((long) (random.nextDouble() * SPAN_MINUTES)));
        to = from.plus(Duration.ofMinutes(1 + (long) (random.nextDouble() * SPAN_MINUTES / 2)));
      }
    }
    List<String> topics = new ArrayList<>();
    for (String t : TOPICS) {
      if (random.nextInt(3) == 0) {
        topics.add(t);
      }
    }
    return new Filter(new Span(from, to), topics);
  }
}
