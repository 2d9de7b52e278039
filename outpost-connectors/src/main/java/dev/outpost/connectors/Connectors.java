package dev.outpost.connectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The connectors found on the class path by {@link ServiceLoader}. */
public final class Connectors {
  private final List<Connector> all;

  private Connectors(List<Connector> all) {
    this.all = List.copyOf(all);
  }

  /** Loads every connector listed in {@code META-INF/services}. */
  public static Connectors load() {
    List<Connector> found = new ArrayList<>();
    ServiceLoader.load(Connector.class, Connectors.class.getClassLoader()).forEach(found::add);
    found.sort(Comparator.comparing(Connector::type));
    return new Connectors(found);
  }

  public List<Connector> all() {
    return all;
  }

  public List<String> types() {
    return all.stream().map(Connector::type).toList();
  }

  public Optional<Connector> find(String type) {
    String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
    return all.stream().filter(c -> c.type().equals(t)).findFirst();
  }

  /**
   * Opens a connection of {@code type} named {@code name}.
   *
   * @throws ConfigException (field {@code type}) when no connector has that type, or naming the
   *     setting at fault
   */
  public Connection open(String type, String name, Map<String, ?> raw, ConnectorContext ctx) {
    Connector c =
        find(type)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "type", "unknown type '" + type + "' (known: " + types() + ")"));
    return c.open(name, raw, ctx);
  }
}
