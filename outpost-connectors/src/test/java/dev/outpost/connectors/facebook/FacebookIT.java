package dev.outpost.connectors.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outpost.connectors.Connection;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Connectors;
import dev.outpost.connectors.FakeServer;
import dev.outpost.connectors.FakeServer.Reply;
import dev.outpost.connectors.Fault;
import dev.outpost.connectors.Secret;
import dev.outpost.connectors.Signatures;
import dev.outpost.connectors.TestSupport;
import dev.outpost.core.Post;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FacebookIT {
  private FakeServer graph;
  private Connection fb;
  private final byte[] body =
      TestSupport.resource("payloads/facebook/feed_webhook.json").getBytes(StandardCharsets.UTF_8);

  @BeforeEach
  void start() throws Exception {
    graph = new FakeServer();
    graph.listen(r -> r.method().equals("POST"));
    graph.route("POST", "/", r -> Reply.json("{\"id\":\"900000000000001_1200000000000099\"}"));
    fb =
        Connectors.load()
            .open(
                "facebook",
                "page",
                Map.of(
                    "appSecret", "app-SECRET",
                    "verifyToken", "verify-me",
                    "pageId", "104857600000001",
                    "pageAccessToken", "EAAB-SECRET",
                    "graphUrl", graph.baseUrl().toString()),
                TestSupport.context(new TestSupport.RecordingSleeper()));
  }

  @AfterEach
  void stop() {
    graph.close();
  }

  @Test
  void aSignedFeedDeliveryGivesItsNewCommentsAndPostsOnly() {
    String sig = Signatures.sha256(new Secret("app-SECRET"), body);
    List<Post> posts =
        fb.webhook()
            .orElseThrow()
            .receive(Map.of("x-hub-signature-256", sig), body, TestSupport.CLOCK.instant());
    assertThat(posts)
        .extracting(Post::externalId)
        .containsExactly("900000000000001_1200000000000007", "104857600000001_900000000000002");
    assertThat(posts.getFirst().replyTo()).contains("104857600000001_900000000000001");
    assertThat(posts.getFirst().author().displayName()).isEqualTo("Wile E. Coyote");
  }

  @Test
  void aWrongOrMissingSignatureIsRefused() {
    String wrong = Signatures.sha256(new Secret("other"), body);
    assertThatThrownBy(
            () ->
                fb.webhook()
                    .orElseThrow()
                    .receive(
                        Map.of("X-Hub-Signature-256", wrong), body, TestSupport.CLOCK.instant()))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.status()).hasValue(401));
    assertThatThrownBy(
            () -> fb.webhook().orElseThrow().receive(Map.of(), body, TestSupport.CLOCK.instant()))
        .isInstanceOf(ConnectorException.class);
    assertThat(fb.health().errors()).isEqualTo(2);
  }

  @Test
  void theSubscriptionCheckEchoesTheChallengeOnlyForTheRightToken() {
    var w = fb.webhook().orElseThrow();
    assertThat(
            w.challenge(
                Map.of(
                    "hub.mode",
                    "subscribe",
                    "hub.verify_token",
                    "verify-me",
                    "hub.challenge",
                    "1158201444")))
        .contains("1158201444");
    assertThat(
            w.challenge(
                Map.of("hub.mode", "subscribe", "hub.verify_token", "nope", "hub.challenge", "1")))
        .isEmpty();
  }

  @Test
  void aReplyIsRetriedAfter429ButNotAfterAnAmbiguous500() throws Exception {
    graph.faults().plan(List.of(Fault.RATE_LIMITED, Fault.OK));
    var r =
        fb.replier()
            .orElseThrow()
            .reply("900000000000001_1200000000000007", "Sorry! Checking now.", "k");
    assertThat(r.externalId()).isEqualTo("900000000000001_1200000000000099");
    assertThat(graph.requests()).hasSize(2);
    assertThat(graph.requests().getLast().path())
        .isEqualTo("/900000000000001_1200000000000007/comments");
    assertThat(graph.requests().getLast().body()).contains("message=Sorry%21+Checking+now.");

    graph.faults().plan(List.of(Fault.SERVER_ERROR, Fault.OK));
    assertThatThrownBy(() -> fb.publisher().orElseThrow().publish("Update", "k2"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retriable()).isTrue());
    assertThat(graph.requests())
        .as("no blind repeat of a post that may have been created")
        .hasSize(3);
    assertThat(fb.health().lastError())
        .hasValueSatisfying(m -> assertThat(m).doesNotContain("EAAB-SECRET"));
  }
}
