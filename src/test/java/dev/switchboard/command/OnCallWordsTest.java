package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.command.Command.CustomTransferNumbers;
import dev.switchboard.command.Command.ExtendSchedule;
import dev.switchboard.command.Command.Hello;
import dev.switchboard.command.Command.InterceptChange;
import dev.switchboard.command.Command.InterceptStatus;
import dev.switchboard.command.Command.Invalid;
import dev.switchboard.command.Command.Retime;
import dev.switchboard.command.Command.ShowTransferNumbers;
import dev.switchboard.command.Command.Unknown;
import dev.switchboard.command.Timing.Day;
import dev.switchboard.command.Timing.Moment;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines written for this test in the words of someone on call under stress: a span with no "for", a time of day said
 * loosely, an option said as a sentence, a question about how a place is, "keep it on longer", "make it 2 hours".
 */
final class OnCallWordsTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");

  private static InterceptChange change(String line) {
    Command command = PARSER.parse(line);
    assertThat(command).as(line).isInstanceOf(InterceptChange.class);
    return (InterceptChange) command;
  }

  private static LocationTarget at(String... names) {
    return new LocationTarget.Named(List.of(names));
  }

  @Test
  void aSpanRightAfterTheLocation_orAfterATypoOfFor_isHowLongItLasts() {
    for (String[] line : new String[][] {{"intercept on at HQ 2h", "PT2H"}, {"intercept on HQ 30m", "PT30M"},
        {"intercept on at HQ 2 hours", "PT2H"}, {"intercept on at HQ fro 2h", "PT2H"}, {"intercept HQ 90 minutes", "PT1H30M"},
        {"intercept on at HQ 1h30m", "PT1H30M"}, {"intercept on at HQ two hours", "PT2H"},
        {"intercept on at HQ 1.5hrs", "PT1H30M"}, {"intercept on at \"HQ East\" 45 mins", "PT45M"}}) {
      InterceptChange change = change(line[0]);
      assertThat(change.enable()).as(line[0]).isTrue();
      assertThat(change.target()).as(line[0]).isEqualTo(at(line[0].contains("East") ? "HQ East" : "HQ"));
      assertThat(change.timing()).as(line[0]).isEqualTo(new Timing(null, new Moment.After(Duration.parse(line[1]))));
    }
    InterceptChange options = change("intercept on at HQ, Austin 2h with voicemail");
    assertThat(options.target()).isEqualTo(at("HQ", "Austin"));
    assertThat(options.options().voicemail()).isTrue();
    assertThat(options.timing().end()).isEqualTo(new Moment.After(Duration.ofHours(2)));
    // a number with no unit stays part of the name, and a span after its own lead keeps its meaning
    assertThat(change("intercept on at HQ 2").target()).isEqualTo(at("HQ 2"));
    assertThat(change("intercept off at HQ in 2 hours").timing())
        .isEqualTo(new Timing(new Moment.After(Duration.ofHours(2)), null));
    assertThat(change("intercept on at HQ zero 2147691004").timing()).isNull();
  }

  @Test
  void timesOfDay_saidLoosely() {
    Moment.At morning = new Moment.At(new Day.Coming(), LocalTime.of(8, 0), null);
    assertThat(change("intercept on at Austin until the morning").timing().end()).isEqualTo(morning);
    assertThat(change("intercept on at HQ until first thing").timing().end()).isEqualTo(morning);
    assertThat(change("intercept on at HQ until first thing tomorrow").timing().end())
        .isEqualTo(new Moment.At(new Day.Tomorrow(), LocalTime.of(8, 0), null));
    assertThat(change("turn intercept off at HQ first thing tomorrow").timing().start())
        .isEqualTo(new Moment.At(new Day.Tomorrow(), LocalTime.of(8, 0), null));
    assertThat(change("intercept off at HQ first thing in the morning").timing().start()).isEqualTo(morning);
    assertThat(change("intercept on at HQ until monday am").timing().end())
        .isEqualTo(new Moment.At(new Day.Weekday(DayOfWeek.MONDAY), LocalTime.of(8, 0), null));
    assertThat(change("intercept on at HQ until monday am").target()).isEqualTo(at("HQ"));
    assertThat(change("turn on intercept at HQ tonight at 7pm").timing())
        .isEqualTo(new Timing(new Moment.At(new Day.Today(), LocalTime.of(19, 0), null), null));
    Moment.At newYear = new Moment.At(new Day.Annual(MonthDay.of(1, 1)), LocalTime.MIDNIGHT, null);
    for (String line : List.of("intercept on at HQ until new year", "intercept on at HQ till the new year",
        "intercept on at HQ until new year's day")) {
      assertThat(change(line).timing().end()).as(line).isEqualTo(newYear);
    }
  }

  @Test
  void optionsSaidAsASentence() {
    assertThat(change("intercept on at HQ and play the new number 214-769-1003").options().announce())
        .isEqualTo(new NumberOption.To(new DialString("214-769-1003")));
    assertThat(change("intercept on at HQ and play the new number 214-769-1003").target()).isEqualTo(at("HQ"));
    assertThat(change("intercept on at HQ, play our new number +12147691003").options().announce())
        .isEqualTo(new NumberOption.To(new DialString("+12147691003")));
    for (String line : List.of("intercept on at HQ let outbound calls through", "intercept on at HQ allow outbound calls",
        "intercept on at HQ let outgoing calls out")) {
      assertThat(change(line).options().outbound()).as(line).isEqualTo(OutboundType.LOCAL_ONLY);
      assertThat(change(line).timing()).as(line).isNull();
    }
    assertThat(change("intercept on at HQ block outgoing calls").options().outbound())
        .isEqualTo(OutboundType.INTERCEPT_ALL);
    for (String line : List.of("intercept on at HQ, inbound calls to voicemail",
        "intercept on at HQ, incoming calls go to voicemail")) {
      assertThat(change(line).options().voicemail()).as(line).isTrue();
    }
    // "through" with a time after it is still an end
    assertThat(change("intercept on at HQ through friday").timing().end()).isNotNull();
  }

  @Test
  void askingHowAPlaceIs_isItsStatus() {
    for (String[] line : new String[][] {{"is Austin back to normal?", "Austin"},
        {"is everything back to normal at Austin?", "Austin"}, {"are calls at HQ going through?", "HQ"},
        {"are calls going through at HQ?", "HQ"}, {"what's up with Denver", "Denver"},
        {"what's going on at HQ?", "HQ"}, {"how's HQ looking", "HQ"}, {"how are things at Denver?", "Denver"},
        {"is HQ still closed?", "HQ"}, {"is Denver open again?", "Denver"}, {"are the phones at HQ working?", "HQ"}}) {
      assertThat(PARSER.parse(line[0])).as(line[0]).isEqualTo(new InterceptStatus(at(line[1])));
    }
    assertThat(PARSER.parse("is everything ok?")).isEqualTo(new InterceptStatus(new LocationTarget.All()));
    // small talk is no place
    for (String line : List.of("how are you", "how's it going", "hey bot")) {
      assertThat(PARSER.parse(line)).as(line).isEqualTo(new Hello(false));
    }
    assertThat(PARSER.parse("is it back to normal")).isInstanceOf(Unknown.class);
  }

  @Test
  void keepingItOnLonger_isAnExtension_andKeepingAPlaceOn_isOffered() {
    assertThat(PARSER.parse("keep HQ on for another hour")).isEqualTo(
        new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofHours(1), null));
    assertThat(PARSER.parse("leave Austin on for another 30 minutes")).isEqualTo(
        new ExtendSchedule(ScheduleRef.at("Austin"), Duration.ofMinutes(30), null));
    assertThat(PARSER.parse("keep the HQ intercept going for another hour")).isEqualTo(
        new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofHours(1), null));
    assertThat(PARSER.parse("keep HQ on for 30 more minutes")).isEqualTo(
        new ExtendSchedule(ScheduleRef.at("HQ"), Duration.ofMinutes(30), null));
    Command keep = PARSER.parse("keep HQ on for 2 hours");
    assertThat(keep).isInstanceOf(Unknown.class);
    assertThat(((Unknown) keep).offer()).isTrue();
    assertThat(((Unknown) keep).suggestion()).isEqualTo("intercept on at HQ for 2 hours");
  }

  @Test
  void anotherTimeForTheLastChange_isARetime() {
    for (String[] line : new String[][] {{"make it 2 hours", "for 2 hours"}, {"actually make it 3h", "for 3h"},
        {"make that until 6pm", "until 6pm"}, {"make it 6pm", "until 6pm"}, {"change it to 90 minutes", "for 90 minutes"},
        {"for 2 hours instead", "for 2 hours"}, {"until 6pm instead", "until 6pm"},
        {"actually, until tomorrow 8am", "until tomorrow 8am"}, {"make it 7", "until 7"}}) {
      assertThat(PARSER.parse(line[0])).as(line[0]).isEqualTo(new Retime(line[1]));
    }
    assertThat(PARSER.parse("make it Austin")).isEqualTo(new Command.Again("Austin", true));
    for (String line : List.of("for bob", "for HQ", "until", "make it so")) {
      assertThat(PARSER.parse(line)).as(line).isNotInstanceOf(Retime.class);
    }
  }

  @Test
  void aCommandAfterTheTrouble_orAfterAGreeting() {
    for (String[] line : new String[][] {{"HQ is closed, intercept calls", "HQ"},
        {"snow day at Denver - intercept on until tomorrow 8am", "Denver"},
        {"fire alarm at HQ, intercept everything", "HQ"}, {"hey bot turn on intercept at HQ", "HQ"},
        {"bot, intercept on at Denver", "Denver"}, {"please put Austin in intercept mode", "Austin"},
        {"put HQ into intercept mode", "HQ"}}) {
      InterceptChange change = change(line[0]);
      assertThat(change.enable()).as(line[0]).isTrue();
      assertThat(change.target()).as(line[0]).isEqualTo(at(line[1]));
    }
    assertThat(change("snow day at Denver - intercept on until tomorrow 8am").timing().end())
        .isEqualTo(new Moment.At(new Day.Tomorrow(), LocalTime.of(8, 0), null));
    // what not to do is no change, and the answer names the opposite rather than what was refused
    for (String line : List.of("don't turn on intercept at HQ", "dont turn intercept on at HQ")) {
      assertThat(PARSER.parse(line)).as(line).isInstanceOfSatisfying(Invalid.class, invalid ->
          assertThat(invalid.problem()).contains("stays as it is").contains("`intercept off at HQ`")
              .doesNotContain("`intercept on at HQ`"));
    }
    // a state word that is no state gets examples with the user's place, not with the stray word in it
    Command stray = PARSER.parse("intercept no at HQ");
    assertThat(stray).isInstanceOf(Invalid.class);
    assertThat(((Invalid) stray).problem()).contains("`intercept on at HQ`").doesNotContain("at no at");
  }

  @Test
  void typosOfAll_areAll_andClocksOfEitherHalfOfTheDayAreAskedAbout() {
    for (String line : List.of("intercept on at al", "intercept off at alll", "intercept on at aall for 2h")) {
      assertThat(change(line).target()).as(line).isEqualTo(new LocationTarget.All());
    }
    for (String line : List.of("intercept on at HQ until 5:30", "intercept on at HQ until tomorrow 8:30",
        "intercept on at HQ until 11:15")) {
      assertThat(PARSER.parse(line)).as(line).isInstanceOfSatisfying(Invalid.class,
          invalid -> assertThat(invalid.problem()).contains("am or").contains("pm"));
    }
    assertThat(change("intercept on at HQ until 05:30").timing().end())
        .isEqualTo(new Moment.At(new Day.Next(), LocalTime.of(5, 30), null));
    assertThat(change("intercept on at HQ until 17:30").timing().end())
        .isEqualTo(new Moment.At(new Day.Next(), LocalTime.of(17, 30), null));
    assertThat(change("intercept on at HQ until 8:30 tonight").timing().end())
        .isEqualTo(new Moment.At(new Day.Today(), LocalTime.of(20, 30), null));
    for (String line : List.of("intercept on at HQ for the day", "intercept on at HQ all day",
        "intercept on at HQ for today")) {
      assertThat(change(line).timing().end()).as(line).isEqualTo(new Moment.At(new Day.Next(), LocalTime.of(17, 0), null));
    }
  }

  @Test
  void whereInterceptIsOn_askedAsAList_isNeverAChange() {
    for (String line : List.of("locations on intercept", "locations with intercept on", "sites with intercept on",
        "locations that have intercept on", "locations that are intercepted", "list sites with intercept enabled")) {
      assertThat(PARSER.parse(line)).as(line).isEqualTo(new InterceptStatus(new LocationTarget.All(), true));
    }
    assertThat(PARSER.parse("locations in Texas")).isEqualTo(new Command.ListLocations("Texas"));
  }

  @Test
  void aTransferNumberSaidAsAFact_isOffered_notRun() {
    Command stated = PARSER.parse("transfer number 1 for bob is +12055553697");
    assertThat(stated).isInstanceOfSatisfying(Unknown.class, unknown -> {
      assertThat(unknown.offer()).isTrue();
      assertThat(unknown.suggestion()).isEqualTo("set transfer number 1 for bob to +12055553697");
    });
    assertThat(PARSER.parse("bob's transfer number 2 is 205-555-3699")).isInstanceOf(Unknown.class);
    assertThat(PARSER.parse("transfer number 1 for bob = +12055553697")).isInstanceOf(Command.SetTransferNumber.class);
  }

  @Test
  void chatAroundTheCommand_emojiCodesMentionsAndGreetings() {
    for (String line : List.of(":rotating_light: intercept on at HQ", "morning all, intercept on at HQ pls",
        "@Switchboard @alice intercept on at HQ", "Switchboard intercept on at HQ cc @bob",
        "intercept on at HQ fyi @bob @ann")) {
      assertThat(change(line).target()).as(line).isEqualTo(at("HQ"));
    }
    for (String line : List.of("good morning team", "hi all", "morning everyone")) {
      assertThat(PARSER.parse(line)).as(line).isEqualTo(new Hello(false));
    }
  }

  /** Intercept's settings changed with no word of intercept: offered as the intercept change, never run as said. */
  @Test
  void oneSettingOfIntercept_changedAlone_isOfferedAsTheInterceptChange() {
    for (String[] line : new String[][] {{"turn off voicemail at HQ", "intercept on at HQ no voicemail"},
        {"disable voicemail at HQ", "intercept on at HQ no voicemail"}, {"voicemail on at HQ", "intercept on at HQ voicemail"},
        {"turn off the announcement at Austin", "intercept on at Austin announce off"},
        {"announce +12147691003 at HQ", "intercept on at HQ announce +12147691003"},
        {"disable zero transfer at HQ", "intercept on at HQ zero off"}}) {
      assertThat(PARSER.parse(line[0])).as(line[0]).isInstanceOfSatisfying(Unknown.class, unknown -> {
        assertThat(unknown.offer()).as(line[0]).isTrue();
        assertThat(unknown.suggestion()).as(line[0]).isEqualTo(line[1]);
      });
    }
    // turned on only with its number; asked with a question mark, nothing is offered
    for (String line : List.of("enable zero at HQ", "voicemail off at HQ?")) {
      assertThat(PARSER.parse(line)).as(line).isInstanceOfSatisfying(Unknown.class,
          unknown -> assertThat(unknown.offer()).isFalse());
    }
  }

  @Test
  void whoseCustomNumbers_saidBeforeThem() {
    assertThat(PARSER.parse("turn off bob's custom transfer numbers"))
        .isEqualTo(new CustomTransferNumbers(new PersonRef("bob"), false));
    assertThat(PARSER.parse("turn on alice's custom transfer numbers"))
        .isEqualTo(new CustomTransferNumbers(new PersonRef("alice"), true));
    assertThat(PARSER.parse("bob's custom transfer numbers"))
        .isEqualTo(new ShowTransferNumbers(List.of(new PersonRef("bob"))));
  }
}
