package dev.outpost.detect;

import dev.outpost.core.Alert;

/** Receives the alerts of a {@link Detector}, in stream-time order, on the caller's thread. */
@FunctionalInterface
public interface AlertListener {
  void alert(Alert alert);
}
