package dev.outpost.app;

import dev.outpost.app.cli.UserError;
import dev.outpost.app.config.OutpostConfig.SourceEntry;
import dev.outpost.app.replay.ReplayFormat;
import dev.outpost.app.replay.ReplaySource;
import dev.outpost.connectors.ConfigException;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connector;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Connectors;
import dev.outpost.core.Source;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Opens the configured sources: connectors (found by ServiceLoader) and replayed files. */
final class Sources {
  private Sources() {}

  /**
   * Opens every source entry; connectors' connections are added to {@code connections}. Connections
   * that receive webhooks have no listener here: {@link dev.outpost.app.webhooks.Webhooks} makes
   * their sources.
   *
   * @throws UserError for an unknown type or a bad setting, naming the source
   */
  static List<Source> open(List<SourceEntry> entries, Clock clock, List<Connection> connections) {
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
        connections.add(conn);
        // Webhook receivers become sources once the database (their inbox) is open: Webhooks.
        conn.supervisedListener().ifPresent(sources::add);
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
    InputStream in = Sources.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + name);
    }
    return in;
  }
}
