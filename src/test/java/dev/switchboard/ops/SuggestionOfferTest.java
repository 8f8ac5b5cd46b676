package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.HANA;
import static dev.switchboard.ops.SimulatedOrg.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A "did you mean" is an offer: {@code yes} runs it as if typed; anything else drops it. */
final class SuggestionOfferTest extends OnASimulatedOrg {

  @Test
  void aTypo_thenYes_runsTheSuggestionExactlyAsTyped() {
    assertThat(text(sim.say(ANA, "intercpt on at HQ"))).contains("Did you mean intercept on at HQ?")
        .contains("Reply yes");

    Reply yes = sim.say(ANA, "yes");

    assertThat(text(yes)).contains("Intercept is now ON at HQ");
    assertThat(sim.interceptOn("HQ")).isTrue();
  }

  /** A typo in the command and one in the location: the offer corrects both, so its yes acts. */
  @Test
  void aTypoInTheLocationToo_isOfferedCorrected_andYesActs() {
    assertThat(text(sim.say(ANA, "intercpt on at Denvr for 1h")))
        .contains("Did you mean intercept on at Denver for 1h?");

    assertThat(text(sim.say(ANA, "yes"))).contains("Intercept is now ON at Denver");
    assertThat(sim.interceptOn("Denver")).isTrue();
  }

  /** "intercept on at Denvr for 1h": refused, nothing done, and its yes runs the line with the nearest name. */
  @Test
  void aTypoInTheLocationOnly_isRefused_andItsYesRunsItCorrected() {
    assertThat(text(sim.say(ANA, "intercept on at Denvr for 1h"))).contains("nothing was done")
        .contains("Reply yes within 2 minutes to run intercept on at Denver for 1h");
    assertThat(sim.interceptOn("Denver")).isFalse();

    assertThat(text(sim.say(ANA, "yes"))).contains("Intercept is now ON at Denver");
    assertThat(sim.interceptOn("Denver")).isTrue();
    assertThat(text(sim.say(ANA, "intercept on at Dallasx"))).doesNotContain("Reply yes"); // near nothing
  }

  /** A name near no location stays as typed (its answer names the problem); one nearest to one location is corrected. */
  @Test
  void aLocationNearNothing_staysAsTyped() {
    assertThat(text(sim.say(ANA, "intercpt on at Warehouse"))).contains("Did you mean intercept on at Warehouse?");
    assertThat(text(sim.say(ANA, "intercpt status at HQ-Wst, Austn")))
        .contains("Did you mean intercept status at HQ-West, Austin?");
  }

  /** "turn Austin off" is asked back; "turn bob off" names no location, so nothing is offered and yes does nothing. */
  @Test
  void onOrOffOfAPlace_isAskedBack_butANameThatIsNoLocationIsAnsweredAsSuch() {
    sim.say(ANA, "intercept on at Austin");
    assertThat(text(sim.say(ANA, "turn Austin off"))).contains("Shall I run intercept off at Austin?");
    assertThat(sim.interceptOn("Austin")).isTrue();
    assertThat(text(sim.say(ANA, "yes"))).contains("Intercept is now off at Austin");

    assertThat(text(sim.say(ANA, "turn bob off"))).contains("There is no calling location called bob")
        .contains("nothing was done").doesNotContain("Shall I");
    assertThat(text(sim.say(ANA, "yes"))).contains("Nothing is waiting for your confirmation");
  }

  /** "turn off voicemail at HQ": a setting of intercept, offered as the intercept change that sets it. */
  @Test
  void aSettingOfInterceptChangedAlone_isOfferedAsInterceptOn_andOnlyYesActs() {
    assertThat(text(sim.say(ANA, "turn on voicemail at HQ"))).contains("Shall I run intercept on at HQ voicemail?");
    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(text(sim.say(ANA, "yes"))).contains("Intercept is now ON at HQ").contains("oicemail");

    assertThat(text(sim.say(ANA, "turn off voicemail for bob"))).contains("no calling location called bob")
        .doesNotContain("Shall I");
  }

  /** "storm at HQ" where the policy has a storm preset: the offer is intercept on with it, and yes sets what it says. */
  @Test
  void aSituationNamedAfterAPreset_isOfferedWithThePreset() {
    assertThat(text(sim.say(ANA, "there is a storm at HQ")))
        .contains("Shall I run intercept on at HQ preset storm?");
    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(text(sim.say(ANA, "yes"))).contains("Intercept is now ON at HQ").contains("oicemail");

    // a situation no preset is named after is offered plainly
    assertThat(text(sim.say(ANA, "fire alarm at Austin"))).contains("Shall I run intercept on at Austin?");
    assertThat(text(sim.say(ANA, "no"))).doesNotContain("Intercept is now");
    assertThat(sim.interceptOn("Austin")).isFalse();
  }

  /** A change only asked about, or said as what happened, is asked back: nothing changes until yes. */
  @Test
  void aChangeAskedAbout_orASituation_isAskedBack_andOnlyYesActs() {
    String asked = text(sim.say(ANA, "can I turn intercept on at HQ?"));
    assertThat(asked).contains("Shall I run turn intercept on at HQ?").contains("Reply yes within 2 minutes")
        .doesNotContain("I don't know");
    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(text(sim.say(ANA, "yes"))).contains("Intercept is now ON at HQ");

    assertThat(text(sim.say(ANA, "HQ is back to normal"))).contains("Shall I run intercept off at HQ?");
    assertThat(sim.interceptOn("HQ")).isTrue();
    assertThat(text(sim.say(ANA, "yes"))).contains("Intercept is now off at HQ");

    // someone who may not change it is told so at once, with whom to ask, and nothing waits for a yes
    assertThat(text(sim.say(HANA, "can I turn intercept on at Austin?"))).contains("You may not run intercept")
        .contains("To get access, ask").doesNotContain("Shall I");
    assertThat(text(sim.say(HANA, "the Austin office is flooded"))).contains("You may not run intercept");
    assertThat(text(sim.say(HANA, "yes"))).contains("Nothing is waiting for your confirmation");
    assertThat(sim.interceptOn("Austin")).isFalse();
  }

  @Test
  void anotherMessage_dropsTheOffer() {
    sim.say(ANA, "intercpt on at HQ");
    sim.say(ANA, "whoami");

    assertThat(text(sim.say(ANA, "yes"))).contains("Nothing is waiting for your confirmation");
    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  @Test
  void theOfferExpires_afterTwoMinutes() {
    sim.say(ANA, "intercpt on at HQ");
    sim.time.advance(Duration.ofMinutes(3));

    assertThat(text(sim.say(ANA, "yes"))).contains("expired");
    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  @Test
  void yesToAnOffer_isAuthorizedLikeTheTypedCommand() {
    sim.say(HANA, "intercpt on at HQ");

    assertThat(sim.say(HANA, "yes").tone()).isEqualTo(Reply.Tone.DENIED);
    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  @Test
  void aTypoWhileAPreviewWaits_doesNotReplaceThePreview() {
    sim.say(ANA, "intercept on at Austin, Denver");
    sim.say(ANA, "intercpt on at HQ");

    assertThat(text(sim.say(ANA, "yes"))).contains("Intercept changed at 2 of 2 locations");
    assertThat(sim.interceptOn("HQ")).isFalse();
  }
}
