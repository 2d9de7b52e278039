package dev.outpost.connectors.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.ActionResult;
import dev.outpost.connectors.Call;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Forms;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.Secret;
import dev.outpost.connectors.Text;
import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * X API v2. X has no idempotency key; a post is retried only after 429 (refused, so not created),
 * and X itself rejects a duplicate of the same text from the same account.
 */
final class XClient {
  static final String FIELDS =
      "tweet.fields=created_at,lang,author_id,public_metrics,referenced_tweets,conversation_id"
          + "&expansions=author_id&user.fields=username,name,public_metrics,verified,created_at";

  private final Http http;
  private final Secret bearer;
  private final Optional<Secret> user;

  XClient(Http http, Secret bearer, Optional<Secret> user) {
    this.http = http;
    this.bearer = bearer;
    this.user = user;
  }

  JsonNode read(String path) throws InterruptedException {
    return http.json(Call.get(path).header("Authorization", "Bearer " + bearer.reveal()));
  }

  private Call asUser(Call c) {
    return c.header("Authorization", "Bearer " + user.orElseThrow().reveal());
  }

  ActionResult reply(String tweetId, String text, String key) throws InterruptedException {
    ObjectNode body = Json.object().put("text", text);
    body.putObject("reply").put("in_reply_to_tweet_id", tweetId);
    return tweet(body);
  }

  ActionResult publish(String text, String key) throws InterruptedException {
    return tweet(Json.object().put("text", text));
  }

  private ActionResult tweet(ObjectNode body) throws InterruptedException {
    JsonNode out = http.json(asUser(Call.post("/2/tweets", "application/json", Json.write(body))));
    String id =
        Json.at(out, "/data/id")
            .orElseThrow(() -> ConnectorException.permanent("POST /2/tweets: no id", 0));
    return new ActionResult(id, Optional.of("https://x.com/i/status/" + id));
  }

  ActionResult follow(String handle, String key) throws InterruptedException {
    String me =
        Json.at(http.json(asUser(Call.get("/2/users/me"))), "/data/id")
            .orElseThrow(() -> ConnectorException.permanent("GET /2/users/me: no id", 0));
    String u = handle.startsWith("@") ? handle.substring(1) : handle;
    String target =
        Json.at(http.json(asUser(Call.get("/2/users/by/username/" + Forms.enc(u)))), "/data/id")
            .orElseThrow(() -> ConnectorException.permanent("no X account @" + u, 404));
    http.json(
        asUser(
                Call.post(
                    "/2/users/" + me + "/following",
                    "application/json",
                    Json.write(Json.object().put("target_user_id", target))))
            .retrySafe());
    return new ActionResult(target, Optional.of("https://x.com/" + u));
  }

  static Post post(JsonNode t, Map<String, JsonNode> users) {
    String id =
        Json.text(t, "id").orElseThrow(() -> new IllegalArgumentException("tweet without id"));
    String authorId = Json.text(t, "author_id").orElse("unknown");
    JsonNode u = users.get(authorId);
    Author author =
        u == null
            ? Author.of(XConnector.NETWORK, authorId)
            : new Author(
                XConnector.NETWORK,
                Json.text(u, "username").orElse(authorId),
                Json.text(u, "name").orElse(null),
                Json.count(u.path("public_metrics"), "followers_count"),
                u.path("verified").asBoolean(false),
                Json.instant(u, "created_at"));
    Optional<String> replyTo = Optional.empty();
    for (JsonNode r : t.path("referenced_tweets")) {
      if ("replied_to".equals(r.path("type").asText())) {
        replyTo = Json.text(r, "id");
      }
    }
    JsonNode m = t.path("public_metrics");
    return new Post(
        XConnector.NETWORK,
        id,
        author,
        Post.truncate(Text.decodeEntities(Json.text(t, "text").orElse(""))),
        Json.text(t, "lang")
            .filter(l -> !l.equals("zxx") && !l.equals("qme"))
            .orElse(Post.UNDETERMINED),
        Json.instant(t, "created_at").orElse(Instant.EPOCH),
        Optional.of("https://x.com/" + author.handle() + "/status/" + id),
        replyTo,
        new Metrics(
            Json.count(m, "like_count"),
            Json.count(m, "retweet_count") + Json.count(m, "quote_count"),
            Json.count(m, "reply_count"),
            Json.count(m, "impression_count")));
  }
}
