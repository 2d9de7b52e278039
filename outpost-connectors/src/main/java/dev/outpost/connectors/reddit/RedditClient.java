package dev.outpost.connectors.reddit;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reddit's OAuth API. Tokens (application-only, or a script app's password grant when an account is
 * set) are cached until a minute before they expire. Reddit has no idempotency key: a reply or
 * submission is retried only after 429 (refused, so not created); other failures are reported to
 * the caller, which can look for the comment before trying again.
 */
final class RedditClient {
  private final Http api;
  private final Http auth;
  private final String clientId;
  private final Secret clientSecret;
  private final Optional<String> username;
  private final Optional<Secret> password;
  private final String userAgent;
  private final Clock clock;
  private Secret token;
  private Instant expires = Instant.MIN;

  RedditClient(
      Http api,
      Http auth,
      String clientId,
      Secret clientSecret,
      Optional<String> username,
      Optional<Secret> password,
      String userAgent,
      Clock clock) {
    this.api = api;
    this.auth = auth;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.username = username;
    this.password = password;
    this.userAgent = userAgent;
    this.clock = clock;
  }

  private synchronized Secret token() throws InterruptedException {
    if (token != null && clock.instant().isBefore(expires)) {
      return token;
    }
    Map<String, String> form = new LinkedHashMap<>();
    if (username.isPresent()) {
      form.put("grant_type", "password");
      form.put("username", username.get());
      form.put("password", password.orElseThrow().reveal());
    } else {
      form.put("grant_type", "client_credentials");
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (clientId + ":" + clientSecret.reveal()).getBytes(StandardCharsets.UTF_8));
    JsonNode t =
        auth.json(
            Call.post("/api/v1/access_token", "application/x-www-form-urlencoded", Forms.form(form))
                .header("Authorization", "Basic " + basic)
                .header("User-Agent", userAgent)
                .retrySafe());
    token =
        new Secret(
            Json.text(t, "access_token")
                .orElseThrow(
                    () ->
                        ConnectorException.permanent(
                            "Reddit token: " + Json.text(t, "error").orElse("no access_token"),
                            401)));
    long ttl = t.path("expires_in").asLong(3600);
    expires = clock.instant().plusSeconds(Math.max(0, ttl - 60));
    return token;
  }

  JsonNode get(String path) throws InterruptedException {
    return api.json(
        Call.get(path)
            .header("Authorization", "Bearer " + token().reveal())
            .header("User-Agent", userAgent));
  }

  private JsonNode post(String path, Map<String, String> form) throws InterruptedException {
    return api.json(
        Call.post(path, "application/x-www-form-urlencoded", Forms.form(form))
            .header("Authorization", "Bearer " + token().reveal())
            .header("User-Agent", userAgent));
  }

  ActionResult reply(String thing, String text, String key) throws InterruptedException {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("api_type", "json");
    f.put("thing_id", thing);
    f.put("text", text);
    JsonNode out = post("/api/comment", f);
    JsonNode d = out.at("/json/data/things/0/data");
    return new ActionResult(
        Json.text(d, "name").orElseThrow(() -> errors(out, "comment")),
        Json.text(d, "permalink").map(p -> "https://www.reddit.com" + p));
  }

  ActionResult submit(String subreddit, String text, String key) throws InterruptedException {
    String[] lines = text.strip().split("\n", 2);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("api_type", "json");
    f.put("sr", subreddit);
    f.put("kind", "self");
    f.put("title", lines[0]);
    f.put("text", lines.length > 1 ? lines[1].strip() : "");
    JsonNode out = post("/api/submit", f);
    return new ActionResult(
        Json.at(out, "/json/data/name").orElseThrow(() -> errors(out, "submit")),
        Json.at(out, "/json/data/url"));
  }

  private static ConnectorException errors(JsonNode out, String what) {
    return ConnectorException.permanent("Reddit " + what + " failed: " + out.at("/json/errors"), 0);
  }

  /** A listing child (t3 link or t1 comment) as a post. */
  static Post post(JsonNode child) {
    JsonNode d = child.path("data");
    String name = Json.text(d, "name").orElseThrow(() -> new IllegalArgumentException("no name"));
    String title = Json.text(d, "title").orElse("");
    String body = Json.text(d, "selftext").or(() -> Json.text(d, "body")).orElse("");
    String text = title.isEmpty() ? body : body.isEmpty() ? title : title + "\n" + body;
    String author = Json.text(d, "author").orElse("[deleted]");
    return new Post(
        RedditConnector.NETWORK,
        name,
        Author.of(RedditConnector.NETWORK, author),
        Post.truncate(Text.decodeEntities(text)),
        Post.UNDETERMINED,
        Instant.ofEpochMilli((long) (d.path("created_utc").asDouble() * 1000)),
        Json.text(d, "permalink").map(p -> "https://www.reddit.com" + p),
        Json.text(d, "parent_id"),
        new Metrics(Json.count(d, "ups"), 0, Json.count(d, "num_comments"), 0));
  }
}
