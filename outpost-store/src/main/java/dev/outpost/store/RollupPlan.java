package dev.outpost.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a time range is answered: whole years, months and days whose rollups are computed and clean,
 * and the rest (partial days at the edges, dirty or not yet computed days) as raw time ranges read
 * from the base tables. Rollups and raw ranges never overlap and together cover the range exactly.
 *
 * @param kinds and {@code starts}: the rollup periods used ({@code y}, {@code m} or {@code d})
 * @param raw the ranges read from the base tables, merged where adjacent
 */
record RollupPlan(List<String> kinds, List<LocalDate> starts, List<Instant[]> raw) {

  /**
   * Plans {@code [from, to)}.
   *
   * @param levels whether months and years may be used (true) or days only (false)
   */
  static RollupPlan of(Connection c, Instant from, Instant to, boolean levels) throws SQLException {
    List<String> kinds = new ArrayList<>();
    List<LocalDate> starts = new ArrayList<>();
    List<Instant[]> raw = new ArrayList<>();
    if (!from.isBefore(to)) {
      return new RollupPlan(kinds, starts, raw);
    }
    if (levels) {
      // A range that starts or ends where nothing was said (the default range is the data's own
      // span) is widened to whole months or years: the answer is the same, from fewer rollups.
      from = widenedFrom(c, from);
      to = widenedTo(c, to);
    }
    LocalDate firstWhole = ceilDay(from);
    LocalDate endWhole = to.atOffset(ZoneOffset.UTC).toLocalDate(); // exclusive
    if (!firstWhole.isBefore(endWhole)) {
      add(raw, from, to);
      return new RollupPlan(kinds, starts, raw);
    }
    add(raw, from, start(firstWhole));
    Set<LocalDate> dirty = new HashSet<>();
    Set<String> computed = new HashSet<>();
    Date lo = Date.valueOf(levels ? firstWhole.withDayOfYear(1) : firstWhole);
    Date hi = Date.valueOf(endWhole);
    Sql.query(
            c,
            "SELECT day FROM rollup_dirty WHERE day >= ? AND day < ?",
            ps -> {
              ps.setDate(1, lo);
              ps.setDate(2, hi);
            },
            rs -> rs.getObject(1, LocalDate.class))
        .forEach(dirty::add);
    Sql.query(
            c,
            "SELECT kind, start FROM rollup_periods WHERE start >= ? AND start < ?",
            ps -> {
              ps.setDate(1, lo);
              ps.setDate(2, hi);
            },
            rs -> rs.getString(1) + rs.getObject(2, LocalDate.class))
        .forEach(computed::add);
    LocalDate d = firstWhole;
    while (d.isBefore(endWhole)) {
      LocalDate next;
      if (levels
          && d.getDayOfYear() == 1
          && !d.plusYears(1).isAfter(endWhole)
          && clean(computed, dirty, "y", d, d.plusYears(1))) {
        next = d.plusYears(1);
        kinds.add("y");
        starts.add(d);
      } else if (levels
          && d.getDayOfMonth() == 1
          && !d.plusMonths(1).isAfter(endWhole)
          && clean(computed, dirty, "m", d, d.plusMonths(1))) {
        next = d.plusMonths(1);
        kinds.add("m");
        starts.add(d);
      } else {
        next = d.plusDays(1);
        if (clean(computed, dirty, "d", d, next)) {
          kinds.add("d");
          starts.add(d);
        } else {
          add(raw, start(d), start(next));
        }
      }
      d = next;
    }
    add(raw, start(endWhole), to);
    return new RollupPlan(kinds, starts, raw);
  }

  private static Instant widenedFrom(Connection c, Instant from) throws SQLException {
    LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate();
    for (LocalDate edge : List.of(day.withDayOfYear(1), day.withDayOfMonth(1))) {
      if (start(edge).isBefore(from) && noMentions(c, start(edge), from)) {
        return start(edge);
      }
    }
    return from;
  }

  private static Instant widenedTo(Connection c, Instant to) throws SQLException {
    LocalDate day = to.atOffset(ZoneOffset.UTC).toLocalDate();
    boolean midnight = start(day).equals(to);
    // a range already ending on a month's or a year's edge stays there
    LocalDate monthEnd =
        midnight && day.getDayOfMonth() == 1 ? day : day.withDayOfMonth(1).plusMonths(1);
    LocalDate yearEnd =
        midnight && day.getDayOfYear() == 1 ? day : day.withDayOfYear(1).plusYears(1);
    for (LocalDate edge : List.of(yearEnd, monthEnd)) {
      if (start(edge).isAfter(to) && noMentions(c, to, start(edge))) {
        return start(edge);
      }
    }
    return to;
  }

  private static boolean noMentions(Connection c, Instant from, Instant to) throws SQLException {
    return Sql.query(
            c,
            "SELECT NOT EXISTS (SELECT 1 FROM mentions WHERE posted_at >= ? AND posted_at < ?)",
            ps -> {
              ps.setTimestamp(1, Timestamp.from(from));
              ps.setTimestamp(2, Timestamp.from(to));
            },
            rs -> rs.getBoolean(1))
        .getFirst();
  }

  /** Everything from the base tables. */
  static RollupPlan raw(Instant from, Instant to) {
    List<Instant[]> raw = new ArrayList<>();
    add(raw, from, to);
    return new RollupPlan(List.of(), List.of(), raw);
  }

  private static boolean clean(
      Set<String> computed, Set<LocalDate> dirty, String kind, LocalDate from, LocalDate to) {
    if (!computed.contains(kind + from)) {
      return false;
    }
    for (LocalDate x : dirty) {
      if (!x.isBefore(from) && x.isBefore(to)) {
        return false;
      }
    }
    return true;
  }

  private static void add(List<Instant[]> raw, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      return;
    }
    if (!raw.isEmpty() && raw.getLast()[1].equals(from)) {
      raw.getLast()[1] = to;
    } else {
      raw.add(new Instant[] {from, to});
    }
  }

  private static LocalDate ceilDay(Instant t) {
    LocalDate d = t.atOffset(ZoneOffset.UTC).toLocalDate();
    return start(d).equals(t) ? d : d.plusDays(1);
  }

  private static Instant start(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The raw ranges as a SQL condition on {@code column}; {@code false} when there are none. */
  String rawCondition(String column) {
    if (raw.isEmpty()) {
      return "false";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < raw.size(); i++) {
      sb.append(i == 0 ? "" : " OR ")
          .append('(')
          .append(column)
          .append(" >= ? AND ")
          .append(column)
          .append(" < ?)");
    }
    return sb.append(')').toString();
  }

  /** The arguments of {@link #rawCondition}. */
  List<Object> rawArgs() {
    List<Object> args = new ArrayList<>();
    for (Instant[] r : raw) {
      args.add(Timestamp.from(r[0]));
      args.add(Timestamp.from(r[1]));
    }
    return args;
  }

  /** The days used (for day-only rollups). */
  List<LocalDate> days() {
    List<LocalDate> out = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      if (kinds.get(i).equals("d")) {
        out.add(starts.get(i));
      }
    }
    return out;
  }
}
