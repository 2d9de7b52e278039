package dev.outpost.care.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * SLA timers while a case waits on the customer: paused when an agent sets the case waiting, and on
 * resume both due times move later by the business time spent waiting.
 */
final class Sla {
  private Sla() {}

  static void pause(Connection c, long id, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE care_cases SET waiting_since = COALESCE(waiting_since, ?) WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** Ends a pause, if there is one, moving the due times; reopens a waiting case. */
  static void resume(Connection c, long id, Instant now, BusinessHours hours, String why)
      throws SQLException {
    Instant since;
    Instant firstDue;
    Instant resolutionDue;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT waiting_since, first_response_due, resolution_due FROM care_cases"
                + " WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getTimestamp(1) == null) {
          return;
        }
        since = rs.getTimestamp(1).toInstant();
        firstDue = rs.getTimestamp(2).toInstant();
        resolutionDue = rs.getTimestamp(3).toInstant();
      }
    }
    Duration paused = hours.between(since, now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE care_cases SET waiting_since = NULL, first_response_due = ?,"
                + " resolution_due = ?,"
                + " status = CASE WHEN status = 'WAITING' THEN 'OPEN' ELSE status END"
                + " WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(hours.plus(firstDue, paused)));
      ps.setTimestamp(2, Timestamp.from(hours.plus(resolutionDue, paused)));
      ps.setLong(3, id);
      ps.executeUpdate();
    }
    CaseRows.event(
        c,
        id,
        now,
        "system",
        "sla-resumed",
        why + "; timers moved by " + paused.toMinutes() + " min");
  }
}
