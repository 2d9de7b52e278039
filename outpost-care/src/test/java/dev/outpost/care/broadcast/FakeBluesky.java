package dev.outpost.care.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A Bluesky PDS that keeps the records it creates (keyed by repo/collection/rkey, so creating the
 * same key twice keeps one record, as the AT protocol does) and serves them back for replies.
 */
final class FakeBluesky implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  final FakeHttp http;

  /** Records by {@code at://} uri. */
  final Map<String, JsonNode> records = new java.util.concurrent.ConcurrentSkipListMap<>();

  FakeBluesky() throws IOException {
    http =
        new FakeHttp(
            r ->
                switch (r.path()) {
                  case "/xrpc/com.atproto.server.createSession" ->
                      FakeHttp.Reply.json(
                          "{\"did\":\"did:plc:brand\",\"handle\":\"brand.example.com\","
                              + "\"accessJwt\":\"jwt\",\"refreshJwt\":\"r\"}");
                  case "/xrpc/com.atproto.repo.createRecord" -> create(r.body());
                  case "/xrpc/com.atproto.repo.getRecord" -> {
                    String uri =
                        "at://"
                            + r.param("repo")
                            + "/"
                            + r.param("collection")
                            + "/"
                            + r.param("rkey");
                    JsonNode value = records.get(uri);
                    yield value == null
                        ? new FakeHttp.Reply(400, "{\"error\":\"RecordNotFound\"}")
                        : FakeHttp.Reply.json(
                            JSON.createObjectNode()
                                .put("uri", uri)
                                .put("cid", "cid-" + r.param("rkey"))
                                .set("value", value)
                                .toString());
                  }
                  default -> new FakeHttp.Reply(404, "{\"error\":\"NotFound\"}");
                });
  }

  private FakeHttp.Reply create(String body) {
    try {
      JsonNode b = JSON.readTree(body);
      String uri =
          "at://"
              + b.get("repo").asText()
              + "/"
              + b.get("collection").asText()
              + "/"
              + b.get("rkey").asText();
      records.putIfAbsent(uri, b.get("record"));
      ObjectNode out =
          JSON.createObjectNode().put("uri", uri).put("cid", "cid-" + b.get("rkey").asText());
      return FakeHttp.Reply.json(out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
