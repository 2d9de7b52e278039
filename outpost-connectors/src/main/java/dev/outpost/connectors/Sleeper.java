package dev.outpost.connectors;

import java.time.Duration;

/** Waits; tests substitute one that records the waits and returns at once. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}
