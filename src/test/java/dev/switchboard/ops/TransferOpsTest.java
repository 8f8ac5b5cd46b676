package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ALICE_JONES;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.HANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.PlainTextRenderer;
import org.junit.jupiter.api.Test;

final class TransferOpsTest extends OnASimulatedOrg {

  private String say(String who, String text) {
    return PlainTextRenderer.render(sim.say(who, text));
  }

  @Test
  void show_byEmail_listsTheNumbersAsWebexHasThem() {
    String reply = say(HANA, "transfer numbers for alice@example.com");

    assertThat(reply).contains("Alice Smith").contains(": custom.")
        .contains("+1205553650").contains("+1205553651").contains("+1205553652");
  }

  @Test
  void show_byUniqueDisplayName_findsThePerson() {
    assertThat(say(HANA, "transfer numbers for Bob Jones")).contains("Bob Jones").contains("from location Austin");
  }

  @Test
  void show_ambiguousName_offersAShortList() {
    String reply = say(HANA, "transfer numbers for Alice");

    assertThat(reply).contains("matches several people").contains(ALICE)
        .contains(ALICE_JONES);
  }

  @Test
  void show_personWithoutCalling_saysSoInWords() {
    assertThat(say(ANA, "transfer numbers for carl.nocalling@example.com"))
        .contains("has no Webex Calling transfer settings");
  }

  @Test
  void show_unknownEmail_saysNoOneHasIt() {
    assertThat(say(ANA, "transfer numbers for nobody@example.com")).contains("No one in this organisation");
  }

  @Test
  void set_normalisesTheNumber_andKeepsTheOthers() {
    Reply reply = sim.say(ANA, "set transfer number 2 for alice@example.com to (205) 555-3699");

    assertThat(reply.tone()).as(PlainTextRenderer.render(reply)).isEqualTo(Reply.Tone.SUCCESS);
    var numbers = sim.simulator.transferNumbers(ALICE);
    assertThat(numbers.get("autoTransferNumber2").asText()).isEqualTo("+12055553699");
    assertThat(numbers.get("autoTransferNumber1").asText()).isEqualTo("+1205553650");
    assertThat(numbers.get("useCustomTransferNumbers").asBoolean()).isTrue();
  }

  /** A change names the number as the look-up does, so the two replies can be read side by side. */
  @Test
  void set_showsTheNumberAsTheLookUpDoes() {
    String set = say(ANA, "set transfer number 1 for alice@example.com to +12055553697");
    String lookUp = say(ANA, "explain transfer numbers for alice@example.com");

    assertThat(set).contains("is now +1 205 555 3697.").contains("-> +1 205 555 3697")
        .doesNotContain("+12055553697");
    assertThat(lookUp).contains("+1 205 555 3697");
  }

  /** "set … to +1…?" asks whether to: nothing changes until yes. */
  @Test
  void set_askedWithAQuestionMark_isAskedBack_andOnlyYesSetsIt() {
    var before = sim.simulator.transferNumbers(ALICE).deepCopy();

    assertThat(say(ANA, "set transfer number 2 for alice@example.com to (205) 555-3699?"))
        .contains("Shall I run set transfer number 2 for alice@example.com to (205) 555-3699?");
    assertThat(sim.simulator.transferNumbers(ALICE)).isEqualTo(before);

    assertThat(say(ANA, "yes")).contains("Transfer number 2 of Alice Smith is now +1 205 555 3699");
    assertThat(sim.simulator.transferNumbers(ALICE).get("autoTransferNumber2").asText()).isEqualTo("+12055553699");
  }

  @Test
  void clear_sendsEmptyString_soWebexUnsetsIt() {
    sim.say(ANA, "clear transfer number 3 for alice@example.com");

    var numbers = sim.simulator.transferNumbers(ALICE);
    assertThat(numbers.path("autoTransferNumber3").isMissingNode() || numbers.get("autoTransferNumber3").isNull())
        .as(numbers.toString()).isTrue();
  }

  @Test
  void set_whileCustomNumbersOff_warnsTheyAreUnused() {
    assertThat(say(ANA, "set transfer number 1 for bob@example.com to +15125550123"))
        .contains("not used until");
  }

  @Test
  void set_invalidNumber_changesNothing() {
    var before = sim.simulator.transferNumbers(ALICE).deepCopy();

    assertThat(say(ANA, "set transfer number 1 for alice@example.com to +1 555 0100")).contains("Nothing was changed");
    assertThat(sim.simulator.transferNumbers(ALICE)).isEqualTo(before);
  }

  @Test
  void customOff_turnsTheFlagOff() {
    sim.say(ANA, "custom transfer numbers off for alice@example.com");

    assertThat(sim.simulator.transferNumbers(ALICE).get("useCustomTransferNumbers").asBoolean())
        .isFalse();
  }
}
