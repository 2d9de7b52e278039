package dev.outpost.care.broadcast;

import dev.outpost.core.Incident;
import dev.outpost.core.audit.AuditEvent;
import dev.outpost.core.audit.AuditLog;
import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.core.broadcast.BroadcastStore;
import dev.outpost.core.broadcast.Impact;
import dev.outpost.core.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incident announcements to every channel at once: a broadcast is drafted once, previewed as each
 * channel will show it, approved by someone other than its author, then published through the
 * outbox (each post once, retried when a network fails) and on the public status page; updates and
 * the resolution follow in the same threads, and everyone who reported the problem can be answered
 * once with a link to it.
 */
public final class Broadcaster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Broadcaster.class);

  /**
   * @param statusUrl the public address of the status page (links in posts and answers)
   * @param components the service's components, as shown on the status page
   * @param repliesPerMinute answers sent per minute per channel at most
   * @param poll how often the background loop queues the next posts of threads
   */
  public record Settings(
      String statusUrl, List<String> components, int repliesPerMinute, Duration poll) {
    public Settings {
      if (statusUrl == null || statusUrl.isBlank()) {
        throw new IllegalArgumentException("the status page needs a public address");
      }
      components = List.copyOf(components);
      if (repliesPerMinute < 1) {
        throw new IllegalArgumentException(
            "repliesPerMinute must be >= 1, was " + repliesPerMinute);
      }
    }
  }

  /** Where a message's posts on one channel stand. */
  public enum DeliveryState {
    PENDING,
    SENT,
    FAILED
  }

  /**
   * One message on one channel.
   *
   * @param parts how many posts it is on that channel
   * @param sent how many of them were sent
   * @param error why the last try failed, if it did
   * @param url the first post's address once sent
   */
  public record Delivery(
      int seq,
      String channel,
      DeliveryState state,
      int parts,
      int sent,
      int attempts,
      Optional<String> error,
      Optional<String> url) {}

  /** Someone who will be answered: their latest post, and the channel that replies. */
  public record Recipient(String network, String handle, String postId, String channel) {}

  /**
   * Who an answer to everyone affected would reach.
   *
   * @param authors the incident's distinct authors
   * @param alreadyAnswered authors answered (or queued) before
   * @param unreachable authors on a network no channel can reply on
   * @param withoutPost authors whose post is not stored
   * @param recipients who would get it now
   */
  public record Affected(
      String incidentId,
      int authors,
      int alreadyAnswered,
      int unreachable,
      int withoutPost,
      List<Recipient> recipients) {}

  private final BroadcastStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final Settings settings;
  private final List<ChannelProfile> channels;
  private final Deliveries deliveries;
  private final AffectedReplies affected;
  private final AtomicLong changes = new AtomicLong();
  private volatile Thread loop;

  public Broadcaster(
      BroadcastStore store,
      Outbox outbox,
      AuditLog audit,
      List<ChannelProfile> channels,
      Supplier<List<Incident>> incidents,
      Clock clock,
      Settings settings) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
    this.channels = List.copyOf(channels);
    this.deliveries = new Deliveries(outbox, channels, this::link);
    this.affected =
        new AffectedReplies(store, outbox, channels, incidents, settings.repliesPerMinute());
  }

  /** The channels every broadcast goes to. */
  public List<ChannelProfile> channels() {
    return channels;
  }

  public Settings settings() {
    return settings;
  }

  /** The status page's address for a broadcast. */
  public String link(Broadcast b) {
    return settings.statusUrl() + "#incident-" + b.id();
  }

  /** Drafts a broadcast; its announcement waits for someone else's approval. */
  public Broadcast draft(
      String title,
      Impact impact,
      List<String> components,
      Optional<String> incidentId,
      String body,
      String author) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a broadcast needs a title");
    }
    if (title.strip().length() > Broadcast.MAX_TITLE) {
      throw new IllegalArgumentException(
          "a broadcast title must be at most " + Broadcast.MAX_TITLE + " characters");
    }
    java.util.Objects.requireNonNull(impact, "impact");
    Broadcast.checkBody(body);
    for (String c : components) {
      if (!settings.components().contains(c)) {
        throw new IllegalArgumentException(
            "unknown component '" + c + "'; configured: " + settings.components());
      }
    }
    Broadcast b =
        store.create(title, impact, components, incidentId, body, author, clock.instant());
    audit.record(
        new AuditEvent(
            clock.instant(),
            author,
            "broadcast.draft",
            "broadcast:" + b.id(),
            Map.of("impact", impact.name())));
    return b;
  }

  /** Drafts an update or the resolution of a broadcast. */
  public Broadcast.Message followUp(long id, Broadcast.Kind kind, String body, String author) {
    if (kind == Broadcast.Kind.ANNOUNCEMENT) {
      throw new IllegalArgumentException("a broadcast has one announcement; add an update");
    }
    Broadcast b = get(id);
    if (b.resolved()) {
      throw new IllegalArgumentException("broadcast " + id + " is resolved");
    }
    Broadcast.Message m = store.addMessage(id, kind, body, author, clock.instant());
    audit.record(
        new AuditEvent(
            clock.instant(),
            author,
            "broadcast.draft",
            "broadcast:" + id + ":" + m.seq(),
            Map.of("kind", kind.name())));
    return m;
  }

  public Optional<Broadcast> find(long id) {
    return store.find(id);
  }

  public List<Broadcast> recent(int limit) {
    return store.recent(limit);
  }

  private Broadcast get(long id) {
    return store.find(id).orElseThrow(() -> new NoSuchBroadcastException(id));
  }

  private Broadcast.Message message(Broadcast b, int seq) {
    return b.message(seq)
        .orElseThrow(
            () -> new IllegalArgumentException("broadcast " + b.id() + " has no message " + seq));
  }

  /** What a message becomes on each channel, in channel order. */
  public Map<String, List<String>> preview(long id, int seq) {
    Broadcast b = get(id);
    Broadcast.Message m = message(b, seq);
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (ChannelProfile c : channels) {
      out.put(c.name(), deliveries.parts(b, m, c));
    }
    return out;
  }

  /**
   * Approves a draft message.
   *
   * @throws IllegalArgumentException when the approver wrote it, or it is not a draft
   */
  public void approve(long id, int seq, String approver) {
    Broadcast b = get(id);
    Broadcast.Message m = message(b, seq);
    if (m.author().equals(approver)) {
      throw new IllegalArgumentException(
          "message "
              + seq
              + " of broadcast "
              + id
              + " needs approval by someone other than its"
              + " author");
    }
    if (!store.approve(id, seq, approver, clock.instant())) {
      throw new IllegalArgumentException(
          "message "
              + seq
              + " of broadcast "
              + id
              + " is "
              + m.state().name().toLowerCase(java.util.Locale.ROOT)
              + ", not a draft");
    }
    audit.record(
        AuditEvent.of(
            clock.instant(), approver, "broadcast.approve", "broadcast:" + id + ":" + seq));
  }

  /**
   * Publishes an approved message: on the status page at once, and queued for every channel. A
   * message published before is left as it is (idempotent).
   *
   * @return whether it was published by this call
   */
  public boolean publish(long id, int seq, String actor) {
    Broadcast b = get(id);
    Broadcast.Message m = message(b, seq);
    if (m.state() == Broadcast.State.DRAFT) {
      throw new IllegalArgumentException(
          "message " + seq + " of broadcast " + id + " is not approved yet");
    }
    if (seq > 1 && b.message(1).map(x -> x.state() != Broadcast.State.PUBLISHED).orElse(true)) {
      throw new IllegalArgumentException(
          "publish the announcement of broadcast " + id + " before its updates");
    }
    boolean now = store.markPublished(id, seq, clock.instant());
    if (now) {
      changes.incrementAndGet();
      audit.record(
          AuditEvent.of(
              clock.instant(), actor, "broadcast.publish", "broadcast:" + id + ":" + seq));
    }
    pump(id);
    return now;
  }

  /** Queues the next posts of a broadcast's threads; returns how many were queued. */
  public int pump(long id) {
    return deliveries.pump(get(id), clock.instant());
  }

  /** Queues the next posts of every recent broadcast; returns how many were queued. */
  public int pumpAll() {
    int n = 0;
    for (Broadcast b : store.recent(50)) {
      if (b.published()) {
        n += deliveries.pump(b, clock.instant());
      }
    }
    return n;
  }

  /** Per published message and channel, where its posts stand. */
  public List<Delivery> results(long id) {
    return deliveries.results(get(id));
  }

  /** Puts the broadcast's failed posts back in the queue; returns how many. */
  public int retryFailed(long id, String actor) {
    int n = deliveries.retryFailed(get(id), clock.instant());
    audit.record(
        new AuditEvent(
            clock.instant(),
            actor,
            "broadcast.retry",
            "broadcast:" + id,
            Map.of("posts", Integer.toString(n))));
    return n;
  }

  /** Who an answer to everyone affected by the broadcast's incident would reach now. */
  public Affected affected(long id) {
    return affected.preview(get(id));
  }

  /**
   * Answers every author of the broadcast's incident not answered yet, with {@code text} and a link
   * to the announcement, spaced per channel.
   *
   * @return how many answers were queued
   */
  public int answerAffected(long id, String text, String actor) {
    Broadcast b = get(id);
    if (!b.message(1).map(m -> m.publishedAt().isPresent()).orElse(false)) {
      throw new IllegalArgumentException(
          "publish broadcast " + id + " before answering the people affected");
    }
    int n = affected.send(b, text, link(b), clock.instant());
    audit.record(
        new AuditEvent(
            clock.instant(),
            actor,
            "broadcast.answer",
            "broadcast:" + id,
            Map.of("answers", Integer.toString(n))));
    return n;
  }

  /** What the public status page shows now (the latest 50 broadcasts). */
  public StatusView status() {
    return StatusView.of(settings.components(), store.recent(50));
  }

  /** Grows by one each time something published changes (for caches of the status page). */
  public long changes() {
    return changes.get();
  }

  /** Starts a background loop (a virtual thread) that continues threads as their posts are sent. */
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    loop =
        Thread.ofVirtual()
            .name("broadcast-threads")
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      pumpAll();
                      Thread.sleep(settings.poll());
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                      LOG.warn("broadcast threads: {}", e.getMessage());
                      try {
                        Thread.sleep(settings.poll().multipliedBy(4));
                      } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                      }
                    }
                  }
                });
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

  /** No broadcast has this id. */
  public static final class NoSuchBroadcastException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoSuchBroadcastException(long id) {
      super("no broadcast " + id);
    }
  }
}
