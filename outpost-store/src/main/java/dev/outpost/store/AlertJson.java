package dev.outpost.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alerts and incidents as JSON: kept in {@code jsonb} columns, and as the text of an alert's outbox
 * entry so that a restart can still send it.
 */
public final class AlertJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertJson() {}

  public static String write(Alert a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("threadId", Sql.text(a.threadId()));
    n.put("kind", a.kind().name());
    n.put("phase", a.phase().name());
    n.put("severity", a.severity().name());
    n.put("subject", Sql.text(a.subject()));
    n.put("at", a.at().toString());
    n.put("observed", a.observed());
    n.put("expected", a.expected());
    n.put("summary", Sql.text(a.summary()));
    n.put("evidence", Sql.text(a.evidence()));
    ObjectNode d = n.putObject("details");
    new TreeMap<>(Sql.textMap(a.details())).forEach(d::put);
    return n.toString();
  }

  /**
   * @throws StoreException when the text is not an alert
   */
  public static Alert readAlert(String json) {
    JsonNode n = parse(json);
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

  static String write(Incident i) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", Sql.text(i.id()));
    n.put("name", Sql.text(i.name()));
    strings(n.putArray("terms"), i.terms());
    n.put("openedAt", i.openedAt().toString());
    n.put("lastSeenAt", i.lastSeenAt().toString());
    n.put("size", i.size());
    strings(n.putArray("authors"), i.authors().stream().sorted().toList());
    strings(n.putArray("samples"), i.samples());
    ArrayNode t = n.putArray("timeline");
    for (Incident.TimelinePoint p : i.timeline()) {
      t.addObject().put("hour", p.hour().toString()).put("posts", p.posts());
    }
    n.put("status", i.status().name());
    return n.toString();
  }

  static Incident readIncident(String json) {
    JsonNode n = parse(json);
    List<Incident.TimelinePoint> timeline = new ArrayList<>();
    n.path("timeline")
        .forEach(
            p ->
                timeline.add(
                    new Incident.TimelinePoint(
                        Instant.parse(p.path("hour").asText()), p.path("posts").asInt())));
    return new Incident(
        n.path("id").asText(),
        n.path("name").asText(),
        strings(n.path("terms")),
        Instant.parse(n.path("openedAt").asText()),
        Instant.parse(n.path("lastSeenAt").asText()),
        n.path("size").asInt(),
        new LinkedHashSet<>(strings(n.path("authors"))),
        strings(n.path("samples")),
        timeline,
        Incident.Status.valueOf(n.path("status").asText()));
  }

  private static void strings(ArrayNode a, Iterable<String> values) {
    values.forEach(v -> a.add(Sql.text(v)));
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("unreadable alert JSON: " + e.getOriginalMessage(), e);
    }
  }
}
