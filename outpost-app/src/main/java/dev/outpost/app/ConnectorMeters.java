package dev.outpost.app;

import dev.outpost.connectors.Connection;
import dev.outpost.connectors.HealthSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Each connector source's health as Prometheus meters, tagged with the source and its type: {@code
 * outpost_connector_up} (1 OK, 0.5 degraded, 0 stopped), {@code outpost_connector_errors_total},
 * {@code outpost_connector_lag_seconds} and {@code outpost_connector_ratelimit_remaining} (-1 when
 * the network does not say).
 */
final class ConnectorMeters {
  private ConnectorMeters() {}

  static void bind(List<Connection> connections, MeterRegistry registry) {
    for (Connection c : connections) {
      String[] tags = {"source", c.name(), "type", c.type()};
      Gauge.builder("outpost.connector.up", c, x -> up(x.health()))
          .description("1 when the source is healthy, 0.5 when retrying, 0 when stopped")
          .tags(tags)
          .register(registry);
      FunctionCounter.builder("outpost.connector.errors", c, x -> x.health().errors())
          .description("errors met by the source")
          .tags(tags)
          .register(registry);
      Gauge.builder(
              "outpost.connector.lag",
              c,
              x -> x.health().lag().map(d -> d.toMillis() / 1000.0).orElse(0.0))
          .description("age of the newest post when it was read")
          .baseUnit("seconds")
          .tags(tags)
          .register(registry);
      Gauge.builder(
              "outpost.connector.ratelimit.remaining",
              c,
              x -> x.health().rateLimitRemaining().orElse(-1))
          .description("calls left in the network's rate-limit window")
          .tags(tags)
          .register(registry);
    }
  }

  private static double up(HealthSnapshot h) {
    return switch (h.state()) {
      case OK -> 1;
      case DEGRADED -> 0.5;
      case STOPPED -> 0;
    };
  }
}
