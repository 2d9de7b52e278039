package dev.outpost.connectors.x;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Forms;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.PollingSource;
import dev.outpost.connectors.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls recent search. With a cursor (the last emitted tweet id) it asks for everything newer with
 * {@code since_id}, following {@code next_token} to the end, and emits oldest first; a fresh start
 * reads the newest page only.
 */
final class XListener extends PollingSource {
  private static final int MAX_PAGES = 50;
  private final XClient client;
  private final String query;
  private final int max;

  XListener(
      String name,
      XClient client,
      String query,
      int max,
      Duration interval,
      ConnectorContext ctx,
      Health health) {
    super(name, interval, ctx, health);
    this.client = client;
    this.query = query;
    this.max = max;
  }

  @Override
  protected Batch poll(Optional<String> cursor) throws InterruptedException {
    List<JsonNode> tweets = new ArrayList<>();
    Map<String, JsonNode> users = new HashMap<>();
    Optional<String> next = Optional.empty();
    for (int page = 0; page < MAX_PAGES; page++) {
      String path =
          "/2/tweets/search/recent?query="
              + Forms.enc(query)
              + "&max_results="
              + max
              + "&"
              + XClient.FIELDS
              + cursor.map(c -> "&since_id=" + c).orElse("")
              + next.map(n -> "&next_token=" + Forms.enc(n)).orElse("");
      JsonNode r = client.read(path);
      if (!r.has("meta")) {
        throw ConnectorException.retriable("X search: no meta", 200, Optional.empty(), null);
      }
      r.path("data").forEach(tweets::add);
      r.at("/includes/users").forEach(u -> users.put(u.path("id").asText(), u));
      next = Json.at(r, "/meta/next_token");
      if (next.isEmpty() || cursor.isEmpty()) {
        break;
      }
    }
    List<Item> items = new ArrayList<>();
    tweets.stream()
        .filter(t -> cursor.isEmpty() || Text.compareIds(t.path("id").asText(), cursor.get()) > 0)
        .sorted(Comparator.comparing(t -> t.path("id").asText(), Text::compareIds))
        .forEach(
            t ->
                item(() -> new Item(XClient.post(t, users), t.path("id").asText()))
                    .ifPresent(items::add));
    return new Batch(items, Optional.empty(), false);
  }
}
