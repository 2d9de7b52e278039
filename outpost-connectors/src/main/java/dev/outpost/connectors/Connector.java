package dev.outpost.connectors;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network connector, found by {@link java.util.ServiceLoader} (listed in {@code
 * META-INF/services/dev.outpost.connectors.Connector}). It declares its type name, its capabilities
 * and its typed settings, and opens {@link Connection}s from validated settings.
 */
public interface Connector {
  /** The {@code type} used in configuration, for example {@code mastodon}. */
  String type();

  /** One line saying what the connector reads and does. */
  String description();

  /** What connections of this connector can do. */
  Set<Capability> capabilities();

  /** The settings it accepts, with defaults, validation and secrets marked. */
  List<Field> fields();

  /**
   * Opens a connection named {@code name} (the checkpoint is stored under that name).
   *
   * @throws ConfigException when a setting is invalid
   */
  Connection open(String name, Settings settings, ConnectorContext context);

  /** Validates raw settings (as read from YAML) and opens a connection. */
  default Connection open(String name, Map<String, ?> raw, ConnectorContext context) {
    return open(name, Settings.parse(fields(), raw), context);
  }
}
