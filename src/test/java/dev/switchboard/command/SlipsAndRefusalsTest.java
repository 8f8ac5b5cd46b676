package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.command.Command.CancelSchedule;
import dev.switchboard.command.Command.ExtendSchedule;
import dev.switchboard.command.Command.InterceptChange;
import dev.switchboard.command.Command.InterceptStatus;
import dev.switchboard.command.Command.Invalid;
import dev.switchboard.command.Command.SetTransferNumber;
import dev.switchboard.command.Command.Unknown;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines with a slip in them (a misspelt unit, a number left out), several things where one is taken, and an order not
 * to do something: each is answered with what was probably meant and changes nothing.
 */
final class SlipsAndRefusalsTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");

  private static Invalid invalid(String line) {
    Command command = PARSER.parse(line);
    assertThat(command).as(line).isInstanceOf(Invalid.class);
    return (Invalid) command;
  }

  @Test
  void aMisspeltUnitIsNamedBackWithTheWordMeant_neverReadAsAPlace() {
    for (String[] line : new String[][] {{"intercept on at HQ for 2 horus", "`for 2 hours`"},
        {"intercept on at HQ for 2 hrous", "`for 2 hours`"}, {"intercept off at Austin for 30 mintues", "`for 30 minutes`"},
        {"intercept on at HQ for two horus", "`for two hours`"}, {"intercept on at HQ for 3 dyas", "`for 3 days`"},
        {"intercept on at HQ for 2horus", "`for 2 hours`"}, {"intercept on at Denver for 1 huor", "`for 1 hour`"},
        {"intercept on at HQ for 2 weks", "`for 2 weeks`"}}) {
      Invalid invalid = invalid(line[0]);
      assertThat(invalid.problem()).as(line[0]).contains("did you mean " + line[1]);
    }
    // the one before has no "for 2" reading: the typo's number alone is not taken as the span
    assertThat(invalid("intercept on at HQ for 2 horus").problem()).startsWith("I can't read `2 horus`");
    assertThat(invalid("extend HQ by 2 horus").problem()).contains("did you mean `extend HQ by 2 hours`?");
    assertThat(invalid("extend schedule 3 by 45 mintues").problem())
        .contains("did you mean `extend schedule 3 by 45 minutes`?");
    // what is not near a unit keeps the plain answer; what is a unit is read
    assertThat(invalid("intercept on at HQ for 2 hamsters").problem()).doesNotContain("did you mean");
    assertThat(invalid("intercept on at HQ for 1h30mintues").problem()).doesNotContain("did you mean");
    assertThat(((InterceptChange) PARSER.parse("intercept on at HQ for 2 hours")).timing().end())
        .isEqualTo(new Timing.Moment.After(Duration.ofHours(2)));
    assertThat(((ExtendSchedule) PARSER.parse("extend HQ by 90 mins")).by()).isEqualTo(Duration.ofMinutes(90));
  }

  /** "for 2hrs 30": the bare number after hours is their minutes, once read into the place ("hq 30"). */
  @Test
  void aBareNumberAfterHours_isItsMinutes() {
    for (String[] line : new String[][] {{"intercept on at hq for 2hrs 30", "PT2H30M", "hq"},
        {"intercept on at hq for 2 hours 30", "PT2H30M", "hq"}, {"intercept on at HQ for 1h 15", "PT1H15M", "HQ"},
        {"intercept off at Austin for an hour 45", "PT1H45M", "Austin"}}) {
      InterceptChange change = (InterceptChange) PARSER.parse(line[0]);
      assertThat(change.timing().end()).as(line[0]).isEqualTo(new Timing.Moment.After(Duration.parse(line[1])));
      assertThat(change.target()).as(line[0]).isEqualTo(new LocationTarget.Named(List.of(line[2])));
    }
    assertThat(((ExtendSchedule) PARSER.parse("extend HQ by 1 hour 30")).by()).isEqualTo(Duration.ofMinutes(90));
    InterceptChange two = (InterceptChange) PARSER.parse("intercept on at HQ for 2h 30, Austin");
    assertThat(two.target()).isEqualTo(new LocationTarget.Named(List.of("HQ", "Austin")));
    // not minutes: a number over 59, and a number with no hours before it, stay what they were
    assertThat(((InterceptChange) PARSER.parse("intercept on at HQ for 2 hours 99")).timing().end())
        .isEqualTo(new Timing.Moment.After(Duration.ofHours(2)));
    assertThat(((InterceptChange) PARSER.parse("intercept on at HQ 2")).target())
        .isEqualTo(new LocationTarget.Named(List.of("HQ 2")));
  }

  /** "tonight until 6am": the end said replaces tonight's own (08:00), and closes the night there (was "say one end"). */
  @Test
  void tonightOrTheWeekend_withAnEndSaid_endThen() {
    // the coming 06:00: a bare time that has passed today would be refused as passed, and here it is the night's end
    Timing.Moment.At six = new Timing.Moment.At(new Timing.Day.Coming(), java.time.LocalTime.of(6, 0), null);
    InterceptChange tonight = (InterceptChange) PARSER.parse("intercept on at HQ tonight until 6am");
    assertThat(tonight.timing()).isEqualTo(new Timing(new Timing.Moment.Opening(new Timing.Moment.At(
        new Timing.Day.Next(), java.time.LocalTime.of(18, 0), null), six), six));
    assertThat(((InterceptChange) PARSER.parse("intercept on at HQ overnight till 7am")).timing().end())
        .isEqualTo(new Timing.Moment.At(new Timing.Day.Coming(), java.time.LocalTime.of(7, 0), null));
    assertThat(((InterceptChange) PARSER.parse("intercept on at HQ tonight for 10 hours")).timing().end())
        .isEqualTo(new Timing.Moment.After(Duration.ofHours(10)));
    Timing weekend = ((InterceptChange) PARSER.parse("intercept on at HQ over the weekend until Sunday 8pm")).timing();
    assertThat(weekend.end()).isEqualTo(new Timing.Moment.At(new Timing.Day.Weekday(java.time.DayOfWeek.SUNDAY),
        java.time.LocalTime.of(20, 0), null));
    // two ends said, neither implied, is still one too many
    assertThat(invalid("intercept on at HQ for 2h until 5pm").problem()).startsWith("Say one end");
  }

  /** "what did bob change", "bob's changes", "changes made by bob": bob's history ({@code history bob}). */
  @Test
  void aPersonsChangesAskedInWords_areTheirHistory() {
    for (String[] line : new String[][] {{"what did bob change", "bob"}, {"what has bob changed", "bob"},
        {"what did bob@example.com change today", "bob@example.com"}, {"bob's changes", "bob"},
        {"alice jones's history", "alice jones"}, {"changes by bob", "bob"},
        {"show me changes made by alice.jones@example.com", "alice.jones@example.com"}}) {
      assertThat(PARSER.parse(line[0])).as(line[0]).isEqualTo(new Command.History(line[1]));
    }
    // the asker's own, and a place's, stay what they were
    assertThat(PARSER.parse("what did I change")).isEqualTo(new Command.History(null));
    assertThat(PARSER.parse("what did you change")).isEqualTo(new Command.History(null));
    assertThat(PARSER.parse("what has changed at HQ")).isEqualTo(new Command.History("HQ"));
    assertThat(PARSER.parse("HQ's history")).isEqualTo(new Command.History("HQ"));
  }

  @Test
  void doNotTurnOn_isAnOrderNotToAndChangesNothing_whileDoIHave_staysAQuestion() {
    for (String[] line : new String[][] {{"do not turn on intercept at HQ", "intercept off at HQ"},
        {"please do not turn on intercept at HQ", "intercept off at HQ"},
        {"do NOT enable intercept at Austin", "intercept off at Austin"},
        {"do not switch off intercept at Denver", "intercept on at Denver"}}) {
      Invalid invalid = invalid(line[0]);
      assertThat(invalid.problem()).as(line[0]).startsWith("I change nothing unless asked").contains(line[1]);
    }
    assertThat(PARSER.parse("do I have intercept on at HQ"))
        .isEqualTo(new InterceptStatus(new LocationTarget.Named(List.of("HQ")), false));
    assertThat(PARSER.parse("does HQ have intercept on"))
        .isEqualTo(new InterceptStatus(new LocationTarget.Named(List.of("HQ")), false));
    assertThat(PARSER.parse("does HQ still have intercept on?"))
        .isEqualTo(new InterceptStatus(new LocationTarget.Named(List.of("HQ")), false));
  }

  @Test
  void severalSchedulesAtOnce_areRefusedWithTheFirstOneToCancel() {
    for (String[] line : new String[][] {{"cancel schedule 1 and 2", "1"}, {"cancel schedules 1 and 2", "1"},
        {"cancel schedule 1, 2", "1"}, {"cancel #3, #4", "3"}, {"delete timers 4,5,6", "4"},
        {"stop the timers 2 & 5", "2"}, {"cancel 7 and 8", "7"}}) {
      Invalid invalid = invalid(line[0]);
      assertThat(invalid.problem()).as(line[0]).contains("one schedule at a time")
          .contains("`cancel schedule " + line[1] + "`");
    }
    assertThat(PARSER.parse("cancel schedule 12")).isEqualTo(new CancelSchedule(ScheduleRef.number(12)));
    assertThat(PARSER.parse("cancel schedule at HQ")).isEqualTo(new CancelSchedule(ScheduleRef.at("HQ")));
  }

  @Test
  void aMissingNumberAfterTo_isAskedFor_withoutTheToInThePersonsName() {
    for (String line : List.of("set transfer number 1 for bob to", "set transfer number 1 for bob as",
        "set transfer number 1 for bob")) {
      assertThat(invalid(line).problem()).as(line)
          .isEqualTo("Say the new number: `set transfer number 1 for bob to +12055553651`, or "
              + "`clear transfer number 1 for bob`.");
    }
    assertThat(PARSER.parse("set transfer number 1 for bob to +12055553651"))
        .isEqualTo(new SetTransferNumber(new PersonRef("bob"), 1, new DialString("+12055553651")));
  }

  @Test
  void thereIsATroubleAtAPlace_offersInterceptThere() {
    for (String[] line : new String[][] {{"there is a storm at HQ", "intercept on at HQ"},
        {"there's a fire alarm at Austin", "intercept on at Austin"},
        {"we have a power outage at Denver", "intercept on at Denver"}}) {
      Command command = PARSER.parse(line[0]);
      assertThat(command).as(line[0]).isInstanceOf(Unknown.class);
      assertThat(((Unknown) command).suggestion()).as(line[0]).isEqualTo(line[1]);
      assertThat(((Unknown) command).offer()).as(line[0]).isTrue();
    }
    assertThat(((Unknown) PARSER.parse("there is a storm")).suggestion()).isNull();
  }
}
