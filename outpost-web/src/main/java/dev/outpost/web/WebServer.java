package dev.outpost.web;

import dev.outpost.core.Analytics;
import dev.outpost.core.Permission;
import dev.outpost.core.Store;
import dev.outpost.core.Topic;
import dev.outpost.core.Topics;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Outpost's HTTP surface: the start page at {@code /}, the REST API under {@code /api/v1}, live
 * updates as server-sent events, {@code /health} and Prometheus {@code /metrics}.
 */
public final class WebServer implements AutoCloseable {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self'";

  private final Javalin app;
  private final Store store;
  private final LiveFeed feed;
  private final Supplier<Map<String, Object>> pipelineStatus;
  private final PrometheusMeterRegistry registry;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private static final java.util.Set<io.javalin.http.HandlerType> ROUTE_METHODS =
      java.util.EnumSet.of(
          io.javalin.http.HandlerType.GET,
          io.javalin.http.HandlerType.POST,
          io.javalin.http.HandlerType.PUT,
          io.javalin.http.HandlerType.PATCH,
          io.javalin.http.HandlerType.DELETE);
  private final List<String> routePaths = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AnalyticsApi api;
  private final Pages pages;
  private final TopicsApi topicsApi;
  private final Routes routes;

  /**
   * @param host the address to listen on, for example {@code 127.0.0.1} or {@code 0.0.0.0}
   * @param port the port; 0 picks a free one
   */
  public record Settings(String host, int port) {
    public Settings {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
    }
  }

  private WebServer(
      Store store,
      Analytics analytics,
      Topics topics,
      LiveFeed feed,
      Supplier<Map<String, Object>> pipelineStatus,
      PrometheusMeterRegistry registry,
      List<WebFeature> features,
      Authenticator authenticator,
      java.util.Optional<dev.outpost.core.MentionTags> tags) {
    this.topicsApi = new TopicsApi(topics);
    this.store = store;
    this.feed = feed;
    this.pipelineStatus = pipelineStatus;
    this.registry = registry;
    this.api = new AnalyticsApi(store, analytics);
    this.pages = new Pages(store, analytics, api, templates, tags);
    new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(registry);
    Json json = new Json();
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(json.javalin());
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/static";
                    files.directory = "/static";
                    files.location = Location.CLASSPATH;
                  });
              config.http.defaultContentType = "application/json";
              config.events.handlerAdded(
                  meta -> {
                    if (ROUTE_METHODS.contains(meta.getHttpMethod())
                        && !routePaths.contains(meta.getPath())) {
                      routePaths.add(meta.getPath());
                    }
                  });
            });
    this.routes = new Routes(app, templates);
    routes(
        tags.map(t -> append(features, new TagsApi(t)::register)).orElse(features), authenticator);
  }

  private static List<WebFeature> append(List<WebFeature> features, WebFeature more) {
    List<WebFeature> all = new java.util.ArrayList<>(features);
    all.add(more);
    return all;
  }

  /**
   * Starts serving the built-in pages and API only.
   *
   * @see #builder
   */
  public static WebServer start(
      Settings settings,
      Store store,
      Analytics analytics,
      Topics topics,
      LiveFeed feed,
      Supplier<Map<String, Object>> pipelineStatus) {
    return builder(settings, store, analytics, topics, feed, pipelineStatus).start();
  }

  /**
   * A server with the built-in pages and API, to which features add their own.
   *
   * @param analytics the dashboards' aggregates and the archive search
   * @param topics the saved queries, changed through the API while matching runs
   * @param pipelineStatus what {@code /health} reports of the pipeline (counters, last error)
   */
  public static Builder builder(
      Settings settings,
      Store store,
      Analytics analytics,
      Topics topics,
      LiveFeed feed,
      Supplier<Map<String, Object>> pipelineStatus) {
    return new Builder(settings, store, analytics, topics, feed, pipelineStatus);
  }

  /** Collects the features to serve, then starts. */
  public static final class Builder {
    private final Settings settings;
    private final Store store;
    private final Analytics analytics;
    private final Topics topics;
    private final LiveFeed feed;
    private final Supplier<Map<String, Object>> pipelineStatus;
    private final List<WebFeature> features = new java.util.ArrayList<>();
    private Authenticator authenticator = Authenticator.LOCAL_ONLY;
    private java.util.Optional<dev.outpost.core.MentionTags> tags = java.util.Optional.empty();

    private Builder(
        Settings settings,
        Store store,
        Analytics analytics,
        Topics topics,
        LiveFeed feed,
        Supplier<Map<String, Object>> pipelineStatus) {
      this.settings = settings;
      this.store = store;
      this.analytics = analytics;
      this.topics = topics;
      this.feed = feed;
      this.pipelineStatus = pipelineStatus;
    }

    /** Who requests come from; {@link Authenticator#LOCAL_ONLY} unless set. */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = java.util.Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /** Lets people tag mentions, one by one or in bulk from the stream. */
    public Builder mentionTags(dev.outpost.core.MentionTags tags) {
      this.tags = java.util.Optional.of(tags);
      return this;
    }

    /** Adds a feature's routes. */
    public Builder feature(WebFeature feature) {
      features.add(feature);
      return this;
    }

    /**
     * Starts serving.
     *
     * @throws IllegalStateException when the port is taken, with a message saying so
     */
    public WebServer start() {
      WebServer server =
          new WebServer(
              store,
              analytics,
              topics,
              feed,
              pipelineStatus,
              new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
              List.copyOf(features),
              authenticator,
              tags);
      try {
        server.app.start(settings.host(), settings.port());
      } catch (JavalinBindException e) {
        throw new IllegalStateException(
            "port " + settings.port() + " on " + settings.host() + " is already in use", e);
      }
      return server;
    }
  }

  public int port() {
    return app.port();
  }

  /** Where the application registers its own meters; scraped at {@code /metrics}. */
  public io.micrometer.core.instrument.MeterRegistry meters() {
    return registry;
  }

  private void routes(List<WebFeature> features, Authenticator authenticator) {
    app.before(AccessControl::securityHeaders);
    app.beforeMatched(ctx -> AccessControl.check(ctx, authenticator));
    topicsApi.register(routes);
    routes.get("/", Permission.VIEW, pages::stream);
    routes.get("/dashboard", Permission.VIEW, pages::dashboard);
    routes.get("/topics", Permission.VIEW, pages::topics);
    routes.publicGet("/api/docs", WebServer::openApi);
    api.register(routes);
    routes.get("/api/v1/mentions", Permission.VIEW, this::mentions);
    routes.get("/api/v1/topics", Permission.VIEW, this::topics);
    routes.sse("/api/v1/mentions/stream", Permission.VIEW, feed::add);
    routes.publicGet("/health", this::health);
    routes.publicGet("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
    routes.publicGet(
        "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(registry.scrape()));
    features.forEach(f -> f.register(routes));
    app.exception(
        IllegalArgumentException.class,
        (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
  }

  /** The header a browser session's state-changing requests carry the CSRF token in. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  /** The form field a browser session's forms carry the CSRF token in. */
  public static final String CSRF_FIELD = "_csrf";

  /** Every declared route with the access it needs. */
  public Map<String, Routes.Access> declaredRoutes() {
    return routes.declared();
  }

  /** The paths of the routes registered (any method), in order; the OpenAPI must cover the API. */
  public List<String> routePaths() {
    return List.copyOf(routePaths);
  }

  private static void openApi(Context ctx) throws java.io.IOException {
    try (var in = WebServer.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the classpath");
      }
      ctx.contentType("application/yaml; charset=utf-8")
          .result(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  static IndexPage.TopicCount topicCount(Topic t, Map<String, Long> counts) {
    return new IndexPage.TopicCount(
        t.id(),
        t.name(),
        t.kind().name().toLowerCase(java.util.Locale.ROOT),
        counts.getOrDefault(t.id(), 0L));
  }

  private void mentions(Context ctx) {
    int limit = intParam(ctx, "limit", 50, 1, 1_000);
    Optional<String> topic = Optional.ofNullable(ctx.queryParam("topic")).filter(s -> !s.isBlank());
    topic.ifPresent(t -> new Params(ctx).topics(store.topics()));
    boolean hide = PersonalData.hidden(ctx);
    ctx.json(
        store.latestMentions(limit, topic).stream().map(m -> PersonalData.view(m, hide)).toList());
  }

  private void topics(Context ctx) {
    Map<String, Long> counts = store.mentionCounts();
    ctx.json(store.topics().stream().map(t -> topicCount(t, counts)).toList());
  }

  private void health(Context ctx) {
    boolean db = store.isHealthy();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", db ? "UP" : "DEGRADED");
    body.put("database", db ? "UP" : "DOWN");
    body.put("pipeline", pipelineStatus.get());
    body.put("liveClients", feed.clientCount());
    ctx.status(db ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + " must be between " + min + " and " + max + ", was " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + raw + "'", e);
    }
  }

  /** Only http(s) links are shown as links; anything else (javascript:, data:) is dropped. */
  static boolean isWebLink(String url) {
    return url.startsWith("https://") || url.startsWith("http://");
  }

  @Override
  public void close() {
    app.stop();
    registry.close();
  }
}
