package dev.outpost.connectors.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Json;
import dev.outpost.core.Post;
import dev.outpost.core.Source;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Jetstream over {@link WebSocket}. The cursor is the {@code time_us} of the last emitted
 * post; on (re)connect it is sent as {@code cursor}, and Jetstream replays from that time in order,
 * so events at or before it are skipped. Handshake statuses are classed like HTTP ones; silence
 * longer than {@code idleTimeout} and malformed events reconnect with backoff.
 */
final class JetstreamListener implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(JetstreamListener.class);

  private sealed interface Msg {}

  private record Text(String text) implements Msg {}

  private record Closed(int code) implements Msg {}

  private record Failed(Throwable error) implements Msg {}

  private final String name;
  private final URI base;
  private final List<String> collections;
  private final List<String> dids;
  private final Duration idle;
  private final ConnectorContext ctx;
  private final Health health;
  private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

  JetstreamListener(
      String name,
      URI base,
      List<String> collections,
      List<String> dids,
      Duration idle,
      ConnectorContext ctx,
      Health health) {
    this.name = name;
    this.base = base;
    this.collections = collections;
    this.dids = dids;
    this.idle = idle;
    this.ctx = ctx;
    this.health = health;
  }

  @Override
  public String name() {
    return name;
  }

  URI uri(long cursor) {
    StringBuilder q = new StringBuilder();
    collections.forEach(c -> q.append("&wantedCollections=").append(enc(c)));
    dids.forEach(d -> q.append("&wantedDids=").append(enc(d)));
    if (cursor > 0) {
      q.append("&cursor=").append(cursor);
    }
    String b = base.toString();
    String path =
        b.endsWith("/subscribe") ? b : (b.endsWith("/") ? b + "subscribe" : b + "/subscribe");
    return URI.create(q.isEmpty() ? path : path + "?" + q.substring(1));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void stream(Optional<String> cursor, Emitter emitter) throws Exception {
    long last = cursor.map(Long::parseLong).orElse(0L);
    int failures = 0;
    while (!Thread.currentThread().isInterrupted()) {
      ConnectorException failure;
      BlockingQueue<Msg> queue = new LinkedBlockingQueue<>();
      WebSocket ws = null;
      try {
        ws = connect(uri(last), queue);
        health.success();
        while (true) {
          Msg m = queue.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
          if (m == null) {
            throw ConnectorException.retriable(
                "Jetstream: no event for " + idle, 0, Optional.empty(), null);
          }
          if (m instanceof Closed c) {
            if (ctx.stopWhenCaughtUp() && c.code() == WebSocket.NORMAL_CLOSURE) {
              return;
            }
            throw ConnectorException.retriable(
                "Jetstream closed the connection (" + c.code() + ")", 0, Optional.empty(), null);
          }
          if (m instanceof Failed f) {
            throw ConnectorException.retriable(
                "Jetstream: " + f.error().getClass().getSimpleName(), 0, Optional.empty(), null);
          }
          JsonNode event;
          try {
            event = Json.MAPPER.readTree(((Text) m).text());
          } catch (JsonProcessingException e) {
            throw ConnectorException.retriable(
                "Jetstream: malformed event", 0, Optional.empty(), null);
          }
          long t = event.path("time_us").asLong(0);
          if (t <= last) {
            continue;
          }
          Optional<Post> post;
          try {
            post = Jetstream.post(event);
          } catch (IllegalArgumentException e) {
            LOG.warn("Jetstream: event skipped: {}", e.getMessage());
            health.skipped("event skipped: " + e.getMessage());
            post = Optional.empty();
          }
          last = t;
          failures = 0;
          if (post.isPresent()) {
            emitter.emit(post.get(), Long.toString(t));
            health.emitted(post.get().createdAt());
          }
        }
      } catch (ConnectorException e) {
        failure = e;
      } finally {
        if (ws != null) {
          ws.abort();
        }
      }
      if (!failure.retriable()) {
        health.stopped(failure.getMessage());
        throw failure;
      }
      health.error(failure.getMessage());
      failures++;
      if (failures >= ctx.retry().maxAttempts()) {
        throw failure;
      }
      Duration wait = ctx.retry().backoff(failures, random);
      if (failure.retryAfter().isPresent() && failure.retryAfter().get().compareTo(wait) > 0) {
        wait = min(failure.retryAfter().get(), ctx.retry().maxRetryAfter());
      }
      ctx.sleeper().sleep(wait);
    }
    throw new InterruptedException("stopped");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private WebSocket connect(URI uri, BlockingQueue<Msg> queue) throws InterruptedException {
    CompletableFuture<WebSocket> f =
        ctx.http()
            .newWebSocketBuilder()
            .connectTimeout(ctx.requestTimeout())
            .buildAsync(uri, new Collector(queue));
    try {
      return f.get(ctx.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw ConnectorException.retriable("Jetstream: connect timed out", 0, Optional.empty(), null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        HttpHeaders headers =
            h.getResponse() == null
                ? HttpHeaders.of(Map.of(), (a, b) -> true)
                : h.getResponse().headers();
        int status = h.getResponse() == null ? 0 : h.getResponse().statusCode();
        throw Http.classify("Jetstream handshake", status, headers, ctx.clock().instant());
      }
      throw ConnectorException.retriable(
          "Jetstream: " + e.getCause().getClass().getSimpleName(), 0, Optional.empty(), null);
    }
  }

  /** Collects whole text messages and the close into a queue. */
  private static final class Collector implements WebSocket.Listener {
    private final BlockingQueue<Msg> queue;
    private final StringBuilder partial = new StringBuilder();

    Collector(BlockingQueue<Msg> queue) {
      this.queue = queue;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        queue.add(new Text(partial.toString()));
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      queue.add(new Closed(statusCode));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      queue.add(new Failed(error));
    }
  }
}
