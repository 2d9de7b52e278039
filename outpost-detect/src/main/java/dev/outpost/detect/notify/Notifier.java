package dev.outpost.detect.notify;

import dev.outpost.core.Alert;

/** Tells people about an alert over one channel (webhook, Slack, e-mail...). */
public interface Notifier {
  /** A short name used in rules, for example {@code ops-slack}. */
  String name();

  /**
   * Delivers the alert.
   *
   * @throws NotifyException when delivery failed; {@link NotifyException#retriable()} says whether
   *     a retry may help (timeouts, 429, 5xx)
   */
  void send(Alert alert) throws NotifyException;
}
