package dev.outpost.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.outpost.core.Topic;
import dev.outpost.core.TopicKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Outpost's configuration, as read from {@code outpost.yaml} (see {@code docs/configuration.md}).
 *
 * @param server where the web server listens
 * @param database an external PostgreSQL by URL, or the embedded one under a data directory
 * @param topics the saved queries to listen for
 * @param sources where posts come from
 * @param security sign-in, sessions, tokens and secrets
 * @param care the care inbox
 * @param broadcast broadcasts and the status page
 * @param alerts alert rules and channels
 * @param impersonation impersonation review
 * @param enrich enrichment models
 * @param cluster cluster mode on Kafka, or single node
 */
public record OutpostConfig(
    Server server,
    Database database,
    List<TopicEntry> topics,
    List<SourceEntry> sources,
    SecurityConfig security,
    CareConfig care,
    BroadcastConfig broadcast,
    AlertsConfig alerts,
    ImpersonationConfig impersonation,
    EnrichConfig enrich,
    ClusterConfig cluster) {

  public OutpostConfig {
    server = server == null ? new Server(null, null) : server;
    database = database == null ? new Database(null, null, null, null) : database;
    topics = topics == null ? List.of() : List.copyOf(topics);
    sources = sources == null ? List.of() : List.copyOf(sources);
    security = security == null ? SecurityConfig.defaults() : security;
    care = care == null ? CareConfig.defaults() : care;
    broadcast = broadcast == null ? BroadcastConfig.defaults() : broadcast;
    alerts = alerts == null ? AlertsConfig.defaults() : alerts;
    impersonation = impersonation == null ? ImpersonationConfig.defaults() : impersonation;
    enrich = enrich == null ? EnrichConfig.defaults() : enrich;
    cluster = cluster == null ? ClusterConfig.defaults() : cluster;
  }

  /** The listening part alone; every other section takes its defaults. */
  public OutpostConfig(
      Server server, Database database, List<TopicEntry> topics, List<SourceEntry> sources) {
    this(server, database, topics, sources, null, null, null, null, null, null, null);
  }

  /** The web server's address; defaults to 127.0.0.1:8080. */
  public record Server(String host, Integer port) {
    public Server {
      host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
      port = port == null ? 8080 : port;
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("server.port must be between 0 and 65535, was " + port);
      }
    }
  }

  /**
   * The database: with {@code url} an external PostgreSQL, otherwise the embedded one whose files
   * live under {@code dataDir} (default {@code ~/.outpost}).
   */
  public record Database(String url, String user, String password, String dataDir) {
    public Optional<String> externalUrl() {
      return Optional.ofNullable(url).filter(u -> !u.isBlank());
    }

    public Path dataDirectory() {
      return dataDir == null || dataDir.isBlank()
          ? Path.of(System.getProperty("user.home"), ".outpost")
          : Path.of(dataDir.replaceFirst("^~(?=/|$)", System.getProperty("user.home")));
    }

    @Override
    public String toString() {
      return "Database[url=" + url + ", user=" + user + ", password=***, dataDir=" + dataDir + "]";
    }
  }

  /** A topic as written in the file; {@code kind} is brand, product, competitor or campaign. */
  public record TopicEntry(String id, String name, String kind, String query) {
    public Topic toTopic() {
      if (kind == null || kind.isBlank()) {
        throw new IllegalArgumentException(
            "topic '" + id + "': kind is missing (brand, product, competitor or campaign)");
      }
      TopicKind k;
      try {
        k = TopicKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "topic '"
                + id
                + "': kind must be brand, product, competitor or campaign, was '"
                + kind
                + "'",
            e);
      }
      return new Topic(id, name == null ? id : name, k, query);
    }
  }

  /**
   * A source of posts. {@code type: replay} replays a CSV file ({@code format: airline} for the
   * Twitter US Airline Sentiment file, {@code outpost} for Outpost's own columns) at {@code speed}
   * times real time (0: as fast as possible). Any other type names a network connector (see {@code
   * docs/connectors.md}) configured by {@code settings}.
   */
  public record SourceEntry(
      String type,
      String name,
      String file,
      String format,
      Double speed,
      @JsonProperty("maxGapSeconds") Double maxGapSeconds,
      Map<String, Object> settings) {
    public SourceEntry {
      settings =
          settings == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    /** A replay source. */
    public SourceEntry(
        String type, String name, String file, String format, Double speed, Double maxGapSeconds) {
      this(type, name, file, format, speed, maxGapSeconds, Map.of());
    }

    @Override
    public String toString() {
      return "SourceEntry[type="
          + type
          + ", name="
          + name
          + ", file="
          + file
          + ", settings=<"
          + settings.size()
          + " values>]";
    }
  }
}
