package dev.outpost.connectors.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** The listener contract on a recorded commentThreads.list response (9 threads), pages of 3. */
class YouTubeListenIT extends ListenerContract {
  private FakeServer fake(List<JsonNode> threads, int[] visible) throws Exception {
    Json.MAPPER
        .readTree(TestSupport.resource("payloads/youtube/comment_threads_acme.json"))
        .path("items")
        .forEach(threads::add);
    threads.sort(Comparator.comparing(YouTubeConnector::key, YouTubeConnector::compare));
    visible[0] = threads.size();
    FakeServer s = new FakeServer();
    s.listen(r -> r.path().equals("/youtube/v3/commentThreads"));
    s.route(
        "GET",
        "/youtube/v3/commentThreads",
        r -> {
          if (!r.query().getOrDefault("key", "").equals("yt-key")) {
            return Reply.of(403, "application/json", "{\"error\":{\"code\":403}}");
          }
          int max = Integer.parseInt(r.query().get("maxResults"));
          int from = Integer.parseInt(r.query().getOrDefault("pageToken", "0"));
          List<JsonNode> newest = threads.subList(0, visible[0]).reversed();
          ObjectNode out = Json.object().put("kind", "youtube#commentThreadListResponse");
          newest
              .subList(Math.min(from, newest.size()), Math.min(from + max, newest.size()))
              .forEach(out.putArray("items")::add);
          if (!out.has("items")) {
            out.putArray("items");
          }
          if (from + max < newest.size()) {
            out.put("nextPageToken", Integer.toString(from + max));
          }
          return Reply.json(out.toString());
        });
    s.route(
        "POST",
        "/youtube/v3/comments",
        r -> Reply.json("{\"kind\":\"youtube#comment\",\"id\":\"Ugzreply.1\"}"));
    return s;
  }

  @Override
  protected Harness open() throws Exception {
    List<JsonNode> threads = new ArrayList<>();
    int[] visible = {0};
    FakeServer s = fake(threads, visible);
    return new SimpleHarness(
        "youtube",
        Map.of(
            "baseUrl",
            s.baseUrl().toString(),
            "apiKey",
            "yt-key",
            "channelId",
            "UCacmeExampleChannel000",
            "maxResults",
            3),
        threads.stream().map(t -> t.path("id").asText()).toList(),
        Optional.of("2000-01-01T00:00:00Z|0"),
        n -> visible[0] = n,
        s);
  }

  @Test
  void replyInsertsACommentUnderTheThread() throws Exception {
    FakeServer s = fake(new ArrayList<>(), new int[1]);
    try {
      var r =
          Connectors.load()
              .open(
                  "youtube",
                  "yt",
                  Map.of(
                      "baseUrl",
                      s.baseUrl().toString(),
                      "apiKey",
                      "yt-key",
                      "videoId",
                      "v1",
                      "accessToken",
                      "ya29"),
                  TestSupport.context(new TestSupport.RecordingSleeper()))
              .replier()
              .orElseThrow()
              .reply("Ugz3e8Qk9vA4aABAg", "Thanks, we fixed the video description.", "k");
      assertThat(r.externalId()).isEqualTo("Ugzreply.1");
      JsonNode body = Json.MAPPER.readTree(s.requests().getLast().body());
      assertThat(body.at("/snippet/parentId").asText()).isEqualTo("Ugz3e8Qk9vA4aABAg");
      assertThat(s.requests().getLast().header("Authorization")).isEqualTo("Bearer ya29");
    } finally {
      s.close();
    }
  }
}
