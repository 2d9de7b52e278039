package dev.outpost.core;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One message of an alert thread raised by a detector. A thread (one spike, one viral post, one
 * incident) is opened once, may be updated, and is closed; every message carries the thread id so
 * that notifiers and the UI can group them.
 *
 * @param threadId identifies the thread; equal for its opening, updates and closing
 * @param kind which detector raised it
 * @param phase opened, updated or closed
 * @param severity how urgent
 * @param subject what it is about: a topic key such as {@code united}, {@code united|negative}, a
 *     post key, or an incident id
 * @param at the stream time when it fired
 * @param observed the value the detector saw (a count, a share, a velocity)
 * @param expected the value the detector expected from its baseline
 * @param summary one line a person can read
 * @param evidence a link (relative URL or URI) to the posts that support the alert
 * @param details extra facts, by name (for example the p-value or the top terms)
 */
public record Alert(
    String threadId,
    Kind kind,
    Phase phase,
    Severity severity,
    String subject,
    Instant at,
    double observed,
    double expected,
    String summary,
    String evidence,
    Map<String, String> details) {

  /** The detectors. */
  public enum Kind {
    VOLUME_SPIKE,
    NEGATIVITY_SPIKE,
    VIRAL_POST,
    INCIDENT;

    /** The lower-case name used in JSON and rules, for example {@code volume_spike}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where in its thread an alert stands. */
  public enum Phase {
    OPENED,
    UPDATED,
    CLOSED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Ordered from least to most urgent. */
  public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Alert {
    Validate.maxLength("alert threadId", Validate.notBlank("alert threadId", threadId), 256);
    Objects.requireNonNull(kind, "alert kind");
    Objects.requireNonNull(phase, "alert phase");
    Objects.requireNonNull(severity, "alert severity");
    Validate.maxLength("alert subject", Validate.notBlank("alert subject", subject), 512);
    Objects.requireNonNull(at, "alert at");
    if (!Double.isFinite(observed) || !Double.isFinite(expected) || observed < 0 || expected < 0) {
      throw new IllegalArgumentException(
          "alert observed and expected must be finite and >= 0, were "
              + observed
              + " and "
              + expected);
    }
    Validate.maxLength("alert summary", Validate.notBlank("alert summary", summary), 2_000);
    Validate.maxLength("alert evidence", Validate.notBlank("alert evidence", evidence), 2_000);
    details = Map.copyOf(details);
  }
}
