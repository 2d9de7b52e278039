package dev.outpost.connectors.hackernews;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connectors;
import dev.outpost.connectors.FakeServer;
import dev.outpost.connectors.FakeServer.Reply;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.TestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One malformed item in a page is counted and skipped; the items around it are read. */
class HackerNewsBadItemIT {
  private static ObjectNode hit(String id, long time) {
    ObjectNode h = Json.object().put("objectID", id).put("created_at_i", time);
    return h.put("author", "pg").put("comment_text", "acme " + id);
  }

  @Test
  void aHitWithAnImpossibleTimeIsSkippedAndTheOthersAreRead() throws Exception {
    try (FakeServer s = new FakeServer()) {
      ObjectNode page = Json.object();
      ArrayNode hits = page.putArray("hits");
      hits.add(hit("3", 1_763_899_300L));
      hits.add(hit("2", 1_763_899_200L).put("created_at_i", 99_999_999_999_999L));
      hits.add(hit("1", 1_763_899_100L));
      page.put("nbHits", 3).put("page", 0).put("hitsPerPage", 100).put("nbPages", 1);
      s.route("GET", "/api/v1/search_by_date", r -> Reply.json(page.toString()));
      Connection c =
          Connectors.load()
              .open(
                  "hackernews",
                  "hn",
                  Map.of("baseUrl", s.baseUrl().toString(), "query", "acme"),
                  TestSupport.context(new TestSupport.RecordingSleeper()));
      List<String> ids = new ArrayList<>();
      c.listener().orElseThrow().stream(Optional.empty(), (p, cursor) -> ids.add(p.externalId()));
      assertThat(ids).containsExactly("1", "3");
      assertThat(c.health().errors()).isEqualTo(1);
      assertThat(c.health().lastError())
          .hasValueSatisfying(e -> assertThat(e).contains("created_at_i"));
    }
  }
}
