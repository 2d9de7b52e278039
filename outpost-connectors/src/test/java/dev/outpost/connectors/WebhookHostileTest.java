package dev.outpost.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.core.Post;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile webhook deliveries (issue 14), Facebook and generic: any body is read as valid posts or
 * refused with a {@link ConnectorException} whose status is 400; any bad signature or timestamp
 * with 401. Never another exception (the web route would answer 500 and the sender retry forever).
 */
class WebhookHostileTest {
  private static final Instant NOW = TestSupport.CLOCK.instant();
  private final WebhookReceiver facebook =
      Connectors.load()
          .open(
              "facebook",
              "page",
              Map.of("appSecret", "a", "verifyToken", "v", "pageId", "1"),
              TestSupport.context(new TestSupport.RecordingSleeper()))
          .webhook()
          .orElseThrow();
  private final WebhookReceiver generic =
      Connectors.load()
          .open(
              "webhook",
              "reviews",
              Map.of("secret", "s"),
              TestSupport.context(new TestSupport.RecordingSleeper()))
          .webhook()
          .orElseThrow();

  private static void readsOrRefuses(WebhookReceiver r, byte[] body) {
    try {
      List<Post> posts = r.parse(body, NOW);
      posts.forEach(Hostile::valid);
    } catch (ConnectorException e) {
      assertThat(e.status()).as(e.getMessage()).hasValue(400);
      assertThat(e.retriable()).isFalse();
    }
  }

  @Provide
  Arbitrary<Hostile.Doc> feedDeliveries() {
    return Hostile.mutations(
        Hostile.tree(TestSupport.resource("payloads/facebook/feed_webhook.json")));
  }

  @Provide
  Arbitrary<Hostile.Doc> genericDeliveries() {
    return Hostile.mutations(
        Hostile.tree(
            "[{\"id\":\"r-1\",\"author\":\"jo\",\"text\":\"Acme app crashes\","
                + "\"createdAt\":\"2026-11-23T11:00:00Z\",\"url\":\"https://x.example/1\","
                + "\"language\":\"en\",\"inReplyTo\":\"r-0\",\"authorName\":\"Jo\"},"
                + "{\"id\":\"r-2\",\"author\":\"al\",\"text\":\"Five stars\"}]"));
  }

  @Property(tries = 300)
  void aMutatedFacebookDeliveryIsReadOrRefusedWith400(@ForAll("feedDeliveries") Hostile.Doc dDoc)
      throws Exception {
    readsOrRefuses(facebook, dDoc.bytes());
  }

  @Property(tries = 300)
  void aMutatedGenericDeliveryIsReadOrRefusedWith400(@ForAll("genericDeliveries") Hostile.Doc dDoc)
      throws Exception {
    readsOrRefuses(generic, dDoc.bytes());
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Hostile.randomBodies();
  }

  @Property(tries = 500)
  void randomBytesAreRefusedWith400(@ForAll("bodies") byte[] body) {
    readsOrRefuses(facebook, body);
    readsOrRefuses(generic, body);
  }

  @Example
  void theNastyBodyCorpusIsRefusedWith400() {
    for (byte[] body : Hostile.bodies()) {
      readsOrRefuses(facebook, body);
      readsOrRefuses(generic, body);
    }
  }

  @Example
  void hostileSignatureHeadersAre401() {
    byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
    List<Map<String, String>> headers =
        List.of(
            Map.of(),
            Map.of("X-Outpost-Timestamp", "99999999999999999999", "X-Outpost-Signature", "x"),
            Map.of("X-Outpost-Timestamp", "-9223372036854775808", "X-Outpost-Signature", "x"),
            Map.of("X-Outpost-Timestamp", "9223372036854775807", "X-Outpost-Signature", "x"),
            Map.of("X-Outpost-Timestamp", " ", "X-Outpost-Signature", "sha256="),
            Map.of(
                "X-Outpost-Timestamp",
                Long.toString(NOW.getEpochSecond()),
                "X-Outpost-Signature",
                "sha256=" + "zz".repeat(40_000)),
            Map.of("X-Hub-Signature-256", "sha256=\u0000\u202E"),
            Map.of("x-hub-signature-256", ""));
    for (Map<String, String> h : headers) {
      for (WebhookReceiver r : List.of(facebook, generic)) {
        try {
          r.verify(h, body);
          throw new AssertionError("accepted " + h);
        } catch (ConnectorException e) {
          assertThat(e.status()).as(e.getMessage()).hasValue(401);
        }
      }
    }
  }
}
