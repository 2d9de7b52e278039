package dev.outpost.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.ActionResult;
import dev.outpost.connectors.Call;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Optional;

/**
 * Acts on Bluesky through the PDS's XRPC API with an app password. Duplicates are avoided by
 * deriving the record key (a TID) from the idempotency key: before creating, the record with that
 * key is looked up, and a retry finds it instead of creating a second one.
 */
final class BlueskyClient {
  private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

  private final Http http;
  private final String identifier;
  private final Secret password;
  private final Clock clock;
  private String did;
  private Secret jwt;

  BlueskyClient(Http http, String identifier, Secret password, Clock clock) {
    this.http = http;
    this.identifier = identifier;
    this.password = password;
    this.clock = clock;
  }

  private synchronized void login() throws InterruptedException {
    if (jwt != null) {
      return;
    }
    ObjectNode body =
        Json.object().put("identifier", identifier).put("password", password.reveal());
    JsonNode s =
        http.json(
            Call.post(
                "/xrpc/com.atproto.server.createSession", "application/json", Json.write(body)));
    did =
        Json.text(s, "did")
            .orElseThrow(() -> ConnectorException.permanent("createSession: no did", 0));
    jwt =
        new Secret(
            Json.text(s, "accessJwt")
                .orElseThrow(() -> ConnectorException.permanent("createSession: no token", 0)));
  }

  private Call auth(Call c) {
    return c.header("Authorization", "Bearer " + jwt.reveal());
  }

  /** An authenticated GET through the PDS (which proxies app.bsky queries to the AppView). */
  JsonNode get(String path) throws InterruptedException {
    login();
    return http.json(auth(Call.get(path)));
  }

  ActionResult reply(String parentUri, String text, String key) throws InterruptedException {
    login();
    JsonNode parent =
        getRecord(parentUri)
            .orElseThrow(() -> ConnectorException.permanent("no Bluesky post " + parentUri, 404));
    ObjectNode parentRef =
        Json.object()
            .put("uri", parent.path("uri").asText())
            .put("cid", parent.path("cid").asText());
    JsonNode root = parent.path("value").path("reply").path("root");
    ObjectNode reply = Json.object();
    reply.set("root", root.isObject() ? root.deepCopy() : parentRef);
    reply.set("parent", parentRef);
    ObjectNode record = post(text);
    record.set("reply", reply);
    return create(Jetstream.POST, record, key);
  }

  ActionResult publish(String text, String key) throws InterruptedException {
    login();
    return create(Jetstream.POST, post(text), key);
  }

  ActionResult follow(String handle, String key) throws InterruptedException {
    login();
    String h = handle.startsWith("@") ? handle.substring(1) : handle;
    String subject =
        h.startsWith("did:")
            ? h
            : Json.text(
                    http.json(
                        auth(
                            Call.get("/xrpc/com.atproto.identity.resolveHandle?handle=" + enc(h)))),
                    "did")
                .orElseThrow(() -> ConnectorException.permanent("cannot resolve " + h, 0));
    ObjectNode record =
        Json.object()
            .put("$type", "app.bsky.graph.follow")
            .put("subject", subject)
            .put("createdAt", clock.instant().toString());
    return create("app.bsky.graph.follow", record, key);
  }

  private ObjectNode post(String text) {
    return Json.object()
        .put("$type", Jetstream.POST)
        .put("text", text)
        .put("createdAt", clock.instant().toString());
  }

  private Optional<JsonNode> getRecord(String atUri) throws InterruptedException {
    String[] p = atUri.replaceFirst("^at://", "").split("/");
    if (p.length != 3) {
      throw ConnectorException.permanent("not an at:// record URI: " + atUri, 0);
    }
    return getRecord(p[0], p[1], p[2]);
  }

  private Optional<JsonNode> getRecord(String repo, String collection, String rkey)
      throws InterruptedException {
    Call c =
        auth(
            Call.get(
                "/xrpc/com.atproto.repo.getRecord?repo="
                    + enc(repo)
                    + "&collection="
                    + enc(collection)
                    + "&rkey="
                    + enc(rkey)));
    return http.send(
        c,
        r ->
            r.status() == 400
                ? Optional.<JsonNode>empty()
                : Optional.of(Json.MAPPER.readTree(r.body())),
        400);
  }

  private ActionResult create(String collection, ObjectNode record, String key)
      throws InterruptedException {
    String rkey = tid(key);
    Optional<JsonNode> existing = getRecord(did, collection, rkey);
    if (existing.isPresent()) {
      return result(existing.get().path("uri").asText());
    }
    ObjectNode body =
        Json.object().put("repo", did).put("collection", collection).put("rkey", rkey);
    body.set("record", record);
    JsonNode out =
        http.json(
            auth(Call.post(
                    "/xrpc/com.atproto.repo.createRecord", "application/json", Json.write(body)))
                .retrySafe());
    return result(
        Json.text(out, "uri")
            .orElseThrow(() -> ConnectorException.permanent("createRecord: no uri", 0)));
  }

  private static ActionResult result(String uri) {
    String[] p = uri.replaceFirst("^at://", "").split("/");
    Optional<String> url =
        p.length == 3 && p[1].equals(Jetstream.POST)
            ? Optional.of("https://bsky.app/profile/" + p[0] + "/post/" + p[2])
            : Optional.empty();
    return new ActionResult(uri, url);
  }

  /** A syntactically valid TID (13 base32-sortable characters) derived from the key. */
  static String tid(String key) {
    long v;
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    v &= Long.MAX_VALUE;
    char[] out = new char[13];
    for (int i = 12; i >= 0; i--) {
      out[i] = ALPHABET.charAt((int) (v & 31));
      v >>>= 5;
    }
    return new String(out);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
