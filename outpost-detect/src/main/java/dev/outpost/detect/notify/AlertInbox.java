package dev.outpost.detect.notify;

import dev.outpost.core.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The in-app channel: keeps the alert threads (latest message first) so that the UI can list them
 * and people can acknowledge, snooze and resolve them. A snoozed thread comes back when the snooze
 * ends or when its severity rises. In memory; at most {@code capacity} threads are kept (the oldest
 * resolved or closed go first).
 */
public final class AlertInbox implements Notifier {
  /** Where a thread stands for the people handling it. */
  public enum Status {
    NEW,
    ACKNOWLEDGED,
    SNOOZED,
    RESOLVED
  }

  /** One thread as the UI shows it. */
  public record Entry(
      String threadId, Alert latest, int messages, Status status, Optional<Instant> snoozedUntil) {}

  private static final class State {
    Alert latest;
    int messages;
    Status status = Status.NEW;
    Instant snoozedUntil;

    State(Alert a) {
      latest = a;
    }
  }

  private final Clock clock;
  private final int capacity;
  private final Map<String, State> threads = new LinkedHashMap<>();

  public AlertInbox(Clock clock, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.capacity = capacity;
  }

  @Override
  public String name() {
    return "in-app";
  }

  @Override
  public synchronized void send(Alert a) {
    State st = threads.get(a.threadId());
    if (st == null) {
      st = new State(a);
      threads.put(a.threadId(), st);
      evict();
    } else if (st.status == Status.SNOOZED && a.severity().compareTo(st.latest.severity()) > 0) {
      st.status = Status.NEW;
      st.snoozedUntil = null;
    }
    st.latest = a;
    st.messages++;
  }

  public synchronized boolean acknowledge(String threadId) {
    return change(threadId, Status.ACKNOWLEDGED, null);
  }

  public synchronized boolean snooze(String threadId, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("snooze duration must be positive");
    }
    return change(threadId, Status.SNOOZED, clock.instant().plus(duration));
  }

  public synchronized boolean resolve(String threadId) {
    return change(threadId, Status.RESOLVED, null);
  }

  /**
   * Threads that need attention now (new or acknowledged, snoozes that ended), newest first; a
   * thread its detector closed no longer does.
   */
  public synchronized List<Entry> active() {
    return entries().stream()
        .filter(e -> e.status() == Status.NEW || e.status() == Status.ACKNOWLEDGED)
        .filter(e -> e.latest().phase() != Alert.Phase.CLOSED)
        .toList();
  }

  /** Every thread kept, newest message first. */
  public synchronized List<Entry> entries() {
    Instant now = clock.instant();
    List<Entry> result = new ArrayList<>();
    for (var e : threads.entrySet()) {
      State st = e.getValue();
      if (st.status == Status.SNOOZED && !st.snoozedUntil.isAfter(now)) {
        st.status = Status.NEW;
        st.snoozedUntil = null;
      }
      result.add(
          new Entry(
              e.getKey(), st.latest, st.messages, st.status, Optional.ofNullable(st.snoozedUntil)));
    }
    result.sort(Comparator.comparing((Entry x) -> x.latest().at()).reversed());
    return result;
  }

  private boolean change(String threadId, Status status, Instant until) {
    State st = threads.get(threadId);
    if (st == null) {
      return false;
    }
    st.status = status;
    st.snoozedUntil = until;
    return true;
  }

  private void evict() {
    while (threads.size() > capacity) {
      String victim =
          threads.entrySet().stream()
              .filter(
                  e ->
                      e.getValue().status == Status.RESOLVED
                          || e.getValue().latest.phase() == Alert.Phase.CLOSED)
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(threads.keySet().iterator().next());
      threads.remove(victim);
    }
  }
}
