package dev.outpost.app;

import dev.outpost.store.Rollups;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the dashboard rollups current in the background: every few seconds it recomputes the days
 * that changed (a virtual thread; a database outage only delays it).
 */
final class RollupRefresher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RollupRefresher.class);
  private final Rollups rollups;
  private final Duration every;
  private final Thread thread;

  RollupRefresher(Rollups rollups, Duration every) {
    this.rollups = rollups;
    this.every = every;
    this.thread = Thread.ofVirtual().name("rollup-refresher").start(this::run);
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        // a bounded number of days per round, so a large backlog never holds the lock for long
        int n = rollups.refresh(100);
        if (n == 0) {
          Thread.sleep(every);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.warn("dashboard rollups not refreshed, retrying: {}", e.getMessage());
        try {
          Thread.sleep(every.multipliedBy(5));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(10));
  }
}
