package dev.outpost.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.outpost.core.Analytics;
import dev.outpost.core.Author;
import dev.outpost.core.MatchedPost;
import dev.outpost.core.Mention;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.Store;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP surface over in-memory fakes: validation, CSV, escaping and the OpenAPI description. */
class WebServerIT {
  private static final Instant T0 = Instant.parse("2015-02-17T10:15:00Z");
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeAnalytics analytics = new FakeAnalytics();
  private WebServer server;

  @BeforeEach
  void start() {
    server =
        WebServer.start(
            new WebServer.Settings("127.0.0.1", 0),
            new FakeStore(),
            analytics,
            new RefusingTopics(),
            LiveFeed.create(),
            Map::of);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void badParametersAreAnswered400WithTheReason() throws Exception {
    Map<String, String> cases =
        Map.of(
            "/api/v1/analytics/volume?from=2015-02-30",
            "from must be a date as YYYY-MM-DD",
            "/api/v1/analytics/volume?from=2015-02-20&to=2015-02-10",
            "is before from",
            "/api/v1/analytics/volume?interval=week",
            "interval must be hour, day or auto",
            "/api/v1/analytics/share-of-voice?topic=nope",
            "topic 'nope' is not a known topic",
            "/api/v1/analytics/top-authors?by=likes",
            "by must be volume or influence",
            "/api/v1/analytics/terms?limit=0",
            "limit must be between 1 and 1000",
            "/api/v1/analytics/hashtags?format=xml",
            "format must be one of json, csv",
            "/api/v1/search?sentiment=angry",
            "sentiment must be one of negative",
            "/api/v1/search?language=%3Cscript%3E",
            "language must be a language tag",
            "/api/v1/search?q=" + "x".repeat(501),
            "q must be at most 500 characters");
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = get(c.getKey());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
      assertThat(r.body()).as(c.getKey()).contains("\"error\"").contains(c.getValue());
    }
  }

  @Test
  void rangeDefaultsToTheDataAndDatesAreInclusiveUtcDays() throws Exception {
    String body = get("/api/v1/analytics/volume").body();
    assertThat(body)
        .contains("\"from\":\"2015-02-16T00:00:00Z\"", "\"to\":\"2015-02-25T00:00:00Z\"")
        .contains("\"interval\":\"hour\"");
    assertThat(analytics.lastFilter.span().to()).isEqualTo(Instant.parse("2015-02-25T00:00:00Z"));
    get("/api/v1/analytics/volume?from=2015-01-01&to=2015-03-31&topic=united,delta");
    assertThat(analytics.lastFilter.topicIds()).containsExactly("united", "delta");
    assertThat(get("/api/v1/analytics/volume?from=2015-01-01&to=2015-03-31").body())
        .contains("\"interval\":\"day\"");
  }

  @Test
  void tablesExportAsCsvWithFormulasDefused() throws Exception {
    HttpResponse<String> r = get("/api/v1/analytics/top-authors?format=csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition"))
        .get()
        .asString()
        .contains("outpost-top-authors.csv");
    assertThat(r.body())
        .startsWith("network,handle,name,followers,posts,influence\r\n")
        .contains("x,mallory,\"'=HYPERLINK(\"\"http://evil.example\"\")\",10,3,55.5");
    assertThat(get("/api/v1/search?q=bag&format=csv").body())
        .contains("'@united <script>alert(1)</script>");
  }

  @Test
  void dashboardEscapesNamesAndSendsTheStrictPolicy() throws Exception {
    HttpResponse<String> page = get("/dashboard");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(page.body())
        .contains("&lt;b&gt;Delta&lt;/b&gt;", "#fail", "/static/vendor/echarts.min.js")
        .contains("value=\"2015-02-16\"", "value=\"2015-02-24\"")
        .doesNotContain("<b>Delta</b>")
        .doesNotContain(" style=");
    assertThat(get("/dashboard?by=influence").body())
        .contains("<option value=\"influence\" selected>");
    assertThat(analytics.lastOrder).isEqualTo(Analytics.AuthorOrder.INFLUENCE);
    HttpResponse<String> chartLib = get("/static/vendor/echarts.min.js");
    assertThat(chartLib.statusCode()).isEqualTo(200);
    assertThat(chartLib.body()).contains("echarts");
  }

  @Test
  void streamPageSearchesTheArchiveWithItsFilters() throws Exception {
    String page = get("/?q=bag&sentiment=negative&topic=united").body();
    assertThat(analytics.lastSearch.query()).isEqualTo("bag");
    assertThat(analytics.lastSearch.sentiment()).contains("negative");
    assertThat(analytics.lastSearch.topicIds()).containsExactly("united");
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert")
        .contains("<label for=\"q\">");
  }

  @Test
  void openApiDescribesEveryApiRoute() throws Exception {
    HttpResponse<String> r = get("/api/docs");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(r.body());
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    Set<String> documented = new HashSet<>();
    doc.path("paths").fieldNames().forEachRemaining(documented::add);
    List<String> routes =
        server.routePaths().stream().filter(p -> p.startsWith("/api/v1/")).toList();
    assertThat(routes).hasSizeGreaterThanOrEqualTo(10);
    // features (inbox, broadcasts...) add documented routes of their own: OutpostIT checks that
    // the whole application serves exactly what the document describes
    assertThat(documented).containsAll(routes);
  }

  @Test
  void accessIsDecidedInOnePlaceFromTheRoutesPermission() throws Exception {
    // a test authenticator: "X-Test-User: name:PERM,PERM"
    Authenticator header =
        ctx ->
            Optional.ofNullable(ctx.header("X-Test-User"))
                .map(
                    v -> {
                      String[] parts = v.split(":", 2);
                      Set<dev.outpost.core.Permission> perms = new HashSet<>();
                      for (String p : parts[1].split(",")) {
                        perms.add(dev.outpost.core.Permission.valueOf(p));
                      }
                      return new Principal(parts[0], perms);
                    });
    WebFeature whoami =
        r ->
            r.get(
                "/api/v1/whoami",
                dev.outpost.core.Permission.REPLY,
                ctx -> ctx.result(Principal.of(ctx).name()));
    try (WebServer guarded =
        WebServer.builder(
                new WebServer.Settings("127.0.0.1", 0),
                new FakeStore(),
                analytics,
                new RefusingTopics(),
                LiveFeed.create(),
                Map::of)
            .authenticator(header)
            .feature(whoami)
            .start()) {
      java.util.function.BiFunction<String, String, Integer> status =
          (path, user) -> {
            HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + guarded.port() + path));
            if (user != null) {
              b.header("X-Test-User", user);
            }
            try {
              return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      assertThat(status.apply("/api/v1/whoami", null)).isEqualTo(401);
      assertThat(status.apply("/api/v1/whoami", "bo:VIEW")).isEqualTo(403);
      assertThat(status.apply("/api/v1/whoami", "ana:VIEW,REPLY")).isEqualTo(200);
      assertThat(status.apply("/api/v1/mentions", "bo:REPLY")).isEqualTo(403);
      assertThat(status.apply("/health/live", null)).isEqualTo(200);
      assertThat(status.apply("/api/v1/no-such-route", null)).isEqualTo(404);
    }
  }

  @Test
  void everyRouteDeclaresWhoMayUseIt() {
    Set<String> declaredPaths = new HashSet<>();
    server
        .declaredRoutes()
        .keySet()
        .forEach(k -> declaredPaths.add(k.substring(k.indexOf(' ') + 1)));
    assertThat(declaredPaths).containsAll(server.routePaths());
    assertThat(server.declaredRoutes())
        .containsEntry(
            "POST /api/v1/topics", new Routes.Needs(dev.outpost.core.Permission.EDIT_QUERIES))
        .containsEntry("GET /health", new Routes.Public())
        .containsEntry("GET /api/v1/mentions", new Routes.Needs(dev.outpost.core.Permission.VIEW));
  }

  private static Post post(String id, String handle, String text) {
    return new Post(
        "x",
        id,
        new Author("x", handle, handle, 10, false, Optional.empty()),
        text,
        "en",
        T0,
        Optional.of("https://x.com/" + handle),
        Optional.empty(),
        new Metrics(0, 0, 0, 0));
  }

  private static final class FakeStore implements Store {
    @Override
    public List<Mention> save(String source, List<MatchedPost> batch, String checkpoint) {
      return List.of();
    }

    @Override
    public Optional<String> checkpoint(String source) {
      return Optional.empty();
    }

    @Override
    public void saveTopics(List<Topic> topics) {}

    @Override
    public boolean deleteTopic(String id) {
      return false;
    }

    @Override
    public List<Topic> topics() {
      return List.of(
          new Topic("united", "United", TopicKind.BRAND, "@united"),
          new Topic("delta", "<b>Delta</b>", TopicKind.COMPETITOR, "@delta"));
    }

    @Override
    public List<Mention> latestMentions(int limit, Optional<String> topicId) {
      return List.of();
    }

    @Override
    public Map<String, Long> mentionCounts() {
      return Map.of("united", 1L, "delta", 0L);
    }

    @Override
    public long postCount() {
      return 1;
    }

    @Override
    public boolean isHealthy() {
      return true;
    }
  }

  /** Topics whose every query is refused at column 1: the API must pass the error on as 400. */
  private static final class RefusingTopics implements dev.outpost.core.Topics {
    @Override
    public List<Topic> all() {
      return List.of();
    }

    @Override
    public QueryValidation check(String query) {
      return QueryValidation.error(1, "refused by the test");
    }

    @Override
    public QueryValidation save(Topic topic) {
      return check(topic.query());
    }

    @Override
    public boolean delete(String id) {
      return false;
    }

    @Override
    public Preview preview(String query, int limit) {
      return new Preview(check(query), 0, 0, List.of());
    }
  }

  private static final class FakeAnalytics implements Analytics {
    Filter lastFilter;
    Search lastSearch;
    AuthorOrder lastOrder;

    @Override
    public Optional<Span> span() {
      return Optional.of(
          new Span(Instant.parse("2015-02-16T23:36:05Z"), Instant.parse("2015-02-24T11:53:37Z")));
    }

    @Override
    public List<VolumePoint> volume(Filter filter, Interval interval) {
      lastFilter = filter;
      return List.of(new VolumePoint(T0, "united", 1, 0, 0, 0));
    }

    @Override
    public List<TopicShare> shareOfVoice(Filter filter) {
      lastFilter = filter;
      return List.of(
          new TopicShare("united", "United", "BRAND", 3, 0.75),
          new TopicShare("delta", "<b>Delta</b>", "COMPETITOR", 1, 0.25));
    }

    @Override
    public List<AuthorStat> topAuthors(Filter filter, AuthorOrder order, int limit) {
      lastFilter = filter;
      lastOrder = order;
      return List.of(
          new AuthorStat("x", "mallory", "=HYPERLINK(\"http://evil.example\")", 10, 3, 55.5));
    }

    @Override
    public List<TermCount> topHashtags(Filter filter, int limit) {
      return List.of(new TermCount("fail", 2));
    }

    @Override
    public List<TermCount> topTerms(Filter filter, int limit) {
      return new ArrayList<>(List.of(new TermCount("flight", 4)));
    }

    @Override
    public List<Mention> search(Search search) {
      lastSearch = search;
      return List.of(
          new Mention(7, post("1", "mallory", "@united <script>alert(1)</script>"), "united", T0));
    }
  }
}
