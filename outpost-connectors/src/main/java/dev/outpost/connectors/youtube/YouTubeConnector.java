package dev.outpost.connectors.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.connectors.ActionResult;
import dev.outpost.connectors.Call;
import dev.outpost.connectors.Capability;
import dev.outpost.connectors.ConfigException;
import dev.outpost.connectors.Connection;
import dev.outpost.connectors.Connector;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Field;
import dev.outpost.connectors.Field.Type;
import dev.outpost.connectors.Forms;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.PollingSource;
import dev.outpost.connectors.Secret;
import dev.outpost.connectors.Settings;
import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * YouTube: comment threads on a channel's videos (or one video) through the Data API v3 ({@code
 * commentThreads.list}, newest first); replies with {@code comments.insert}. The cursor is {@code
 * publishedAt|threadId} of the last emitted thread; a poll pages back until it reaches it. YouTube
 * has no idempotency key: a reply is retried only after 429.
 */
public final class YouTubeConnector implements Connector {
  static final String NETWORK = "youtube";
  private static final int MAX_PAGES = 20;

  @Override
  public String type() {
    return NETWORK;
  }

  @Override
  public String description() {
    return "YouTube comment threads of a channel or video; reply to comments";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.LISTEN, Capability.REPLY);
  }

  @Override
  public List<Field> fields() {
    return List.of(
        Field.optional("baseUrl", Type.URL, "https://www.googleapis.com", "the Google APIs host"),
        Field.required("apiKey", Type.STRING, "a Data API key, for reading").asSecret(),
        Field.optional("channelId", Type.STRING, "all threads related to this channel (UC...)"),
        Field.optional("videoId", Type.STRING, "or the threads of one video"),
        Field.optional("maxResults", Type.INTEGER, "100", "threads per page, 1 to 100"),
        Field.optional("pollInterval", Type.DURATION, "5m", "the wait between polls"),
        Field.optional("accessToken", Type.STRING, "an OAuth token (youtube.force-ssl), to reply")
            .asSecret());
  }

  @Override
  public Connection open(String name, Settings s, ConnectorContext ctx) {
    Optional<String> channel = s.string("channelId");
    Optional<String> video = s.string("videoId");
    if (channel.isPresent() == video.isPresent()) {
      throw new ConfigException("channelId", "set exactly one of channelId and videoId");
    }
    long max = s.integer("maxResults");
    if (max < 1 || max > 100) {
      throw new ConfigException("maxResults", "must be between 1 and 100, was " + max);
    }
    Health health = new Health(name, ctx.clock());
    Http http = new Http(s.url("baseUrl").orElseThrow(), ctx, health);
    String path =
        "/youtube/v3/commentThreads?part=snippet&order=time&textFormat=plainText&maxResults="
            + max
            + channel.map(c -> "&allThreadsRelatedToChannelId=" + Forms.enc(c)).orElse("")
            + video.map(v -> "&videoId=" + Forms.enc(v)).orElse("");
    Secret key = s.secret("apiKey").orElseThrow();
    Connection.Builder b =
        Connection.builder(name, NETWORK, health)
            .listener(new Listener(name, http, path, key, s.duration("pollInterval"), ctx, health));
    s.secret("accessToken")
        .ifPresent(t -> b.replier((parent, text, k) -> reply(http, t, parent, text)));
    return b.build();
  }

  private static ActionResult reply(Http http, Secret token, String parent, String text)
      throws InterruptedException {
    ObjectNode body = Json.object();
    body.putObject("snippet").put("parentId", parent).put("textOriginal", text);
    JsonNode out =
        http.json(
            Call.post("/youtube/v3/comments?part=snippet", "application/json", Json.write(body))
                .header("Authorization", "Bearer " + token.reveal()));
    return new ActionResult(
        Json.text(out, "id")
            .orElseThrow(() -> ConnectorException.permanent("comments.insert: no id", 0)),
        Optional.empty());
  }

  static String key(JsonNode thread) {
    return thread.at("/snippet/topLevelComment/snippet/publishedAt").asText()
        + "|"
        + thread.path("id").asText();
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\|", 2);
    String[] y = b.split("\\|", 2);
    int c = Instant.parse(x[0]).compareTo(Instant.parse(y[0]));
    return c != 0 ? c : x[1].compareTo(y[1]);
  }

  static Post post(JsonNode thread) {
    String id =
        Json.text(thread, "id")
            .orElseThrow(() -> new IllegalArgumentException("thread without id"));
    JsonNode c = thread.at("/snippet/topLevelComment/snippet");
    String video = Json.text(c, "videoId").or(() -> Json.at(thread, "/snippet/videoId")).orElse("");
    String name = Json.text(c, "authorDisplayName").orElse("unknown");
    return new Post(
        NETWORK,
        id,
        new Author(NETWORK, name, name, 0, false, Optional.empty()),
        Post.truncate(
            Json.text(c, "textOriginal").or(() -> Json.text(c, "textDisplay")).orElse("")),
        Post.UNDETERMINED,
        Json.instant(c, "publishedAt").orElse(Instant.EPOCH),
        Optional.of("https://www.youtube.com/watch?v=" + video + "&lc=" + id),
        Optional.empty(),
        new Metrics(
            Json.count(c, "likeCount"),
            0,
            Json.count(thread.path("snippet"), "totalReplyCount"),
            0));
  }

  private static final class Listener extends PollingSource {
    private final Http http;
    private final String path;
    private final Secret key;

    Listener(
        String name,
        Http http,
        String path,
        Secret key,
        Duration interval,
        ConnectorContext ctx,
        Health health) {
      super(name, interval, ctx, health);
      this.http = http;
      this.path = path;
      this.key = key;
    }

    @Override
    protected Batch poll(Optional<String> cursor) throws InterruptedException {
      List<JsonNode> threads = new ArrayList<>();
      Optional<String> token = Optional.empty();
      for (int page = 0; page < MAX_PAGES; page++) {
        JsonNode r =
            http.json(
                Call.get(
                    path
                        + token.map(t -> "&pageToken=" + Forms.enc(t)).orElse("")
                        + "&key="
                        + Forms.enc(key.reveal())));
        if (!r.path("items").isArray()) {
          throw ConnectorException.retriable("YouTube: no items", 200, Optional.empty(), null);
        }
        boolean reached = false;
        for (JsonNode t : r.path("items")) {
          if (!t.hasNonNull("id")
              || t.at("/snippet/topLevelComment/snippet/publishedAt").isMissingNode()) {
            continue;
          }
          if (cursor.isPresent() && compare(key(t), cursor.get()) <= 0) {
            reached = true;
          } else {
            threads.add(t);
          }
        }
        token = Json.text(r, "nextPageToken");
        if (cursor.isEmpty() || reached || token.isEmpty()) {
          break;
        }
      }
      List<Item> items = new ArrayList<>();
      threads.stream()
          .sorted(Comparator.comparing(YouTubeConnector::key, YouTubeConnector::compare))
          .forEach(t -> item(() -> new Item(post(t), key(t))).ifPresent(items::add));
      return new Batch(items, Optional.empty(), false);
    }
  }
}
