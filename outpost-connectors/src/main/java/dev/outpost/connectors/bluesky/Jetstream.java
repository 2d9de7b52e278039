package dev.outpost.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Json;
import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Instant;
import java.util.Optional;

/** Maps Jetstream v1 events to posts. */
final class Jetstream {
  static final String POST = "app.bsky.feed.post";

  private Jetstream() {}

  /** The post a {@code commit/create} of {@code app.bsky.feed.post} carries; empty otherwise. */
  static Optional<Post> post(JsonNode event) {
    if (!"commit".equals(event.path("kind").asText())) {
      return Optional.empty();
    }
    JsonNode c = event.path("commit");
    if (!"create".equals(c.path("operation").asText())
        || !POST.equals(c.path("collection").asText())) {
      return Optional.empty();
    }
    String did = event.path("did").asText();
    String rkey = c.path("rkey").asText();
    if (did.isBlank() || rkey.isBlank()) {
      return Optional.empty();
    }
    JsonNode r = c.path("record");
    Instant created =
        Json.instant(r, "createdAt")
            .orElseGet(() -> Instant.EPOCH.plusNanos(event.path("time_us").asLong() * 1000));
    String lang = r.path("langs").path(0).asText("");
    return Optional.of(
        new Post(
            BlueskyConnector.NETWORK,
            "at://" + did + "/" + POST + "/" + rkey,
            Author.of(BlueskyConnector.NETWORK, did),
            Post.truncate(r.path("text").asText("")),
            lang,
            created,
            Optional.of("https://bsky.app/profile/" + did + "/post/" + rkey),
            Json.at(r, "/reply/parent/uri"),
            Metrics.NONE));
  }
}
