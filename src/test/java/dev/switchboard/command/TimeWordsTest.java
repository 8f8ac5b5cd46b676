package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.switchboard.command.Command.ExtendSchedule;
import dev.switchboard.command.Command.InterceptChange;
import dev.switchboard.command.Command.Invalid;
import dev.switchboard.command.Timing.Day;
import dev.switchboard.command.Timing.Moment;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Time words as users typed them (shared/corpus/phrasings-round2.md), and more of the same families. */
final class TimeWordsTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Moment.At MONDAY_8 = at(weekday(DayOfWeek.MONDAY), 8, 0, null);
  private static final Moment WEEKEND = new Moment.Opening(at(weekday(DayOfWeek.FRIDAY), 18, 0, null), MONDAY_8);
  private static final Moment.At COMING_8 = at(new Day.Coming(), 8, 0, null);
  private static final Moment TONIGHT = new Moment.Opening(at(new Day.Next(), 18, 0, null), COMING_8);

  static Stream<Arguments> ends() {
    return Stream.of(
        // from the corpus
        arguments("Intercept ON at HQ for 2 hours", "HQ", span(Duration.ofHours(2))),
        arguments("intercept on at Sydney for 2 hrs", "Sydney", span(Duration.ofHours(2))),
        arguments("intercept on at Sydney for 90 minutes", "Sydney", span(Duration.ofMinutes(90))),
        arguments("intercept on at HQ for 1 day", "HQ", span(Duration.ofDays(1))),
        arguments("intercept on at HQ for 3h", "HQ", span(Duration.ofHours(3))),
        arguments("intercept on at Austin for 45 minutes", "Austin", span(Duration.ofMinutes(45))),
        arguments("intercept on at HQ for two hours", "HQ", span(Duration.ofHours(2))),
        arguments("intercept on at Denver until tomorrow 9am", "Denver", at(new Day.Tomorrow(), 9, 0, null)),
        arguments("intercept on at HQ until 11 pm", "HQ", at(new Day.Next(), 23, 0, null)),
        arguments("intercept on at HQ until tomorrow noon", "HQ", at(new Day.Tomorrow(), 12, 0, null)),
        arguments("intercept on at HQ until tomorrow 8am EST", "HQ", at(new Day.Tomorrow(), 8, 0, NEW_YORK)),
        arguments("intercept on at HQ until tomorrow 8am ET", "HQ", at(new Day.Tomorrow(), 8, 0, NEW_YORK)),
        arguments("intercept on at Austin until tomorrow morning", "Austin", at(new Day.Tomorrow(), 8, 0, null)),
        arguments("intercept on at HQ until Monday morning", "HQ", MONDAY_8),
        arguments("intercept on at HQ until next Monday 8am", "HQ", MONDAY_8),
        arguments("intercept on at HQ-East until tomorrow at 8", "HQ-East", at(new Day.Tomorrow(), 8, 0, null)),
        arguments("intercept on at HQ until 8 tomorrow", "HQ", at(new Day.Tomorrow(), 8, 0, null)),
        arguments("intercept on at HQ until 12/24 18:00", "HQ", at(annual(12, 24), 18, 0, null)),
        arguments("intercept on at HQ until Dec 24 6pm", "HQ", at(annual(12, 24), 18, 0, null)),
        arguments("intercept on at HQ until end of day", "HQ", at(new Day.Next(), 17, 0, null)),
        arguments("intercept on at HQ until eod", "HQ", at(new Day.Next(), 17, 0, null)),
        // more of the same families
        arguments("intercept on at HQ for an hour and a half", "HQ", span(Duration.ofMinutes(90))),
        arguments("intercept on at HQ for half an hour", "HQ", span(Duration.ofMinutes(30))),
        arguments("intercept on at HQ for a couple of hours", "HQ", span(Duration.ofHours(2))),
        arguments("intercept on at HQ for three days", "HQ", span(Duration.ofDays(3))),
        arguments("intercept on at HQ for ten minutes", "HQ", span(Duration.ofMinutes(10))),
        arguments("intercept on at HQ for one hour and thirty minutes", "HQ", span(Duration.ofMinutes(90))),
        arguments("intercept on at HQ until close of business", "HQ", at(new Day.Next(), 17, 0, null)),
        arguments("intercept on at HQ until COB", "HQ", at(new Day.Next(), 17, 0, null)),
        arguments("intercept on at HQ until the end of the day", "HQ", at(new Day.Next(), 17, 0, null)),
        arguments("intercept on at HQ until end of business day", "HQ", at(new Day.Next(), 17, 0, null)),
        arguments("intercept on at HQ until tomorrow end of day", "HQ", at(new Day.Tomorrow(), 17, 0, null)),
        arguments("intercept on at HQ until midnight", "HQ", at(new Day.Coming(), 0, 0, null)),
        arguments("intercept on at HQ until noon", "HQ", at(new Day.Coming(), 12, 0, null)),
        arguments("intercept on at HQ until morning", "HQ", COMING_8),
        arguments("intercept on at HQ until this afternoon", "HQ", at(new Day.Today(), 13, 0, null)),
        arguments("intercept on at HQ until this evening", "HQ", at(new Day.Today(), 18, 0, null)),
        arguments("intercept on at HQ until tonight", "HQ", at(new Day.Today(), 18, 0, null)),
        arguments("intercept on at HQ until 9 tonight", "HQ", at(new Day.Today(), 21, 0, null)),
        arguments("intercept on at HQ until tomorrow afternoon", "HQ", at(new Day.Tomorrow(), 13, 0, null)),
        arguments("intercept on at HQ until Friday evening", "HQ", at(weekday(DayOfWeek.FRIDAY), 18, 0, null)),
        arguments("intercept on at HQ until tomorrow", "HQ", at(new Day.Tomorrow(), 8, 0, null)),
        arguments("intercept on at HQ until this Friday 5pm", "HQ", at(weekday(DayOfWeek.FRIDAY), 17, 0, null)),
        arguments("intercept on at HQ until December 24th 6pm", "HQ", at(annual(12, 24), 18, 0, null)),
        arguments("intercept on at HQ until 24 Dec 18:00", "HQ", at(annual(12, 24), 18, 0, null)),
        arguments("intercept on at HQ until 24/12 18:00", "HQ", at(annual(12, 24), 18, 0, null)),
        arguments("intercept on at HQ until 12/24/2026 6pm", "HQ", at(date(2026, 12, 24), 18, 0, null)),
        arguments("intercept on at HQ until Dec 24 2026 6pm", "HQ", at(date(2026, 12, 24), 18, 0, null)),
        arguments("intercept on at HQ until 6pm Dec 24", "HQ", at(annual(12, 24), 18, 0, null)),
        arguments("intercept on at HQ until 8am PT", "HQ", at(new Day.Next(), 8, 0, ZoneId.of("America/Los_Angeles"))),
        arguments("intercept on at HQ until 17:00 CET", "HQ", at(new Day.Next(), 17, 0, ZoneId.of("Europe/Paris"))),
        arguments("intercept on at HQ until 17:00 CST", "HQ", at(new Day.Next(), 17, 0, ZoneId.of("America/Chicago"))),
        arguments("intercept on at HQ until 17:00 MDT", "HQ", at(new Day.Next(), 17, 0, ZoneId.of("America/Denver"))),
        arguments("intercept on at HQ until 5pm BST", "HQ", at(new Day.Next(), 17, 0, ZoneId.of("Europe/London"))),
        arguments("intercept on at Sydney until 9am AEST", "Sydney",
            at(new Day.Next(), 9, 0, ZoneId.of("Australia/Sydney"))),
        arguments("intercept on at HQ until 17:00 GMT", "HQ", at(new Day.Next(), 17, 0, ZoneOffset.UTC)),
        arguments("intercept on at HQ until tomorrow 8am (EST)", "HQ", at(new Day.Tomorrow(), 8, 0, NEW_YORK)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("ends")
  void timeWord_endsTheChangeThen(String line, String location, Moment end) {
    assertThat(PARSER.parse(line)).isEqualTo(new InterceptChange(true, LocationTarget.Named.of(location),
        InterceptOptions.none(), null, new Timing(null, end)));
  }

  static Stream<Arguments> periods() {
    return Stream.of(
        arguments("intercept on at London over the weekend", "London", WEEKEND, MONDAY_8),
        arguments("intercept on at Bangalore for the weekend", "Bangalore", WEEKEND, MONDAY_8),
        arguments("intercept on at Bangalore this weekend", "Bangalore", WEEKEND, MONDAY_8),
        arguments("intercept on at London during the weekend", "London", WEEKEND, MONDAY_8),
        arguments("intercept on at London weekend", "London", WEEKEND, MONDAY_8),
        arguments("intercept on at London for weekend", "London", WEEKEND, MONDAY_8),
        arguments("intercept on at London next weekend", "London", at(weekday(DayOfWeek.FRIDAY), 18, 0, null),
            MONDAY_8),
        arguments("intercept on at HQ tonight", "HQ", TONIGHT, COMING_8),
        arguments("intercept on at HQ overnight", "HQ", TONIGHT, COMING_8),
        arguments("intercept on at HQ for tonight", "HQ", TONIGHT, COMING_8),
        arguments("intercept on at HQ over night", "HQ", TONIGHT, COMING_8),
        arguments("intercept on at HQ from tonight until Monday morning", "HQ", at(new Day.Today(), 18, 0, null),
            MONDAY_8),
        arguments("intercept on at HQ from Friday evening until Monday morning", "HQ",
            at(weekday(DayOfWeek.FRIDAY), 18, 0, null), MONDAY_8),
        arguments("intercept on at HQ from tomorrow at 8 until noon", "HQ", at(new Day.Tomorrow(), 8, 0, null),
            at(new Day.Coming(), 12, 0, null)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("periods")
  void period_startsAndEnds(String line, String location, Moment start, Moment end) {
    assertThat(PARSER.parse(line)).isEqualTo(new InterceptChange(true, LocationTarget.Named.of(location),
        InterceptOptions.none(), null, new Timing(start, end)));
  }

  static Stream<Arguments> urgent() {
    return Stream.of("INTERCEPT ON HQ NOW", "intercept on at HQ asap", "intercept on at HQ right now",
        "intercept on at HQ immediately", "intercept on now at HQ", "intercept on at HQ ASAP please",
        "intercept on at HQ right away", "intercept on at HQ until further notice", "intercept on at HQ at once",
        "intercept on at HQ - storm coming", "intercept on at HQ because of the storm", "intercept on at HQ -- urgent",
        "intercept on at HQ now!!").map(Arguments::of);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("urgent")
  void urgencyAndRemarks_areNoPartOfTheLocation(String line) {
    assertThat(PARSER.parse(line)).isEqualTo(new InterceptChange(true, LocationTarget.Named.of("HQ"),
        InterceptOptions.none()));
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        arguments("intercept on at HQ for -1h", "can't be negative"),
        arguments("intercept on at HQ for -30 minutes", "can't be negative"),
        arguments("intercept on at HQ until 03/04 18:00", "Is `03/04` Mar 4 or Apr 3?"),
        arguments("intercept on at HQ until 8am IST", "India (Asia/Kolkata)"),
        arguments("intercept on at HQ until 31/02 18:00", "not a date"),
        arguments("intercept on at HQ until Feb 30 6pm", "not a date"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("refusals")
  void unclearTime_isAQuestionNotAGuess(String line, String problem) {
    Command command = PARSER.parse(line);
    assertThat(command).isInstanceOf(Invalid.class);
    assertThat(((Invalid) command).problem()).contains(problem);
  }

  static Stream<Arguments> extensions() {
    return Stream.of(
        arguments("extend HQ until midnight", at(new Day.Coming(), 0, 0, null)),
        arguments("extend HQ until end of day", at(new Day.Next(), 17, 0, null)),
        arguments("extend HQ until tomorrow morning", at(new Day.Tomorrow(), 8, 0, null)),
        arguments("extend HQ until 8pm ET", at(new Day.Next(), 20, 0, NEW_YORK)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("extensions")
  void extendUntil_readsTheSameTimeWords(String line, Moment.At until) {
    assertThat(PARSER.parse(line)).isEqualTo(new ExtendSchedule(ScheduleRef.at("HQ"), null, until));
  }

  private static Moment.After span(Duration d) {
    return new Moment.After(d);
  }

  private static Moment.At at(Day day, int hour, int minute, ZoneId zone) {
    return new Moment.At(day, LocalTime.of(hour, minute), zone);
  }

  private static Day weekday(DayOfWeek d) {
    return new Day.Weekday(d);
  }

  private static Day annual(int month, int day) {
    return new Day.Annual(MonthDay.of(month, day));
  }

  private static Day date(int y, int m, int d) {
    return new Day.Date(LocalDate.of(y, m, d));
  }
}
