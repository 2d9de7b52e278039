package dev.outpost.app;

import dev.outpost.app.cli.UserError;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.config.OutpostConfig.SourceEntry;
import dev.outpost.app.replay.ReplayFormat;
import dev.outpost.app.replay.ReplaySource;
import dev.outpost.connectors.ConfigException;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connector;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Connectors;
import dev.outpost.connectors.HealthSnapshot;
import dev.outpost.core.Source;
import dev.outpost.core.Topic;
import dev.outpost.core.pipeline.Pipeline;
import dev.outpost.enrich.Enricher;
import dev.outpost.listen.QueryCheck;
import dev.outpost.listen.QueryEngine;
import dev.outpost.listen.QueryException;
import dev.outpost.store.Database;
import dev.outpost.store.PostgresAnalytics;
import dev.outpost.store.PostgresStore;
import dev.outpost.web.LiveFeed;
import dev.outpost.web.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Outpost: database, topics, matcher, pipeline and web server, started in that order and
 * stopped in reverse. Problems a user can fix stop the start with a {@link UserError}.
 */
public final class Outpost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Outpost.class);

  private final Database database;
  private final PostgresStore store;
  private final Pipeline pipeline;
  private final WebServer web;

  private Outpost(Database database, PostgresStore store, Pipeline pipeline, WebServer web) {
    this.database = database;
    this.store = store;
    this.pipeline = pipeline;
    this.web = web;
  }

  /** Starts everything the configuration describes. */
  public static Outpost start(OutpostConfig config, Clock clock) {
    checkPortFree(config.server());
    List<Connection> connections = new ArrayList<>();
    List<Source> sources = sources(config.sources(), clock, connections);
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
    Database database = openDatabase(config.database());
    List<AutoCloseable> started = new ArrayList<>(List.of(database));
    try {
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
      Enricher enricher = Enricher.loadDefault(clock);
      Pipeline pipeline =
          new Pipeline(
              engine,
              Optional.of(enricher::enrich),
              store,
              mentions -> {
                feed.stored(mentions);
                detection.stored(mentions);
              },
              clock,
              Pipeline.Settings.DEFAULT);
      started.add(pipeline);
      WebServer web =
          WebServer.start(
              new WebServer.Settings(config.server().host(), config.server().port()),
              store,
              new PostgresAnalytics(database.dataSource()),
              new LiveTopics(store, engine),
              feed,
              () -> status(pipeline, detection, connections));
      started.add(web);
      PipelineMeters.bind(pipeline, web.meters());
      ConnectorMeters.bind(connections, web.meters());
      sources.forEach(pipeline::start);
      return new Outpost(database, store, pipeline, web);
    } catch (RuntimeException e) {
      closeAll(started);
      if (e instanceof IllegalStateException && e.getMessage().contains("already in use")) {
        throw new UserError(e.getMessage() + "; choose another with --port");
      }
      throw e;
    }
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

  private static List<Source> sources(
      List<SourceEntry> entries, Clock clock, List<Connection> connections) {
    List<Source> sources = new ArrayList<>();
    Connectors connectors = Connectors.load();
    for (SourceEntry e : entries) {
      if (e.name() == null || e.name().isBlank()) {
        throw new UserError("a source of type '" + e.type() + "' needs a name");
      }
      if (!"replay".equals(e.type())) {
        Connector c =
            connectors
                .find(e.type())
                .orElseThrow(
                    () ->
                        new UserError(
                            "source '"
                                + e.name()
                                + "': unknown type '"
                                + e.type()
                                + "' (supported: replay, "
                                + String.join(", ", connectors.types())
                                + ")"));
        Connection conn;
        try {
          conn = c.open(e.name(), e.settings(), ConnectorContext.defaults(clock));
        } catch (ConfigException ex) {
          throw new UserError("source '" + e.name() + "': " + ex.getMessage());
        }
        Source listener =
            conn.supervisedListener()
                .orElseThrow(
                    () ->
                        new UserError(
                            "source '"
                                + e.name()
                                + "': type '"
                                + e.type()
                                + "' receives webhooks and cannot be polled as a source"));
        connections.add(conn);
        sources.add(listener);
        continue;
      }
      if (e.name() == null || e.name().isBlank() || e.file() == null || e.file().isBlank()) {
        throw new UserError("a replay source needs a name and a file");
      }
      ReplayFormat format;
      try {
        format = ReplayFormat.parse(e.format() == null ? "outpost" : e.format());
      } catch (IllegalArgumentException ex) {
        throw new UserError("source '" + e.name() + "': " + ex.getMessage());
      }
      double speed = e.speed() == null ? 1 : e.speed();
      Duration maxGap =
          Duration.ofMillis((long) (1000 * (e.maxGapSeconds() == null ? 60 : e.maxGapSeconds())));
      if (e.file().startsWith("classpath:")) {
        String resource = e.file().substring("classpath:".length());
        sources.add(new ReplaySource(e.name(), () -> resource(resource), format, speed, maxGap));
      } else {
        try {
          sources.add(ReplaySource.ofFile(e.name(), Path.of(e.file()), format, speed, maxGap));
        } catch (IllegalArgumentException ex) {
          throw new UserError("source '" + e.name() + "': " + ex.getMessage());
        }
      }
    }
    return sources;
  }

  private static InputStream resource(String name) {
    InputStream in = Outpost.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + name);
    }
    return in;
  }

  private static Map<String, Object> status(
      Pipeline pipeline, LiveDetection detection, List<Connection> connections) {
    var s = pipeline.stats();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("received", s.received());
    m.put("matched", s.matched());
    m.put("newMentions", s.newMentions());
    m.put("queued", s.queued());
    m.put("queueCapacity", s.queueCapacity());
    m.put("lagMillis", s.lagMillis());
    m.put("storeFailures", s.storeFailures());
    s.lastError().ifPresent(err -> m.put("lastError", err));
    m.put("detection", detection.status());
    if (!connections.isEmpty()) {
      List<Map<String, Object>> health = new ArrayList<>();
      for (Connection c : connections) {
        HealthSnapshot h = c.health();
        Map<String, Object> hm = new LinkedHashMap<>();
        hm.put("name", h.name());
        hm.put("type", c.type());
        hm.put("state", h.state().name());
        h.lastSuccess().ifPresent(t -> hm.put("lastSuccess", t.toString()));
        h.lag().ifPresent(d -> hm.put("lagSeconds", d.toSeconds()));
        hm.put("errors", h.errors());
        h.lastError().ifPresent(x -> hm.put("lastError", x));
        h.rateLimitRemaining().ifPresent(r -> hm.put("rateLimitRemaining", r));
        h.rateLimitReset().ifPresent(t -> hm.put("rateLimitReset", t.toString()));
        health.add(hm);
      }
      m.put("connectors", health);
    }
    m.put("deadLettered", s.rejected());
    s.lastRejection().ifPresent(r -> m.put("lastDeadLetter", r));
    return m;
  }

  public int port() {
    return web.port();
  }

  public PostgresStore store() {
    return store;
  }

  public Pipeline pipeline() {
    return pipeline;
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
    closeAll(List.of(database, pipeline, web));
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
