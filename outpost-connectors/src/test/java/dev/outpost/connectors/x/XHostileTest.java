package dev.outpost.connectors.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Hostile;
import dev.outpost.connectors.TestSupport;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile X v2 tweets and user expansions (issue 14). */
class XHostileTest {
  private static final JsonNode RESPONSE =
      Hostile.tree(TestSupport.sharedText("fixtures/x_api_v2/apis__tweet__tweets_resp.json"));

  @Provide
  Arbitrary<Hostile.Doc> responses() {
    return Hostile.mutations(RESPONSE);
  }

  @Property(tries = 300)
  void aMutatedRealResponseGivesPostsOrRefusals(@ForAll("responses") Hostile.Doc rDoc) {
    JsonNode r = rDoc.json();
    Map<String, JsonNode> users = new HashMap<>();
    r.at("/includes/users").forEach(u -> users.put(u.path("id").asText(), u));
    for (JsonNode t : r.path("data")) {
      Hostile.readsOrRefuses(() -> XClient.post(t, users));
    }
  }

  @Example
  void anyHostileValueInPlaceOfATweetOrUserIsRefused() {
    for (JsonNode v : Hostile.values()) {
      Hostile.readsOrRefuses(() -> XClient.post(v, Map.of()));
      Hostile.readsOrRefuses(() -> XClient.post(RESPONSE.at("/data/0"), Map.of("unknown", v)));
    }
    assertThat(RESPONSE.path("data").size()).isPositive();
  }
}
