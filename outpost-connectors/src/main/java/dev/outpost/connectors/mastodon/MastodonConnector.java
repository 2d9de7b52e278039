package dev.outpost.connectors.mastodon;

import dev.outpost.connectors.Capability;
import dev.outpost.connectors.ConfigException;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connector;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Field;
import dev.outpost.connectors.Field.Type;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Settings;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Mastodon: polls a hashtag, the public or local timeline, or a search, forward from the last
 * status id ({@code min_id}); replies, follows, sends direct messages and publishes with an {@code
 * Idempotency-Key}.
 */
public final class MastodonConnector implements Connector {
  static final String NETWORK = "mastodon";

  @Override
  public String type() {
    return NETWORK;
  }

  @Override
  public String description() {
    return "Mastodon instance: hashtag, public/local timeline or search; reply, follow, DM, publish";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(
        Capability.LISTEN,
        Capability.REPLY,
        Capability.FOLLOW,
        Capability.DIRECT_MESSAGE,
        Capability.PUBLISH,
        Capability.ACCOUNT_LOOKUP);
  }

  @Override
  public List<Field> fields() {
    return List.of(
        Field.required("baseUrl", Type.URL, "the instance, for example https://mastodon.social"),
        Field.optional(
                "accessToken", Type.STRING, "an application's access token (read, write, follow)")
            .asSecret(),
        Field.optional("timeline", Type.STRING, "hashtag", "hashtag, public, local or search"),
        Field.optional("hashtag", Type.STRING, "the tag to follow, without # (timeline: hashtag)"),
        Field.optional("query", Type.STRING, "the search terms (timeline: search)"),
        Field.optional("limit", Type.INTEGER, "40", "statuses per page, 1 to 40"),
        Field.optional("pollInterval", Type.DURATION, "30s", "the wait between polls"),
        Field.optional(
            "streaming",
            Type.BOOLEAN,
            "false",
            "use the streaming API (hashtag, public, local) after a REST catch-up"),
        Field.optional(
            "idleTimeout",
            Type.DURATION,
            "60s",
            "streaming: reconnect when no event or heartbeat came for this long"));
  }

  @Override
  public Connection open(String name, Settings s, ConnectorContext ctx) {
    String timeline = s.string("timeline").orElse("hashtag").toLowerCase(Locale.ROOT);
    String path =
        switch (timeline) {
          case "hashtag" -> {
            String tag =
                s.string("hashtag")
                    .map(t -> t.startsWith("#") ? t.substring(1) : t)
                    .orElseThrow(
                        () ->
                            new ConfigException("hashtag", "is required when timeline is hashtag"));
            yield "/api/v1/timelines/tag/" + Urls.encode(tag) + "?";
          }
          case "public" -> "/api/v1/timelines/public?";
          case "local" -> "/api/v1/timelines/public?local=true&";
          case "search" -> {
            String q =
                s.string("query")
                    .orElseThrow(
                        () -> new ConfigException("query", "is required when timeline is search"));
            if (s.secret("accessToken").isEmpty()) {
              throw new ConfigException("accessToken", "is required when timeline is search");
            }
            yield "/api/v2/search?type=statuses&q=" + Urls.encode(q) + "&";
          }
          default ->
              throw new ConfigException(
                  "timeline", "must be hashtag, public, local or search, was '" + timeline + "'");
        };
    long limit = s.integer("limit");
    if (limit < 1 || limit > 40) {
      throw new ConfigException("limit", "must be between 1 and 40, was " + limit);
    }
    URI base = s.url("baseUrl").orElseThrow();
    Health health = new Health(name, ctx.clock());
    MastodonClient client =
        new MastodonClient(new Http(base, ctx, health), base.getHost(), s.secret("accessToken"));
    MastodonListener polling =
        new MastodonListener(
            name,
            client,
            path,
            (int) limit,
            timeline.equals("search"),
            s.duration("pollInterval"),
            ctx,
            health);
    Connection.Builder b = Connection.builder(name, NETWORK, health).lookup(client::lookup);
    if (s.bool("streaming")) {
      String stream =
          switch (timeline) {
            case "hashtag" ->
                "/api/v1/streaming/hashtag?tag="
                    + path.substring(path.lastIndexOf('/') + 1, path.length() - 1);
            case "public" -> "/api/v1/streaming/public";
            case "local" -> "/api/v1/streaming/public/local";
            default -> throw new ConfigException("streaming", "is not available for search");
          };
      String root = base.toString().replaceFirst("/+$", "");
      b.listener(
          new MastodonStreamingListener(
              polling,
              URI.create(root + stream),
              s.secret("accessToken"),
              base.getHost(),
              ctx,
              health,
              s.duration("idleTimeout")));
    } else {
      b.listener(polling);
    }
    if (s.secret("accessToken").isPresent()) {
      b.replier(client::reply)
          .publisher(client::publish)
          .messenger(client::direct)
          .follower(client::follow);
    }
    return b.build();
  }
}
