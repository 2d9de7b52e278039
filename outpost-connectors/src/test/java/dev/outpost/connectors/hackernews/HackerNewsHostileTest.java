package dev.outpost.connectors.hackernews;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Hostile;
import dev.outpost.connectors.TestSupport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile Algolia hits (issue 14). */
class HackerNewsHostileTest {
  @Provide
  Arbitrary<Hostile.Doc> hits() {
    return Hostile.mutations(
        Hostile.tree(TestSupport.resource("payloads/hackernews/search_by_date_acme.json"))
            .path("hits")
            .get(0));
  }

  @Property(tries = 300)
  void aMutatedHitIsReadOrRefused(@ForAll("hits") Hostile.Doc hDoc) {
    JsonNode h = hDoc.json();
    Hostile.readsOrRefuses(() -> HackerNewsConnector.post(h));
  }

  @Example
  void anyHostileValueInPlaceOfAHitIsRefused() {
    for (JsonNode v : Hostile.values()) {
      Hostile.readsOrRefuses(() -> HackerNewsConnector.post(v));
    }
  }
}
