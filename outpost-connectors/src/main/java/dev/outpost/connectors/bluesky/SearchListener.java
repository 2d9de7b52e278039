package dev.outpost.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Forms;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.PollingSource;
import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Polls {@code app.bsky.feed.searchPosts} (sort latest) through the account's PDS. The cursor is
 * {@code sortAt|uri} of the last emitted post, where sortAt is the earlier of createdAt and
 * indexedAt (what {@code since} filters on); a poll asks {@code since} that time, pages to the end
 * and skips what was already emitted.
 */
final class SearchListener extends PollingSource {
  private static final int MAX_PAGES = 20;
  private final BlueskyClient client;
  private final String query;
  private final int limit;

  SearchListener(
      String name,
      BlueskyClient client,
      String query,
      int limit,
      Duration interval,
      ConnectorContext ctx,
      Health health) {
    super(name, interval, ctx, health);
    this.client = client;
    this.query = query;
    this.limit = limit;
  }

  static String key(JsonNode view) {
    Instant indexed = Json.instant(view, "indexedAt").orElse(Instant.EPOCH);
    Instant created = Json.instant(view.path("record"), "createdAt").orElse(indexed);
    Instant sortAt = created.isBefore(indexed) ? created : indexed;
    return sortAt + "|" + view.path("uri").asText();
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\|", 2);
    String[] y = b.split("\\|", 2);
    int c = Instant.parse(x[0]).compareTo(Instant.parse(y[0]));
    return c != 0 ? c : x[1].compareTo(y[1]);
  }

  @Override
  protected Batch poll(Optional<String> cursor) throws InterruptedException {
    List<JsonNode> views = new ArrayList<>();
    Optional<String> page = Optional.empty();
    for (int i = 0; i < MAX_PAGES; i++) {
      String path =
          "/xrpc/app.bsky.feed.searchPosts?sort=latest&q="
              + Forms.enc(query)
              + "&limit="
              + limit
              + cursor.map(c -> "&since=" + Forms.enc(c.split("\\|", 2)[0])).orElse("")
              + page.map(p -> "&cursor=" + Forms.enc(p)).orElse("");
      JsonNode r = client.get(path);
      if (!r.path("posts").isArray()) {
        throw ConnectorException.retriable("searchPosts: no posts", 200, Optional.empty(), null);
      }
      r.path("posts").forEach(views::add);
      page = Json.text(r, "cursor");
      if (cursor.isEmpty() || page.isEmpty() || r.path("posts").isEmpty()) {
        break;
      }
    }
    List<Item> items = new ArrayList<>();
    views.stream()
        .filter(v -> v.hasNonNull("uri"))
        .filter(v -> cursor.isEmpty() || compare(key(v), cursor.get()) > 0)
        .sorted(Comparator.comparing(SearchListener::key, SearchListener::compare))
        .forEach(v -> item(() -> new Item(post(v), key(v))).ifPresent(items::add));
    return new Batch(items, Optional.empty(), false);
  }

  static Post post(JsonNode v) {
    String uri = v.path("uri").asText();
    JsonNode a = v.path("author");
    JsonNode r = v.path("record");
    String handle = Json.text(a, "handle").or(() -> Json.text(a, "did")).orElse("unknown");
    String rkey = uri.substring(uri.lastIndexOf('/') + 1);
    return new Post(
        BlueskyConnector.NETWORK,
        uri,
        new Author(
            BlueskyConnector.NETWORK,
            handle,
            Json.text(a, "displayName").orElse(handle),
            0,
            false,
            Json.instant(a, "createdAt")),
        Post.truncate(r.path("text").asText("")),
        r.path("langs").path(0).asText(""),
        Json.instant(r, "createdAt").or(() -> Json.instant(v, "indexedAt")).orElse(Instant.EPOCH),
        Optional.of("https://bsky.app/profile/" + handle + "/post/" + rkey),
        Json.at(r, "/reply/parent/uri"),
        new Metrics(
            Json.count(v, "likeCount"),
            Json.count(v, "repostCount") + Json.count(v, "quoteCount"),
            Json.count(v, "replyCount"),
            0));
  }
}
