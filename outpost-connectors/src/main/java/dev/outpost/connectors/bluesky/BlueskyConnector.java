package dev.outpost.connectors.bluesky;

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
import java.util.Optional;
import java.util.Set;

/**
 * Bluesky: listens to Jetstream (WebSocket, {@code wantedCollections}, resume by {@code cursor} =
 * {@code time_us}); replies with root and parent references, follows and publishes through the
 * PDS's {@code com.atproto.repo.createRecord}.
 */
public final class BlueskyConnector implements Connector {
  static final String NETWORK = "bluesky";

  @Override
  public String type() {
    return NETWORK;
  }

  @Override
  public String description() {
    return "Bluesky: Jetstream firehose of posts; reply, follow, publish with an app password";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.LISTEN, Capability.REPLY, Capability.FOLLOW, Capability.PUBLISH);
  }

  @Override
  public List<Field> fields() {
    return List.of(
        Field.optional(
            "jetstreamUrl",
            Type.URL,
            "wss://jetstream2.us-east.bsky.network",
            "the Jetstream instance"),
        Field.optional(
            "wantedCollections", Type.LIST, "app.bsky.feed.post", "collections to receive"),
        Field.optional("wantedDids", Type.LIST, "only these accounts (DIDs); empty: everyone"),
        Field.optional("idleTimeout", Type.DURATION, "60s", "reconnect after this long in silence"),
        Field.optional("mode", Type.STRING, "jetstream", "jetstream (firehose) or search"),
        Field.optional("query", Type.STRING, "search terms (mode: search; needs an account)"),
        Field.optional("limit", Type.INTEGER, "100", "search results per page, 1 to 100"),
        Field.optional("pollInterval", Type.DURATION, "60s", "the wait between searches"),
        Field.optional("pdsUrl", Type.URL, "https://bsky.social", "the account's PDS, for acting"),
        Field.optional("identifier", Type.STRING, "the acting account's handle or DID"),
        Field.optional("appPassword", Type.STRING, "an app password of that account").asSecret());
  }

  @Override
  public Connection open(String name, Settings s, ConnectorContext ctx) {
    URI jet = s.url("jetstreamUrl").orElseThrow();
    if (!jet.getScheme().startsWith("ws")) {
      throw new ConfigException("jetstreamUrl", "must be a ws:// or wss:// URL, was '" + jet + "'");
    }
    Health health = new Health(name, ctx.clock());
    if (s.string("identifier").isPresent() != s.secret("appPassword").isPresent()) {
      throw new ConfigException(
          s.string("identifier").isPresent() ? "appPassword" : "identifier",
          "identifier and appPassword go together");
    }
    Optional<BlueskyClient> client =
        s.string("identifier")
            .map(
                id ->
                    new BlueskyClient(
                        new Http(s.url("pdsUrl").orElseThrow(), ctx, health),
                        id,
                        s.secret("appPassword").orElseThrow(),
                        ctx.clock()));
    String mode = s.string("mode").orElseThrow();
    Connection.Builder b = Connection.builder(name, NETWORK, health);
    switch (mode) {
      case "jetstream" ->
          b.listener(
              new JetstreamListener(
                  name,
                  jet,
                  s.list("wantedCollections"),
                  s.list("wantedDids"),
                  s.duration("idleTimeout"),
                  ctx,
                  health));
      case "search" -> {
        String q =
            s.string("query")
                .orElseThrow(() -> new ConfigException("query", "is required when mode is search"));
        long limit = s.integer("limit");
        if (limit < 1 || limit > 100) {
          throw new ConfigException("limit", "must be between 1 and 100, was " + limit);
        }
        BlueskyClient c =
            client.orElseThrow(
                () ->
                    new ConfigException(
                        "identifier", "search needs an account (identifier and appPassword)"));
        b.listener(
            new SearchListener(name, c, q, (int) limit, s.duration("pollInterval"), ctx, health));
      }
      default ->
          throw new ConfigException("mode", "must be jetstream or search, was '" + mode + "'");
    }
    client.ifPresent(c -> b.replier(c::reply).follower(c::follow).publisher(c::publish));
    return b.build();
  }
}
