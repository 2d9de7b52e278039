package dev.outpost.app;

import dev.outpost.app.cli.UserError;
import dev.outpost.app.config.OutpostConfig;
import dev.outpost.app.config.OutpostConfig.SourceEntry;
import dev.outpost.app.replay.ReplayFormat;
import dev.outpost.app.replay.ReplaySource;
import dev.outpost.core.Source;
import dev.outpost.core.Topic;
import dev.outpost.core.pipeline.Pipeline;
import dev.outpost.listen.QueryEngine;
import dev.outpost.store.Database;
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
    List<Source> sources = sources(config.sources());
    List<Topic> topics = config.topics().stream().map(t -> t.toTopic()).toList();
    Database database = openDatabase(config.database());
    List<AutoCloseable> started = new ArrayList<>(List.of(database));
    try {
      PostgresStore store = new PostgresStore(database.dataSource(), clock);
      store.saveTopics(topics);
      QueryEngine engine = new QueryEngine();
      store.topics().forEach(engine::put);
      LiveFeed feed = LiveFeed.create();
      Pipeline pipeline = new Pipeline(engine, store, feed, clock, Pipeline.Settings.DEFAULT);
      started.add(pipeline);
      WebServer web =
          WebServer.start(
              new WebServer.Settings(config.server().host(), config.server().port()),
              store,
              feed,
              () -> status(pipeline));
      started.add(web);
      PipelineMeters.bind(pipeline, web.meters());
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

  private static List<Source> sources(List<SourceEntry> entries) {
    List<Source> sources = new ArrayList<>();
    for (SourceEntry e : entries) {
      if (!"replay".equals(e.type())) {
        throw new UserError(
            "source '" + e.name() + "': unknown type '" + e.type() + "' (supported: replay)");
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

  private static Map<String, Object> status(Pipeline pipeline) {
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
