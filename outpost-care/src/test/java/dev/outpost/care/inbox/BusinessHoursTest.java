package dev.outpost.care.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private final BusinessHours weekdays =
      new BusinessHours(
          PARIS,
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(18, 0),
          Set.of(LocalDate.of(2026, 12, 25)));

  private static Instant paris(String local) {
    return java.time.LocalDateTime.parse(local).atZone(PARIS).toInstant();
  }

  @Test
  void aFridayEveningComplaintIsDueOnMondayMorning() {
    // Friday 2026-12-04 17:55, one hour target: 5 minutes on Friday, 55 on Monday
    assertThat(weekdays.plus(paris("2026-12-04T17:55"), Duration.ofHours(1)))
        .isEqualTo(paris("2026-12-07T09:55"));
  }

  @Test
  void nightsAndHolidaysDoNotCount() {
    assertThat(weekdays.plus(paris("2026-12-24T17:00"), Duration.ofHours(2)))
        .as("Christmas is a holiday, then the weekend")
        .isEqualTo(paris("2026-12-28T10:00"));
    assertThat(weekdays.plus(paris("2026-12-08T03:00"), Duration.ofMinutes(30)))
        .isEqualTo(paris("2026-12-08T09:30"));
  }

  @Test
  void betweenCountsOnlyBusinessTimeAndInvertsPlus() {
    assertThat(weekdays.between(paris("2026-12-04T17:00"), paris("2026-12-07T10:00")))
        .isEqualTo(Duration.ofHours(2));
    Instant start = paris("2026-12-03T12:34");
    for (long minutes : new long[] {1, 59, 600, 3000}) {
      Instant end = weekdays.plus(start, Duration.ofMinutes(minutes));
      assertThat(weekdays.between(start, end)).isEqualTo(Duration.ofMinutes(minutes));
    }
    assertThat(weekdays.isOpen(paris("2026-12-05T10:00"))).isFalse();
    assertThat(weekdays.isOpen(paris("2026-12-04T10:00"))).isTrue();
  }

  @Test
  void daylightSavingChangesKeepLocalOpeningTimes() {
    // clocks go forward on Sunday 2027-03-28 in Paris; Monday still opens at 09:00 local
    assertThat(weekdays.plus(paris("2027-03-26T17:30"), Duration.ofHours(1)))
        .isEqualTo(paris("2027-03-29T09:30"));
  }

  @Test
  void roundTheClockIsWallClockTime() {
    Instant t = Instant.parse("2026-12-05T23:30:00Z");
    assertThat(BusinessHours.always().plus(t, Duration.ofHours(3)))
        .isEqualTo(t.plus(Duration.ofHours(3)));
  }

  @Test
  void badHoursAreRefusedWithTheirValues() {
    assertThatThrownBy(
            () ->
                new BusinessHours(
                    PARIS,
                    Set.of(DayOfWeek.MONDAY),
                    LocalTime.of(18, 0),
                    LocalTime.of(9, 0),
                    Set.of()))
        .hasMessageContaining("close (09:00) must be after open (18:00)");
    assertThatThrownBy(
            () ->
                new BusinessHours(
                    PARIS, Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of()))
        .hasMessageContaining("at least one working day");
  }
}
