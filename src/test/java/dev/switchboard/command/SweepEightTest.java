package dev.switchboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.command.Command.Again;
import dev.switchboard.command.Command.InterceptChange;
import dev.switchboard.command.Command.InterceptStatus;
import dev.switchboard.command.Command.Unknown;
import dev.switchboard.command.Command.WhoAmI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Lines of a sweep over on-call, help-desk and admin wording that the parser once misread: an option said after a
 * "don't" read as asked for, a denied situation offered as trouble, "stat" offered as `start`, a question run again as
 * a follow-up. Each family sits with lines near it that keep their meaning.
 */
final class SweepEightTest {

  private static final CommandParser PARSER = new CommandParser("Switchboard");
  private static final InterceptOptions NONE = InterceptOptions.none();

  private static LocationTarget.Named at(String... names) {
    return LocationTarget.Named.of(names);
  }

  private static InterceptOptions options(Boolean voicemail, NumberOption announce, OutboundType outbound) {
    return new InterceptOptions(voicemail, announce, null, outbound, null, null);
  }

  private static void reads(String line, Command expected) {
    assertThat(PARSER.parse(line)).as(line).isEqualTo(expected);
  }

  /** The line is offered as {@code suggestion} for yes, never run as said. */
  private static void offers(String line, String suggestion) {
    Command command = PARSER.parse(line);
    assertThat(command).as(line).isInstanceOf(Unknown.class);
    Unknown unknown = (Unknown) command;
    assertThat(unknown.suggestion()).as(line).isEqualTo(suggestion);
    assertThat(unknown.offer()).as(line).isTrue();
  }

  /** The line is not understood and nothing is offered for yes. */
  private static void offersNothing(String line) {
    Command command = PARSER.parse(line);
    assertThat(command).as(line).isInstanceOf(Unknown.class);
    assertThat(((Unknown) command).suggestion()).as(line).isNull();
  }

  @Test
  void anOptionAfterDont_isItsOpposite_notAskedForAtAPlaceCalledHqDont() {
    InterceptOptions noVoicemail = options(false, null, null);
    for (String line : new String[] {"intercept on at hq don't send to voicemail", "intercept on at hq dont use voicemail",
        "intercept on at hq not voicemail", "intercept on at hq but don't send calls to voicemail",
        "intercept on at hq do not turn on voicemail", "intercept on at hq, don't want vm"}) {
      reads(line, new InterceptChange(true, at("hq"), noVoicemail));
    }
    // not blocked is let through (local calls, the most Webex lets out); not let through is blocked
    reads("intercept on at hq do not block outbound",
        new InterceptChange(true, at("hq"), options(null, null, OutboundType.LOCAL_ONLY)));
    reads("intercept on at hq don't block outgoing calls",
        new InterceptChange(true, at("hq"), options(null, null, OutboundType.LOCAL_ONLY)));
    reads("intercept on at hq don't allow outbound",
        new InterceptChange(true, at("hq"), options(null, null, OutboundType.INTERCEPT_ALL)));
    reads("intercept on at hq don't announce the new number",
        new InterceptChange(true, at("hq"), options(null, new NumberOption.Off(), null)));
    reads("intercept on at Austin, voicemail, dont announce",
        new InterceptChange(true, at("Austin"), options(true, new NumberOption.Off(), null)));
    // near them, the same words keep their meaning
    reads("intercept on at hq but no voicemail", new InterceptChange(true, at("hq"), noVoicemail));
    reads("intercept on at hq send to voicemail", new InterceptChange(true, at("hq"), options(true, null, null)));
    reads("intercept on at hq block outbound",
        new InterceptChange(true, at("hq"), options(null, null, OutboundType.INTERCEPT_ALL)));
    reads("intercept on at hq allow outbound",
        new InterceptChange(true, at("hq"), options(null, null, OutboundType.LOCAL_ONLY)));
    reads("intercept on at hq, Austin", new InterceptChange(true, at("hq", "Austin"), NONE));
  }

  @Test
  void withInShorthandOrMisspelt_startsTheOptions_noPartOfTheName() {
    InterceptOptions voicemail = options(true, null, null);
    for (String line : new String[] {"intercept on at hq w vm", "intercept on at hq w voicemail",
        "intercept on at hq wiht voicemail", "intercept on at hq wth vm", "intercept on at hq w/ vm"}) {
      reads(line, new InterceptChange(true, at("hq"), voicemail));
    }
    InterceptChange timed = (InterceptChange) PARSER.parse("intercept on at hq wth vm for 2h");
    assertThat(timed.target()).isEqualTo(at("hq"));
    assertThat(timed.options()).isEqualTo(voicemail);
    assertThat(timed.timing().end()).isEqualTo(new Timing.Moment.After(Duration.ofHours(2)));
    // a lone "w" is still a name's ("HQ W" may be a site): only before an option is it "with"
    reads("intercept on hq w", new InterceptChange(true, at("hq w"), NONE));
  }

  @Test
  void statRightAfterIntercept_isItsStatus_neverOfferedAsStart() {
    reads("intercept stat hq", new InterceptStatus(at("hq")));
    reads("intercept stat", new InterceptStatus(new LocationTarget.All()));
    reads("intercept stats", new InterceptStatus(new LocationTarget.All()));
    // said last, "stat" is still urgency: now
    reads("intercept on hq stat", new InterceptChange(true, at("hq"), NONE));
    reads("intercept status hq", new InterceptStatus(at("hq")));
  }

  @Test
  void howAQuestionIsPut_isNoPartOfThePlace() {
    reads("is intercept active at hq", new InterceptStatus(at("hq")));
    reads("is intercept running at Denver?", new InterceptStatus(at("Denver")));
    reads("is intercept live at hq", new InterceptStatus(at("hq")));
    reads("intercept off at hq yet?", new InterceptStatus(at("hq")));
    reads("intercept on in denver still?", new InterceptStatus(at("denver")));
    reads("intercept on at Austin already?", new InterceptStatus(at("Austin")));
    reads("where's intercept on?", new InterceptStatus(new LocationTarget.All()));
    // asked without those words, or said as an order, nothing changes
    reads("is intercept on at hq?", new InterceptStatus(at("hq")));
    reads("intercept still on at denver?", new InterceptStatus(at("denver")));
    reads("intercept off at hq", new InterceptChange(false, at("hq"), NONE));
  }

  @Test
  void aDeniedSituation_offersNoIntercept_whileTheSituationItselfStillDoes() {
    for (String line : new String[] {"hq is no longer flooded", "hq isn't closed", "hq is not flooded",
        "hq wasn't flooded", "denver isn't snowed in", "hq is not back to normal", "hq isn't back to normal",
        "Austin is no longer on fire"}) {
      offersNothing(line);
    }
    offers("hq is flooded", "intercept on at hq");
    offers("hq is closed", "intercept on at hq");
    offers("hq is back to normal", "intercept off at hq");
  }

  @Test
  void troubleInEverydayWords_isOfferedAsInterceptOnThere() {
    offers("power is out at austin", "intercept on at austin");
    offers("the power is out in Denver", "intercept on at Denver");
    offers("hq lost power", "intercept on at hq");
    offers("austin has no power", "intercept on at austin");
    offers("phones down at hq", "intercept on at hq");
    offers("network down at hq", "intercept on at hq");
    offers("storm coming at hq", "intercept on at hq");
    offers("tornado warning at austin", "intercept on at austin");
    // and back to normal in the words of a verb: the verb is no part of the place
    offers("put hq back to normal", "intercept off at hq");
    offers("set Denver back to normal", "intercept off at Denver");
    offers("restore normal routing at hq", "intercept off at hq");
    offers("hq back to normal", "intercept off at hq");
  }

  @Test
  void onOrOffThenAPlace_orANextStep_isOfferedThere_notAtAPlaceCalledNow() {
    offers("turn it off at denver", "intercept off at denver");
    offers("off at hq", "intercept off at hq");
    offers("on at HQ-East", "intercept on at HQ-East");
    offers("now austin off", "intercept off at austin");
    offers("now off at austin", "intercept off at austin");
    offers("and off at austin", "intercept off at austin");
    offersNothing("now off");
    offersNothing("back on"); // was offered as intercept on at "back"
    assertThat(PARSER.parse("now on")).isNotInstanceOf(Again.class); // was run again at a place "on"
    offers("hq back on", "intercept on at hq");
    offers("turn Austin off", "intercept off at Austin");
  }

  @Test
  void doIOrDoTheOpposite_isNoFollowUp_whileDoDenverStillIs() {
    reads("do i have access", new WhoAmI());
    assertThat(PARSER.parse("do the opposite")).isNotInstanceOf(Again.class);
    assertThat(PARSER.parse("do nothing")).isNotInstanceOf(Again.class);
    reads("do denver too", new Again("denver"));
    reads("do the same for denver", new Again("denver"));
    reads("now do Austin", new Again("Austin"));
  }

  @Test
  void aPlaceSaidNotToChange_isLeftOut_andASlipTakenBack_leavesThePlaceMeant() {
    reads("intercept on at hq, not austin", new InterceptChange(true, at("hq"), NONE));
    reads("intercept on at hq not denver", new InterceptChange(true, at("hq"), NONE));
    reads("intercept on at hq and austin but not denver", new InterceptChange(true, at("hq", "austin"), NONE));
    reads("intercept on at hq, not austin, denver", new InterceptChange(true, at("hq", "denver"), NONE));
    reads("intercept status at hq, not austin", new InterceptStatus(at("hq")));
    for (String line : new String[] {"intercept on at hq no wait denver", "intercept on at hq sorry denver",
        "intercept on at hq, i mean denver", "intercept on at hq, sorry, denver", "intercept on at hq actually denver"}) {
      reads(line, new InterceptChange(true, at("denver"), NONE));
    }
    InterceptChange timed = (InterceptChange) PARSER.parse("intercept on at hq oops austin for 2h");
    assertThat(timed.target()).isEqualTo(at("austin"));
    assertThat(timed.timing().end()).isEqualTo(new Timing.Moment.After(Duration.ofHours(2)));
    // "never mind" at the end takes the whole line back: nothing changes, at no place called "never mind"
    for (String line : new String[] {"intercept on at hq, never mind", "intercept off at austin nvm"}) {
      assertThat(PARSER.parse(line)).as(line).isInstanceOf(Command.Invalid.class);
    }
    // names that only look like it keep their meaning
    reads("intercept on at Sports Bar", new InterceptChange(true, at("Sports Bar"), NONE));
    reads("intercept on at \"not austin\"", new InterceptChange(true, at("not austin"), NONE));
    reads("intercept on at all but Sydney",
        new InterceptChange(true, new LocationTarget.AllExcept(at("Sydney")), NONE));
    reads("intercept off at hq, austin", new InterceptChange(false, at("hq", "austin"), NONE));
  }

  @Test
  void timesTypedInAHurry_readAsTheTimeMeant() {
    Timing.Moment tomorrowMorning = new Timing.Moment.At(new Timing.Day.Tomorrow(), java.time.LocalTime.of(8, 0), null);
    for (String line : new String[] {"intercept on at hq until tomorow morning", "intercept on at hq till tommorow 8am",
        "intercept on hq til tmw morning", "intercept on at hq until tmr 8am", "intercept on at hq until tomorrow 8am"}) {
      InterceptChange change = (InterceptChange) PARSER.parse(line);
      assertThat(change.target()).as(line).isEqualTo(at("hq"));
      assertThat(change.timing().end()).as(line).isEqualTo(tomorrowMorning);
    }
    assertThat(((Command.ExtendSchedule) PARSER.parse("extend hq until tomorow morning")).until())
        .isEqualTo(tomorrowMorning);
    for (String line : new String[] {"intercept on at hq for like 2 hours", "intercept on at hq for about 2 hours",
        "intercept on at hq for around 2 hours", "intercept on at hq for 2 hours or so", "intercept on at hq for 2h"}) {
      assertThat(((InterceptChange) PARSER.parse(line)).timing().end()).as(line)
          .isEqualTo(new Timing.Moment.After(Duration.ofHours(2)));
    }
    Timing.Moment halfPastFive = new Timing.Moment.At(new Timing.Day.Next(), java.time.LocalTime.of(17, 30), null);
    assertThat(((InterceptChange) PARSER.parse("intercept on at hq until 5.30pm")).timing().end()).isEqualTo(halfPastFive);
    assertThat(((InterceptChange) PARSER.parse("intercept on at hq until 17.30")).timing().end()).isEqualTo(halfPastFive);
    assertThat(((InterceptChange) PARSER.parse("intercept on at hq until the afternoon")).timing().end())
        .isEqualTo(new Timing.Moment.At(new Timing.Day.Next(), java.time.LocalTime.of(13, 0), null));
    assertThat(((InterceptChange) PARSER.parse("intercept on at hq until after the weekend")).timing().end())
        .isEqualTo(new Timing.Moment.At(new Timing.Day.Weekday(java.time.DayOfWeek.MONDAY),
            java.time.LocalTime.of(8, 0), null));
    // a dotted number that is no clock stays what it was
    assertThat(((InterceptChange) PARSER.parse("intercept on at hq for 1.5 hours")).timing().end())
        .isEqualTo(new Timing.Moment.After(Duration.ofMinutes(90)));
    reads("intercept on at hq announce 214.769.1003", new InterceptChange(true, at("hq"),
        options(null, new NumberOption.To(new DialString("214.769.1003")), null)));
  }

  @Test
  void aYesOrANoInMoreWords_isThatAnswer_andOneOfEach_isNeither() {
    for (String line : new String[] {"yea", "yess", "yea go ahead", "yes yes yes", "yeah do it", "absolutely",
        "kk", "yes", "ok do it"}) {
      reads(line, new Command.Confirm());
    }
    for (String line : new String[] {"nope cancel that", "no thanks, cancel", "abort abort", "no cancel it please",
        "cancel cancel cancel", "nah forget it", "no", "wait"}) {
      reads(line, new Command.Cancel());
    }
    // both sides at once confirm nothing
    for (String line : new String[] {"no wait yes", "sure no"}) {
      assertThat(PARSER.parse(line)).as(line).isNotInstanceOf(Command.Confirm.class);
    }
    reads("ok thanks", new Command.Hello(true));
  }

  @Test
  void dontTurnAPlaceOff_offersNoIntercept_andMySites_areTheAskersOwn() {
    offersNothing("don't turn hq off at 8");
    offersNothing("dont switch austin off");
    offers("turn hq off", "intercept off at hq");
    reads("intercept status my sites", new InterceptStatus(new LocationTarget.Mine()));
    reads("intercept status my locations", new InterceptStatus(new LocationTarget.Mine()));
    reads("intercept on my sites", new InterceptChange(true, new LocationTarget.Mine(), NONE));
    reads("intercept status at my sites", new InterceptStatus(new LocationTarget.Mine()));
    reads("intercept status sites", new InterceptStatus(new LocationTarget.All()));
  }

  @Test
  void troubleWithHowLongItLasts_isOfferedWithThatTime_andStandDownAlone_offersNothing() {
    offers("hq closed until monday", "intercept on at hq until monday");
    offers("hq is flooded until tomorrow 8am", "intercept on at hq until tomorrow 8am");
    offers("storm at denver for 2h", "intercept on at denver for 2h");
    offers("denver closed for the day", "intercept on at denver for the day");
    offersNothing("hq closed for snow"); // a reason, no time: once offered with the time "for snow"
    offersNothing("stand down"); // was offered as intercept on at "stand", the opposite of standing down
    offersNothing("all clear");
    offers("stand down hq", "intercept off at hq");
    offers("close hq for 2 hours", "intercept on at hq for 2 hours");
  }

  @Test
  void aRequestInOtherWords_isTheCommandAskedFor_whileCanWe_isStillOffered() {
    for (String line : new String[] {"i'd like intercept on at hq", "id like to turn on intercept at hq",
        "go ahead and turn on intercept at hq", "go ahead and intercept hq", "gonna need intercept on hq",
        "let's turn on intercept at hq"}) {
      reads(line, new InterceptChange(true, at("hq"), NONE));
    }
    reads("go ahead", new Command.Confirm());
    offers("can we turn intercept on at hq", "turn intercept on at hq");
  }

  @Test
  void transferNumbersOnOrOff_isCustomNumbersOnOrOff_andAToSlip_isTo() {
    PersonRef bob = new PersonRef("bob");
    for (String line : new String[] {"turn off bob's transfer numbers", "switch off transfer numbers for bob",
        "disable bob's transfer numbers", "transfer numbers off for bob", "bob's transfer numbers off",
        "turn off custom transfer numbers for bob"}) {
      reads(line, new Command.CustomTransferNumbers(bob, false));
    }
    reads("transfer numbers on for bob", new Command.CustomTransferNumbers(bob, true));
    reads("enable transfer numbers for alice smith", new Command.CustomTransferNumbers(new PersonRef("alice smith"), true));
    for (String line : new String[] {"set transfer number 1 for bob too 2145551234",
        "set transfer number 1 for bob t0 2145551234", "set transfer number 1 for bob to 2145551234"}) {
      reads(line, new Command.SetTransferNumber(bob, 1, new DialString("2145551234")));
    }
    reads("set bob's transfer number 2 too 2145551234", new Command.SetTransferNumber(bob, 2, new DialString("2145551234")));
    reads("transfer numbers for bob", new Command.ShowTransferNumbers(bob));
    reads("bob's transfer numbers", new Command.ShowTransferNumbers(bob));
  }

  @Test
  void everyoneAsThePerson_isRefused_neverMatchedAsAName() {
    for (String line : new String[] {"set transfer number 1 for all to 2145551234", "transfer numbers for everyone",
        "transfer numbers for everyone at hq", "transfer numbers for all", "clear transfer number 1 for everybody",
        "custom transfer numbers off for all users", "set transfer number 1 for all staff to 2145551234"}) {
      Command command = PARSER.parse(line);
      assertThat(command).as(line).isInstanceOf(Command.Invalid.class);
      assertThat(((Command.Invalid) command).problem()).as(line).startsWith("Transfer numbers are one person's");
    }
    reads("transfer numbers for allison", new Command.ShowTransferNumbers(new PersonRef("allison")));
    reads("set transfer number 1 for alice to 2145551234",
        new Command.SetTransferNumber(new PersonRef("alice"), 1, new DialString("2145551234")));
  }

  @Test
  void iCantTurnOnIntercept_isWhatTheAskerMayDo_neverAChange() {
    for (String line : new String[] {"i can't turn on intercept", "i cant turn intercept off at hq",
        "i cannot turn on intercept at denver", "we're unable to turn on intercept"}) {
      reads(line, new WhoAmI());
    }
    reads("why can't i turn on intercept", new WhoAmI());
    reads("i need intercept on at hq", new InterceptChange(true, at("hq"), NONE));
  }

  @Test
  void tonightAndTheHalfOfTheDay_inShorthand_readAsTheTime_notAsAPlace() {
    Timing tonight = ((InterceptChange) PARSER.parse("intercept on at hq tonight")).timing();
    for (String line : new String[] {"intercept on at hq tonite", "intercept on at hq 2nite"}) {
      InterceptChange change = (InterceptChange) PARSER.parse(line);
      assertThat(change.target()).as(line).isEqualTo(at("hq"));
      assertThat(change.timing()).as(line).isEqualTo(tonight);
    }
    assertThat(((InterceptChange) PARSER.parse("intercept on at hq til 8a")).timing().end())
        .isEqualTo(new Timing.Moment.At(new Timing.Day.Next(), java.time.LocalTime.of(8, 0), null));
    assertThat(((InterceptChange) PARSER.parse("intercept on at hq until 6:30p")).timing().end())
        .isEqualTo(new Timing.Moment.At(new Timing.Day.Next(), java.time.LocalTime.of(18, 30), null));
    assertThat(PARSER.parse("set transfer number 1 for bob to 8p")).isInstanceOf(Command.Invalid.class);
  }

  @Test
  void thanksBeforeACommand_undoAgain_andMySite_readAsMeant() {
    reads("thank you, undo that", new Command.Undo());
    reads("thx, same for denver", new Again("denver"));
    reads("thanks, intercept off at hq", new InterceptChange(false, at("hq"), NONE));
    reads("great now do denver", new Again("denver"));
    reads("thanks", new Command.Hello(true));
    reads("good morning", new Command.Hello(false));
    // undo is a stack: again takes back the change before
    for (String line : new String[] {"undo again", "undo one more", "undo my change", "undo"}) {
      reads(line, new Command.Undo());
    }
    assertThat(PARSER.parse("undo x2")).isInstanceOf(Command.Invalid.class);
    reads("is my site intercepted?", new InterceptStatus(new LocationTarget.Mine()));
    reads("are my sites intercepted", new InterceptStatus(new LocationTarget.Mine()));
    reads("is hq intercepted?", new InterceptStatus(at("hq")));
  }
}
