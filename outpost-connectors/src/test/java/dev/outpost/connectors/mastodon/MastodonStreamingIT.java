package dev.outpost.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.connectors.Connectors;
import dev.outpost.connectors.FaultScript;
import dev.outpost.connectors.ListenerContract;
import dev.outpost.connectors.TestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The listener contract with {@code streaming: true}: REST catch-up, then the streaming API whose
 * events overlap what was caught up (they must not be emitted twice).
 */
class MastodonStreamingIT extends ListenerContract {
  private FakeMastodon m;

  private Map<String, Object> settings() {
    return Map.of(
        "baseUrl",
        m.server.baseUrl().toString(),
        "accessToken",
        "tok-SECRET-123",
        "hashtag",
        "mastodon",
        "limit",
        8,
        "streaming",
        true);
  }

  @Override
  protected Harness open() throws Exception {
    m = new FakeMastodon(TestSupport.sharedText("fixtures/mastodon/tag_timeline.json"));
    return new Harness() {
      @Override
      public String type() {
        return "mastodon";
      }

      @Override
      public Map<String, Object> settings() {
        return MastodonStreamingIT.this.settings();
      }

      @Override
      public List<String> expectedIds() {
        return m.ids();
      }

      @Override
      public Optional<String> startCursor() {
        return Optional.of("0");
      }

      @Override
      public void reveal(int n) {
        m.visible = n;
      }

      @Override
      public FaultScript faults() {
        return m.server.faults();
      }

      @Override
      public void close() {
        m.server.close();
      }
    };
  }

  @Test
  void statusesThatArriveOnlyOnTheStreamAreEmittedOnceAfterTheCatchUp() throws Exception {
    m.visible = 15;
    m.streamAhead = 3;
    List<String> got = new ArrayList<>();
    Connectors.load()
        .open("mastodon", "s", settings(), TestSupport.context(new TestSupport.RecordingSleeper()))
        .listener()
        .orElseThrow()
        .stream(Optional.of("0"), (p, c) -> got.add(p.externalId()));
    assertThat(got)
        .as("requests %s", m.server.requests().stream().map(r -> r.path() + r.query()).toList())
        .containsExactlyElementsOf(m.ids().subList(0, 18));
    assertThat(m.server.requests().getLast().path()).isEqualTo("/api/v1/streaming/hashtag");
    assertThat(m.server.requests().getLast().query()).containsEntry("tag", "mastodon");
  }
}
