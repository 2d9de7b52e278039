package dev.outpost.web;

import dev.outpost.core.Analytics;
import dev.outpost.core.Analytics.Filter;
import dev.outpost.core.Store;
import dev.outpost.core.Topic;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The server-rendered pages: the stream of mentions at {@code /} and the overview dashboard. */
final class Pages {
  private final Store store;
  private final Analytics analytics;
  private final AnalyticsApi api;
  private final TemplateEngine templates;
  private final Optional<dev.outpost.core.MentionTags> tags;

  Pages(
      Store store,
      Analytics analytics,
      AnalyticsApi api,
      TemplateEngine templates,
      Optional<dev.outpost.core.MentionTags> tags) {
    this.store = store;
    this.analytics = analytics;
    this.api = api;
    this.templates = templates;
    this.tags = tags;
  }

  void stream(Context ctx) {
    Params p = new Params(ctx);
    Map<String, Long> counts = store.mentionCounts();
    List<IndexPage.TopicCount> topics =
        store.topics().stream()
            .map(t -> WebServer.topicCount(t, counts))
            .sorted(
                (a, b) ->
                    a.kind().equals(b.kind())
                        ? Long.compare(b.count(), a.count())
                        : a.kind().compareTo(b.kind()))
            .toList();
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    Analytics.Search search = api.search(p);
    boolean filtered =
        !search.query().isBlank()
            || search.span().isPresent()
            || !search.topicIds().isEmpty()
            || search.network().isPresent()
            || search.sentiment().isPresent()
            || search.intent().isPresent()
            || search.language().isPresent()
            || search.tag().isPresent();
    List<MentionView> shown =
        (filtered
                ? analytics.search(search)
                : store.latestMentions(search.limit(), Optional.empty()))
            .stream().map(m -> PersonalData.view(m, PersonalData.hidden(ctx))).toList();
    IndexPage.Filters filters =
        new IndexPage.Filters(
            search.query(),
            search.topicIds().isEmpty() ? "" : search.topicIds().getFirst(),
            search.network().orElse(""),
            search.sentiment().orElse(""),
            search.intent().orElse(""),
            search.language().orElse(""),
            search.tag().orElse(""),
            filtered,
            Params.SENTIMENTS,
            Params.INTENTS);
    Map<Long, List<String>> tagged =
        tags.map(t -> t.tagsOf(shown.stream().map(MentionView::id).toList())).orElse(Map.of());
    boolean mayTag = tags.isPresent() && Principal.of(ctx).may(dev.outpost.core.Permission.REPLY);
    render(
        ctx,
        "index.jte",
        new IndexPage(topics, total, shown, filters, tags.isPresent(), mayTag, tagged));
  }

  void dashboard(Context ctx) {
    Params p = new Params(ctx);
    List<Topic> known = store.topics();
    Filter f = p.filter(analytics, known);
    String interval = p.interval(f).name().toLowerCase(Locale.ROOT);
    String asked = p.optional("interval").orElse("auto");
    Analytics.AuthorOrder by = p.authorOrder();
    // the page's four aggregates are independent: run them side by side, each on its connection
    var shareQuery = parallel(() -> analytics.shareOfVoice(f));
    var authorsQuery = parallel(() -> analytics.topAuthors(f, by, 10));
    var hashtagsQuery = parallel(() -> analytics.topHashtags(f, 15));
    var termsQuery = parallel(() -> analytics.topTerms(f, 15));
    List<Analytics.TopicShare> shares = shareQuery.join();
    List<DashboardPage.TopicOption> options =
        known.stream()
            .map(
                t ->
                    new DashboardPage.TopicOption(
                        t.id(),
                        t.name(),
                        t.kind().name().toLowerCase(Locale.ROOT),
                        f.topicIds().contains(t.id())))
            .toList();
    LocalDate from = LocalDate.ofInstant(f.span().from(), ZoneOffset.UTC);
    LocalDate to = LocalDate.ofInstant(f.span().to(), ZoneOffset.UTC).minusDays(1);
    List<String> query = new ArrayList<>();
    query.add("from=" + from);
    query.add("to=" + to);
    f.topicIds().forEach(t -> query.add("topic=" + URLEncoder.encode(t, StandardCharsets.UTF_8)));
    query.add("interval=" + (asked.equals("auto") ? "auto" : interval));
    query.add("by=" + by.name().toLowerCase(Locale.ROOT));
    DashboardPage page =
        new DashboardPage(
            from.toString(),
            to.toString(),
            asked.toLowerCase(Locale.ROOT),
            by.name().toLowerCase(Locale.ROOT),
            String.join("&", query),
            options,
            shares.stream().mapToLong(Analytics.TopicShare::mentions).sum(),
            shares,
            authorsQuery.join().stream()
                .map(a -> PersonalData.author(a, PersonalData.hidden(ctx)))
                .toList(),
            hashtagsQuery.join(),
            termsQuery.join());
    render(ctx, "dashboard.jte", page);
  }

  /** Runs a query on a virtual thread; {@code join()} rethrows its failure unwrapped. */
  private static <T> Parallel<T> parallel(java.util.function.Supplier<T> query) {
    return new Parallel<>(java.util.concurrent.CompletableFuture.supplyAsync(query, VIRTUAL));
  }

  private static final java.util.concurrent.Executor VIRTUAL =
      task -> Thread.ofVirtual().name("dashboard-query").start(task);

  private record Parallel<T>(java.util.concurrent.CompletableFuture<T> future) {
    T join() {
      try {
        return future.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
  }

  void topics(Context ctx) {
    Map<String, Long> counts = store.mentionCounts();
    List<TopicsPage.Row> rows =
        store.topics().stream()
            .sorted(
                java.util.Comparator.comparing((Topic t) -> t.kind().ordinal())
                    .thenComparing(Topic::name, String.CASE_INSENSITIVE_ORDER))
            .map(t -> TopicsPage.Row.of(t, counts.getOrDefault(t.id(), 0L)))
            .toList();
    render(
        ctx,
        "topics.jte",
        new TopicsPage(rows, Principal.of(ctx).may(dev.outpost.core.Permission.EDIT_QUERIES)));
  }

  private void render(Context ctx, String template, Object page) {
    StringOutput out = new StringOutput();
    templates.render(template, page, out);
    ctx.html(out.toString());
  }
}
