package dev.outpost.connectors.rss;

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

/** Any RSS or Atom feed (blogs, forums, Google Alerts), read with conditional GET. */
public final class RssConnector implements Connector {
  static final String NETWORK = "rss";

  @Override
  public String type() {
    return NETWORK;
  }

  @Override
  public String description() {
    return "RSS 0.9x/1.0/2.0 or Atom feed, polled with ETag/Last-Modified";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.LISTEN);
  }

  @Override
  public List<Field> fields() {
    return List.of(
        Field.required("url", Type.URL, "the feed's address"),
        Field.optional("pollInterval", Type.DURATION, "15m", "the wait between polls"),
        Field.optional(
            "remember",
            Type.INTEGER,
            "500",
            "how many entry ids the checkpoint keeps, 10 to 5000"));
  }

  @Override
  public Connection open(String name, Settings s, ConnectorContext ctx) {
    URI url = s.url("url").orElseThrow();
    if (!url.getScheme().startsWith("http")) {
      throw new ConfigException("url", "must be an http(s) URL, was '" + url + "'");
    }
    long remember = s.integer("remember");
    if (remember < 10 || remember > 5000) {
      throw new ConfigException("remember", "must be between 10 and 5000, was " + remember);
    }
    Health health = new Health(name, ctx.clock());
    return Connection.builder(name, NETWORK, health)
        .listener(
            new FeedListener(
                name,
                new Http(url, ctx, health),
                url,
                (int) remember,
                s.duration("pollInterval"),
                ctx,
                health))
        .build();
  }
}
