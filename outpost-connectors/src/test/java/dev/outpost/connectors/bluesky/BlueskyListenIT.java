package dev.outpost.connectors.bluesky;

import dev.outpost.connectors.FaultScript;
import dev.outpost.connectors.ListenerContract;
import dev.outpost.connectors.TestSupport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The listener contract on the 152 real Jetstream events (17 post creations). */
class BlueskyListenIT extends ListenerContract {
  @Override
  protected Harness open() throws Exception {
    FakeJetstream j =
        new FakeJetstream(
            TestSupport.sharedText("fixtures/bluesky_jetstream/jetstream_v1_events.jsonl"));
    return new Harness() {
      @Override
      public String type() {
        return "bluesky";
      }

      @Override
      public Map<String, Object> settings() {
        return Map.of(
            "jetstreamUrl", j.url().toString(),
            "idleTimeout", "1s",
            "identifier", "care.example.com",
            "appPassword", "app-pass-SECRET");
      }

      @Override
      public List<String> expectedIds() {
        return j.posts.stream().map(e -> Jetstream.post(e).orElseThrow().externalId()).toList();
      }

      @Override
      public Optional<String> startCursor() {
        return Optional.empty();
      }

      @Override
      public void reveal(int n) {
        j.reveal(n);
      }

      @Override
      public FaultScript faults() {
        return j.faults;
      }

      @Override
      public void close() throws Exception {
        j.close();
      }
    };
  }
}
