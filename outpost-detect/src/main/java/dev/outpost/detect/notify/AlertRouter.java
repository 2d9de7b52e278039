package dev.outpost.detect.notify;

import dev.outpost.core.Alert;
import dev.outpost.detect.AlertListener;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes detector alerts to notifiers by rules, one thread per spike / post / incident: the opening
 * is sent at once, updates at most once per {@code updateThrottle} of stream time (an escalation of
 * severity always goes through), the closing once; repeated openings of a thread are dropped.
 * Delivery failures are logged and counted, never thrown back at the detector.
 */
public final class AlertRouter implements AlertListener {
  private static final Logger LOG = LoggerFactory.getLogger(AlertRouter.class);

  /**
   * Who is told about what.
   *
   * @param kinds the detectors it covers; empty for all
   * @param subject a pattern the alert subject must match (for example {@code united.*})
   * @param minSeverity the least severity
   * @param notifiers the names of the notifiers to use
   */
  public record Rule(
      Set<Alert.Kind> kinds, Pattern subject, Alert.Severity minSeverity, List<String> notifiers) {
    public Rule {
      kinds = Set.copyOf(kinds);
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(minSeverity, "minSeverity");
      notifiers = List.copyOf(notifiers);
      if (notifiers.isEmpty()) {
        throw new IllegalArgumentException("a rule needs at least one notifier");
      }
    }

    boolean matches(Alert a) {
      return (kinds.isEmpty() || kinds.contains(a.kind()))
          && subject.matcher(a.subject()).matches()
          && a.severity().compareTo(minSeverity) >= 0;
    }
  }

  private record ThreadState(Instant lastSent, Alert.Severity severity, Set<String> notifiers) {}

  private final List<Rule> rules;
  private final Map<String, Notifier> notifiers;
  private final Duration updateThrottle;
  private final Map<String, ThreadState> threads = new HashMap<>();
  private long sent;
  private long failed;

  public AlertRouter(List<Rule> rules, List<Notifier> notifiers, Duration updateThrottle) {
    this.rules = List.copyOf(rules);
    this.notifiers =
        notifiers.stream().collect(Collectors.toMap(Notifier::name, Function.identity()));
    this.updateThrottle = Objects.requireNonNull(updateThrottle, "updateThrottle");
    for (Rule r : this.rules) {
      for (String n : r.notifiers()) {
        if (!this.notifiers.containsKey(n)) {
          throw new IllegalArgumentException("rule names unknown notifier '" + n + "'");
        }
      }
    }
  }

  @Override
  public synchronized void alert(Alert a) {
    ThreadState st = threads.get(a.threadId());
    Set<String> targets;
    switch (a.phase()) {
      case OPENED -> {
        if (st != null) {
          return;
        }
        targets = targets(a);
        if (targets.isEmpty()) {
          return;
        }
      }
      case UPDATED -> {
        if (st == null) {
          return;
        }
        boolean escalated = a.severity().compareTo(st.severity()) > 0;
        if (!escalated && a.at().isBefore(st.lastSent().plus(updateThrottle))) {
          return;
        }
        targets = st.notifiers();
      }
      case CLOSED -> {
        if (st == null) {
          return;
        }
        threads.remove(a.threadId());
        deliver(a, st.notifiers());
        return;
      }
      default -> throw new IllegalStateException("unknown phase " + a.phase());
    }
    Alert.Severity severity =
        st == null || a.severity().compareTo(st.severity()) > 0 ? a.severity() : st.severity();
    threads.put(a.threadId(), new ThreadState(a.at(), severity, targets));
    deliver(a, targets);
  }

  private Set<String> targets(Alert a) {
    Set<String> names = new LinkedHashSet<>();
    for (Rule r : rules) {
      if (r.matches(a)) {
        names.addAll(r.notifiers());
      }
    }
    return names;
  }

  private void deliver(Alert a, Set<String> names) {
    for (String n : names) {
      try {
        notifiers.get(n).send(a);
        sent++;
      } catch (NotifyException e) {
        failed++;
        LOG.warn(
            "alert {} not delivered ({}): {}",
            a.threadId(),
            e.retriable() ? "retriable" : "permanent",
            e.getMessage());
      }
    }
  }

  /** Messages delivered so far. */
  public synchronized long sent() {
    return sent;
  }

  /** Deliveries that failed so far. */
  public synchronized long failed() {
    return failed;
  }
}
