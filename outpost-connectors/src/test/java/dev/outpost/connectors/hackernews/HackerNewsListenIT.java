package dev.outpost.connectors.hackernews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.FakeServer;
import dev.outpost.connectors.FakeServer.Reply;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.ListenerContract;
import dev.outpost.connectors.SimpleHarness;
import dev.outpost.connectors.TestSupport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The listener contract on a recorded Algolia search_by_date response (12 hits, two in the same
 * second), pages of 4.
 */
class HackerNewsListenIT extends ListenerContract {
  @Override
  protected Harness open() throws Exception {
    List<JsonNode> hits = new ArrayList<>();
    Json.MAPPER
        .readTree(TestSupport.resource("payloads/hackernews/search_by_date_acme.json"))
        .path("hits")
        .forEach(hits::add);
    hits.sort(Comparator.comparing(HackerNewsConnector::key, HackerNewsConnector::compare));
    int[] visible = {hits.size()};
    FakeServer s = new FakeServer();
    s.listen(r -> r.path().equals("/api/v1/search_by_date"));
    s.route(
        "GET",
        "/api/v1/search_by_date",
        r -> {
          int per = Integer.parseInt(r.query().get("hitsPerPage"));
          int page = Integer.parseInt(r.query().getOrDefault("page", "0"));
          String nf = r.query().getOrDefault("numericFilters", "created_at_i>=0");
          long min = Long.parseLong(nf.substring(nf.indexOf(">=") + 2));
          List<JsonNode> match =
              hits.subList(0, visible[0]).stream()
                  .filter(h -> h.path("created_at_i").asLong() >= min)
                  .toList()
                  .reversed();
          ObjectNode out = Json.object();
          match
              .subList(Math.min(page * per, match.size()), Math.min(page * per + per, match.size()))
              .forEach(out.putArray("hits")::add);
          if (!out.has("hits")) {
            out.putArray("hits");
          }
          out.put("nbHits", match.size()).put("page", page).put("hitsPerPage", per);
          out.put("nbPages", (match.size() + per - 1) / per);
          return Reply.json(out.toString());
        });
    return new SimpleHarness(
        "hackernews",
        Map.of("baseUrl", s.baseUrl().toString(), "query", "acme", "hitsPerPage", 4),
        hits.stream().map(h -> h.path("objectID").asText()).toList(),
        Optional.of("0:0"),
        n -> visible[0] = n,
        s);
  }
}
