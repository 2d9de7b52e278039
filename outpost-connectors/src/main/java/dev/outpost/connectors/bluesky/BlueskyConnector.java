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
    Connection.Builder b =
        Connection.builder(name, NETWORK, health)
            .listener(
                new JetstreamListener(
                    name,
                    jet,
                    s.list("wantedCollections"),
                    s.list("wantedDids"),
                    s.duration("idleTimeout"),
                    ctx,
                    health));
    if (s.string("identifier").isPresent() != s.secret("appPassword").isPresent()) {
      throw new ConfigException(
          s.string("identifier").isPresent() ? "appPassword" : "identifier",
          "identifier and appPassword go together");
    }
    if (s.string("identifier").isPresent()) {
      BlueskyClient client =
          new BlueskyClient(
              new Http(s.url("pdsUrl").orElseThrow(), ctx, health),
              s.string("identifier").orElseThrow(),
              s.secret("appPassword").orElseThrow(),
              ctx.clock());
      b.replier(client::reply).follower(client::follow).publisher(client::publish);
    }
    return b.build();
  }
}
