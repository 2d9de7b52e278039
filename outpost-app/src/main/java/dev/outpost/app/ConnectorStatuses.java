package dev.outpost.app;

import dev.outpost.connectors.Connection;
import dev.outpost.connectors.HealthSnapshot;
import dev.outpost.web.ConnectorStatus;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The connections' health in the shape the connectors page and API show. */
final class ConnectorStatuses {
  private ConnectorStatuses() {}

  static List<ConnectorStatus> of(List<Connection> connections) {
    return connections.stream().map(ConnectorStatuses::of).toList();
  }

  static ConnectorStatus of(Connection c) {
    HealthSnapshot h = c.health();
    return new ConnectorStatus(
        c.name(),
        c.type(),
        c.capabilities().stream().map(x -> x.name().toLowerCase(Locale.ROOT)).toList(),
        h.state().name(),
        h.lastSuccess(),
        h.lastPost(),
        h.lag().map(d -> OptionalLong.of(d.toSeconds())).orElse(OptionalLong.empty()),
        h.errors(),
        h.lastError(),
        h.rateLimitRemaining(),
        h.rateLimitReset());
  }
}
