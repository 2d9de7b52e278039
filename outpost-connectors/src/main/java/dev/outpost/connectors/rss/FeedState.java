package dev.outpost.connectors.rss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A feed's checkpoint: the validators of the last full read and the ids of the entries already
 * emitted (newest last, at most {@code remember}). Serialised as a small JSON object.
 */
record FeedState(Optional<String> etag, Optional<String> lastModified, List<String> seen) {
  static final FeedState EMPTY = new FeedState(Optional.empty(), Optional.empty(), List.of());

  FeedState {
    seen = List.copyOf(seen);
  }

  static FeedState parse(String cursor) {
    try {
      JsonNode n = Json.MAPPER.readTree(cursor);
      List<String> seen = new ArrayList<>();
      n.path("seen").forEach(x -> seen.add(x.asText()));
      return new FeedState(Json.text(n, "etag"), Json.text(n, "lastModified"), seen);
    } catch (IOException | RuntimeException e) {
      throw ConnectorException.permanent(
          "the stored checkpoint is not a feed checkpoint (a JSON object with etag, lastModified"
              + " and seen); delete it to read the feed afresh",
          e);
    }
  }

  FeedState plus(String id, int remember) {
    List<String> s = new ArrayList<>(seen);
    s.add(id);
    while (s.size() > remember) {
      s.removeFirst();
    }
    return new FeedState(etag, lastModified, s);
  }

  FeedState withValidators(Optional<String> e, Optional<String> lm) {
    return new FeedState(e, lm, seen);
  }

  String encode() {
    ObjectNode o = Json.object();
    etag.ifPresent(e -> o.put("etag", e));
    lastModified.ifPresent(l -> o.put("lastModified", l));
    ArrayNode a = o.putArray("seen");
    seen.forEach(a::add);
    return Json.write(o);
  }
}
