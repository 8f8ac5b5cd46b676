package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.HANA;
import static dev.switchboard.DemoPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.PlainTextRenderer;
import org.junit.jupiter.api.Test;

/** Round 2's ways of saying things, carried out against the demo org: lists, exclusions, "my", greetings. */
final class LanguageOpsTest extends OnASimulatedOrg {

  private String say(String who, String text) {
    return PlainTextRenderer.render(sim.say(who, text));
  }

  @Test
  void namesWithOnlySpacesBetween_areSplitWhereEachIsALocation() {
    String reply = say(ANA, "intercept on at Austin Denver");

    assertThat(reply).contains("Preview").contains("Austin").contains("Denver").doesNotContain("no calling location");
  }

  @Test
  void aNameWithASpaceForItsHyphen_isThatOneLocation_notTwo() {
    assertThat(say(ANA, "intercept on at HQ East")).contains("Intercept is now ON at HQ-East").doesNotContain("Preview");
    assertThat(sim.interceptOn("HQ-East")).isTrue();
    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  @Test
  void wordsAfterALocationName_areNamedAsNotUnderstood_neverFoldedIntoAName() {
    String reply = say(ANA, "intercept on at HQ callers hear hold music");

    assertThat(reply).contains("I understood the location HQ, but not callers hear hold music")
        .contains("help intercept").doesNotContain("no calling location called");
    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(say(ANA, "intercept on at Denver front desk"))
        .contains("I understood the location Denver, but not front desk");
  }

  @Test
  void allExcept_previewsEveryCallingLocationButTheNamedOne() {
    String reply = say(ANA, "intercept off at all except HQ");

    assertThat(reply).contains("Preview").contains("HQ-East").contains("Austin").doesNotContain("- HQ:");
  }

  @Test
  void allExcept_anUnknownName_isAProblem_andNothingIsDone() {
    String reply = say(ANA, "intercept off at all except Atlantis");

    assertThat(reply).contains("called Atlantis").contains("nothing was done");
  }

  @Test
  void anAliasOfTheDemoPolicy_changesItsLocation() {
    String reply = say(ANA, "intercept on at headquarters");

    assertThat(sim.interceptOn("HQ")).isTrue();
    assertThat(reply).contains("HQ").doesNotContain("no calling location");
  }

  @Test
  void myTransferNumbers_areTheRequestersOwn() {
    String reply = say(HANA, "what are my transfer numbers?");

    assertThat(reply).contains("Hana").doesNotContain("`me`");
  }

  @Test
  void greeting_isAnsweredInAtMostTwoLines() {
    String reply = say(ANA, "hi");

    assertThat(reply.strip().split("\n")).hasSizeLessThanOrEqualTo(2);
    assertThat(reply).contains("help");
  }

  @Test
  void unknownLine_pointsToHelpOnce() {
    String reply = say(ANA, "make me a sandwich");

    assertThat(reply.split("Type help", -1)).hasSize(2);
  }

  @Test
  void helpDeskAskingWhoChangedIntercept_isRefusedTheHistory_andPointedToWhatIsSetNow() {
    String reply = say(HANA, "who turned intercept on at hq?");

    assertThat(reply).contains("You may not run history").contains("What is set now: intercept status at HQ");
    assertThat(say(HANA, "history")).contains("What is set now: intercept status")
        .doesNotContain("status at");
    assertThat(say(HANA, "who changed intercept at Atlantis")).contains("What is set now: intercept status")
        .doesNotContain("Atlantis");
  }

  @Test
  void someoneWhoMaySeeNoIntercept_isPointedNowhere() {
    assertThat(say(PAT, "who turned intercept on at HQ")).contains("You may not run history")
        .doesNotContain("What is set now");
  }

  @Test
  void unintercept_turnsInterceptOff() {
    say(ANA, "intercept on at HQ");

    String reply = say(ANA, "unintercept HQ");

    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(reply).doesNotContain("on or off");
  }

  @Test
  void askedWhereInterceptIsOn_theAnswerListsOnlyThose_andTheRestIsOneCommandAway() {
    say(ANA, "intercept on at HQ");

    String reply = say(HANA, "which sites have intercept on?");

    assertThat(reply).contains("Intercept is on at").contains("HQ: ON").doesNotContain("Austin")
        .containsPattern("The other \\d+ are off: intercept status lists every location");
    assertThat(say(HANA, "intercept status")).contains("HQ: ON").contains("Austin: off");
  }

  @Test
  void askedWhereInterceptIsOn_whenItIsOnNowhere_saysAllAreOff() {
    say(ANA, "intercept off at all");
    say(ANA, "yes");

    assertThat(say(HANA, "where is intercept on?")).contains("Intercept is on at 0 locations of")
        .containsPattern("All \\d+ are off").doesNotContain("- ");
  }

  @Test
  void pressZeroTo_setsWhereACallerWhoPressesZeroIsSent() {
    String reply = say(ANA, "intercept on at HQ press 0 goes to +12147691005");

    assertThat(sim.interceptOn("HQ")).isTrue();
    assertThat(reply).contains("+1 214 769 1005").doesNotContain("but not");
  }
}
