package dev.outpost.connectors.hackernews;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Call;
import dev.outpost.connectors.Capability;
import dev.outpost.connectors.ConfigException;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connector;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Field;
import dev.outpost.connectors.Field.Type;
import dev.outpost.connectors.Forms;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.PollingSource;
import dev.outpost.connectors.Settings;
import dev.outpost.connectors.Text;
import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hacker News through the Algolia search API ({@code search_by_date}), read-only. The cursor is
 * {@code created_at_i:objectID} of the last emitted item; a poll asks for {@code created_at_i >=}
 * that second, pages to the end and skips what was already emitted in that second.
 */
public final class HackerNewsConnector implements Connector {
  static final String NETWORK = "hackernews";
  private static final int MAX_PAGES = 20;

  @Override
  public String type() {
    return NETWORK;
  }

  @Override
  public String description() {
    return "Hacker News stories and comments matching a query (Algolia search API)";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.LISTEN);
  }

  @Override
  public List<Field> fields() {
    return List.of(
        Field.optional("baseUrl", Type.URL, "https://hn.algolia.com", "the Algolia HN API"),
        Field.required("query", Type.STRING, "the search terms"),
        Field.optional("tags", Type.STRING, "(story,comment)", "Algolia tags filter"),
        Field.optional("hitsPerPage", Type.INTEGER, "100", "items per page, 1 to 1000"),
        Field.optional("pollInterval", Type.DURATION, "5m", "the wait between polls"));
  }

  @Override
  public Connection open(String name, Settings s, ConnectorContext ctx) {
    long per = s.integer("hitsPerPage");
    if (per < 1 || per > 1000) {
      throw new ConfigException("hitsPerPage", "must be between 1 and 1000, was " + per);
    }
    Health health = new Health(name, ctx.clock());
    Http http = new Http(s.url("baseUrl").orElseThrow(), ctx, health);
    String base =
        "/api/v1/search_by_date?query="
            + Forms.enc(s.require("query"))
            + "&tags="
            + Forms.enc(s.string("tags").orElseThrow())
            + "&hitsPerPage="
            + per;
    return Connection.builder(name, NETWORK, health)
        .listener(new Listener(name, http, base, s.duration("pollInterval"), ctx, health))
        .build();
  }

  /** Compares cursors {@code seconds:objectID} as numbers. */
  static int compare(String a, String b) {
    String[] x = a.split(":", 2);
    String[] y = b.split(":", 2);
    int c = Text.compareIds(x[0], y[0]);
    return c != 0 ? c : Text.compareIds(x[1], y[1]);
  }

  static String key(JsonNode hit) {
    return hit.path("created_at_i").asLong() + ":" + hit.path("objectID").asText();
  }

  static Post post(JsonNode h) {
    String id =
        Json.text(h, "objectID")
            .orElseThrow(() -> new IllegalArgumentException("hit without objectID"));
    String title = Json.text(h, "title").orElse("");
    String body =
        Text.fromHtml(Json.text(h, "story_text").or(() -> Json.text(h, "comment_text")).orElse(""));
    String text = title.isEmpty() ? body : body.isEmpty() ? title : title + "\n" + body;
    Optional<String> parent =
        h.hasNonNull("parent_id") ? Optional.of(h.get("parent_id").asText()) : Optional.empty();
    return new Post(
        NETWORK,
        id,
        Author.of(NETWORK, Json.text(h, "author").orElse("unknown")),
        Post.truncate(text),
        Post.UNDETERMINED,
        Json.epochSeconds(h, "created_at_i"),
        Optional.of("https://news.ycombinator.com/item?id=" + id),
        parent,
        new Metrics(Json.count(h, "points"), 0, Json.count(h, "num_comments"), 0));
  }

  private static final class Listener extends PollingSource {
    private final Http http;
    private final String base;

    Listener(
        String name,
        Http http,
        String base,
        Duration interval,
        ConnectorContext ctx,
        Health health) {
      super(name, interval, ctx, health);
      this.http = http;
      this.base = base;
    }

    @Override
    protected Batch poll(Optional<String> cursor) throws InterruptedException {
      List<JsonNode> hits = new ArrayList<>();
      for (int page = 0; page < MAX_PAGES; page++) {
        String path =
            base
                + cursor
                    .map(c -> "&numericFilters=" + Forms.enc("created_at_i>=" + c.split(":", 2)[0]))
                    .orElse("")
                + "&page="
                + page;
        JsonNode r = http.json(Call.get(path));
        if (!r.path("hits").isArray()) {
          throw ConnectorException.retriable("HN search: no hits", 200, Optional.empty(), null);
        }
        r.path("hits").forEach(hits::add);
        if (cursor.isEmpty() || page + 1 >= r.path("nbPages").asInt(0)) {
          break;
        }
      }
      List<Item> items = new ArrayList<>();
      hits.stream()
          .filter(h -> h.hasNonNull("objectID") && h.hasNonNull("created_at_i"))
          .filter(h -> cursor.isEmpty() || compare(key(h), cursor.get()) > 0)
          .sorted(Comparator.comparing(HackerNewsConnector::key, HackerNewsConnector::compare))
          .distinct()
          .forEach(h -> item(() -> new Item(post(h), key(h))).ifPresent(items::add));
      return new Batch(items, Optional.empty(), false);
    }
  }
}
