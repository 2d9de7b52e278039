package dev.outpost.connectors.webhook;

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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies {@code X-Outpost-Signature: sha256=HEX} over {@code timestamp.body} with a fresh {@code
 * X-Outpost-Timestamp} (epoch seconds), then reads one post or an array of posts: {@code {"id",
 * "author", "text", "createdAt"?, "url"?, "language"?, "inReplyTo"?, "authorName"?}}. Errors name
 * the post's index and field.
 */
final class SignedJson implements WebhookReceiver {
  private final String network;
  private final Secret secret;
  private final Duration tolerance;
  private final Clock clock;
  private final Health health;

  SignedJson(String network, Secret secret, Duration tolerance, Clock clock, Health health) {
    this.network = network;
    this.secret = secret;
    this.tolerance = tolerance;
    this.clock = clock;
    this.health = health;
  }

  private ConnectorException reject(String message, int status) {
    health.error("webhook: " + message);
    return ConnectorException.permanent(message, status);
  }

  @Override
  public void verify(Map<String, String> headers, byte[] body) {
    String ts = Signatures.header(headers, WebhookConnector.TIMESTAMP).orElse("");
    Duration age;
    try {
      long seconds = Long.parseLong(ts.strip());
      age =
          Duration.ofSeconds(
              Math.absExact(Math.subtractExact(seconds, clock.instant().getEpochSecond())));
    } catch (NumberFormatException | ArithmeticException e) {
      throw reject(WebhookConnector.TIMESTAMP + " missing or not epoch seconds", 401);
    }
    if (age.compareTo(tolerance) > 0) {
      throw reject(WebhookConnector.TIMESTAMP + " is " + age.toSeconds() + " s away from now", 401);
    }
    byte[] signed = (ts.strip() + ".").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[signed.length + body.length];
    System.arraycopy(signed, 0, all, 0, signed.length);
    System.arraycopy(body, 0, all, signed.length, body.length);
    if (!Signatures.verify(
        secret, all, Signatures.header(headers, WebhookConnector.SIGNATURE).orElse(null))) {
      throw reject(WebhookConnector.SIGNATURE + " missing or wrong", 401);
    }
  }

  @Override
  public List<Post> parse(byte[] body, Instant receivedAt) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException | RuntimeException e) {
      throw reject("body is not JSON", 400);
    }
    List<JsonNode> items = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(items::add);
    } else if (root != null && root.isObject()) {
      items.add(root);
    } else {
      throw reject("body must be a JSON object or array", 400);
    }
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      posts.add(post(i, items.get(i), receivedAt));
    }
    posts.forEach(p -> health.emitted(p.createdAt()));
    health.success();
    return posts;
  }

  private Post post(int i, JsonNode n, Instant receivedAt) {
    String where = "post " + i + ": ";
    String id = Json.text(n, "id").orElseThrow(() -> reject(where + "'id' is missing", 400));
    String author =
        Json.text(n, "author").orElseThrow(() -> reject(where + "'author' is missing", 400));
    String text = Json.text(n, "text").orElseThrow(() -> reject(where + "'text' is missing", 400));
    Instant created;
    try {
      created = Json.text(n, "createdAt").map(Instant::parse).orElse(receivedAt);
    } catch (DateTimeParseException e) {
      throw reject(where + "'createdAt' must be ISO-8601 like 2026-11-23T12:00:00Z", 400);
    }
    try {
      return new Post(
          network,
          id,
          new Author(
              network,
              author,
              Json.text(n, "authorName").orElse(author),
              0,
              false,
              Optional.empty()),
          Post.truncate(text),
          Json.text(n, "language").orElse(Post.UNDETERMINED),
          created,
          Json.text(n, "url"),
          Json.text(n, "inReplyTo"),
          Metrics.NONE);
    } catch (IllegalArgumentException e) {
      throw reject(where + e.getMessage(), 400);
    }
  }
}
