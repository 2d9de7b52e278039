package dev.outpost.app.webhooks;

import dev.outpost.connectors.Connection;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.WebhookReceiver;
import dev.outpost.core.Post;
import dev.outpost.core.Source;
import dev.outpost.store.PostgresWebhookInbox;
import dev.outpost.store.StoreException;
import dev.outpost.web.WebFeature;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound webhooks: {@code POST /webhooks/{name}} checks the delivery's signature first (401), then
 * its body (400), stores it in the webhook inbox and only then answers 200, so nothing acknowledged
 * is lost; {@code GET /webhooks/{name}} answers subscription checks (Facebook's verify token). Each
 * connection that receives webhooks becomes a pipeline source reading its stored deliveries.
 */
public final class Webhooks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
  private final Map<String, Hook> hooks = new LinkedHashMap<>();
  private final PostgresWebhookInbox inbox;
  private final Clock clock;
  private volatile boolean accepting = true;

  private record Hook(WebhookReceiver receiver, InboxSource source) {}

  private Webhooks(List<Connection> connections, PostgresWebhookInbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
    for (Connection c : connections) {
      c.webhook()
          .ifPresent(r -> hooks.put(c.name(), new Hook(r, new InboxSource(c.name(), r, inbox))));
    }
  }

  /** The webhook receivers among {@code connections}, stored in {@code inbox}. */
  public static Webhooks of(List<Connection> connections, PostgresWebhookInbox inbox, Clock clock) {
    return new Webhooks(connections, inbox, clock);
  }

  /** One pipeline source per webhook connection, named like it. */
  public List<Source> sources() {
    return hooks.values().stream().<Source>map(Hook::source).toList();
  }

  /** The public routes that receive deliveries. */
  public WebFeature feature() {
    return routes -> {
      routes.publicPost("/webhooks/{name}", this::deliver);
      routes.publicGet("/webhooks/{name}", this::challenge);
    };
  }

  private void deliver(Context ctx) {
    String name = ctx.pathParam("name");
    Hook hook = hooks.get(name);
    if (hook == null) {
      ctx.status(404).json(Map.of("error", "no webhook source named '" + name + "'"));
      return;
    }
    if (!accepting) {
      unavailable(ctx, "Outpost is stopping; retry later");
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    Instant now = clock.instant();
    List<Post> posts;
    try {
      hook.receiver().verify(ctx.headerMap(), body);
      posts = hook.receiver().parse(body, now);
    } catch (ConnectorException e) {
      int status = e.status().orElse(400);
      LOG.info("webhook {}: delivery refused ({}): {}", name, status, e.getMessage());
      ctx.status(status == 401 ? 401 : 400).json(Map.of("error", e.getMessage()));
      return;
    }
    if (!posts.isEmpty()) {
      try {
        inbox.append(name, now, body);
      } catch (StoreException e) {
        LOG.warn("webhook {}: delivery not stored: {}", name, e.getMessage());
        unavailable(ctx, "the delivery could not be stored; retry later");
        return;
      }
      hook.source().arrived();
    }
    ctx.json(Map.of("accepted", posts.size()));
  }

  private void challenge(Context ctx) {
    String name = ctx.pathParam("name");
    Hook hook = hooks.get(name);
    if (hook == null) {
      ctx.status(404).json(Map.of("error", "no webhook source named '" + name + "'"));
      return;
    }
    Map<String, String> query = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.getFirst()));
    Optional<String> answer = hook.receiver().challenge(query);
    if (answer.isEmpty()) {
      ctx.status(403).json(Map.of("error", "not a valid subscription check for '" + name + "'"));
      return;
    }
    ctx.contentType("text/plain; charset=utf-8").result(answer.get());
  }

  private static void unavailable(Context ctx, String message) {
    ctx.header("Retry-After", "30").status(503).json(Map.of("error", message));
  }

  /** Stops accepting deliveries (503); what was stored stays for the next start. */
  @Override
  public void close() {
    accepting = false;
  }
}
