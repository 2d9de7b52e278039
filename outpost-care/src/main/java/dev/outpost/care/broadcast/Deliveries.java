package dev.outpost.care.broadcast;

import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.Outbox;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.core.outbox.OutboxEntry;
import dev.outpost.core.outbox.OutboxStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns published messages into outbox actions, one post at a time per threaded channel: a thread's
 * next post replies to the previous one, so it is queued once the previous one was sent and its id
 * is known. Everything is derived from the outbox, under keys {@code
 * broadcast:ID:SEQ:CHANNEL:PART}, so running it again (or on another node) queues nothing twice.
 */
final class Deliveries {
  private final Outbox outbox;
  private final List<ChannelProfile> channels;
  private final Function<Broadcast, String> link;

  Deliveries(Outbox outbox, List<ChannelProfile> channels, Function<Broadcast, String> link) {
    this.outbox = outbox;
    this.channels = List.copyOf(channels);
    this.link = link;
  }

  static String key(long id, int seq, String channel, int part) {
    return "broadcast:" + id + ":" + seq + ":" + channel + ":" + part;
  }

  List<String> parts(Broadcast b, Broadcast.Message m, ChannelProfile c) {
    String text = m.seq() == 1 ? b.title() + "\n\n" + m.body() : m.body();
    return Fitter.fit(text, c, link.apply(b));
  }

  /** Queues what can be queued now for this broadcast; returns how many actions were queued. */
  int pump(Broadcast b, Instant now) {
    List<Broadcast.Message> published =
        b.messages().stream().filter(m -> m.publishedAt().isPresent()).toList();
    if (published.isEmpty()) {
      return 0;
    }
    Map<String, OutboxEntry> entries = entries(b, published);
    int queued = 0;
    for (ChannelProfile c : channels) {
      boolean chained = c.threads() || c.followUps();
      Optional<String> first = Optional.empty();
      Optional<String> last = Optional.empty();
      channel:
      for (Broadcast.Message m : published) {
        List<String> parts = parts(b, m, c);
        for (int p = 1; p <= parts.size(); p++) {
          String key = key(b.id(), m.seq(), c.name(), p);
          OutboxEntry e = entries.get(key);
          if (e != null) {
            if (e.status() == OutboxStatus.SENT && e.externalId().isPresent()) {
              if (first.isEmpty()) {
                first = e.externalId();
              }
              last = e.externalId();
              continue;
            }
            if (chained) {
              break channel; // the rest of the thread waits for this post
            }
            continue;
          }
          String target = "";
          if (chained && (p > 1 || m != published.getFirst())) {
            Optional<String> to = p > 1 || c.threads() ? last : first;
            if (to.isEmpty()) {
              break channel; // the thread's start was never sent: nothing to continue
            }
            target = to.get();
          }
          boolean added =
              outbox.enqueue(
                  new OutboxAction(
                      key,
                      c.name(),
                      ActionKind.PUBLISH,
                      target,
                      parts.get(p - 1),
                      Map.of(
                          "subject", b.title(),
                          "broadcast", Long.toString(b.id()),
                          "kind", m.kind().name().toLowerCase(java.util.Locale.ROOT),
                          "link", link.apply(b))),
                  now);
          if (added) {
            queued++;
          }
          if (chained) {
            break channel;
          }
        }
      }
    }
    return queued;
  }

  private Map<String, OutboxEntry> entries(Broadcast b, List<Broadcast.Message> messages) {
    List<String> keys = new ArrayList<>();
    for (Broadcast.Message m : messages) {
      for (ChannelProfile c : channels) {
        int n = parts(b, m, c).size();
        for (int p = 1; p <= n; p++) {
          keys.add(key(b.id(), m.seq(), c.name(), p));
        }
      }
    }
    return outbox.findAll(keys).stream()
        .collect(Collectors.toMap(OutboxEntry::key, Function.identity()));
  }

  /** Per published message and channel: where its posts stand. */
  List<Broadcaster.Delivery> results(Broadcast b) {
    List<Broadcast.Message> published =
        b.messages().stream().filter(m -> m.publishedAt().isPresent()).toList();
    Map<String, OutboxEntry> entries = entries(b, published);
    List<Broadcaster.Delivery> out = new ArrayList<>();
    for (Broadcast.Message m : published) {
      for (ChannelProfile c : channels) {
        int n = parts(b, m, c).size();
        int sent = 0;
        int attempts = 0;
        Optional<String> error = Optional.empty();
        Optional<String> url = Optional.empty();
        boolean failed = false;
        for (int p = 1; p <= n; p++) {
          OutboxEntry e = entries.get(key(b.id(), m.seq(), c.name(), p));
          if (e == null) {
            continue;
          }
          attempts += e.attempts();
          if (e.status() == OutboxStatus.SENT) {
            sent++;
            if (url.isEmpty()) {
              url = e.url();
            }
          } else {
            error = e.lastError().or(() -> Optional.empty());
            failed |= e.status() == OutboxStatus.FAILED;
          }
        }
        Broadcaster.DeliveryState state =
            sent == n
                ? Broadcaster.DeliveryState.SENT
                : failed ? Broadcaster.DeliveryState.FAILED : Broadcaster.DeliveryState.PENDING;
        out.add(new Broadcaster.Delivery(m.seq(), c.name(), state, n, sent, attempts, error, url));
      }
    }
    return out;
  }

  /** Puts this broadcast's failed posts back in the queue; returns how many. */
  int retryFailed(Broadcast b, Instant now) {
    List<Broadcast.Message> published =
        b.messages().stream().filter(m -> m.publishedAt().isPresent()).toList();
    int n = 0;
    for (OutboxEntry e : entries(b, published).values()) {
      if (e.status() == OutboxStatus.FAILED && outbox.retry(e.key(), now)) {
        n++;
      }
    }
    return n;
  }
}
