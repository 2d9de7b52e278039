package dev.outpost.app.bench;

import dev.outpost.core.Author;
import dev.outpost.core.Metrics;
import dev.outpost.core.Post;
import dev.outpost.core.Source;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/**
 * Posts made up on the fly, offered at a scheduled rate: post {@code n} is due {@code dueNanos(n)}
 * after the start. When the pipeline cannot keep up, {@code emit} blocks and the source falls
 * behind its schedule, as a network's backlog grows while a connector is slow; the posts are still
 * all offered, late. One post in three mentions {@code @acme}.
 */
public final class SyntheticSource implements Source {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] TEXTS = {
    "@acme my parcel %d has not arrived and nobody answers the phone",
    "lovely weather today, walked %d steps along the river",
    "watching the match, score is %d to nothing so far",
    "@acme thanks for the quick fix on ticket %d, great support",
    "anyone know a good bakery near platform %d",
    "reading a long thread about build systems, %d replies and counting",
  };

  private final String name;
  private final long total;
  private final LongUnaryOperator dueNanos;
  private final AtomicLong emitted = new AtomicLong();
  private volatile long startNanos;
  private volatile long next;

  /**
   * @param total how many posts to offer
   * @param dueNanos when post n is due, in nanoseconds after the first call to stream
   */
  public SyntheticSource(String name, long total, LongUnaryOperator dueNanos) {
    this.name = name;
    this.total = total;
    this.dueNanos = dueNanos;
  }

  /** A constant rate in posts per second (0: as fast as the pipeline takes them). */
  public static LongUnaryOperator constant(double perSecond) {
    return perSecond <= 0 ? n -> 0 : n -> (long) (n * 1e9 / perSecond);
  }

  @Override
  public String name() {
    return name;
  }

  public long emitted() {
    return emitted.get();
  }

  public long total() {
    return total;
  }

  /** Posts due by now but not yet offered: the backlog at the source. */
  public long backlog() {
    if (startNanos == 0) {
      return 0;
    }
    long elapsed = System.nanoTime() - startNanos;
    long due = 0;
    long lo = 0;
    long hi = total;
    while (lo < hi) { // the number of posts due by now, by bisection on the schedule
      long mid = (lo + hi) >>> 1;
      if (dueNanos.applyAsLong(mid) <= elapsed) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    due = lo;
    return Math.max(0, due - next);
  }

  @Override
  public void stream(Optional<String> cursor, Emitter emitter) throws InterruptedException {
    long from = cursor.map(c -> Long.parseLong(c) + 1).orElse(0L);
    startNanos = System.nanoTime();
    for (long n = from; n < total; n++) {
      long wait = dueNanos.applyAsLong(n) - (System.nanoTime() - startNanos);
      if (wait > 1_000_000) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      emitter.emit(post(name, n), Long.toString(n));
      emitted.incrementAndGet();
      next = n + 1;
    }
  }

  /** Post n of a source; ids are unique per source name. */
  static Post post(String source, long n) {
    String text = String.format(java.util.Locale.ROOT, TEXTS[(int) (n % TEXTS.length)], n);
    return new Post(
        "mastodon",
        source + "-" + n,
        Author.of("mastodon", "user" + (n % 5_000)),
        text,
        "en",
        EPOCH.plusMillis(n),
        Optional.empty(),
        Optional.empty(),
        Metrics.NONE);
  }
}
