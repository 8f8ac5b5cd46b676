package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.HANA;
import static dev.switchboard.DemoPeople.OMAR;
import static dev.switchboard.ops.SimulatedOrg.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** "same for Denver", "Austin too", "what about bob?": the asker's last command, about another location or person. */
final class FollowUpTest extends OnASimulatedOrg {

  @Test
  void aReadFollowedUp_isAnsweredAtOnce_forTheOtherLocation() {
    sim.say(ANA, "intercept status at HQ");

    assertThat(text(sim.say(ANA, "what about Austin?"))).contains("Austin").doesNotContain("Same as what");
    assertThat(text(sim.say(ANA, "and Denver?"))).contains("Denver");
  }

  @Test
  void aChangeFollowedUp_isOfferedWithItsOptionsAndTime_andOnlyYesActs() {
    sim.say(OMAR, "intercept on at HQ for 2h with voicemail");

    assertThat(text(sim.say(OMAR, "Austin too"))).contains("Shall I run intercept on at Austin for 2h with voicemail?");
    assertThat(sim.interceptOn("Austin")).isFalse();
    assertThat(text(sim.say(OMAR, "yes"))).contains("Intercept is now ON at Austin").contains("schedule #2");
    assertThat(sim.interceptOn("Austin")).isTrue();
    // the offer run is the last command now: the next follow-up builds on it
    assertThat(text(sim.say(OMAR, "same for Denver"))).contains("Shall I run intercept on at Denver for 2h");
  }

  /** "I meant Denver": offered there too, and the offer says the first place stays as it was left, and how back. */
  @Test
  void aCorrection_isOfferedAtTheOtherPlace_andSaysTheFirstStaysAsItIs() {
    sim.say(OMAR, "intercept on at Austin");

    String offered = text(sim.say(OMAR, "I meant Denver"));
    assertThat(offered).contains("Shall I run intercept on at Denver?")
        .contains("Austin stays as you left it (intercept off at Austin puts it back)");
    assertThat(text(sim.say(OMAR, "yes"))).contains("Intercept is now ON at Denver");
    assertThat(sim.interceptOn("Austin")).isTrue();
    assertThat(text(sim.say(OMAR, "same for London"))).doesNotContain("stays as you left it");
  }

  /** "HQ is flooded, intercept on": the follow-up builds on the command, not on the situation said before it. */
  @Test
  void aChangeSaidAfterASituation_isFollowedUpAsItsCommand() {
    sim.say(OMAR, "HQ is flooded, intercept on for 2h");

    assertThat(text(sim.say(OMAR, "Austin too"))).contains("Shall I run intercept on at Austin for 2h?");
  }

  @Test
  void aPersonFollowedUp_isThatPersonsNumbers() {
    sim.say(HANA, "transfer numbers for alice@example.com");

    assertThat(text(sim.say(HANA, "what about bob@example.com?"))).contains("Bob");
  }

  @Test
  void nothingToFollow_orSomeoneElsesCommand_orTooLate_isAskedToBeSaidInFull() {
    assertThat(text(sim.say(ANA, "same for Denver"))).contains("Same as what?").contains("intercept status at Denver");

    sim.say(ANA, "intercept on at HQ");
    assertThat(text(sim.say(OMAR, "Austin too"))).contains("Same as what?");

    sim.say(OMAR, "intercept status at HQ");
    sim.time.advance(LastSubjects.KEPT.plus(Duration.ofMinutes(1)));
    assertThat(text(sim.say(OMAR, "what about Austin?"))).contains("Same as what?");
    assertThat(sim.interceptOn("Austin")).isFalse();
  }
}
