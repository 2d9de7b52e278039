package dev.outpost.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connectors;
import dev.outpost.connectors.FaultScript;
import dev.outpost.connectors.ListenerContract;
import dev.outpost.connectors.TestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The listener contract on a recorded Google-Alerts-shaped Atom feed (10 entries). */
class RssListenIT extends ListenerContract {
  @Override
  protected Harness open() throws Exception {
    FakeFeed f =
        new FakeFeed(
            TestSupport.resource("payloads/rss/google_alerts_acme.atom.xml"),
            "entry",
            "application/atom+xml");
    return new Harness() {
      @Override
      public String type() {
        return "rss";
      }

      @Override
      public Map<String, Object> settings() {
        return Map.of("url", f.server.baseUrl() + "/feed");
      }

      @Override
      public List<String> expectedIds() {
        return f.ids("id");
      }

      @Override
      public Optional<String> startCursor() {
        return Optional.empty();
      }

      @Override
      public void reveal(int n) {
        f.visible = n;
      }

      @Override
      public FaultScript faults() {
        return f.server.faults();
      }

      @Override
      public void close() {
        f.server.close();
      }
    };
  }

  @Test
  void aCaughtUpCheckpointMakesAConditionalGetAndARestartInABatchRereads() throws Exception {
    FakeFeed f =
        new FakeFeed(
            TestSupport.resource("payloads/rss/forum_acme.rss.xml"), "item", "application/rss+xml");
    try {
      Connection c =
          Connectors.load()
              .open(
                  "rss",
                  "forum",
                  Map.of("url", f.server.baseUrl() + "/feed"),
                  TestSupport.context(new TestSupport.RecordingSleeper()));
      List<String> cursors = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      c.listener().orElseThrow().stream(
          Optional.empty(),
          (p, cur) -> {
            ids.add(p.externalId());
            cursors.add(cur);
          });
      assertThat(ids).containsExactlyElementsOf(f.ids("guid"));
      assertThat(cursors.getFirst()).doesNotContain("etag");
      assertThat(cursors.getLast()).contains("etag");

      List<String> again = new ArrayList<>();
      c.listener().orElseThrow().stream(
          Optional.of(cursors.getLast()), (p, cur) -> again.add(p.externalId()));
      assertThat(again).isEmpty();
      assertThat(f.server.requests().getLast().header("If-None-Match")).isEqualTo("\"v6\"");

      c.listener().orElseThrow().stream(
          Optional.of(cursors.get(2)), (p, cur) -> again.add(p.externalId()));
      assertThat(again).containsExactlyElementsOf(ids.subList(3, ids.size()));
    } finally {
      f.server.close();
    }
  }
}
