package dev.outpost.connectors.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.ActionResult;
import dev.outpost.connectors.Call;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.Secret;
import dev.outpost.core.Author;
import java.util.Optional;

/**
 * Mastodon's REST API. Statuses are posted with an {@code Idempotency-Key} header, so a retried
 * reply, DM or post is created once (Mastodon remembers keys for an hour).
 */
final class MastodonClient {
  private final Http http;
  private final String host;
  private final Optional<Secret> token;

  MastodonClient(Http http, String host, Optional<Secret> token) {
    this.http = http;
    this.host = host;
    this.token = token;
  }

  String host() {
    return host;
  }

  JsonNode get(String path) throws InterruptedException {
    return http.json(auth(Call.get(path)));
  }

  private Call auth(Call c) {
    return token.map(t -> c.header("Authorization", "Bearer " + t.reveal())).orElse(c);
  }

  ActionResult reply(String inReplyTo, String text, String key) throws InterruptedException {
    return status(text, Optional.of(inReplyTo), "public", key);
  }

  ActionResult publish(String text, String key) throws InterruptedException {
    return status(text, Optional.empty(), "public", key);
  }

  ActionResult direct(String handle, String text, String key) throws InterruptedException {
    String acct = handle.startsWith("@") ? handle : "@" + handle;
    return status(acct + " " + text, Optional.empty(), "direct", key);
  }

  ActionResult follow(String handle, String key) throws InterruptedException {
    String id =
        lookupJson(handle)
            .flatMap(a -> Json.text(a, "id"))
            .orElseThrow(
                () -> ConnectorException.permanent("no Mastodon account '" + handle + "'", 404));
    JsonNode rel =
        http.json(
            auth(Call.post(
                    "/api/v1/accounts/" + Urls.encode(id) + "/follow", "application/json", "{}"))
                .header("Idempotency-Key", key)
                .retrySafe());
    return new ActionResult(Json.text(rel, "id").orElse(id), Optional.empty());
  }

  Optional<Author> lookup(String handle) throws InterruptedException {
    return lookupJson(handle).map(a -> Statuses.author(a, host));
  }

  private Optional<JsonNode> lookupJson(String handle) throws InterruptedException {
    String acct = handle.startsWith("@") ? handle.substring(1) : handle;
    return http.send(
        auth(Call.get("/api/v1/accounts/lookup?acct=" + Urls.encode(acct))),
        r ->
            r.status() == 404
                ? Optional.<JsonNode>empty()
                : Optional.of(Json.MAPPER.readTree(r.body())),
        404);
  }

  private ActionResult status(
      String text, Optional<String> inReplyTo, String visibility, String key)
      throws InterruptedException {
    ObjectNode body = Json.object().put("status", text).put("visibility", visibility);
    inReplyTo.ifPresent(id -> body.put("in_reply_to_id", id));
    JsonNode created =
        http.json(
            auth(Call.post("/api/v1/statuses", "application/json", Json.write(body)))
                .header("Idempotency-Key", key)
                .retrySafe());
    String id =
        Json.text(created, "id")
            .orElseThrow(
                () -> ConnectorException.permanent("POST /api/v1/statuses: no id in reply", 0));
    return new ActionResult(id, Json.text(created, "url"));
  }
}
