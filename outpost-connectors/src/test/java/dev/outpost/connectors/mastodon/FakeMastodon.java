package dev.outpost.connectors.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.outpost.connectors.FakeServer;
import dev.outpost.connectors.FakeServer.Reply;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fake Mastodon instance serving the real statuses of {@code fixtures/mastodon}: the tag timeline
 * with {@code min_id}/{@code since_id}/{@code limit} as Mastodon pages them (the page right after
 * {@code min_id}, newest first), account lookup, statuses and follows.
 */
final class FakeMastodon {
  final FakeServer server;
  final List<JsonNode> statuses = new ArrayList<>();
  volatile int visible;

  /** How many statuses the streaming API sends beyond those the timeline shows. */
  volatile int streamAhead;

  FakeMastodon(String fixtureJson) throws Exception {
    JsonNode arr = Json.MAPPER.readTree(fixtureJson);
    arr.forEach(statuses::add);
    statuses.sort(Comparator.comparing(s -> s.get("id").asText(), Text::compareIds));
    visible = statuses.size();
    server = new FakeServer();
    server.listen(r -> r.path().startsWith("/api/v1/timelines/"));
    server.route("GET", "/api/v1/timelines/", r -> Reply.json(page(r.query()).toString()));
    server.route("GET", "/api/v1/streaming/", r -> Reply.of(200, "text/event-stream", events()));
    server.route(
        "GET",
        "/api/v1/accounts/lookup",
        r ->
            r.query().getOrDefault("acct", "").equals("Gargron")
                ? Reply.json(
                    "{\"id\":\"1\",\"username\":\"Gargron\",\"acct\":\"Gargron\",\"display_name\":\"Eugen\",\"followers_count\":300000}")
                : Reply.of(404, "application/json", "{\"error\":\"Record not found\"}"));
  }

  /** The newest few statuses as streaming {@code update} events, with heartbeats and a delete. */
  private String events() {
    int end = Math.min(statuses.size(), visible + streamAhead);
    StringBuilder sb = new StringBuilder(":)\n\n");
    for (JsonNode s : statuses.subList(Math.max(0, end - 5), end)) {
      sb.append("event: update\ndata: ").append(s.toString()).append("\n\n");
      sb.append(":thump\n\nevent: delete\ndata: 1\n\n");
    }
    return sb.toString();
  }

  List<String> ids() {
    return statuses.stream().map(s -> s.get("id").asText()).toList();
  }

  private ArrayNode page(java.util.Map<String, String> q) {
    int limit = Integer.parseInt(q.getOrDefault("limit", "20"));
    List<JsonNode> shown = statuses.subList(0, visible);
    List<JsonNode> pick;
    if (q.containsKey("min_id")) {
      String min = q.get("min_id");
      List<JsonNode> after =
          shown.stream().filter(s -> Text.compareIds(s.get("id").asText(), min) > 0).toList();
      pick = new ArrayList<>(after.subList(0, Math.min(limit, after.size())));
    } else {
      String since = q.getOrDefault("since_id", "0");
      List<JsonNode> after =
          shown.stream().filter(s -> Text.compareIds(s.get("id").asText(), since) > 0).toList();
      pick = new ArrayList<>(after.subList(Math.max(0, after.size() - limit), after.size()));
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (int i = pick.size() - 1; i >= 0; i--) {
      out.add(pick.get(i));
    }
    return out;
  }
}
