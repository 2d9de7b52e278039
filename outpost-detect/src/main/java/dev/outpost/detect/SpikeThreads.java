package dev.outpost.detect;

import dev.outpost.core.Alert;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The alert threads of one spike detector, per key: a key opens a thread after {@code persistence}
 * consecutive anomalous steps, is updated when the observed value doubles since the last message,
 * and is closed after {@code quietSteps} consecutive normal steps.
 */
final class SpikeThreads {
  private final Alert.Kind kind;
  private final int persistence;
  private final int quietSteps;
  private final AlertListener out;
  private final Map<String, State> states = new HashMap<>();

  private static final class State {
    int streak;
    int quiet;
    boolean open;
    String threadId = "";
    double lastReported;
  }

  /** What a step saw. */
  record Step(
      String key,
      boolean anomalous,
      double observed,
      double expected,
      Instant at,
      Alert.Severity severity,
      Supplier<String> summary,
      String evidence,
      Supplier<Map<String, String>> details) {}

  SpikeThreads(Alert.Kind kind, int persistence, int quietSteps, AlertListener out) {
    this.kind = kind;
    this.persistence = persistence;
    this.quietSteps = quietSteps;
    this.out = out;
  }

  /** Whether the key has a streak or an open thread, so that a normal step changes something. */
  boolean isTracked(String key) {
    return states.containsKey(key);
  }

  /** Whether the key's last step was anomalous (a streak under way, or an open thread's). */
  boolean hasStreak(String key) {
    State st = states.get(key);
    return st != null && st.streak > 0;
  }

  void step(Step s) {
    State st = states.get(s.key());
    if (s.anomalous()) {
      if (st == null) {
        st = new State();
        states.put(s.key(), st);
      }
      st.streak++;
      st.quiet = 0;
      if (!st.open && st.streak >= persistence) {
        st.open = true;
        st.threadId = kind.id() + ":" + s.key() + ":" + s.at().getEpochSecond();
        st.lastReported = s.observed();
        emit(st, Alert.Phase.OPENED, s);
      } else if (st.open && s.observed() >= 2 * st.lastReported) {
        st.lastReported = s.observed();
        emit(st, Alert.Phase.UPDATED, s);
      }
      return;
    }
    if (st == null) {
      return;
    }
    st.streak = 0;
    if (!st.open) {
      states.remove(s.key());
      return;
    }
    st.quiet++;
    if (st.quiet >= quietSteps) {
      emit(st, Alert.Phase.CLOSED, s);
      states.remove(s.key());
    }
  }

  private void emit(State st, Alert.Phase phase, Step s) {
    Alert.Severity severity = phase == Alert.Phase.CLOSED ? Alert.Severity.INFO : s.severity();
    out.alert(
        new Alert(
            st.threadId,
            kind,
            phase,
            severity,
            s.key(),
            s.at(),
            s.observed(),
            s.expected(),
            s.summary().get(),
            s.evidence(),
            s.details().get()));
  }
}
