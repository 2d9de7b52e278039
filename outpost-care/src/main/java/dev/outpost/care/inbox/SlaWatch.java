package dev.outpost.care.inbox;

import dev.outpost.core.audit.AuditEvent;
import dev.outpost.store.PostgresAuditLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SLA targets checked now and then: cases about to miss one are escalated once each. */
final class SlaWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlaWatch.class);
  private final DataSource dataSource;
  private final Clock clock;
  private final InboxSettings settings;
  private final Actions actions;
  private volatile Thread watcher;

  SlaWatch(DataSource dataSource, Clock clock, InboxSettings settings, Actions actions) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.settings = settings;
    this.actions = actions;
  }

  /**
   * Escalates every open case whose first-response or resolution target is missed or closer than
   * the warning time, once per case; returns their ids.
   */
  List<Long> check() {
    Instant now = clock.instant();
    Instant horizon = now.plus(settings.warnBefore());
    List<Long> due =
        Tx.run(
            dataSource,
            c -> {
              List<Long> ids = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT id FROM care_cases WHERE status IN ('NEW', 'OPEN')"
                          + " AND waiting_since IS NULL AND sla_escalated_at IS NULL"
                          + " AND ((first_response_at IS NULL AND first_response_due <= ?)"
                          + " OR resolution_due <= ?) ORDER BY id")) {
                ps.setTimestamp(1, Timestamp.from(horizon));
                ps.setTimestamp(2, Timestamp.from(horizon));
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    ids.add(rs.getLong(1));
                  }
                }
              }
              return ids;
            });
    List<Long> escalated = new ArrayList<>();
    for (long id : due) {
      Tx.run(
          dataSource,
          c -> {
            InboxCase k = CaseRows.lock(c, id, now);
            if (actions.slaEscalate(c, k, now)) {
              escalated.add(id);
              PostgresAuditLog.record(
                  c, new AuditEvent(now, "system", "case.sla-escalate", "case:" + id, Map.of()));
            }
            return null;
          });
    }
    return escalated;
  }

  /** Starts checking SLA targets in the background every {@code poll}. */
  synchronized void start(Duration poll) {
    if (watcher != null) {
      return;
    }
    watcher =
        Thread.ofVirtual()
            .name("care-sla")
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      check();
                    } catch (RuntimeException e) {
                      LOG.warn("SLA check failed, retrying: {}", e.getMessage());
                    }
                    try {
                      Thread.sleep(poll);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                });
  }

  @Override
  public synchronized void close() throws InterruptedException {
    Thread t = watcher;
    watcher = null;
    if (t != null) {
      t.interrupt();
      t.join(Duration.ofSeconds(5));
    }
  }
}
