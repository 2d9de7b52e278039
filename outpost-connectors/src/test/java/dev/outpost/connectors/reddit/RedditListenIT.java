package dev.outpost.connectors.reddit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.ActionResult;
import dev.outpost.connectors.Connectors;
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
import org.junit.jupiter.api.Test;

/** The listener contract on the real subreddit listing (27 posts), pages of 10. */
class RedditListenIT extends ListenerContract {
  private final List<JsonNode> items = new ArrayList<>();
  private volatile int visible;

  private FakeServer fake() throws Exception {
    items.clear();
    JsonNode listing =
        Json.MAPPER.readTree(TestSupport.sharedText("fixtures/reddit/subreddit.json"));
    listing.at("/data/children").forEach(items::add);
    items.sort(Comparator.comparing(c -> c.at("/data/name").asText(), RedditListener::compare));
    visible = items.size();
    FakeServer s = new FakeServer();
    s.listen(r -> r.path().startsWith("/r/"));
    s.route(
        "POST",
        "/api/v1/access_token",
        r ->
            r.header("Authorization").startsWith("Basic ")
                ? Reply.json(
                    "{\"access_token\":\"tok\",\"token_type\":\"bearer\",\"expires_in\":3600}")
                : Reply.of(401, "application/json", "{}"));
    s.route(
        "GET",
        "/r/",
        r -> {
          int limit = Integer.parseInt(r.query().getOrDefault("limit", "25"));
          List<JsonNode> shown = items.subList(0, visible);
          List<JsonNode> pick;
          if (r.query().containsKey("before")) {
            String b = r.query().get("before");
            List<JsonNode> after =
                shown.stream()
                    .filter(c -> RedditListener.compare(c.at("/data/name").asText(), b) > 0)
                    .toList();
            pick = after.subList(0, Math.min(limit, after.size()));
          } else {
            pick = shown.subList(Math.max(0, shown.size() - limit), shown.size());
          }
          ObjectNode out = Json.object().put("kind", "Listing");
          ArrayNode ch = out.putObject("data").putArray("children");
          pick.reversed().forEach(ch::add);
          return Reply.json(out.toString())
              .withHeader("x-ratelimit-remaining", "599.0")
              .withHeader("x-ratelimit-reset", "420");
        });
    s.route(
        "POST",
        "/api/comment",
        r ->
            Reply.json(
                "{\"json\":{\"errors\":[],\"data\":{\"things\":[{\"kind\":\"t1\",\"data\":{\"name\":\"t1_new1\",\"permalink\":\"/r/x/comments/1/_/new1/\"}}]}}}"));
    return s;
  }

  @Override
  protected Harness open() throws Exception {
    FakeServer s = fake();
    return new SimpleHarness(
        "reddit",
        Map.of(
            "baseUrl",
            s.baseUrl().toString(),
            "authUrl",
            s.baseUrl().toString(),
            "clientId",
            "cid",
            "clientSecret",
            "csecret-SECRET",
            "subreddit",
            "androiddev",
            "limit",
            10),
        items.stream().map(c -> c.at("/data/name").asText()).toList(),
        Optional.of("t3_0"),
        n -> visible = n,
        s);
  }

  @Test
  void replyPostsACommentOnTheThingAndRateLimitsAreShown() throws Exception {
    FakeServer s = fake();
    try {
      var c =
          Connectors.load()
              .open(
                  "reddit",
                  "r",
                  Map.of(
                      "baseUrl", s.baseUrl().toString(),
                      "authUrl", s.baseUrl().toString(),
                      "clientId", "cid",
                      "clientSecret", "cs",
                      "username", "acme_support",
                      "password", "pw",
                      "subreddit", "androiddev"),
                  TestSupport.context(new TestSupport.RecordingSleeper()));
      c.listener().orElseThrow().stream(Optional.empty(), (p, cur) -> {});
      assertThat(c.health().rateLimitRemaining()).hasValue(599);
      ActionResult r = c.replier().orElseThrow().reply("t3_58qzqh", "Thanks for the report", "k");
      assertThat(r.externalId()).isEqualTo("t1_new1");
      FakeServer.Request req = s.requests().getLast();
      assertThat(req.body()).contains("thing_id=t3_58qzqh").contains("text=Thanks+for+the+report");
      assertThat(req.header("User-Agent")).isNotBlank();
      assertThat(
              s.requests().stream()
                  .filter(x -> x.path().equals("/api/v1/access_token"))
                  .findFirst()
                  .orElseThrow()
                  .body())
          .contains("grant_type=password");
    } finally {
      s.close();
    }
  }
}
