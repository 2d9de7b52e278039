package dev.outpost.web;

import dev.outpost.core.Analytics;
import dev.outpost.core.Analytics.Filter;
import dev.outpost.core.Analytics.Interval;
import dev.outpost.core.Permission;
import dev.outpost.core.Store;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard and search API under {@code /api/v1}: JSON by default, CSV with {@code
 * ?format=csv}. Parameters are validated by {@link Params}.
 */
final class AnalyticsApi {
  private final Store store;
  private final Analytics analytics;

  AnalyticsApi(Store store, Analytics analytics) {
    this.store = store;
    this.analytics = analytics;
  }

  void register(Routes r) {
    r.get("/api/v1/analytics/span", Permission.VIEW, this::span);
    r.get("/api/v1/analytics/volume", Permission.VIEW, this::volume);
    r.get("/api/v1/analytics/share-of-voice", Permission.VIEW, this::shareOfVoice);
    r.get("/api/v1/analytics/top-authors", Permission.VIEW, this::topAuthors);
    r.get("/api/v1/analytics/hashtags", Permission.VIEW, ctx -> terms(ctx, true));
    r.get("/api/v1/analytics/terms", Permission.VIEW, ctx -> terms(ctx, false));
    r.get("/api/v1/search", Permission.VIEW, this::search);
  }

  Filter filter(Params p) {
    return p.filter(analytics, store.topics());
  }

  private void span(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    Optional<Analytics.Span> span = analytics.span();
    body.put("from", span.map(Analytics.Span::from).orElse(null));
    body.put("to", span.map(Analytics.Span::to).orElse(null));
    ctx.json(body);
  }

  private void volume(Context ctx) {
    Params p = new Params(ctx);
    boolean csv = p.csv();
    Filter f = filter(p);
    Interval interval = p.interval(f);
    List<Analytics.VolumePoint> points = analytics.volume(f, interval);
    if (csv) {
      csv(
          ctx,
          "volume",
          List.of("bucket", "topic", "negative", "neutral", "positive", "unknown", "total"),
          points.stream()
              .<List<?>>map(
                  v ->
                      List.of(
                          v.bucket().toString(),
                          v.topicId(),
                          v.negative(),
                          v.neutral(),
                          v.positive(),
                          v.unknown(),
                          v.total()))
              .toList());
      return;
    }
    Map<String, Object> body = range(f);
    body.put("interval", interval.name().toLowerCase(java.util.Locale.ROOT));
    body.put("points", points);
    ctx.json(body);
  }

  private void shareOfVoice(Context ctx) {
    Params p = new Params(ctx);
    boolean csv = p.csv();
    Filter f = filter(p);
    List<Analytics.TopicShare> shares = analytics.shareOfVoice(f);
    if (csv) {
      csv(
          ctx,
          "share-of-voice",
          List.of("topic", "name", "kind", "mentions", "share"),
          shares.stream()
              .<List<?>>map(s -> List.of(s.topicId(), s.name(), s.kind(), s.mentions(), s.share()))
              .toList());
      return;
    }
    Map<String, Object> body = range(f);
    body.put("topics", shares);
    ctx.json(body);
  }

  private void topAuthors(Context ctx) {
    Params p = new Params(ctx);
    boolean csv = p.csv();
    Filter f = filter(p);
    boolean hide = PersonalData.hidden(ctx);
    List<Analytics.AuthorStat> authors =
        analytics.topAuthors(f, p.authorOrder(), p.limit(20, 1_000)).stream()
            .map(a -> PersonalData.author(a, hide))
            .toList();
    if (csv) {
      csv(
          ctx,
          "top-authors",
          List.of("network", "handle", "name", "followers", "posts", "influence"),
          authors.stream()
              .<List<?>>map(
                  a ->
                      List.of(
                          a.network(),
                          a.handle(),
                          a.displayName(),
                          a.followers(),
                          a.posts(),
                          a.influence()))
              .toList());
      return;
    }
    ctx.json(authors);
  }

  private void terms(Context ctx, boolean hashtags) {
    Params p = new Params(ctx);
    boolean csv = p.csv();
    Filter f = filter(p);
    int limit = p.limit(20, 1_000);
    List<Analytics.TermCount> terms =
        hashtags ? analytics.topHashtags(f, limit) : analytics.topTerms(f, limit);
    if (csv) {
      csv(
          ctx,
          hashtags ? "hashtags" : "terms",
          List.of(hashtags ? "hashtag" : "term", "posts"),
          terms.stream().<List<?>>map(t -> List.of(t.term(), t.posts())).toList());
      return;
    }
    ctx.json(terms);
  }

  /** The search the stream page and {@code /api/v1/search} run. */
  Analytics.Search search(Params p) {
    Optional<LocalDate> from = p.date("from");
    Optional<LocalDate> to = p.date("to");
    Optional<Analytics.Span> span = Optional.empty();
    if (from.isPresent() || to.isPresent()) {
      LocalDate first = from.orElse(LocalDate.of(1970, 1, 1));
      LocalDate last = to.orElse(LocalDate.of(9999, 12, 30));
      if (last.isBefore(first)) {
        throw new IllegalArgumentException("to (" + last + ") is before from (" + first + ")");
      }
      span =
          Optional.of(
              new Analytics.Span(
                  first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                  last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    return new Analytics.Search(
        p.query(),
        span,
        p.topics(store.topics()),
        p.network(),
        p.choice("sentiment", Params.SENTIMENTS),
        p.choice("intent", Params.INTENTS),
        p.language(),
        p.optional("tag").map(dev.outpost.core.MentionTags::checked),
        p.limit(50, 1_000));
  }

  private void search(Context ctx) {
    Params p = new Params(ctx);
    boolean csv = p.csv();
    boolean hide = PersonalData.hidden(ctx);
    List<MentionView> found =
        analytics.search(search(p)).stream().map(m -> PersonalData.view(m, hide)).toList();
    if (csv) {
      csv(
          ctx,
          "search",
          List.of(
              "id",
              "topic",
              "network",
              "author",
              "posted_at",
              "sentiment",
              "intents",
              "language",
              "text",
              "url"),
          found.stream()
              .<List<?>>map(
                  m ->
                      java.util.Arrays.asList(
                          m.id(),
                          m.topic(),
                          m.network(),
                          m.author(),
                          m.postedAt().toString(),
                          m.sentiment(),
                          String.join(" ", m.intents()),
                          m.language(),
                          m.text(),
                          m.url()))
              .toList());
      return;
    }
    ctx.json(found);
  }

  private static Map<String, Object> range(Filter f) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", f.span().from());
    body.put("to", f.span().to());
    body.put("topicIds", f.topicIds());
    return body;
  }

  private static void csv(Context ctx, String name, List<String> header, List<List<?>> rows) {
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"outpost-" + name + ".csv\"");
    ctx.result(Csv.write(header, rows));
  }
}
