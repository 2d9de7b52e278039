package dev.outpost.connectors.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Hostile;
import dev.outpost.connectors.TestSupport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile comment threads (issue 14). */
class YouTubeHostileTest {
  @Provide
  Arbitrary<Hostile.Doc> threads() {
    return Hostile.mutations(
        Hostile.tree(TestSupport.resource("payloads/youtube/comment_threads_acme.json"))
            .path("items")
            .get(0));
  }

  @Property(tries = 300)
  void aMutatedThreadIsReadOrRefused(@ForAll("threads") Hostile.Doc tDoc) {
    JsonNode t = tDoc.json();
    Hostile.readsOrRefuses(() -> YouTubeConnector.post(t));
  }

  @Example
  void anyHostileValueInPlaceOfAThreadIsRefused() {
    for (JsonNode v : Hostile.values()) {
      Hostile.readsOrRefuses(() -> YouTubeConnector.post(v));
    }
  }
}
