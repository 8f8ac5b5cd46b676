package dev.switchboard.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.command.Timing.Day;
import dev.switchboard.command.Timing.Moment;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The time forms of round 2 resolved in a location's zone: weekends, tonight, the coming midnight, dates without a year. */
final class ScheduleTimesTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final Moment.At MONDAY_8 = new Moment.At(new Day.Weekday(DayOfWeek.MONDAY), LocalTime.of(8, 0), null);
  private static final Moment WEEKEND = new Moment.Opening(
      new Moment.At(new Day.Weekday(DayOfWeek.FRIDAY), LocalTime.of(18, 0), null), MONDAY_8);
  private static final Moment.At COMING_8 = new Moment.At(new Day.Coming(), LocalTime.of(8, 0), null);
  private static final Moment TONIGHT = new Moment.Opening(
      new Moment.At(new Day.Next(), LocalTime.of(18, 0), null), COMING_8);

  // 2026-11-25 is a Wednesday
  private static Instant chicago(String local) {
    return LocalDateTime.parse(local).atZone(CHICAGO).toInstant();
  }

  @Test
  void weekend_onAWeekday_startsTheComingFridayEvening_andEndsMondayMorning() {
    Instant now = chicago("2026-11-25T10:00");
    Instant start = ScheduleTimes.resolve(WEEKEND, CHICAGO, now, now);
    assertThat(start).isEqualTo(chicago("2026-11-27T18:00"));
    assertThat(ScheduleTimes.resolve(MONDAY_8, CHICAGO, now, start)).isEqualTo(chicago("2026-11-30T08:00"));
  }

  @Test
  void weekend_onSaturday_startsNow_andEndsMondayMorning() {
    Instant now = chicago("2026-11-28T14:30");
    Instant start = ScheduleTimes.resolve(WEEKEND, CHICAGO, now, now);
    assertThat(start).isEqualTo(now);
    assertThat(ScheduleTimes.resolve(MONDAY_8, CHICAGO, now, start)).isEqualTo(chicago("2026-11-30T08:00"));
  }

  @Test
  void weekend_onFridayAfterSix_andOnMondayBeforeEight_startsNow() {
    Instant friday = chicago("2026-11-27T19:00");
    Instant monday = chicago("2026-11-30T07:59");
    assertThat(ScheduleTimes.resolve(WEEKEND, CHICAGO, friday, friday)).isEqualTo(friday);
    assertThat(ScheduleTimes.resolve(WEEKEND, CHICAGO, monday, monday)).isEqualTo(monday);
    assertThat(ScheduleTimes.resolve(MONDAY_8, CHICAGO, monday, monday)).isEqualTo(chicago("2026-11-30T08:00"));
  }

  @Test
  void weekend_onMondayAtEight_isTheNextOne() {
    Instant now = chicago("2026-11-30T08:00");
    assertThat(ScheduleTimes.resolve(WEEKEND, CHICAGO, now, now)).isEqualTo(chicago("2026-12-04T18:00"));
  }

  @Test
  void tonight_inTheAfternoon_isSixUntilEight_andAtTwoInTheMorning_isNowUntilEight() {
    Instant afternoon = chicago("2026-11-25T15:00");
    Instant start = ScheduleTimes.resolve(TONIGHT, CHICAGO, afternoon, afternoon);
    assertThat(start).isEqualTo(chicago("2026-11-25T18:00"));
    assertThat(ScheduleTimes.resolve(COMING_8, CHICAGO, afternoon, start)).isEqualTo(chicago("2026-11-26T08:00"));

    Instant night = chicago("2026-11-26T02:00");
    assertThat(ScheduleTimes.resolve(TONIGHT, CHICAGO, night, night)).isEqualTo(night);
    assertThat(ScheduleTimes.resolve(COMING_8, CHICAGO, night, night)).isEqualTo(chicago("2026-11-26T08:00"));
  }

  /** "tonight until 6am" at 7 in the morning: last night's period closed at 6, so it is this evening's, until 6. */
  @Test
  void tonightUntilSix_atSevenInTheMorning_startsThisEvening_andEndsAtSixTheNextMorning() {
    Moment.At six = new Moment.At(new Day.Coming(), LocalTime.of(6, 0), null);
    Moment tonightUntilSix = new Moment.Opening(new Moment.At(new Day.Next(), LocalTime.of(18, 0), null), six);
    Instant morning = chicago("2026-11-25T07:00");
    Instant start = ScheduleTimes.resolve(tonightUntilSix, CHICAGO, morning, morning);
    assertThat(start).isEqualTo(chicago("2026-11-25T18:00"));
    assertThat(ScheduleTimes.resolve(six, CHICAGO, morning, start)).isEqualTo(chicago("2026-11-26T06:00"));

    Instant night = chicago("2026-11-26T03:00");
    assertThat(ScheduleTimes.resolve(tonightUntilSix, CHICAGO, night, night)).isEqualTo(night);
    assertThat(ScheduleTimes.resolve(six, CHICAGO, night, night)).isEqualTo(chicago("2026-11-26T06:00"));
    // asked at nine in the evening, inside the night: now, until the coming six (not this morning's, long past)
    Instant evening = chicago("2026-11-25T21:00");
    assertThat(ScheduleTimes.resolve(tonightUntilSix, CHICAGO, evening, evening)).isEqualTo(evening);
    assertThat(ScheduleTimes.resolve(six, CHICAGO, evening, evening)).isEqualTo(chicago("2026-11-26T06:00"));
  }

  @Test
  void midnight_isTheComingOne_evenFromNow() {
    Instant now = chicago("2026-11-25T21:00");
    Moment.At midnight = new Moment.At(new Day.Coming(), LocalTime.MIDNIGHT, null);
    assertThat(ScheduleTimes.resolve(midnight, CHICAGO, now, now)).isEqualTo(chicago("2026-11-26T00:00"));
  }

  @Test
  void aBareTimeThatHasPassed_staysToday_soTheCallerRefusesIt() {
    Instant now = chicago("2026-11-25T18:00");
    Moment.At fivePm = new Moment.At(new Day.Next(), LocalTime.of(17, 0), null);
    assertThat(ScheduleTimes.resolve(fivePm, CHICAGO, now, now)).isEqualTo(chicago("2026-11-25T17:00"));
  }

  @Test
  void aDateWithoutAYear_isThisYearsUntilItHasPassed() {
    Moment.At christmasEve = new Moment.At(new Day.Annual(MonthDay.of(12, 24)), LocalTime.of(18, 0), null);
    Instant november = chicago("2026-11-25T10:00");
    Instant lateDecember = chicago("2026-12-26T10:00");
    assertThat(ScheduleTimes.resolve(christmasEve, CHICAGO, november, november)).isEqualTo(chicago("2026-12-24T18:00"));
    assertThat(ScheduleTimes.resolve(christmasEve, CHICAGO, lateDecember, lateDecember))
        .isEqualTo(chicago("2027-12-24T18:00"));
  }

  @Test
  void aNamedZone_winsOverTheLocations() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Moment.At eightEastern = new Moment.At(new Day.Tomorrow(), LocalTime.of(8, 0), newYork);
    Instant now = chicago("2026-11-25T10:00");
    assertThat(ScheduleTimes.resolve(eightEastern, CHICAGO, now, now)).isEqualTo(chicago("2026-11-26T07:00"));
  }
}
