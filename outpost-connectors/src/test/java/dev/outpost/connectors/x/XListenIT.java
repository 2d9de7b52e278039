package dev.outpost.connectors.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.Connectors;
import dev.outpost.connectors.FakeServer;
import dev.outpost.connectors.FakeServer.Reply;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.ListenerContract;
import dev.outpost.connectors.SimpleHarness;
import dev.outpost.connectors.TestSupport;
import dev.outpost.connectors.Text;
import dev.outpost.core.Post;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The listener contract on real X v2 search responses (the 10 NYC tweets and the 4 with expanded
 * users), pages of 4 linked by next_token.
 */
class XListenIT extends ListenerContract {
  private final List<JsonNode> tweets = new ArrayList<>();
  private final ArrayNode users = Json.MAPPER.createArrayNode();
  private volatile int visible;

  private FakeServer fake() throws Exception {
    tweets.clear();
    users.removeAll();
    for (String f :
        List.of(
            "apis__searches__search_tweets_for_nyc.json",
            "apis__searches__search_tweets_query.json")) {
      JsonNode r = Json.MAPPER.readTree(TestSupport.sharedText("fixtures/x_api_v2/" + f));
      r.path("data").forEach(tweets::add);
      r.at("/includes/users").forEach(users::add);
    }
    tweets.sort(Comparator.comparing(t -> t.path("id").asText(), Text::compareIds));
    visible = tweets.size();
    FakeServer s = new FakeServer();
    s.listen(r -> r.path().equals("/2/tweets/search/recent"));
    s.route(
        "GET",
        "/2/tweets/search/recent",
        r -> {
          int max = Integer.parseInt(r.query().get("max_results"));
          String since = r.query().getOrDefault("since_id", "0");
          List<JsonNode> match =
              tweets.subList(0, visible).stream()
                  .filter(t -> Text.compareIds(t.path("id").asText(), since) > 0)
                  .toList()
                  .reversed();
          int from = Integer.parseInt(r.query().getOrDefault("next_token", "0"));
          List<JsonNode> page =
              match.subList(Math.min(from, match.size()), Math.min(from + max, match.size()));
          ObjectNode out = Json.object();
          if (!page.isEmpty()) {
            page.forEach(out.putArray("data")::add);
            out.putObject("includes").set("users", users);
          }
          ObjectNode meta = out.putObject("meta").put("result_count", page.size());
          if (from + max < match.size()) {
            meta.put("next_token", Integer.toString(from + max));
          }
          return Reply.json(out.toString())
              .withHeader("x-rate-limit-remaining", "449")
              .withHeader("x-rate-limit-reset", "1795436100"); // 15 min after TestSupport.CLOCK
        });
    return s;
  }

  @Override
  protected Harness open() throws Exception {
    FakeServer s = fake();
    return new SimpleHarness(
        "x",
        Map.of(
            "baseUrl",
            s.baseUrl().toString(),
            "bearerToken",
            "AAAA-bearer-SECRET",
            "query",
            "nyc",
            "maxResults",
            10),
        tweets.stream().map(t -> t.path("id").asText()).toList(),
        Optional.of("1"),
        n -> visible = n,
        s);
  }

  @Test
  void expandedUsersGiveHandlesAndRepliesPointAtTheirParent() throws Exception {
    FakeServer s = fake();
    try {
      List<Post> got = new ArrayList<>();
      var conn =
          Connectors.load()
              .open(
                  "x",
                  "x",
                  Map.of("baseUrl", s.baseUrl().toString(), "bearerToken", "b", "query", "q"),
                  TestSupport.context(new TestSupport.RecordingSleeper()));
      conn.listener().orElseThrow().stream(Optional.of("1"), (p, c) -> got.add(p));
      assertThat(conn.health().rateLimitRemaining()).hasValue(449);
      assertThat(conn.health().rateLimitReset())
          .contains(java.time.Instant.ofEpochSecond(1_795_436_100L));
      assertThat(got).hasSize(14);
      Post reply =
          got.stream()
              .filter(p -> p.externalId().equals("1276035977375477760"))
              .findFirst()
              .orElseThrow();
      assertThat(reply.author().handle()).isNotEqualTo("63046977");
      assertThat(reply.replyTo()).isPresent();
    } finally {
      s.close();
    }
  }
}
