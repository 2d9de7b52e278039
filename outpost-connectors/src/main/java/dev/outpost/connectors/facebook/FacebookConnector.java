package dev.outpost.connectors.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.ActionResult;
import dev.outpost.connectors.Call;
import dev.outpost.connectors.Capability;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connector;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Field;
import dev.outpost.connectors.Field.Type;
import dev.outpost.connectors.Forms;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.Secret;
import dev.outpost.connectors.Settings;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Facebook Page: receives the {@code feed} webhook (posts and comments on the Page), checked with
 * {@code X-Hub-Signature-256}; replies to comments and posts, and publishes on the Page, through
 * the Graph API. The Graph API has no idempotency key: calls are retried only after 429.
 */
public final class FacebookConnector implements Connector {
  static final String NETWORK = "facebook";

  @Override
  public String type() {
    return NETWORK;
  }

  @Override
  public String description() {
    return "Facebook Page: feed webhooks (signed), comment replies and Page posts";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.WEBHOOK, Capability.REPLY, Capability.PUBLISH);
  }

  @Override
  public List<Field> fields() {
    return List.of(
        Field.required("appSecret", Type.STRING, "the app secret that signs webhooks").asSecret(),
        Field.required("verifyToken", Type.STRING, "the token set when subscribing").asSecret(),
        Field.required("pageId", Type.STRING, "the Page's id"),
        Field.optional("pageAccessToken", Type.STRING, "a Page token, to reply and publish")
            .asSecret(),
        Field.optional("graphUrl", Type.URL, "https://graph.facebook.com/v21.0", "the Graph API"));
  }

  @Override
  public Connection open(String name, Settings s, ConnectorContext ctx) {
    Health health = new Health(name, ctx.clock());
    Connection.Builder b =
        Connection.builder(name, NETWORK, health)
            .webhook(
                new FeedWebhook(
                    s.secret("appSecret").orElseThrow(),
                    s.secret("verifyToken").orElseThrow(),
                    health));
    Optional<Secret> token = s.secret("pageAccessToken");
    if (token.isPresent()) {
      Http http = new Http(s.url("graphUrl").orElseThrow(), ctx, health);
      String page = s.require("pageId");
      b.replier(
          (id, text, key) -> post(http, token.get(), "/" + Forms.enc(id) + "/comments", text));
      b.publisher((text, key) -> post(http, token.get(), "/" + Forms.enc(page) + "/feed", text));
    }
    return b.build();
  }

  private static ActionResult post(Http http, Secret token, String path, String text)
      throws InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("message", text);
    form.put("access_token", token.reveal());
    JsonNode out =
        http.json(Call.post(path, "application/x-www-form-urlencoded", Forms.form(form)));
    String id =
        Json.text(out, "id").orElseThrow(() -> ConnectorException.permanent("Graph API: no id", 0));
    return new ActionResult(id, Optional.of("https://www.facebook.com/" + id));
  }
}
