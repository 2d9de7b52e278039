package dev.outpost.care.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Mastodon instance that creates statuses from the recorded payload ({@code
 * fixtures/mastodon/status.json}) with fresh ids, honouring {@code Idempotency-Key} as Mastodon
 * does: the same key gives back the status created first. It can lose its answer after creating a
 * status (502), as a proxy dropping the connection would.
 */
final class FakeMastodon implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  final FakeHttp http;

  /** Statuses created, by idempotency key. */
  final Map<String, ObjectNode> created = new ConcurrentHashMap<>();

  private final AtomicInteger ids = new AtomicInteger(1000);
  volatile Predicate<String> loseAnswerOnce = k -> false;
  private final Map<String, Boolean> lost = new ConcurrentHashMap<>();

  FakeMastodon() throws IOException {
    JsonNode template = JSON.readTree(Files.readString(fixture()));
    http =
        new FakeHttp(
            r -> {
              if (!r.method().equals("POST") || !r.path().equals("/api/v1/statuses")) {
                return new FakeHttp.Reply(404, "{\"error\":\"Record not found\"}");
              }
              ObjectNode status =
                  created.computeIfAbsent(
                      r.idempotencyKey(),
                      k -> {
                        ObjectNode s = template.deepCopy();
                        String id = Integer.toString(ids.incrementAndGet());
                        s.put("id", id);
                        s.put("url", "https://mastodon.example/@brand/" + id);
                        try {
                          JsonNode body = JSON.readTree(r.body());
                          s.put("content", body.path("status").asText());
                          s.put("in_reply_to_id", body.path("in_reply_to_id").asText(null));
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                        return s;
                      });
              if (loseAnswerOnce.test(r.idempotencyKey())
                  && lost.putIfAbsent(r.idempotencyKey(), true) == null) {
                return new FakeHttp.Reply(502, "");
              }
              return FakeHttp.Reply.json(status.toString());
            });
  }

  static Path fixture() {
    String root = System.getProperty("outpost.shared.data");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        root != null, "outpost.shared.data is not set; run through Maven");
    Path p = Path.of(root, "fixtures/mastodon/status.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(p), "shared data missing: " + p);
    return p;
  }

  ObjectNode byKey(String key) {
    return created.get(key);
  }

  @Override
  public void close() {
    http.close();
  }
}
