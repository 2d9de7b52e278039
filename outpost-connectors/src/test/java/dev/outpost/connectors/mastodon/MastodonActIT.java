package dev.outpost.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.ActionResult;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connectors;
import dev.outpost.connectors.FakeServer;
import dev.outpost.connectors.FakeServer.Reply;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.TestSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MastodonActIT {
  private FakeMastodon m;
  private final AtomicInteger statusCalls = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    m = new FakeMastodon(TestSupport.sharedText("fixtures/mastodon/tag_timeline.json"));
    String created = TestSupport.sharedText("fixtures/mastodon/status.json");
    m.server.route(
        "POST",
        "/api/v1/statuses",
        r ->
            statusCalls.incrementAndGet() == 1
                ? Reply.of(503, "text/plain", "busy")
                : Reply.json(created));
    m.server.route(
        "POST", "/api/v1/accounts/1/follow", r -> Reply.json("{\"id\":\"1\",\"following\":true}"));
  }

  @AfterEach
  void stop() {
    m.server.close();
  }

  private Connection connect(boolean withToken) {
    Map<String, Object> s =
        withToken
            ? Map.of(
                "baseUrl", m.server.baseUrl().toString(), "accessToken", "tok-1", "hashtag", "x")
            : Map.of("baseUrl", m.server.baseUrl().toString(), "hashtag", "x");
    return Connectors.load()
        .open("mastodon", "care", s, TestSupport.context(new TestSupport.RecordingSleeper()));
  }

  private List<FakeServer.Request> posts() {
    return m.server.requests().stream().filter(r -> r.path().equals("/api/v1/statuses")).toList();
  }

  @Test
  void replyIsRetriedWithTheSameIdempotencyKeyAndAnswersThePost() throws Exception {
    ActionResult r =
        connect(true).replier().orElseThrow().reply("714859", "Thanks, fixed!", "k-42");
    JsonNode expected =
        Json.MAPPER.readTree(TestSupport.sharedText("fixtures/mastodon/status.json"));
    assertThat(r.externalId()).isEqualTo(expected.get("id").asText());
    assertThat(posts()).hasSize(2);
    assertThat(posts()).allSatisfy(p -> assertThat(p.header("Idempotency-Key")).isEqualTo("k-42"));
    assertThat(posts())
        .allSatisfy(p -> assertThat(p.header("Authorization")).isEqualTo("Bearer tok-1"));
    JsonNode body = Json.MAPPER.readTree(posts().getLast().body());
    assertThat(body.get("in_reply_to_id").asText()).isEqualTo("714859");
    assertThat(body.get("status").asText()).isEqualTo("Thanks, fixed!");
    assertThat(body.get("visibility").asText()).isEqualTo("public");
  }

  @Test
  void directMessageIsADirectStatusMentioningTheAccount() throws Exception {
    connect(true)
        .messenger()
        .orElseThrow()
        .sendDirect("alice@example.org", "Can you DM your order number?", "dm-1");
    JsonNode body = Json.MAPPER.readTree(posts().getLast().body());
    assertThat(body.get("visibility").asText()).isEqualTo("direct");
    assertThat(body.get("status").asText()).startsWith("@alice@example.org ");
  }

  @Test
  void followLooksTheAccountUpThenFollows() throws Exception {
    ActionResult r = connect(true).follower().orElseThrow().follow("@Gargron", "f-1");
    assertThat(r.externalId()).isEqualTo("1");
    assertThat(m.server.requests())
        .extracting(FakeServer.Request::path)
        .containsSubsequence("/api/v1/accounts/lookup", "/api/v1/accounts/1/follow");
  }

  @Test
  void lookupOfAnUnknownAccountIsEmptyAndKeepsTheConnectionHealthy() throws Exception {
    Connection c = connect(true);
    assertThat(c.lookup().orElseThrow().lookup("nobody")).isEmpty();
    assertThat(c.lookup().orElseThrow().lookup("Gargron"))
        .hasValueSatisfying(a -> assertThat(a.followers()).isEqualTo(300_000));
    assertThat(c.health().errors()).isZero();
  }

  @Test
  void withoutATokenItOnlyListensAndLooksUp() {
    Connection c = connect(false);
    assertThat(c.listener()).isPresent();
    assertThat(c.replier()).isEmpty();
    assertThat(c.publisher()).isEmpty();
  }
}
