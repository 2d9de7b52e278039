package dev.outpost.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.ActionResult;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connectors;
import dev.outpost.connectors.FakeServer;
import dev.outpost.connectors.FakeServer.Reply;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.TestSupport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlueskyActIT {
  private static final String PARENT =
      "at://did:plc:amnbije7mr5g3pgxuun7q44o/app.bsky.feed.post/3mptbyqhi7s2f";
  private static final String ROOT = "at://did:plc:root/app.bsky.feed.post/3root";
  private FakeServer pds;
  private final Set<String> created = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws Exception {
    pds = new FakeServer();
    pds.route(
        "POST",
        "/xrpc/com.atproto.server.createSession",
        r ->
            Reply.json(
                "{\"did\":\"did:plc:me\",\"handle\":\"care.example.com\",\"accessJwt\":\"jwt-1\",\"refreshJwt\":\"r\"}"));
    pds.route(
        "GET",
        "/xrpc/com.atproto.repo.getRecord",
        r -> {
          String key =
              r.query().get("repo")
                  + "/"
                  + r.query().get("collection")
                  + "/"
                  + r.query().get("rkey");
          if (("at://" + key).equals(PARENT)) {
            return Reply.json(
                "{\"uri\":\""
                    + PARENT
                    + "\",\"cid\":\"cidparent\",\"value\":{\"text\":\"hi\",\"reply\":{\"root\":{\"uri\":\""
                    + ROOT
                    + "\",\"cid\":\"cidroot\"},\"parent\":{\"uri\":\""
                    + ROOT
                    + "\",\"cid\":\"cidroot\"}}}}");
          }
          if (created.contains(key)) {
            return Reply.json("{\"uri\":\"at://" + key + "\",\"cid\":\"c\",\"value\":{}}");
          }
          return Reply.of(400, "application/json", "{\"error\":\"RecordNotFound\"}");
        });
    pds.route(
        "POST",
        "/xrpc/com.atproto.repo.createRecord",
        r -> {
          JsonNode b = Json.MAPPER.readTree(r.body());
          String key =
              b.get("repo").asText()
                  + "/"
                  + b.get("collection").asText()
                  + "/"
                  + b.get("rkey").asText();
          created.add(key);
          return Reply.json("{\"uri\":\"at://" + key + "\",\"cid\":\"new\"}");
        });
    pds.route(
        "GET",
        "/xrpc/com.atproto.identity.resolveHandle",
        r -> Reply.json("{\"did\":\"did:plc:friend\"}"));
  }

  @AfterEach
  void stop() {
    pds.close();
  }

  private Connection connect() {
    return Connectors.load()
        .open(
            "bluesky",
            "care",
            Map.of(
                "pdsUrl",
                pds.baseUrl().toString(),
                "identifier",
                "care.example.com",
                "appPassword",
                "pw"),
            TestSupport.context(new TestSupport.RecordingSleeper()));
  }

  private List<JsonNode> creates() {
    return pds.requests().stream()
        .filter(r -> r.path().endsWith("createRecord"))
        .map(
            r -> {
              try {
                return Json.MAPPER.readTree(r.body());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void replyKeepsTheThreadRootAndPointsAtTheParent() throws Exception {
    ActionResult r = connect().replier().orElseThrow().reply(PARENT, "We are on it", "k1");
    assertThat(r.externalId()).startsWith("at://did:plc:me/app.bsky.feed.post/");
    JsonNode rec = creates().getFirst().get("record");
    assertThat(rec.at("/reply/root/uri").asText()).isEqualTo(ROOT);
    assertThat(rec.at("/reply/parent/uri").asText()).isEqualTo(PARENT);
    assertThat(rec.at("/reply/parent/cid").asText()).isEqualTo("cidparent");
    assertThat(rec.get("text").asText()).isEqualTo("We are on it");
  }

  @Test
  void theSameIdempotencyKeyCreatesOnce() throws Exception {
    Connection c = connect();
    ActionResult a = c.publisher().orElseThrow().publish("Status update", "same-key");
    ActionResult b = c.publisher().orElseThrow().publish("Status update", "same-key");
    assertThat(b).isEqualTo(a);
    assertThat(creates()).hasSize(1);
    assertThat(BlueskyClient.tid("same-key")).hasSize(13).matches("[2-7a-j][2-7a-z]{12}");
  }

  @Test
  void followResolvesTheHandle() throws Exception {
    connect().follower().orElseThrow().follow("friend.bsky.social", "f1");
    JsonNode rec = creates().getFirst();
    assertThat(rec.get("collection").asText()).isEqualTo("app.bsky.graph.follow");
    assertThat(rec.at("/record/subject").asText()).isEqualTo("did:plc:friend");
  }
}
