package dev.outpost.connectors.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.Secret;
import dev.outpost.connectors.Signatures;
import dev.outpost.connectors.WebhookReceiver;
import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Verifies and parses Page {@code feed} deliveries: new posts, statuses and comments. */
final class FeedWebhook implements WebhookReceiver {
  private final Secret appSecret;
  private final Secret verifyToken;
  private final Health health;

  FeedWebhook(Secret appSecret, Secret verifyToken, Health health) {
    this.appSecret = appSecret;
    this.verifyToken = verifyToken;
    this.health = health;
  }

  @Override
  public Optional<String> challenge(Map<String, String> query) {
    if ("subscribe".equals(query.get("hub.mode"))
        && Signatures.same(query.get("hub.verify_token"), verifyToken.reveal())
        && query.get("hub.challenge") != null) {
      return Optional.of(query.get("hub.challenge"));
    }
    return Optional.empty();
  }

  @Override
  public void verify(Map<String, String> headers, byte[] body) {
    String sig = Signatures.header(headers, "X-Hub-Signature-256").orElse(null);
    if (!Signatures.verify(appSecret, body, sig)) {
      health.error("Facebook webhook: missing or wrong X-Hub-Signature-256");
      throw ConnectorException.permanent("X-Hub-Signature-256 missing or wrong", 401);
    }
  }

  @Override
  public List<Post> parse(byte[] body, Instant receivedAt) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException | RuntimeException e) {
      health.error("Facebook webhook: body is not JSON");
      throw ConnectorException.permanent(
          "body is not JSON (" + e.getClass().getSimpleName() + ")", 400);
    }
    if (root == null || !"page".equals(root.path("object").asText())) {
      throw ConnectorException.permanent("not a Page webhook (object must be 'page')", 400);
    }
    List<Post> posts = new ArrayList<>();
    for (JsonNode entry : root.path("entry")) {
      for (JsonNode change : entry.path("changes")) {
        JsonNode v = change.path("value");
        if (!"feed".equals(change.path("field").asText())
            || !"add".equals(v.path("verb").asText())) {
          continue;
        }
        String item = v.path("item").asText();
        if (!List.of("comment", "post", "status", "photo", "video").contains(item)) {
          continue;
        }
        Optional<String> id =
            item.equals("comment") ? Json.text(v, "comment_id") : Json.text(v, "post_id");
        Optional<String> message = Json.text(v, "message");
        if (id.isEmpty() || message.isEmpty()) {
          continue;
        }
        JsonNode t = v.has("created_time") ? v.path("created_time") : entry.path("time");
        Instant created = t.canConvertToLong() ? epoch(t.asLong(), receivedAt) : receivedAt;
        try {
          posts.add(post(v, id.get(), message.get(), item, created));
        } catch (IllegalArgumentException e) {
          throw ConnectorException.permanent("a feed change: " + e.getMessage(), 400);
        }
      }
    }
    posts.forEach(p -> health.emitted(p.createdAt()));
    health.success();
    return posts;
  }

  private static Post post(JsonNode v, String id, String message, String item, Instant created) {
    String from = Json.at(v, "/from/name").or(() -> Json.at(v, "/from/id")).orElse("unknown");
    return new Post(
        FacebookConnector.NETWORK,
        id,
        new Author(
            FacebookConnector.NETWORK,
            Json.at(v, "/from/id").orElse(from),
            from,
            0,
            false,
            Optional.empty()),
        Post.truncate(message),
        Post.UNDETERMINED,
        created,
        Optional.of("https://www.facebook.com/" + id),
        item.equals("comment") ? Json.text(v, "parent_id") : Optional.empty(),
        Metrics.NONE);
  }

  /** Facebook times are epoch seconds; anything outside years 1970-9999 is taken as absent. */
  private static Instant epoch(long seconds, Instant fallback) {
    return seconds < 0 || seconds > 253_402_300_799L ? fallback : Instant.ofEpochSecond(seconds);
  }
}
