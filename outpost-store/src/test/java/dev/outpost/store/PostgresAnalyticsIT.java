package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Analytics;
import dev.outpost.core.Analytics.AuthorOrder;
import dev.outpost.core.Analytics.Filter;
import dev.outpost.core.Analytics.Interval;
import dev.outpost.core.Analytics.Search;
import dev.outpost.core.Analytics.Span;
import dev.outpost.core.Analytics.TermCount;
import dev.outpost.core.Analytics.VolumePoint;
import dev.outpost.core.Author;
import dev.outpost.core.Enrichment;
import dev.outpost.core.MatchedPost;
import dev.outpost.core.Mention;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard figure equals the same figure computed in Java from the posts that were stored: a
 * seeded random set of posts over three topics, three days, all sentiments and some not enriched.
 */
class PostgresAnalyticsIT {
  private static final Instant START = Instant.parse("2015-02-16T00:00:00Z");
  private static final List<String> TAGS = List.of("#Fail", "#fail", "#delay", "#love", "#bags");
  private static final List<String> TOPIC_IDS = List.of("united", "delta", "aa");

  @TempDir static Path dataDir;
  private static Database db;
  private static Analytics analytics;
  private static final List<MatchedPost> STORED = new ArrayList<>();

  @BeforeAll
  static void store() {
    db = Database.embedded(dataDir);
    PostgresStore store = new PostgresStore(db.dataSource(), Clock.systemUTC());
    store.saveTopics(
        List.of(
            new Topic("united", "United", TopicKind.BRAND, "@united"),
            new Topic("delta", "Delta", TopicKind.COMPETITOR, "@delta"),
            new Topic("aa", "American", TopicKind.COMPETITOR, "@aa")));
    Random random = new Random(11);
    for (int i = 0; i < 400; i++) {
      Set<String> topics = new LinkedHashSet<>();
      topics.add(TOPIC_IDS.get(random.nextInt(3)));
      if (random.nextInt(4) == 0) {
        topics.add(TOPIC_IDS.get(random.nextInt(3)));
      }
      String author = "user" + random.nextInt(25);
      String text =
          "@" + String.join(" @", topics) + " flight " + TAGS.get(random.nextInt(TAGS.size()));
      if (random.nextBoolean()) {
        text += " " + TAGS.get(random.nextInt(TAGS.size())) + " again today";
      }
      Instant at = START.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
      Post post =
          new Post(
              "x",
              "p" + i,
              new Author("x", author, author.toUpperCase(Locale.ROOT), 10, false, Optional.empty()),
              text,
              "en",
              at,
              Optional.empty(),
              Optional.empty(),
              new Metrics(0, 0, 0, 0));
      Optional<Enrichment> enrichment =
          random.nextInt(5) == 0
              ? Optional.empty()
              : Optional.of(enrichment(random.nextInt(3), Math.abs(author.hashCode() % 100)));
      MatchedPost m = new MatchedPost(post, topics, enrichment);
      STORED.add(m);
      store.save("gen", List.of(m), "c" + i);
    }
    analytics = new PostgresAnalytics(db.dataSource());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static Enrichment enrichment(int sentiment, double influence) {
    Enrichment.Sentiment s = Enrichment.Sentiment.values()[sentiment];
    Map<Enrichment.Sentiment, Double> scores = new HashMap<>();
    for (Enrichment.Sentiment each : Enrichment.Sentiment.values()) {
      scores.put(each, each == s ? 0.8 : 0.1);
    }
    return new Enrichment(
        "en", s, 0.8, scores, EnumSet.of(Enrichment.Intent.OTHER), influence, false, 10, 0, false);
  }

  private static Filter filter(Instant from, Instant to, String... topics) {
    return new Filter(new Span(from, to), List.of(topics));
  }

  private static boolean in(MatchedPost m, Filter f) {
    Instant t = m.post().createdAt();
    return !t.isBefore(f.span().from()) && t.isBefore(f.span().to());
  }

  @Test
  void volumeCountsEveryMentionOncePerHourTopicAndSentiment() {
    Filter f = filter(START.plus(Duration.ofHours(5)), START.plus(Duration.ofHours(50)));
    Map<String, long[]> expected = new TreeMap<>();
    for (MatchedPost m : STORED) {
      if (!in(m, f)) {
        continue;
      }
      for (String topic : m.topicIds()) {
        String key = m.post().createdAt().truncatedTo(ChronoUnit.HOURS) + " " + topic;
        int slot = m.enrichment().map(e -> e.sentiment().ordinal()).orElse(3);
        expected.computeIfAbsent(key, k -> new long[4])[slot]++;
      }
    }
    Map<String, long[]> actual = new TreeMap<>();
    for (VolumePoint p : analytics.volume(f, Interval.HOUR)) {
      actual.put(
          p.bucket() + " " + p.topicId(),
          new long[] {p.negative(), p.neutral(), p.positive(), p.unknown()});
    }
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).containsExactly(v));
  }

  @Test
  void dailyVolumeOfOneTopicSumsToItsMentions() {
    Filter f = filter(START, START.plus(Duration.ofDays(3)), "delta");
    List<VolumePoint> days = analytics.volume(f, Interval.DAY);
    assertThat(days).hasSize(3).allMatch(p -> p.topicId().equals("delta"));
    assertThat(days.getFirst().bucket()).isEqualTo(START);
    long expected = STORED.stream().filter(m -> m.topicIds().contains("delta")).count();
    assertThat(days.stream().mapToLong(VolumePoint::total).sum()).isEqualTo(expected);
  }

  @Test
  void shareOfVoiceIsEachTopicsMentionsOverAll() {
    Filter f = filter(START, START.plus(Duration.ofDays(1)));
    Map<String, Long> counts =
        STORED.stream()
            .filter(m -> in(m, f))
            .flatMap(m -> m.topicIds().stream())
            .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    var shares = analytics.shareOfVoice(f);
    assertThat(shares).hasSize(3);
    for (var s : shares) {
      assertThat(s.mentions()).as(s.topicId()).isEqualTo(counts.get(s.topicId()));
      assertThat(s.share()).isCloseTo((double) counts.get(s.topicId()) / total, within());
    }
    assertThat(shares.getFirst().mentions()).isGreaterThanOrEqualTo(shares.get(1).mentions());
    assertThat(shares)
        .filteredOn(s -> s.topicId().equals("united"))
        .first()
        .hasFieldOrPropertyWithValue("kind", "BRAND");
    assertThat(analytics.shareOfVoice(filter(START, START.plus(Duration.ofDays(1)), "aa")))
        .singleElement()
        .satisfies(s -> assertThat(s.share()).isEqualTo(1.0));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }

  @Test
  void topAuthorsCountDistinctPostsNotMentions() {
    Filter f = filter(START, START.plus(Duration.ofDays(3)), "united", "delta", "aa");
    Map<String, Long> posts =
        STORED.stream()
            .collect(Collectors.groupingBy(m -> m.post().author().handle(), Collectors.counting()));
    var top = analytics.topAuthors(f, AuthorOrder.VOLUME, 5);
    assertThat(top).hasSize(5);
    long max = posts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(top.getFirst().posts()).isEqualTo(max);
    top.forEach(a -> assertThat(a.posts()).as(a.handle()).isEqualTo(posts.get(a.handle())));
    var byInfluence = analytics.topAuthors(f, AuthorOrder.INFLUENCE, 25);
    assertThat(byInfluence)
        .extracting(Analytics.AuthorStat::influence)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void hashtagsAreCaseFoldedAndCountedOncePerPost() {
    Filter f = filter(START, START.plus(Duration.ofDays(3)));
    Map<String, Long> expected = new TreeMap<>();
    for (MatchedPost m : STORED) {
      java.util.regex.Matcher tag =
          java.util.regex.Pattern.compile("#(\\w+)").matcher(m.post().text());
      Set<String> seen = new LinkedHashSet<>();
      while (tag.find()) {
        seen.add(tag.group(1).toLowerCase(Locale.ROOT));
      }
      seen.forEach(t -> expected.merge(t, 1L, Long::sum));
    }
    List<TermCount> actual = analytics.topHashtags(f, 10);
    assertThat(actual.stream().collect(Collectors.toMap(TermCount::term, TermCount::posts)))
        .isEqualTo(expected);
    assertThat(actual).extracting(TermCount::posts).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void termsSkipStopWordsHandlesAndTags() {
    Filter f = filter(START, START.plus(Duration.ofDays(3)));
    List<TermCount> terms = analytics.topTerms(f, 10);
    long withAgain = STORED.stream().filter(m -> m.post().text().endsWith(" today")).count();
    assertThat(terms)
        .containsExactly(new TermCount("flight", STORED.size()), new TermCount("today", withAgain));
  }

  @Test
  void mentionsAreTaggedInBulkAuditedAndFoundByTag() throws Exception {
    PostgresMentionTags tags = new PostgresMentionTags(db.dataSource(), Clock.systemUTC());
    Search all =
        new Search(
            "",
            Optional.empty(),
            List.of("delta"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            1_000);
    List<Long> delta = analytics.search(all).stream().map(Mention::id).toList();
    assertThat(delta).hasSizeGreaterThan(20);
    List<Long> picked = new ArrayList<>(delta.subList(0, 20));
    picked.add(-5L); // unknown ids change nothing
    assertThat(tags.change(picked, List.of("Refund", "press"), List.of(), "ana")).isEqualTo(20);
    assertThat(tags.change(delta.subList(0, 5), List.of(), List.of("press"), "ben")).isEqualTo(5);
    assertThat(tags.counts()).containsExactly(Map.entry("refund", 20L), Map.entry("press", 15L));
    assertThat(tags.tagsOf(List.of(delta.get(0), delta.get(10), -5L)))
        .containsExactly(
            Map.entry(delta.get(0), List.of("refund")),
            Map.entry(delta.get(10), List.of("press", "refund")));

    Search byTag =
        new Search(
            "",
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("press"),
            1_000);
    assertThat(analytics.search(byTag))
        .extracting(Mention::id)
        .containsExactlyInAnyOrderElementsOf(delta.subList(5, 20));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tags.change(delta, List.of("<script>"), List.of(), "ana"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tag '<script>' must be");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tags.change(delta, List.of(), List.of(), "ana"))
        .hasMessageContaining("say which tags");
    assertThat(tags.counts()).as("a refused change leaves everything as it was").hasSize(2);
    assertThat(
            new PostgresAuditLog(db.dataSource())
                .recent(Optional.of("ben"), Optional.of("mention.tag"), Optional.empty(), 10))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.details())
                    .containsEntry("mentions", "5")
                    .containsEntry("removed", "press"));
    // leave the other tests' data as it was
    tags.change(delta, List.of(), List.of("refund", "press"), "ana");
    assertThat(tags.counts()).isEmpty();
  }

  @Test
  void searchFindsStemmedWordsAndAppliesFacets() {
    var search =
        new Analytics.Search(
            "flights -love",
            Optional.empty(),
            List.of("united"),
            Optional.of("x"),
            Optional.of("negative"),
            Optional.empty(),
            Optional.of("en"),
            1_000);
    List<Mention> found = analytics.search(search);
    long expected =
        STORED.stream()
            .filter(m -> m.topicIds().contains("united"))
            .filter(m -> !m.post().text().toLowerCase(Locale.ROOT).contains("#love"))
            .filter(
                m ->
                    m.enrichment()
                        .map(e -> e.sentiment() == Enrichment.Sentiment.NEGATIVE)
                        .orElse(false))
            .count();
    assertThat(found).hasSize((int) expected).allMatch(m -> m.topicId().equals("united"));
    assertThat(found)
        .extracting(m -> m.post().createdAt())
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(analytics.span())
        .get()
        .satisfies(
            s -> assertThat(s.from().atOffset(ZoneOffset.UTC).getDayOfMonth()).isEqualTo(16));
  }
}
