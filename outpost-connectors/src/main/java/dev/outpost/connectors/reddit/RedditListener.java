package dev.outpost.connectors.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Forms;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.PollingSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Polls a listing sorted by new. The cursor is the fullname of the last emitted item; {@code
 * before} asks for the page of items right after it. Reddit ids are base-36 counters, so they order
 * items by creation. Caveat: when the cursor's item is deleted, Reddit answers an empty listing; a
 * fresh start (empty cursor) then recovers.
 */
final class RedditListener extends PollingSource {
  private final RedditClient client;
  private final String path;
  private final int limit;

  RedditListener(
      String name,
      RedditClient client,
      String path,
      int limit,
      Duration interval,
      ConnectorContext ctx,
      Health health) {
    super(name, interval, ctx, health);
    this.client = client;
    this.path = path;
    this.limit = limit;
  }

  static int compare(String fullnameA, String fullnameB) {
    String a = fullnameA.substring(fullnameA.indexOf('_') + 1);
    String b = fullnameB.substring(fullnameB.indexOf('_') + 1);
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  @Override
  protected Batch poll(Optional<String> cursor) throws InterruptedException {
    JsonNode page =
        client.get(
            path
                + "limit="
                + limit
                + "&raw_json=1"
                + cursor.map(c -> "&before=" + Forms.enc(c)).orElse(""));
    JsonNode children = page.path("data").path("children");
    if (!children.isArray()) {
      throw ConnectorException.retriable("Reddit: not a listing", 200, Optional.empty(), null);
    }
    List<JsonNode> fresh = new ArrayList<>();
    for (JsonNode c : children) {
      Optional<String> n = Json.at(c, "/data/name");
      if (n.isPresent() && (cursor.isEmpty() || compare(n.get(), cursor.get()) > 0)) {
        fresh.add(c);
      }
    }
    fresh.sort(Comparator.comparing(c -> c.at("/data/name").asText(), RedditListener::compare));
    List<Item> items = new ArrayList<>();
    for (JsonNode c : fresh) {
      item(() -> new Item(RedditClient.post(c), c.at("/data/name").asText())).ifPresent(items::add);
    }
    return new Batch(items, Optional.empty(), cursor.isPresent() && children.size() >= limit);
  }
}
