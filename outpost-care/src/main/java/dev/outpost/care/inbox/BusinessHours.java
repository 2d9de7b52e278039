package dev.outpost.care.inbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When the team works: the days of the week, the opening and closing time in a time zone, and the
 * holidays. SLA targets count only business time: a complaint at Friday 17:55 with a one-hour
 * target is due Monday 09:55 when the team works 09:00 to 18:00 on weekdays.
 *
 * @param zone the time zone the hours are in
 * @param days the working days; never empty
 * @param open the opening time
 * @param close the closing time; {@code 00:00} means midnight at the end of the day
 * @param holidays dates (in {@code zone}) with no business hours
 */
public record BusinessHours(
    ZoneId zone, Set<DayOfWeek> days, LocalTime open, LocalTime close, Set<LocalDate> holidays) {
  private static final int MAX_DAYS = 3_700;

  public BusinessHours {
    Objects.requireNonNull(zone, "business hours zone");
    Objects.requireNonNull(open, "business hours open");
    Objects.requireNonNull(close, "business hours close");
    if (days == null || days.isEmpty()) {
      throw new IllegalArgumentException("business hours need at least one working day");
    }
    if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
      throw new IllegalArgumentException(
          "business hours close (" + close + ") must be after open (" + open + ")");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
    holidays = Set.copyOf(holidays);
  }

  /** Around the clock, every day, in UTC: SLA time is wall-clock time. */
  public static BusinessHours always() {
    return new BusinessHours(
        ZoneId.of("UTC"),
        EnumSet.allOf(DayOfWeek.class),
        LocalTime.MIDNIGHT,
        LocalTime.MIDNIGHT,
        Set.of());
  }

  /** The moment {@code work} of business time after {@code start}. */
  public Instant plus(Instant start, Duration work) {
    if (work.isNegative()) {
      throw new IllegalArgumentException("business time to add must be >= 0, was " + work);
    }
    Duration left = work;
    ZonedDateTime t = start.atZone(zone);
    for (int i = 0; i < MAX_DAYS; i++) {
      LocalDate day = t.toLocalDate();
      if (isWorkingDay(day)) {
        ZonedDateTime from = day.atTime(open).atZone(zone);
        ZonedDateTime to = end(day);
        if (t.isBefore(from)) {
          t = from;
        }
        if (t.isBefore(to)) {
          Duration available = Duration.between(t, to);
          if (left.compareTo(available) <= 0) {
            return t.plus(left).toInstant();
          }
          left = left.minus(available);
        }
      }
      t = day.plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalStateException("no business hours within " + MAX_DAYS + " days of " + start);
  }

  /** Business time between two moments; zero when {@code to} is not after {@code from}. */
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration sum = Duration.ZERO;
    LocalDate day = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (int i = 0; i < MAX_DAYS && !day.isAfter(last); i++, day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      Instant a = max(from, day.atTime(open).atZone(zone).toInstant());
      Instant b = min(to, end(day).toInstant());
      if (b.isAfter(a)) {
        sum = sum.plus(Duration.between(a, b));
      }
    }
    return sum;
  }

  /** Whether the team works at this moment. */
  public boolean isOpen(Instant at) {
    ZonedDateTime t = at.atZone(zone);
    LocalDate day = t.toLocalDate();
    return isWorkingDay(day) && !t.isBefore(day.atTime(open).atZone(zone)) && t.isBefore(end(day));
  }

  private boolean isWorkingDay(LocalDate day) {
    return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  private ZonedDateTime end(LocalDate day) {
    return close.equals(LocalTime.MIDNIGHT)
        ? day.plusDays(1).atStartOfDay(zone)
        : day.atTime(close).atZone(zone);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
