package dev.outpost.care.outbox;

import dev.outpost.core.outbox.Outbox;
import dev.outpost.core.outbox.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is queued in the {@link Outbox} through its {@link Channel}s: claims due entries,
 * sends each once under its idempotency key, and records the result. Retriable failures (429, 5xx,
 * timeouts) come back after an exponential backoff (or the channel's {@code Retry-After});
 * permanent ones (401/403, an unknown channel, a capability the channel lacks) and entries out of
 * attempts are kept as failed with their reason for a person to retry. A sender that dies mid-send
 * leaves a claim that expires, and the entry is sent again with the same key.
 */
public final class OutboxDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  /**
   * @param lease how long a claim lasts before another dispatcher may send the entry again
   * @param maxAttempts tries before an entry is failed for good
   * @param firstBackoff wait after the first failure; doubled each time up to {@code maxBackoff}
   * @param poll how often the background loop looks for due entries
   */
  public record Settings(
      Duration lease, int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration poll) {
    public static Settings defaults() {
      return new Settings(
          Duration.ofMinutes(2),
          8,
          Duration.ofSeconds(5),
          Duration.ofMinutes(30),
          Duration.ofMillis(500));
    }
  }

  private final Outbox outbox;
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Settings settings;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile Thread loop;

  public OutboxDispatcher(Outbox outbox, List<Channel> channels, Clock clock, Settings settings) {
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
    channels.forEach(this::add);
  }

  /** Adds (or replaces) a channel while running. */
  public void add(Channel channel) {
    channels.put(channel.name(), channel);
  }

  /** The channels by name. */
  public Map<String, Channel> channels() {
    return Map.copyOf(channels);
  }

  /**
   * Sends every entry due now, in claimed batches, and returns how many were tried.
   *
   * @throws InterruptedException when interrupted between or during sends
   */
  public int dispatchDue() throws InterruptedException {
    int tried = 0;
    List<OutboxEntry> batch;
    while (!(batch = outbox.claim(clock.instant(), settings.lease(), 50)).isEmpty()) {
      for (OutboxEntry e : batch) {
        send(e);
        tried++;
      }
    }
    return tried;
  }

  private void send(OutboxEntry e) throws InterruptedException {
    Channel channel = channels.get(e.action().channel());
    if (channel == null) {
      fail(
          e,
          "no channel named '" + e.action().channel() + "' is configured",
          false,
          Optional.empty());
      return;
    }
    if (!channel.kinds().contains(e.action().kind())) {
      fail(
          e,
          "channel '" + channel.name() + "' cannot " + e.action().kind(),
          false,
          Optional.empty());
      return;
    }
    try {
      Channel.Sent s = channel.send(e.action());
      outbox.sent(e.key(), s.externalId(), s.url(), clock.instant());
      sent.incrementAndGet();
    } catch (ChannelException ex) {
      fail(e, ex.getMessage(), ex.retriable(), ex.retryAfter());
    } catch (RuntimeException ex) {
      // an unexpected failure in a channel is retried like an I/O error, never lost
      fail(e, ex.toString(), true, Optional.empty());
    }
  }

  private void fail(OutboxEntry e, String why, boolean retriable, Optional<Duration> retryAfter) {
    failures.incrementAndGet();
    Instant now = clock.instant();
    Optional<Instant> retryAt =
        retriable && e.attempts() < settings.maxAttempts()
            ? Optional.of(now.plus(retryAfter.orElseGet(() -> backoff(e.attempts()))))
            : Optional.empty();
    outbox.failed(e.key(), why, retryAt, now);
    LOG.warn(
        "outbox {} to {} failed (attempt {}){}: {}",
        e.action().kind(),
        e.action().channel(),
        e.attempts(),
        retryAt.isPresent() ? ", will retry" : ", given up",
        why);
  }

  Duration backoff(int attempts) {
    Duration d = settings.firstBackoff();
    for (int i = 1; i < attempts && d.compareTo(settings.maxBackoff()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
  }

  /**
   * Starts a background loop (a virtual thread) that dispatches due entries every poll interval.
   */
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    loop =
        Thread.ofVirtual()
            .name("outbox-dispatcher")
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      dispatchDue();
                      Thread.sleep(settings.poll());
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                      LOG.warn("outbox dispatch failed, retrying: {}", e.getMessage());
                      try {
                        Thread.sleep(settings.poll().multipliedBy(4));
                      } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                      }
                    }
                  }
                });
  }

  /** Figures for {@code /health} and metrics. */
  public Map<String, Object> status() {
    return Map.of("sent", sent.get(), "failures", failures.get(), "channels", channels.size());
  }

  @Override
  public synchronized void close() throws InterruptedException {
    Thread t = loop;
    loop = null;
    if (t != null) {
      t.interrupt();
      t.join(Duration.ofSeconds(10));
    }
  }
}
