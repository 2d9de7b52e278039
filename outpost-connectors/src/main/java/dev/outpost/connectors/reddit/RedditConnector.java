package dev.outpost.connectors.reddit;

import dev.outpost.connectors.Capability;
import dev.outpost.connectors.ConfigException;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connector;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Field;
import dev.outpost.connectors.Field.Type;
import dev.outpost.connectors.Forms;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Settings;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reddit: OAuth listings of a subreddit's new posts or a search; comment replies and posts. */
public final class RedditConnector implements Connector {
  static final String NETWORK = "reddit";

  @Override
  public String type() {
    return NETWORK;
  }

  @Override
  public String description() {
    return "Reddit: new posts of a subreddit or a search (OAuth); reply with a comment, submit posts";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.LISTEN, Capability.REPLY, Capability.PUBLISH);
  }

  @Override
  public List<Field> fields() {
    return List.of(
        Field.optional("baseUrl", Type.URL, "https://oauth.reddit.com", "the OAuth API"),
        Field.optional("authUrl", Type.URL, "https://www.reddit.com", "where tokens are issued"),
        Field.required("clientId", Type.STRING, "the app's client id"),
        Field.required("clientSecret", Type.STRING, "the app's secret").asSecret(),
        Field.optional("username", Type.STRING, "the acting account (script app), for replies"),
        Field.optional("password", Type.STRING, "that account's password").asSecret(),
        Field.optional(
            "userAgent",
            Type.STRING,
            "java:dev.outpost:0.1 (Outpost)",
            "Reddit asks for a unique one"),
        Field.optional("subreddit", Type.STRING, "the subreddit, without r/"),
        Field.optional("query", Type.STRING, "search terms (within the subreddit when one is set)"),
        Field.optional("limit", Type.INTEGER, "100", "items per page, 1 to 100"),
        Field.optional("pollInterval", Type.DURATION, "60s", "the wait between polls"));
  }

  @Override
  public Connection open(String name, Settings s, ConnectorContext ctx) {
    Optional<String> sub = s.string("subreddit").map(x -> x.replaceFirst("^/?r/", ""));
    Optional<String> q = s.string("query");
    if (sub.isEmpty() && q.isEmpty()) {
      throw new ConfigException("subreddit", "set a subreddit, a query or both");
    }
    long limit = s.integer("limit");
    if (limit < 1 || limit > 100) {
      throw new ConfigException("limit", "must be between 1 and 100, was " + limit);
    }
    if (s.string("username").isPresent() != s.secret("password").isPresent()) {
      throw new ConfigException("password", "username and password go together");
    }
    String path =
        q.isPresent()
            ? sub.map(x -> "/r/" + Forms.enc(x) + "/search?restrict_sr=1&").orElse("/search?")
                + "sort=new&q="
                + Forms.enc(q.get())
                + "&"
            : "/r/" + Forms.enc(sub.get()) + "/new?";
    Health health = new Health(name, ctx.clock());
    RedditClient client =
        new RedditClient(
            new Http(s.url("baseUrl").orElseThrow(), ctx, health),
            new Http(s.url("authUrl").orElseThrow(), ctx, health),
            s.require("clientId"),
            s.secret("clientSecret").orElseThrow(),
            s.string("username"),
            s.secret("password"),
            s.string("userAgent").orElseThrow(),
            ctx.clock());
    Connection.Builder b =
        Connection.builder(name, NETWORK, health)
            .listener(
                new RedditListener(
                    name, client, path, (int) limit, s.duration("pollInterval"), ctx, health));
    if (s.string("username").isPresent()) {
      b.replier(client::reply);
      sub.ifPresent(x -> b.publisher((text, key) -> client.submit(x, text, key)));
    }
    return b.build();
  }
}
