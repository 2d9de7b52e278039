package dev.outpost.app;

import dev.outpost.accounts.Accounts;
import dev.outpost.accounts.Secrets;
import dev.outpost.app.cli.UserError;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.webhooks.Webhooks;
import dev.outpost.care.outbox.Channel;
import dev.outpost.care.outbox.ConnectionChannel;
import dev.outpost.care.outbox.OutboxDispatcher;
import dev.outpost.connectors.Connection;
import dev.outpost.core.MentionListener;
import dev.outpost.core.Source;
import dev.outpost.core.Topic;
import dev.outpost.core.pipeline.Pipeline;
import dev.outpost.enrich.Enricher;
import dev.outpost.listen.QueryCheck;
import dev.outpost.listen.QueryEngine;
import dev.outpost.listen.QueryException;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAnalytics;
import dev.outpost.store.PostgresAuditLog;
import dev.outpost.store.PostgresMentionTags;
import dev.outpost.store.PostgresOutbox;
import dev.outpost.store.PostgresStore;
import dev.outpost.store.PostgresWebhookInbox;
import dev.outpost.store.Rollups;
import dev.outpost.web.LiveFeed;
import dev.outpost.web.WebFeature;
import dev.outpost.web.WebServer;
import dev.outpost.web.accounts.SessionAuthenticator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Outpost: database, topics, matcher, pipeline and web server, started in that order and
 * stopped in reverse. Problems a user can fix stop the start with a {@link UserError}.
 */
public final class Outpost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Outpost.class);

  /** How many of the last posts heard a query being written is tried on. */
  private static final int RECENT_POSTS = 5_000;

  private final Database database;
  private final List<AutoCloseable> started;
  private final PostgresStore store;
  private final Pipeline pipeline;
  private final WebServer web;

  private final Accounts accounts;
  private final Secrets secrets;
  private final Optional<String> firstAdminPassword;

  private Outpost(
      List<AutoCloseable> started,
      PostgresStore store,
      Pipeline pipeline,
      WebServer web,
      Accounts accounts,
      Secrets secrets,
      Optional<String> firstAdminPassword) {
    this.accounts = accounts;
    this.secrets = secrets;
    this.firstAdminPassword = firstAdminPassword;
    this.started = List.copyOf(started);
    this.database = (Database) started.getFirst();
    this.store = store;
    this.pipeline = pipeline;
    this.web = web;
  }

  /** Starts everything the configuration describes. */
  public static Outpost start(OutpostConfig config, Clock clock) {
    checkPortFree(config.server());
    List<Connection> connections = new ArrayList<>();
    // Sources are checked before the database starts, unless a setting names a stored secret.
    boolean needsSecrets =
        config.sources().stream()
            .flatMap(e -> e.settings().values().stream())
            .anyMatch(v -> v instanceof String str && str.startsWith(Secrets.PREFIX));
    List<Source> early =
        needsSecrets ? List.of() : Sources.open(config.sources(), clock, connections);
    List<Topic> topics = config.topics().stream().map(t -> t.toTopic()).toList();
    for (Topic t : topics) {
      QueryCheck check = QueryEngine.check(t.query());
      if (!check.ok()) {
        throw new UserError(
            "topic '"
                + t.id()
                + "': query error at column "
                + check.column()
                + ": "
                + check.message(),
            2);
      }
    }
    if (config.cluster().enabled()
        && !"all".equals(config.cluster().role())
        && config.database().externalUrl().isEmpty()) {
      throw new UserError(
          "cluster.role "
              + config.cluster().role()
              + " needs the PostgreSQL that every Outpost process shares: set database.url"
              + " (the embedded database serves one process only)");
    }
    Database database = openDatabase(config.database());
    List<AutoCloseable> started = new ArrayList<>(List.of(database));
    try {
      PostgresAuditLog audit = new PostgresAuditLog(database.dataSource());
      Accounts accounts =
          new Accounts(database.dataSource(), clock, audit, accountSettings(config));
      Secrets secrets =
          new Secrets(
              database.dataSource(),
              config
                  .security()
                  .keyFile()
                  .orElse(config.database().dataDirectory().resolve("secrets.key")),
              clock,
              audit);
      Optional<String> firstAdminPassword = accounts.createFirstAdmin();
      List<Source> sources =
          needsSecrets
              ? Sources.open(withSecrets(config.sources(), secrets), clock, connections)
              : early;
      PostgresStore store = new PostgresStore(database.dataSource(), clock);
      store.saveTopics(topics);
      QueryEngine engine = new QueryEngine();
      for (Topic topic : store.topics()) {
        try {
          engine.put(topic);
        } catch (QueryException e) {
          // A topic stored earlier whose query no longer compiles stops only itself.
          LOG.warn("topic {} is not matched: {}", topic.id(), e.getMessage());
        }
      }
      LiveFeed feed = LiveFeed.create();
      LiveDetection detection = new LiveDetection(clock);
      Enricher enricher = EnrichModels.enricher(config.enrich(), clock);
      PostgresOutbox outbox = new PostgresOutbox(database.dataSource());
      OutboxDispatcher dispatcher =
          new OutboxDispatcher(
              outbox,
              connections.stream().<Channel>map(ConnectionChannel::new).toList(),
              clock,
              OutboxDispatcher.Settings.defaults());
      started.add(dispatcher);
      Webhooks webhooks =
          Webhooks.of(connections, new PostgresWebhookInbox(database.dataSource()), clock);
      sources.addAll(webhooks.sources());
      started.add(
          new RollupRefresher(new Rollups(database.dataSource(), clock), Duration.ofSeconds(2)));
      List<MentionListener> listeners = new CopyOnWriteArrayList<>();
      Services services =
          new Services(
              config,
              clock,
              database,
              store,
              List.copyOf(connections),
              audit,
              outbox,
              dispatcher,
              feed,
              detection,
              listeners,
              started,
              accounts,
              secrets);
      List<WebFeature> features = Features.wire(services);
      MentionListener toListeners =
          mentions -> {
            feed.stored(mentions);
            detection.stored(mentions);
            listeners.forEach(l -> l.stored(mentions));
          };
      RecentPosts recent = new RecentPosts(RECENT_POSTS);
      // Posts heard are kept for the query preview, in either mode.
      dev.outpost.core.Matcher matcher =
          post -> {
            recent.add(post);
            return engine.match(post);
          };
      Pipeline pipeline =
          new Pipeline(
              matcher,
              Optional.of(enricher::enrich),
              store,
              toListeners,
              clock,
              Pipeline.Settings.DEFAULT);
      started.add(pipeline);
      // Cluster mode: sources go to Kafka and workers take posts from it; the in-process
      // pipeline stays idle.
      Optional<ClusterMode> cluster = Optional.empty();
      if (config.cluster().enabled()) {
        ClusterMode mode =
            ClusterMode.start(
                config.cluster(),
                clock,
                store,
                engine,
                matcher,
                Optional.of(enricher::enrich),
                toListeners,
                sources);
        started.add(mode);
        detection.alsoSendTo(mode.cluster().alertSink());
        cluster = Optional.of(mode);
      }
      LiveTopics.Changes changes =
          cluster.<LiveTopics.Changes>map(c -> c).orElse(LiveTopics.Changes.NONE);
      Optional<ClusterMode> clusterStatus = cluster;
      WebServer.Builder webBuilder =
          WebServer.builder(
              new WebServer.Settings(config.server().host(), config.server().port()),
              store,
              new PostgresAnalytics(database.dataSource()),
              new LiveTopics(store, engine, recent, changes),
              feed,
              () -> {
                Map<String, Object> health =
                    HealthStatus.of(pipeline, detection, connections, dispatcher);
                clusterStatus.ifPresent(c -> health.put("cluster", c.status()));
                return health;
              });
      webBuilder.mentionTags(new PostgresMentionTags(database.dataSource(), clock));
      features.forEach(webBuilder::feature);
      webBuilder.feature(webhooks.feature());
      webBuilder.authenticator(new SessionAuthenticator(accounts));
      WebServer web = webBuilder.start();
      started.add(web);
      started.add(webhooks);
      dispatcher.start();
      PipelineMeters.bind(pipeline, web.meters());
      ConnectorMeters.bind(connections, web.meters());
      if (cluster.isEmpty()) {
        sources.forEach(pipeline::start);
      }
      return new Outpost(started, store, pipeline, web, accounts, secrets, firstAdminPassword);
    } catch (RuntimeException e) {
      closeAll(started);
      if (e instanceof IllegalStateException && e.getMessage().contains("already in use")) {
        throw new UserError(e.getMessage() + "; choose another with --port");
      }
      throw e;
    }
  }

  private static Accounts.Settings accountSettings(OutpostConfig config) {
    var s = config.security();
    return new Accounts.Settings(
        Duration.ofMinutes(s.sessionIdleMinutes()),
        Duration.ofHours(s.sessionMaxHours()),
        s.maxFailedSignIns(),
        s.maxFailedSignInsPerAddress(),
        Duration.ofMinutes(s.lockoutMinutes()));
  }

  /** Source settings with every {@code secret:NAME} value replaced by that stored secret. */
  private static List<OutpostConfig.SourceEntry> withSecrets(
      List<OutpostConfig.SourceEntry> entries, Secrets secrets) {
    List<OutpostConfig.SourceEntry> out = new ArrayList<>();
    for (OutpostConfig.SourceEntry e : entries) {
      java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();
      e.settings()
          .forEach(
              (k, v) -> {
                try {
                  settings.put(k, v instanceof String str ? secrets.resolve(str) : v);
                } catch (IllegalArgumentException missing) {
                  throw new UserError(
                      "source '" + e.name() + "' setting " + k + ": " + missing.getMessage());
                }
              });
      out.add(
          new OutpostConfig.SourceEntry(
              e.type(), e.name(), e.file(), e.format(), e.speed(), e.maxGapSeconds(), settings));
    }
    return out;
  }

  private static Database openDatabase(OutpostConfig.Database db) {
    Optional<String> url = db.externalUrl();
    if (url.isPresent()) {
      return Database.external(url.get(), db.user(), db.password());
    }
    Path dir = db.dataDirectory();
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new UserError(
          "data directory "
              + dir
              + " is not writable ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); choose another with --data-dir");
    }
    return Database.embedded(dir);
  }

  private static void checkPortFree(OutpostConfig.Server server) {
    if (server.port() == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(server.host()), server.port()));
    } catch (IOException e) {
      throw new UserError(
          "port "
              + server.port()
              + " on "
              + server.host()
              + " is already in use or not allowed ("
              + e.getMessage()
              + "); choose another with --port");
    }
  }

  public int port() {
    return web.port();
  }

  /** Users, sessions and API tokens. */
  public Accounts accounts() {
    return accounts;
  }

  public Secrets secrets() {
    return secrets;
  }

  /**
   * The password of the {@code admin} account when this start created it (a new database): to be
   * shown once on the console, never logged.
   */
  public Optional<String> firstAdminPassword() {
    return firstAdminPassword;
  }

  public PostgresStore store() {
    return store;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  /** The paths of every route served, features included (the API documentation must match). */
  List<String> routePaths() {
    return web.routePaths();
  }

  /** Every declared route with the permission it needs, for the access-control test. */
  java.util.Map<String, dev.outpost.web.Routes.Access> declaredRoutes() {
    return web.declaredRoutes();
  }

  /** The database, for fault-injection tests. */
  Database database() {
    return database;
  }

  public String databaseDescription() {
    return database.description();
  }

  @Override
  public void close() {
    closeAll(started);
  }

  private static void closeAll(List<AutoCloseable> started) {
    for (AutoCloseable c : started.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
