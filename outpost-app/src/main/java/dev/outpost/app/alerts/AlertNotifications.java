package dev.outpost.app.alerts;

import dev.outpost.app.config.AlertsConfig;
import dev.outpost.care.outbox.OutboxDispatcher;
import dev.outpost.core.Alert;
import dev.outpost.core.Incident;
import dev.outpost.core.alerts.AlertStore;
import dev.outpost.core.alerts.AlertThread;
import dev.outpost.core.outbox.ActionKind;
import dev.outpost.core.outbox.Outbox;
import dev.outpost.core.outbox.OutboxAction;
import dev.outpost.detect.AlertListener;
import dev.outpost.detect.notify.EmailNotifier;
import dev.outpost.detect.notify.HttpNotifier;
import dev.outpost.detect.notify.Notifier;
import dev.outpost.store.AlertJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every alert thread in the {@link AlertStore} and tells people through the outbox, so that
 * each message goes out at most once per channel, even across restarts (the idempotency key is the
 * thread, phase, stream time and channel). Rules from {@code alerts:} choose the channels; a thread
 * is one opening, updates at most once per {@code updateThrottle} of stream time (a rise in
 * severity always goes out), and one closing. Threads people snoozed or resolved send no updates.
 * Threads still new after a rule's {@code escalateAfter} go to its {@code escalateTo} channels
 * once. Failures are logged, never thrown at the detector.
 */
public final class AlertNotifications implements AlertListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertNotifications.class);

  private final AlertsConfig config;
  private final AlertStore store;
  private final Outbox outbox;
  private final Clock clock;
  private final Function<String, Optional<Incident>> incidents;
  private final Duration throttle;
  private final List<Notifier> notifiers;
  private volatile Thread escalations;

  AlertNotifications(
      AlertsConfig config,
      AlertStore store,
      Outbox outbox,
      Clock clock,
      Function<String, Optional<Incident>> incidents,
      List<Notifier> notifiers) {
    this.config = config;
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
    this.incidents = incidents;
    this.throttle = config.updateThrottleDuration();
    this.notifiers = List.copyOf(notifiers);
  }

  /**
   * Builds the channels of {@code alerts:} and adds them to the dispatcher.
   *
   * @param incidents the detector's latest snapshot of an incident, by id
   */
  public static AlertNotifications create(
      AlertsConfig config,
      AlertStore store,
      Outbox outbox,
      OutboxDispatcher dispatcher,
      Clock clock,
      Function<String, Optional<Incident>> incidents) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<Notifier> notifiers = new ArrayList<>();
    for (AlertsConfig.Channel c : config.channels()) {
      notifiers.add(notifier(c, http, clock));
    }
    AlertNotifications n =
        new AlertNotifications(config, store, outbox, clock, incidents, notifiers);
    n.notifiers.forEach(x -> dispatcher.add(new NotifierChannel(x)));
    return n;
  }

  static Notifier notifier(AlertsConfig.Channel c, HttpClient http, Clock clock) {
    return switch (c.type()) {
      case "webhook" ->
          HttpNotifier.webhook(c.name(), URI.create(c.url()), c.secret(), http, clock);
      case "slack" -> HttpNotifier.slack(c.name(), URI.create(c.url()), http, clock);
      case "email" ->
          new EmailNotifier(
              c.name(),
              new EmailNotifier.Smtp(
                  c.smtp().host(),
                  c.smtp().port(),
                  c.smtp().startTls(),
                  Optional.ofNullable(c.smtp().username()).filter(u -> !u.isBlank()),
                  Optional.ofNullable(c.smtp().password()).filter(p -> !p.isEmpty()),
                  c.from(),
                  c.to()));
      default -> throw new IllegalArgumentException("unknown channel type " + c.type());
    };
  }

  /** Starts looking for unacknowledged threads every {@code escalationCheck}. */
  public AlertNotifications startEscalations() {
    if (config.rules().stream().noneMatch(r -> r.escalateAfterDuration().isPresent())) {
      return this;
    }
    Duration every = config.escalationCheckDuration();
    escalations =
        Thread.ofVirtual()
            .name("alert-escalations")
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      Thread.sleep(every);
                      escalate();
                    } catch (InterruptedException e) {
                      return;
                    } catch (RuntimeException e) {
                      LOG.warn("alert escalation check failed: {}", e.toString());
                    }
                  }
                });
    return this;
  }

  @Override
  public synchronized void alert(Alert a) {
    Instant now = clock.instant();
    AlertStore.Recorded r;
    Optional<Alert.Severity> before;
    try {
      before = store.thread(a.threadId(), now).map(t -> t.latest().severity());
      if (a.kind() == Alert.Kind.INCIDENT) {
        Optional<Incident> snapshot = incidents.apply(a.subject());
        if (a.phase() == Alert.Phase.CLOSED) {
          // a closing incident has already left the detector's list of open ones
          snapshot = snapshot.or(() -> store.incident(a.subject())).map(AlertNotifications::closed);
        }
        snapshot.ifPresent(store::saveIncident);
      }
      r = store.record(a, now);
    } catch (RuntimeException e) {
      LOG.warn("alert {} not recorded: {}", a.threadId(), e.getMessage());
      return;
    }
    if (!r.added()) {
      return;
    }
    Set<String> channels;
    try {
      channels = channelsFor(a, r.thread(), before, now);
    } catch (RuntimeException e) {
      LOG.warn("alert {} not sent: {}", a.threadId(), e.getMessage());
      return;
    }
    for (String ch : channels) {
      enqueue(key(a, ch), ch, a, now);
    }
  }

  private Set<String> channelsFor(
      Alert a, AlertThread thread, Optional<Alert.Severity> before, Instant now) {
    // the throttle's memory is kept with the thread in the store, so it survives a restart
    switch (a.phase()) {
      case OPENED -> store.claimNotification(a.threadId(), a.at(), Duration.ZERO);
      case UPDATED -> {
        boolean rose = before.isPresent() && a.severity().compareTo(before.get()) > 0;
        if (thread.status() == AlertThread.Status.RESOLVED
            || thread.status() == AlertThread.Status.SNOOZED
            || !store.claimNotification(a.threadId(), a.at(), rose ? Duration.ZERO : throttle)) {
          return Set.of();
        }
      }
      case CLOSED -> {}
      default -> throw new IllegalStateException("unknown phase " + a.phase());
    }
    Set<String> channels = new LinkedHashSet<>();
    for (AlertsConfig.Rule rule : config.rules()) {
      if (matches(rule, a) && (a.phase() == Alert.Phase.CLOSED || !quiet(rule, a, now))) {
        channels.addAll(rule.channels());
      }
    }
    return channels;
  }

  static boolean matches(AlertsConfig.Rule rule, Alert a) {
    String topic = a.details().getOrDefault("topic", a.subject());
    Alert.Severity least = Alert.Severity.values()[rule.minSeverityLevel()];
    Alert.Severity severity = a.severity();
    return rule.coversKind(a.kind().id())
        && rule.coversSubject(topic)
        && (a.phase() == Alert.Phase.CLOSED || severity.compareTo(least) >= 0);
  }

  /** In the rule's quiet hours only critical alerts go out. */
  static boolean quiet(AlertsConfig.Rule rule, Alert a, Instant now) {
    if (a.severity() == Alert.Severity.CRITICAL || rule.quietWindow().isEmpty()) {
      return false;
    }
    LocalTime[] w = rule.quietWindow().get();
    LocalTime t = LocalTime.ofInstant(now, rule.zoneId());
    return w[0].isBefore(w[1])
        ? !t.isBefore(w[0]) && t.isBefore(w[1])
        : !t.isBefore(w[0]) || t.isBefore(w[1]);
  }

  /** Tells the escalation channels about threads nobody acknowledged in time; returns how many. */
  public synchronized int escalate() {
    Instant now = clock.instant();
    int escalated = 0;
    for (AlertsConfig.Rule rule : config.rules()) {
      Optional<Duration> after = rule.escalateAfterDuration();
      if (after.isEmpty()) {
        continue;
      }
      for (AlertThread t : store.unacknowledged(now.minus(after.get()), 500)) {
        Alert latest = t.latest();
        if (!matches(rule, latest)) {
          continue;
        }
        Map<String, String> details = new LinkedHashMap<>(latest.details());
        details.put("escalated_after", after.get().toString());
        Alert notice =
            new Alert(
                latest.threadId(),
                latest.kind(),
                latest.phase(),
                latest.severity(),
                latest.subject(),
                latest.at(),
                latest.observed(),
                latest.expected(),
                "not acknowledged after " + after.get().toMinutes() + " min: " + latest.summary(),
                latest.evidence(),
                details);
        for (String ch : rule.escalateTo()) {
          enqueue("alert:" + t.id() + ":escalation:" + ch, ch, notice, now);
        }
        if (store.markEscalated(t.id(), now)) {
          escalated++;
        }
      }
    }
    return escalated;
  }

  private void enqueue(String key, String channel, Alert a, Instant now) {
    try {
      outbox.enqueue(
          new OutboxAction(
              key,
              channel,
              ActionKind.NOTIFY,
              a.threadId(),
              AlertJson.write(a),
              Map.of("phase", a.phase().id(), "kind", a.kind().id())),
          now);
    } catch (RuntimeException e) {
      LOG.warn("alert {} not queued for {}: {}", a.threadId(), channel, e.getMessage());
    }
  }

  /** The idempotency key: one message of one thread, once per channel. */
  static String key(Alert a, String channel) {
    return "alert:"
        + a.threadId()
        + ":"
        + a.phase().id()
        + ":"
        + a.at().toEpochMilli()
        + ":"
        + channel;
  }

  private static Incident closed(Incident i) {
    return new Incident(
        i.id(),
        i.name(),
        i.terms(),
        i.openedAt(),
        i.lastSeenAt(),
        i.size(),
        i.authors(),
        i.samples(),
        i.timeline(),
        Incident.Status.CLOSED);
  }

  @Override
  public void close() {
    Thread t = escalations;
    if (t != null) {
      t.interrupt();
    }
  }
}
