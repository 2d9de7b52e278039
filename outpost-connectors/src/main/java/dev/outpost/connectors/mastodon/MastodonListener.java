package dev.outpost.connectors.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.PollingSource;
import dev.outpost.connectors.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Polls a timeline or search. The cursor is the last emitted status id; the next poll asks for the
 * page right after it with {@code min_id} (unlike {@code since_id}, which returns the newest page
 * and would skip statuses when more than a page arrived between polls). A fresh start reads the
 * newest page only.
 */
final class MastodonListener extends PollingSource {
  private final MastodonClient client;
  private final String path;
  private final int limit;
  private final boolean search;

  MastodonListener(
      String name,
      MastodonClient client,
      String path,
      int limit,
      boolean search,
      Duration interval,
      ConnectorContext ctx,
      Health health) {
    super(name, interval, ctx, health);
    this.client = client;
    this.path = path;
    this.limit = limit;
    this.search = search;
  }

  /** One poll, for the streaming listener's catch-up. */
  Batch pollOnce(Optional<String> cursor) throws InterruptedException {
    return poll(cursor);
  }

  @Override
  protected Batch poll(Optional<String> cursor) throws InterruptedException {
    String url = path + "limit=" + limit + cursor.map(c -> "&min_id=" + Urls.encode(c)).orElse("");
    JsonNode page = client.get(url);
    JsonNode statuses = search ? page.path("statuses") : page;
    if (!statuses.isArray()) {
      throw ConnectorException.retriable(
          "GET " + path + ": expected a list of statuses", 200, Optional.empty(), null);
    }
    List<JsonNode> fresh = new ArrayList<>();
    for (JsonNode s : statuses) {
      Optional<String> id = Statuses.id(s);
      if (id.isPresent() && (cursor.isEmpty() || Text.compareIds(id.get(), cursor.get()) > 0)) {
        fresh.add(s);
      }
    }
    fresh.sort(Comparator.comparing(s -> Statuses.id(s).orElseThrow(), Text::compareIds));
    List<Item> items = new ArrayList<>();
    for (JsonNode s : fresh) {
      item(() -> new Item(Statuses.post(s, client.host()), Statuses.id(s).orElseThrow()))
          .ifPresent(items::add);
    }
    boolean more = cursor.isPresent() && statuses.size() >= limit;
    return new Batch(items, Optional.empty(), more);
  }
}
