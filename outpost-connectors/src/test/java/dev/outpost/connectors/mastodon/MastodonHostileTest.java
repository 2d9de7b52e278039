package dev.outpost.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Hostile;
import dev.outpost.connectors.TestSupport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile statuses (issue 14): each is read as a valid post or refused with a reason. */
class MastodonHostileTest {
  @Provide
  Arbitrary<Hostile.Doc> statuses() {
    return Hostile.mutations(Hostile.tree(TestSupport.sharedText("fixtures/mastodon/status.json")));
  }

  @Property(tries = 300)
  void aMutatedRealStatusIsReadOrRefused(@ForAll("statuses") Hostile.Doc sDoc) {
    JsonNode s = sDoc.json();
    Hostile.readsOrRefuses(() -> Statuses.post(s, "mastodon.example"));
  }

  @Example
  void anyHostileValueInPlaceOfAStatusIsRefused() {
    for (JsonNode v : Hostile.values()) {
      Hostile.readsOrRefuses(() -> Statuses.post(v, "mastodon.example"));
    }
    assertThat(Hostile.values()).hasSizeGreaterThan(20);
  }
}
