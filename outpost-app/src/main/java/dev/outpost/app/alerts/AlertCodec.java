package dev.outpost.app.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.core.Alert;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** An alert as the JSON text of an outbox entry, so that a restart can still send it. */
final class AlertCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertCodec() {}

  static String write(Alert a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("threadId", a.threadId());
    n.put("kind", a.kind().name());
    n.put("phase", a.phase().name());
    n.put("severity", a.severity().name());
    n.put("subject", a.subject());
    n.put("at", a.at().toString());
    n.put("observed", a.observed());
    n.put("expected", a.expected());
    n.put("summary", a.summary());
    n.put("evidence", a.evidence());
    ObjectNode d = n.putObject("details");
    new TreeMap<>(a.details()).forEach(d::put);
    return n.toString();
  }

  static Alert read(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an alert: " + e.getOriginalMessage(), e);
    }
    Map<String, String> details = new LinkedHashMap<>();
    n.path("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
    return new Alert(
        n.path("threadId").asText(),
        Alert.Kind.valueOf(n.path("kind").asText()),
        Alert.Phase.valueOf(n.path("phase").asText()),
        Alert.Severity.valueOf(n.path("severity").asText()),
        n.path("subject").asText(),
        Instant.parse(n.path("at").asText()),
        n.path("observed").asDouble(),
        n.path("expected").asDouble(),
        n.path("summary").asText(),
        n.path("evidence").asText(),
        details);
  }
}
