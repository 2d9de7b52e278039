package dev.outpost.connectors.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Hostile;
import dev.outpost.connectors.TestSupport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile Jetstream events and search results (issue 14). */
class BlueskyHostileTest {
  @Provide
  Arbitrary<Hostile.Doc> events() {
    String post =
        TestSupport.sharedText("fixtures/bluesky_jetstream/jetstream_v1_events.jsonl")
            .lines()
            .filter(
                l ->
                    l.contains("\"operation\":\"create\"")
                        && l.contains("\"collection\":\"app.bsky.feed.post\""))
            .findFirst()
            .orElseThrow();
    return Hostile.mutations(Hostile.tree(post));
  }

  @Provide
  Arbitrary<Hostile.Doc> views() {
    return Hostile.mutations(
        Hostile.tree(TestSupport.resource("payloads/bluesky/search_posts_acme.json"))
            .path("posts")
            .get(0));
  }

  @Property(tries = 300)
  void aMutatedRealJetstreamEventIsReadSkippedOrRefused(@ForAll("events") Hostile.Doc eDoc) {
    JsonNode e = eDoc.json();
    Hostile.readsOrRefuses(() -> Jetstream.post(e).orElseGet(BlueskyHostileTest::ok));
  }

  @Property(tries = 300)
  void aMutatedRealSearchResultIsReadOrRefused(@ForAll("views") Hostile.Doc vDoc) {
    JsonNode v = vDoc.json();
    Hostile.readsOrRefuses(() -> SearchListener.post(v));
  }

  @Example
  void anyHostileValueInPlaceOfAnEventIsSkippedOrRefused() {
    for (JsonNode v : Hostile.values()) {
      Hostile.readsOrRefuses(() -> Jetstream.post(v).orElseGet(BlueskyHostileTest::ok));
      Hostile.readsOrRefuses(() -> SearchListener.post(v));
    }
  }

  private static dev.outpost.core.Post ok() {
    return new dev.outpost.core.Post(
        BlueskyConnector.NETWORK,
        "skipped",
        dev.outpost.core.Author.of(BlueskyConnector.NETWORK, "did:plc:x"),
        "",
        "und",
        java.time.Instant.EPOCH,
        java.util.Optional.empty(),
        java.util.Optional.empty(),
        dev.outpost.core.Metrics.NONE);
  }
}
