package dev.outpost.app;

import dev.outpost.connectors.Connection;
import dev.outpost.connectors.HealthSnapshot;
import dev.outpost.core.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code /health} reports of the pipeline, detection and connectors. */
final class HealthStatus {
  private HealthStatus() {}

  static Map<String, Object> of(
      Pipeline pipeline,
      LiveDetection detection,
      List<Connection> connections,
      dev.outpost.care.outbox.OutboxDispatcher dispatcher) {
    var s = pipeline.stats();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("received", s.received());
    m.put("matched", s.matched());
    m.put("newMentions", s.newMentions());
    m.put("queued", s.queued());
    m.put("queueCapacity", s.queueCapacity());
    m.put("lagMillis", s.lagMillis());
    m.put("storeFailures", s.storeFailures());
    s.lastError().ifPresent(err -> m.put("lastError", err));
    m.put("detection", detection.status());
    if (!connections.isEmpty()) {
      List<Map<String, Object>> health = new ArrayList<>();
      for (Connection c : connections) {
        HealthSnapshot h = c.health();
        Map<String, Object> hm = new LinkedHashMap<>();
        hm.put("name", h.name());
        hm.put("type", c.type());
        hm.put("state", h.state().name());
        h.lastSuccess().ifPresent(t -> hm.put("lastSuccess", t.toString()));
        h.lag().ifPresent(d -> hm.put("lagSeconds", d.toSeconds()));
        hm.put("errors", h.errors());
        h.lastError().ifPresent(x -> hm.put("lastError", x));
        h.rateLimitRemaining().ifPresent(r -> hm.put("rateLimitRemaining", r));
        h.rateLimitReset().ifPresent(t -> hm.put("rateLimitReset", t.toString()));
        health.add(hm);
      }
      m.put("connectors", health);
    }
    m.put("outbox", dispatcher.status());
    m.put("deadLettered", s.rejected());
    s.lastRejection().ifPresent(r -> m.put("lastDeadLetter", r));
    return m;
  }
}
