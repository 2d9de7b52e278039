package dev.outpost.connectors.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Hostile;
import dev.outpost.connectors.TestSupport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile Reddit listing children (issue 14). */
class RedditHostileTest {
  @Provide
  Arbitrary<Hostile.Doc> children() {
    return Hostile.mutations(
        Hostile.tree(TestSupport.sharedText("fixtures/reddit/subreddit.json"))
            .at("/data/children/0"));
  }

  @Property(tries = 300)
  void aMutatedRealChildIsReadOrRefused(@ForAll("children") Hostile.Doc cDoc) {
    JsonNode c = cDoc.json();
    Hostile.readsOrRefuses(() -> RedditClient.post(c));
  }

  @Example
  void anyHostileValueInPlaceOfAChildIsRefused() {
    for (JsonNode v : Hostile.values()) {
      Hostile.readsOrRefuses(() -> RedditClient.post(v));
    }
  }
}
