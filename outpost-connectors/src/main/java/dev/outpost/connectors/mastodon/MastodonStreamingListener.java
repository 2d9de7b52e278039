package dev.outpost.connectors.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.connectors.ConnectorContext;
import dev.outpost.connectors.ConnectorException;
import dev.outpost.connectors.Health;
import dev.outpost.connectors.Http;
import dev.outpost.connectors.Json;
import dev.outpost.connectors.PollingSource.Batch;
import dev.outpost.connectors.PollingSource.Item;
import dev.outpost.connectors.Secret;
import dev.outpost.connectors.Text;
import dev.outpost.core.Post;
import dev.outpost.core.Source;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mastodon's streaming API (server-sent events) with the REST timeline as catch-up: on every
 * (re)connect it first pages forward from the cursor with {@code min_id}, then reads {@code update}
 * events, skipping statuses at or before the last one emitted. The streaming API cannot resume by
 * itself; the catch-up closes the gap.
 */
final class MastodonStreamingListener implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(MastodonStreamingListener.class);
  private final MastodonListener catchUp;
  private final URI streamUri;
  private final Optional<Secret> token;
  private final String host;
  private final ConnectorContext ctx;
  private final Health health;
  private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

  MastodonStreamingListener(
      MastodonListener catchUp,
      URI streamUri,
      Optional<Secret> token,
      String host,
      ConnectorContext ctx,
      Health health) {
    this.catchUp = catchUp;
    this.streamUri = streamUri;
    this.token = token;
    this.host = host;
    this.ctx = ctx;
    this.health = health;
  }

  @Override
  public String name() {
    return catchUp.name();
  }

  @Override
  public void stream(Optional<String> cursor, Emitter emitter) throws Exception {
    Optional<String> last = cursor;
    int failures = 0;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Batch b;
        do {
          b = catchUp.pollOnce(last);
          for (Item i : b.items()) {
            emitter.emit(i.post(), i.cursorAfter());
            health.emitted(i.post().createdAt());
            last = Optional.of(i.cursorAfter());
          }
        } while (b.more());
        last = listen(last, emitter);
        failures = 0;
        if (ctx.stopWhenCaughtUp()) {
          return;
        }
      } catch (ConnectorException e) {
        if (!e.retriable()) {
          throw e;
        }
        health.error(e.getMessage());
        if (++failures >= ctx.retry().maxAttempts()) {
          throw e;
        }
        ctx.sleeper().sleep(ctx.retry().backoff(failures, random));
      }
    }
    throw new InterruptedException("stopped");
  }

  /** Reads events until the server ends the stream; returns the last emitted id. */
  private Optional<String> listen(Optional<String> from, Emitter emitter)
      throws InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(streamUri).header("Accept", "text/event-stream").GET();
    token.ifPresent(t -> req.header("Authorization", "Bearer " + t.reveal()));
    HttpResponse<Stream<String>> res;
    try {
      res = ctx.http().send(req.build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw ConnectorException.retriable(
          "Mastodon streaming: " + e.getClass().getSimpleName(), 0, Optional.empty(), null);
    }
    if (res.statusCode() != 200) {
      res.body().close();
      throw Http.classify(
          "GET " + streamUri.getPath(), res.statusCode(), res.headers(), ctx.clock().instant());
    }
    health.success();
    Optional<String> last = from;
    String event = "";
    try (Stream<String> lines = res.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.startsWith("event:")) {
          event = line.substring(6).strip();
        } else if (line.startsWith("data:") && event.equals("update")) {
          JsonNode status;
          try {
            status = Json.MAPPER.readTree(line.substring(5).strip());
          } catch (IOException e) {
            throw ConnectorException.retriable(
                "Mastodon streaming: malformed update", 200, Optional.empty(), null);
          }
          Optional<String> id = Statuses.id(status);
          if (id.isPresent() && (last.isEmpty() || Text.compareIds(id.get(), last.get()) > 0)) {
            Post post;
            try {
              post = Statuses.post(status, host);
            } catch (IllegalArgumentException e) {
              LOG.warn("Mastodon streaming: status skipped: {}", e.getMessage());
              health.skipped("status skipped: " + e.getMessage());
              last = id;
              continue;
            }
            emitter.emit(post, id.get());
            health.emitted(post.createdAt());
            last = id;
          }
        } else if (line.isEmpty()) {
          event = "";
        }
      }
    } catch (java.io.UncheckedIOException e) {
      throw ConnectorException.retriable(
          "Mastodon streaming: connection lost", 0, Optional.empty(), null);
    }
    return last;
  }
}
