package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.command.Command.Cancel;
import dev.switchboard.command.Command.Confirm;
import dev.switchboard.command.Command.InterceptChange;
import dev.switchboard.command.Command.Invalid;
import dev.switchboard.command.Command.ListSchedules;
import dev.switchboard.command.Command.ShowTransferNumbers;
import dev.switchboard.command.Command.Undo;
import dev.switchboard.command.Command.Unknown;
import dev.switchboard.command.Command.WhoAmI;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines written for this test in the families new users typed, in the words people use for an answer, a take-back, a
 * list of plans, their role, voicemail and time zones; and changes asked with a question mark, which are asked back.
 */
final class EverydayWordsTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");

  @Test
  void answersToAPreview_inEverydayWords() {
    for (String yes : List.of("sure thing", "please do", "yes run it", "make it so", "👍", "✅", "👍🏽", "lgtm")) {
      assertThat(PARSER.parse(yes)).as(yes).isEqualTo(new Confirm());
    }
    // a preview is waiting and the person has second thoughts: these must never be read as anything but no
    for (String no : List.of("no wait", "wait", "hold on", "hang on", "no don't", "not yet", "nope, cancel",
        "stop stop stop", "no no no", "❌", "👎")) {
      assertThat(PARSER.parse(no)).as(no).isEqualTo(new Cancel());
    }
    assertThat(PARSER.parse("the second one")).isEqualTo(new Confirm(2));
    assertThat(PARSER.parse("first one please")).isEqualTo(new Confirm(1));
  }

  @Test
  void takingBack_inEverydayWords() {
    for (String line : List.of("undo the last thing I did", "reverse what I just did", "roll that back",
        "put it back the way it was", "put it back how it was", "undo my last change", "revert my mistake")) {
      assertThat(PARSER.parse(line)).as(line).isEqualTo(new Undo());
    }
    assertThat(PARSER.parse("undo intercept at HQ")).isInstanceOf(Invalid.class); // undo takes nothing after it
  }

  @Test
  void thePlans_askedForInEverydayWords() {
    for (String line : List.of("any timers running?", "schedule list", "my schedules", "pending schedules",
        "upcoming changes", "what's coming up", "what did I schedule?", "is anything scheduled for tonight?", "sched",
        "what schedules are there", "timers", "what schedules do we have?")) {
      assertThat(PARSER.parse(line)).as(line).isEqualTo(new ListSchedules(null));
    }
    assertThat(PARSER.parse("schedules at HQ")).isEqualTo(new ListSchedules("HQ"));
    assertThat(PARSER.parse("schedule intercept off at HQ at 17:00")).isInstanceOf(InterceptChange.class);
  }

  @Test
  void whoIAm_askedAsARole() {
    for (String line : List.of("am I an admin?", "what role am I", "am i on call", "am I a location admin for Austin",
        "which roles do I have here")) {
      assertThat(PARSER.parse(line)).as(line).isEqualTo(new WhoAmI());
    }
  }

  @Test
  void voicemail_turnedOnOrOffInOtherWords() {
    assertThat(voicemail("intercept off at HQ and turn off voicemail")).isFalse(); // was voicemail ON, at "HQ, turn"
    assertThat(voicemail("intercept on at HQ, disable voicemail")).isFalse();
    assertThat(voicemail("intercept on at HQ and turn on voicemail")).isTrue();
    assertThat(voicemail("intercept on at HQ, enable voicemail")).isTrue();
    assertThat(voicemail("intercept on at HQ with vmail")).isTrue(); // was a preset called "vmail"
    assertThat(voicemail("intercept on at HQ vmail")).isTrue(); // was a location "HQ vmail"
    assertThat(((InterceptChange) PARSER.parse("intercept on at HQ and turn off voicemail")).target())
        .isEqualTo(LocationTarget.Named.of("HQ"));
  }

  @Test
  void timeZones_saidInWords() {
    assertThat(zone("intercept on at HQ until Monday 8am Eastern")).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(zone("intercept on at HQ until 8am Central")).isEqualTo(ZoneId.of("America/Chicago"));
    assertThat(zone("intercept on at HQ until 8am Pacific time")).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(zone("intercept on at London until 9am UK time")).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(zone("intercept on at Bangalore until 9am India time")).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(zone("intercept on at HQ until 5pm east coast time")).isEqualTo(ZoneId.of("America/New_York"));
    // "local" is the location's own zone, which a time without a zone already is; it is no part of the name
    InterceptChange local = (InterceptChange) PARSER.parse("intercept on at London and Sydney till tomorrow 9am local");
    assertThat(local.target()).isEqualTo(LocationTarget.Named.of("London", "Sydney"));
    assertThat(((Timing.Moment.At) local.timing().end()).zone()).isNull();
    assertThat(((InterceptChange) PARSER.parse("intercept on at Central until 5pm")).target())
        .isEqualTo(LocationTarget.Named.of("Central")); // a location may be called so
  }

  @Test
  void transferSlots_oneAtATimeForAChange_everyOneForALookUp() {
    for (String line : List.of("clear transfer number 1,2 for bob", "clear transfer numbers 1 and 2 for bob",
        "set transfer number 1 and 2 for bob to +12055550100")) {
      assertThat(PARSER.parse(line)).as(line).isInstanceOfSatisfying(Invalid.class,
          i -> assertThat(i.problem()).contains("One transfer number at a time"));
    }
    assertThat(PARSER.parse("transfer numbers 1 and 2 for bob")).isEqualTo(new ShowTransferNumbers(new PersonRef("bob")));
  }

  /** A change said with a question mark is asked back; "can you ...?" is a request, and runs. */
  @Test
  void aChangeWithAQuestionMark_isAskedBack_neverRunAsSaid() {
    for (String line : List.of("set transfer number 1 for bob to +12055550100?", "undo?", "extend HQ by 1h?",
        "cancel schedule 2?", "turn intercept on at HQ?", "custom transfer numbers on for bob?",
        "clear transfer number 2 for bob?", "intercept on at HQ for 2h?")) {
      assertThat(PARSER.parse(line)).as(line).isInstanceOfSatisfying(Unknown.class, u -> {
        assertThat(u.offer()).isTrue();
        assertThat(PARSER.parse(u.suggestion()).spec().access().changes()).isTrue();
      });
    }
    assertThat(PARSER.parse("can you turn intercept off at HQ?")).isInstanceOf(InterceptChange.class);
    assertThat(PARSER.parse("yes?")).isEqualTo(new Confirm());
  }

  /** A correction or a ditto right after a command names the other place: the asker's last command, about it. */
  @Test
  void correctionsAndDittos_areFollowUps() {
    for (String[] line : new String[][] {{"ditto for Bangalore", "Bangalore"}, {"now do Austin", "Austin"},
        {"do it for Denver", "Denver"}}) {
      assertThat(PARSER.parse(line[0])).as(line[0]).isEqualTo(new Command.Again(line[1]));
    }
    // a correction: instead of the last one, which the offer says stays as it was left
    for (String[] line : new String[][] {{"I meant Austin", "Austin"}, {"sorry I meant HQ-East", "HQ-East"},
        {"not Denver, Austin", "Austin"}, {"wrong site, should be HQ-West", "HQ-West"},
        {"make it Denver instead", "Denver"}}) {
      assertThat(PARSER.parse(line[0])).as(line[0]).isEqualTo(new Command.Again(line[1], true));
    }
    for (String line : List.of("do it", "do it now", "make it so")) {
      assertThat(PARSER.parse(line)).as(line).isEqualTo(new Confirm());
    }
    assertThat(PARSER.parse("I meant intercept off at HQ"))
        .isEqualTo(new InterceptChange(false, LocationTarget.Named.of("HQ"), InterceptOptions.none()));
    assertThat(PARSER.parse("sorry I meant transfer numbers for bob"))
        .isEqualTo(new ShowTransferNumbers(new PersonRef("bob")));
  }

  @Test
  void whyAPlaceIsOnIntercept_isThatPlacesHistory() {
    assertThat(PARSER.parse("why is Denver on intercept?")).isEqualTo(new Command.History("Denver")); // was every one
    assertThat(PARSER.parse("why is intercept on at Denver?")).isEqualTo(new Command.History("Denver"));
    assertThat(PARSER.parse("why did Ana turn intercept on")).isEqualTo(new Command.History(null));
    assertThat(PARSER.parse("why is it on intercept")).isEqualTo(new Command.History(null));
  }

  @Test
  void helpAskedAroundATopic_isThatTopicsHelp() {
    assertThat(PARSER.parse("help me turn intercept on")).isEqualTo(new Command.Help("intercept on"));
    assertThat(PARSER.parse("help me with the schedules")).isEqualTo(new Command.Help("schedules"));
    assertThat(PARSER.parse("help foo")).isInstanceOf(Invalid.class);
    assertThat(PARSER.parse("help locations")).isEqualTo(new Command.Help("locations")); // was the whole list
    assertThat(PARSER.parse("help everything")).isEqualTo(new Command.Help(null));
  }

  @Test
  void aRangeOfDayAndTime_withADashOrFromAfterTheDay() {
    Timing fridayToMonday = new Timing(at(new Timing.Day.Weekday(java.time.DayOfWeek.FRIDAY), 18),
        at(new Timing.Day.Weekday(java.time.DayOfWeek.MONDAY), 8));
    assertThat(timing("intercept on at HQ Fri 6pm - Mon 8am")).isEqualTo(fridayToMonday); // was "one start, not two"
    assertThat(timing("intercept on at HQ Friday 18:00 to Monday 08:00")).isEqualTo(fridayToMonday);
    assertThat(timing("intercept on at Denver tomorrow from 9am to 5pm")) // was "not `tomorrow`"
        .isEqualTo(new Timing(at(new Timing.Day.Tomorrow(), 9), at(new Timing.Day.Next(), 17)));
  }

  private static Timing.Moment.At at(Timing.Day day, int hour) {
    return new Timing.Moment.At(day, java.time.LocalTime.of(hour, 0), null);
  }

  private static Timing timing(String line) {
    return ((InterceptChange) PARSER.parse(line)).timing();
  }

  private static Boolean voicemail(String line) {
    return ((InterceptChange) PARSER.parse(line)).options().voicemail();
  }

  private static ZoneId zone(String line) {
    return ((Timing.Moment.At) ((InterceptChange) PARSER.parse(line)).timing().end()).zone();
  }
}
