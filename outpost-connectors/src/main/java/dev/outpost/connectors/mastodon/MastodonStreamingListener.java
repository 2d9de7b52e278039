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
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mastodon's streaming API (server-sent events) with the REST timeline as catch-up: on every
 * (re)connect it first pages forward from the cursor with {@code min_id}, then reads {@code update}
 * events, skipping statuses at or before the last one emitted. The streaming API cannot resume by
 * itself; the catch-up closes the gap. A stream silent for longer than {@code idleTimeout} (no
 * event and no heartbeat: Mastodon sends a comment line every few seconds) is dropped and opened
 * again, since a connection a proxy or NAT forgot would otherwise hang forever.
 */
final class MastodonStreamingListener implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(MastodonStreamingListener.class);
  private final MastodonListener catchUp;
  private final URI streamUri;
  private final Optional<Secret> token;
  private final String host;
  private final ConnectorContext ctx;
  private final Health health;
  private final Duration idleTimeout;
  private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

  MastodonStreamingListener(
      MastodonListener catchUp,
      URI streamUri,
      Optional<Secret> token,
      String host,
      ConnectorContext ctx,
      Health health,
      Duration idleTimeout) {
    this.catchUp = catchUp;
    this.idleTimeout = idleTimeout;
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
    // Updated as soon as a post is emitted, so that a connection lost mid-stream resumes after it.
    AtomicReference<Optional<String>> last = new AtomicReference<>(cursor);
    int failures = 0;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Batch b;
        do {
          b = catchUp.pollOnce(last.get());
          for (Item i : b.items()) {
            emitter.emit(i.post(), i.cursorAfter());
            health.emitted(i.post().createdAt());
            last.set(Optional.of(i.cursorAfter()));
          }
        } while (b.more());
        listen(last, emitter);
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

  /** Reads events until the server ends the stream, keeping {@code last} at the last emitted id. */
  private void listen(AtomicReference<Optional<String>> last, Emitter emitter)
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
    String event = "";
    AtomicLong heard = new AtomicLong(System.nanoTime());
    AtomicBoolean idle = new AtomicBoolean();
    Stream<String> body = res.body();
    Thread watchdog =
        Thread.ofVirtual()
            .name("mastodon-idle-" + host)
            .start(
                () -> {
                  long limit = idleTimeout.toNanos();
                  try {
                    while (true) {
                      long silent = System.nanoTime() - heard.get();
                      if (silent >= limit) {
                        idle.set(true);
                        body.close();
                        return;
                      }
                      Thread.sleep(Duration.ofNanos(Math.max(limit - silent, 1_000_000)));
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    try (Stream<String> lines = body) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        heard.set(System.nanoTime());
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
          Optional<String> done = last.get();
          if (id.isPresent() && (done.isEmpty() || Text.compareIds(id.get(), done.get()) > 0)) {
            Post post;
            try {
              post = Statuses.post(status, host);
            } catch (IllegalArgumentException e) {
              LOG.warn("Mastodon streaming: status skipped: {}", e.getMessage());
              health.skipped("status skipped: " + e.getMessage());
              last.set(id);
              continue;
            }
            emitter.emit(post, id.get());
            health.emitted(post.createdAt());
            last.set(id);
          }
        } else if (line.isEmpty()) {
          event = "";
        }
      }
    } catch (RuntimeException e) {
      if (!idle.get() && !(e instanceof java.io.UncheckedIOException)) {
        throw e;
      }
      if (!idle.get()) {
        throw ConnectorException.retriable(
            "Mastodon streaming: connection lost", 0, Optional.empty(), null);
      }
    } finally {
      watchdog.interrupt();
    }
    if (idle.get()) {
      LOG.info("Mastodon streaming: silent for {}; reconnecting", idleTimeout);
      throw ConnectorException.retriable(
          "Mastodon streaming: no event or heartbeat for " + idleTimeout.toSeconds() + " s",
          0,
          Optional.empty(),
          null);
    }
  }
}
