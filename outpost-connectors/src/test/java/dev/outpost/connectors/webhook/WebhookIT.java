package dev.outpost.connectors.webhook;

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

class WebhookIT {
  private static final String NOW = Long.toString(TestSupport.CLOCK.instant().getEpochSecond());
  private FakeServer target;
  private Connection hook;

  @BeforeEach
  void start() throws Exception {
    target = new FakeServer();
    target.listen(r -> true);
    target.route("POST", "/", r -> Reply.of(202, "application/json", "{}"));
    hook =
        Connectors.load()
            .open(
                "webhook",
                "reviews",
                Map.of(
                    "secret",
                    "s3cret",
                    "network",
                    "appstore",
                    "targetUrl",
                    target.baseUrl() + "/out"),
                TestSupport.context(new TestSupport.RecordingSleeper()));
  }

  @AfterEach
  void stop() {
    target.close();
  }

  private static Map<String, String> signed(String ts, String body) {
    return Map.of(
        "X-Outpost-Timestamp",
        ts,
        "X-Outpost-Signature",
        Signatures.sha256(
            new Secret("s3cret"), (ts + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void signedPostsAreReadInOrderWithTheirNetwork() throws Exception {
    String body =
        "[{\"id\":\"r-1\",\"author\":\"jo\",\"text\":\"App crashes on login \\uD83D\\uDE21\",\"createdAt\":\"2026-11-23T11:00:00Z\"},"
            + "{\"id\":\"r-2\",\"author\":\"al\",\"text\":\"Five stars\"}]";
    List<Post> got =
        hook.webhook()
            .orElseThrow()
            .receive(
                signed(NOW, body),
                body.getBytes(StandardCharsets.UTF_8),
                TestSupport.CLOCK.instant());
    assertThat(got).extracting(Post::externalId).containsExactly("r-1", "r-2");
    assertThat(got).allSatisfy(p -> assertThat(p.network()).isEqualTo("appstore"));
  }

  @Test
  void staleTamperedOrIncompleteDeliveriesAreRefusedWithTheReason() {
    var w = hook.webhook().orElseThrow();
    String body = "{\"id\":\"r-1\",\"author\":\"jo\",\"text\":\"hi\"}";
    String old = Long.toString(TestSupport.CLOCK.instant().getEpochSecond() - 3600);
    assertThatThrownBy(
            () ->
                w.receive(
                    signed(old, body),
                    body.getBytes(StandardCharsets.UTF_8),
                    TestSupport.CLOCK.instant()))
        .hasMessageContaining("X-Outpost-Timestamp");
    assertThatThrownBy(
            () ->
                w.receive(
                    signed(NOW, body),
                    (body + " ").getBytes(StandardCharsets.UTF_8),
                    TestSupport.CLOCK.instant()))
        .hasMessageContaining("X-Outpost-Signature");
    String noText =
        "[{\"id\":\"a\",\"author\":\"b\",\"text\":\"ok\"},{\"id\":\"c\",\"author\":\"d\"}]";
    assertThatThrownBy(
            () ->
                w.receive(
                    signed(NOW, noText),
                    noText.getBytes(StandardCharsets.UTF_8),
                    TestSupport.CLOCK.instant()))
        .isInstanceOf(ConnectorException.class)
        .hasMessage("post 1: 'text' is missing");
    String notJson = "\u00ff\u00fe garbage";
    assertThatThrownBy(
            () ->
                w.receive(
                    signed(NOW, notJson),
                    notJson.getBytes(StandardCharsets.ISO_8859_1),
                    TestSupport.CLOCK.instant()))
        .isInstanceOf(ConnectorException.class);
  }

  @Test
  void outboundRepliesSurviveTheFaultScriptWithOneIdempotencyKey() throws Exception {
    target.faults().plan(Fault.SCRIPT);
    hook.replier().orElseThrow().reply("r-1", "Thanks, a fix ships Friday.", "reply-r-1");
    List<FakeServer.Request> reqs = target.requests();
    // 429, 500 and the timeout are retried; any 2xx acknowledges, so the "malformed" body ends it.
    assertThat(reqs).hasSize(4);
    assertThat(reqs)
        .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo("reply-r-1"));
    FakeServer.Request last = reqs.getLast();
    String ts = last.header("X-Outpost-Timestamp");
    assertThat(
            Signatures.verify(
                new Secret("s3cret"),
                (ts + "." + last.body()).getBytes(StandardCharsets.UTF_8),
                last.header("X-Outpost-Signature")))
        .isTrue();
    assertThat(last.body()).contains("\"inReplyTo\":\"r-1\"");
    assertThat(hook.health().errors()).isEqualTo(3);
  }
}
