package dev.outpost.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.FakeServer;
import dev.outpost.connectors.FakeServer.Reply;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.ListenerContract;
import dev.outpost.connectors.SimpleHarness;
import dev.outpost.connectors.TestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The listener contract on a recorded searchPosts response (8 posts, two in the same second). */
class BlueskySearchIT extends ListenerContract {
  @Override
  protected Harness open() throws Exception {
    List<JsonNode> views = new ArrayList<>();
    Json.MAPPER
        .readTree(TestSupport.resource("payloads/bluesky/search_posts_acme.json"))
        .path("posts")
        .forEach(views::add);
    views.sort(Comparator.comparing(SearchListener::key, SearchListener::compare));
    int[] visible = {views.size()};
    FakeServer s = new FakeServer();
    s.listen(r -> r.path().equals("/xrpc/app.bsky.feed.searchPosts"));
    s.route(
        "POST",
        "/xrpc/com.atproto.server.createSession",
        r -> Reply.json("{\"did\":\"did:plc:me\",\"accessJwt\":\"jwt\",\"refreshJwt\":\"r\"}"));
    s.route(
        "GET",
        "/xrpc/app.bsky.feed.searchPosts",
        r -> {
          if (!r.header("Authorization").equals("Bearer jwt")) {
            return Reply.of(401, "application/json", "{\"error\":\"AuthMissing\"}");
          }
          int limit = Integer.parseInt(r.query().get("limit"));
          Instant since = Instant.parse(r.query().getOrDefault("since", "1970-01-01T00:00:00Z"));
          List<JsonNode> match =
              views.subList(0, visible[0]).stream()
                  .filter(
                      v -> !Instant.parse(SearchListener.key(v).split("\\|")[0]).isBefore(since))
                  .toList()
                  .reversed();
          int from = Integer.parseInt(r.query().getOrDefault("cursor", "0"));
          ObjectNode out = Json.object().put("hitsTotal", match.size());
          var arr = out.putArray("posts");
          match
              .subList(Math.min(from, match.size()), Math.min(from + limit, match.size()))
              .forEach(arr::add);
          if (from + limit < match.size()) {
            out.put("cursor", Integer.toString(from + limit));
          }
          return Reply.json(out.toString());
        });
    return new SimpleHarness(
        "bluesky",
        Map.of(
            "mode", "search",
            "query", "acme",
            "pdsUrl", s.baseUrl().toString(),
            "identifier", "care.example.com",
            "appPassword", "app-pass-SECRET",
            "limit", 3),
        views.stream().map(v -> v.path("uri").asText()).toList(),
        Optional.of("2000-01-01T00:00:00Z|at://"),
        n -> visible[0] = n,
        s);
  }
}
