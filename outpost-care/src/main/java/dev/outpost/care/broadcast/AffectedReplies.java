package dev.outpost.care.broadcast;

import dev.outpost.core.Incident;
import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.core.broadcast.BroadcastStore;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.Outbox;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.core.outbox.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Answers every author of a broadcast's incident once, replying to their latest post with a link to
 * the announcement: each answer is an outbox action keyed by broadcast and author (so nobody is
 * answered twice, however often it runs), due at spaced times per network (the rate limit).
 */
final class AffectedReplies {
  /** How far before the incident's first post an author's post still counts. */
  private static final Duration LOOKBACK = Duration.ofHours(6);

  private final BroadcastStore store;
  private final Outbox outbox;
  private final List<ChannelProfile> channels;
  private final Supplier<List<Incident>> incidents;
  private final Duration spacing;
  private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();

  AffectedReplies(
      BroadcastStore store,
      Outbox outbox,
      List<ChannelProfile> channels,
      Supplier<List<Incident>> incidents,
      int repliesPerMinute) {
    this.store = store;
    this.outbox = outbox;
    this.channels = List.copyOf(channels);
    this.incidents = incidents;
    this.spacing = Duration.ofMillis(60_000L / repliesPerMinute);
  }

  static String key(long id, String network, String handle) {
    return "broadcast:" + id + ":answer:" + network + ":" + handle;
  }

  Broadcaster.Affected preview(Broadcast b) {
    String incidentId =
        b.incidentId()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "broadcast " + b.id() + " is not linked to an incident"));
    Incident incident =
        incidents.get().stream()
            .filter(i -> i.id().equals(incidentId))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "incident "
                            + incidentId
                            + " is not (or no longer) tracked by detection; its authors are"
                            + " unknown"));
    List<BroadcastStore.AuthorPost> posts =
        store.latestPosts(incident.authors(), incident.openedAt().minus(LOOKBACK));
    Set<String> answered =
        outbox
            .findAll(posts.stream().map(p -> key(b.id(), p.network(), p.handle())).toList())
            .stream()
            .map(OutboxEntry::key)
            .collect(Collectors.toSet());
    List<Broadcaster.Recipient> to = new ArrayList<>();
    int unreachable = 0;
    for (BroadcastStore.AuthorPost p : posts) {
      if (answered.contains(key(b.id(), p.network(), p.handle()))) {
        continue;
      }
      Optional<ChannelProfile> c = channelFor(p.network());
      if (c.isEmpty()) {
        unreachable++;
        continue;
      }
      to.add(new Broadcaster.Recipient(p.network(), p.handle(), p.externalId(), c.get().name()));
    }
    return new Broadcaster.Affected(
        incident.id(),
        incident.authors().size(),
        answered.size(),
        unreachable,
        incident.authors().size() - posts.size(),
        to);
  }

  private Optional<ChannelProfile> channelFor(String network) {
    return channels.stream().filter(c -> c.replies() && c.network().equals(network)).findFirst();
  }

  /** Queues one answer per recipient not answered yet; returns how many were queued. */
  int send(Broadcast b, String text, String link, Instant now) {
    Broadcast.checkBody(text);
    int queued = 0;
    for (Broadcaster.Recipient r : preview(b).recipients()) {
      ChannelProfile c = channelFor(r.network()).orElseThrow();
      String body =
          Fitter.fit("@" + r.handle() + " " + text.strip() + " " + link, c.withoutThreads(), link)
              .getFirst();
      Instant due = slot(c.name(), now);
      if (outbox.enqueue(
          new OutboxAction(
              key(b.id(), r.network(), r.handle()),
              c.name(),
              ActionKind.REPLY,
              r.postId(),
              body,
              Map.of("broadcast", Long.toString(b.id()))),
          due)) {
        queued++;
      }
    }
    return queued;
  }

  /** The next free time on a channel, {@code spacing} after the previous one. */
  private Instant slot(String channel, Instant now) {
    return nextSlot.compute(
        channel, (k, prev) -> prev == null || prev.isBefore(now) ? now : prev.plus(spacing));
  }
}
