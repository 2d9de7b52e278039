package dev.outpost.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.TestSupport;
import dev.outpost.core.Post;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MastodonParseTest {
  @Test
  void mapsEveryRealStatusOfBothTimelines() throws Exception {
    List<Post> posts = new ArrayList<>();
    for (String f : List.of("public_timeline.json", "tag_timeline.json")) {
      JsonNode arr = Json.MAPPER.readTree(TestSupport.sharedText("fixtures/mastodon/" + f));
      arr.forEach(s -> posts.add(Statuses.post(s, "mastodon.social")));
    }
    assertThat(posts).hasSize(40);
    assertThat(posts).allSatisfy(p -> assertThat(p.text()).doesNotContain("<p>", "<br", "&amp;"));
    Post first = posts.get(20);
    assertThat(first.externalId()).isEqualTo("714859");
    assertThat(first.author().handle()).isEqualTo("jeroenpraat@mastodon.social");
    assertThat(first.replyTo()).contains("675923");
  }

  @Test
  void searchResultsCarryStatuses() throws Exception {
    JsonNode s = Json.MAPPER.readTree(TestSupport.sharedText("fixtures/mastodon/search.json"));
    assertThat(s.get("statuses")).hasSize(2);
    s.get("statuses").forEach(x -> assertThat(Statuses.post(x, "h").externalId()).isNotBlank());
  }
}
