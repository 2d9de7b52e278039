package dev.outpost.connectors;

import dev.outpost.core.Post;
import dev.outpost.core.Source;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener that polls: it asks {@link #poll} for what follows its cursor, emits each post with
 * the cursor that resumes after it, and waits {@code interval} when nothing is new. Retriable
 * errors that outlast the HTTP retries are counted and the poll is repeated after the interval;
 * permanent ones end the stream.
 */
public abstract class PollingSource implements Source {
  /** One post and the cursor that resumes right after it. */
  public record Item(Post post, String cursorAfter) {}

  /**
   * What one poll found.
   *
   * @param items new posts, oldest first
   * @param next the cursor for the next poll; it may differ from the last item's (for example a new
   *     ETag) but only in-memory state the items already cover
   * @param more whether more is waiting (a full page): poll again without waiting
   */
  public record Batch(List<Item> items, Optional<String> next, boolean more) {
    public Batch {
      items = List.copyOf(items);
      Objects.requireNonNull(next, "next");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(PollingSource.class);
  private final String name;
  private final Duration interval;
  private final ConnectorContext ctx;
  private final Health health;

  protected PollingSource(String name, Duration interval, ConnectorContext ctx, Health health) {
    this.name = Objects.requireNonNull(name, "name");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.health = Objects.requireNonNull(health, "health");
  }

  /** Fetches what follows {@code cursor} (empty: the network's newest page). */
  protected abstract Batch poll(Optional<String> cursor) throws InterruptedException;

  /**
   * Builds one item; an item the network sent malformed ({@link IllegalArgumentException}: no id,
   * no date, an id too long) is logged, counted as an error and skipped, so one bad item never
   * stops the source.
   */
  protected final Optional<Item> item(Supplier<Item> build) {
    try {
      return Optional.of(build.get());
    } catch (IllegalArgumentException e) {
      LOG.warn("source {}: item skipped: {}", name, e.getMessage());
      health.skipped("item skipped: " + e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void stream(Optional<String> cursor, Emitter emitter) throws Exception {
    Optional<String> c = cursor;
    while (!Thread.currentThread().isInterrupted()) {
      Batch b;
      try {
        b = poll(c);
      } catch (ConnectorException e) {
        if (!e.retriable()) {
          throw e;
        }
        if (ctx.stopWhenCaughtUp()) {
          throw e;
        }
        ctx.sleeper().sleep(interval);
        continue;
      }
      for (Item i : b.items()) {
        emitter.emit(i.post(), i.cursorAfter());
        health.emitted(i.post().createdAt());
      }
      if (b.next().isPresent()) {
        c = b.next();
      } else if (!b.items().isEmpty()) {
        c = Optional.of(b.items().getLast().cursorAfter());
      }
      if (b.more()) {
        continue;
      }
      if (ctx.stopWhenCaughtUp()) {
        return;
      }
      ctx.sleeper().sleep(interval);
    }
    throw new InterruptedException("stopped");
  }
}
