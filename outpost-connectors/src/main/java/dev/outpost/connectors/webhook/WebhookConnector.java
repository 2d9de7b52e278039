package dev.outpost.connectors.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.ActionResult;
import dev.outpost.connectors.Call;
import dev.outpost.connectors.Capability;
import dev.outpost.connectors.ConfigException;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connector;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.Field;
import dev.outpost.connectors.Field.Type;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.Secret;
import dev.outpost.connectors.Settings;
import dev.outpost.connectors.Signatures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A generic signed webhook. In: JSON posts from any system (forums, app reviews, e-mail gateways)
 * signed with HMAC-SHA256 over {@code timestamp + "." + body}. Out: replies and posts sent as
 * signed JSON to a target URL with an {@code Idempotency-Key} header, so the receiver can drop
 * repeats.
 */
public final class WebhookConnector implements Connector {
  static final String TIMESTAMP = "X-Outpost-Timestamp";
  static final String SIGNATURE = "X-Outpost-Signature";
  private static final Pattern NETWORK = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public String description() {
    return "Generic webhook: signed JSON posts in, signed replies and posts out";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.WEBHOOK, Capability.REPLY, Capability.PUBLISH);
  }

  @Override
  public List<Field> fields() {
    return List.of(
        Field.required("secret", Type.STRING, "the shared HMAC-SHA256 key").asSecret(),
        Field.optional("network", Type.STRING, "webhook", "the network id stamped on posts"),
        Field.optional("tolerance", Type.DURATION, "5m", "how old a signed timestamp may be"),
        Field.optional("targetUrl", Type.URL, "where replies and posts are sent"));
  }

  @Override
  public Connection open(String name, Settings s, ConnectorContext ctx) {
    String network = s.string("network").orElseThrow();
    if (!NETWORK.matcher(network).matches()) {
      throw new ConfigException(
          "network", "must be a lower-case id like 'forum', was '" + network + "'");
    }
    Secret secret = s.secret("secret").orElseThrow();
    Health health = new Health(name, ctx.clock());
    Connection.Builder b =
        Connection.builder(name, "webhook", health)
            .webhook(new SignedJson(network, secret, s.duration("tolerance"), ctx.clock(), health));
    Optional<URI> target = s.url("targetUrl");
    if (target.isPresent()) {
      Http http = new Http(target.get(), ctx, health);
      b.replier(
          (id, text, key) -> send(http, secret, ctx.clock(), "reply", Optional.of(id), text, key));
      b.publisher(
          (text, key) -> send(http, secret, ctx.clock(), "publish", Optional.empty(), text, key));
    }
    return b.build();
  }

  private static ActionResult send(
      Http http,
      Secret secret,
      Clock clock,
      String kind,
      Optional<String> inReplyTo,
      String text,
      String key)
      throws InterruptedException {
    ObjectNode body = Json.object().put("type", kind).put("text", text).put("idempotencyKey", key);
    inReplyTo.ifPresent(r -> body.put("inReplyTo", r));
    String json = Json.write(body);
    String ts = Long.toString(clock.instant().getEpochSecond());
    String sig = Signatures.sha256(secret, (ts + "." + json).getBytes(StandardCharsets.UTF_8));
    http.send(
        Call.post("", "application/json", json)
            .header(TIMESTAMP, ts)
            .header(SIGNATURE, sig)
            .header("Idempotency-Key", key)
            .retrySafe(),
        r -> r);
    return new ActionResult(key, Optional.empty());
  }
}
