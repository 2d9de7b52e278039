package dev.outpost.connectors.x;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** X API v2: recent search forward from {@code since_id}; reply, follow and post as a user. */
public final class XConnector implements Connector {
  static final String NETWORK = "x";

  @Override
  public String type() {
    return NETWORK;
  }

  @Override
  public String description() {
    return "X API v2: recent search polled with since_id; reply, follow, post with a user token";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.LISTEN, Capability.REPLY, Capability.FOLLOW, Capability.PUBLISH);
  }

  @Override
  public List<Field> fields() {
    return List.of(
        Field.optional("baseUrl", Type.URL, "https://api.x.com", "the API"),
        Field.required("bearerToken", Type.STRING, "an app-only bearer token, for reading")
            .asSecret(),
        Field.required("query", Type.STRING, "a search query, for example 'acme -is:retweet'"),
        Field.optional("maxResults", Type.INTEGER, "100", "tweets per page, 10 to 100"),
        Field.optional("pollInterval", Type.DURATION, "60s", "the wait between polls"),
        Field.optional(
                "userAccessToken",
                Type.STRING,
                "an OAuth 2.0 user token (tweet.write, follows.write)")
            .asSecret());
  }

  @Override
  public Connection open(String name, Settings s, ConnectorContext ctx) {
    long max = s.integer("maxResults");
    if (max < 10 || max > 100) {
      throw new ConfigException("maxResults", "must be between 10 and 100, was " + max);
    }
    Health health = new Health(name, ctx.clock());
    XClient client =
        new XClient(
            new Http(s.url("baseUrl").orElseThrow(), ctx, health),
            s.secret("bearerToken").orElseThrow(),
            s.secret("userAccessToken"));
    Connection.Builder b =
        Connection.builder(name, NETWORK, health)
            .listener(
                new XListener(
                    name,
                    client,
                    s.require("query"),
                    (int) max,
                    s.duration("pollInterval"),
                    ctx,
                    health));
    if (s.secret("userAccessToken").isPresent()) {
      b.replier(client::reply).publisher(client::publish).follower(client::follow);
    }
    return b.build();
  }
}
