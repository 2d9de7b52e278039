package dev.outpost.connectors.mastodon;

import dev.outpost.connectors.FaultScript;
import dev.outpost.connectors.ListenerContract;
import dev.outpost.connectors.TestSupport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The listener contract on Mastodon's real tag timeline (20 statuses, pages of 8). */
class MastodonListenIT extends ListenerContract {
  @Override
  protected Harness open() throws Exception {
    FakeMastodon m =
        new FakeMastodon(TestSupport.sharedText("fixtures/mastodon/tag_timeline.json"));
    return new Harness() {
      @Override
      public String type() {
        return "mastodon";
      }

      @Override
      public Map<String, Object> settings() {
        return Map.of(
            "baseUrl", m.server.baseUrl().toString(),
            "accessToken", "tok-SECRET-123",
            "timeline", "hashtag",
            "hashtag", "mastodon",
            "limit", 8);
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
}
