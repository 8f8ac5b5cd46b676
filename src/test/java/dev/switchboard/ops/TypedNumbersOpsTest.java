package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.PlainTextRenderer;
import org.junit.jupiter.api.Test;

/** Numbers people type, through the bot to the simulator: the country assumed and why, extensions, tel: URIs. */
final class TypedNumbersOpsTest extends OnASimulatedOrg {

  private String say(String who, String text) {
    return PlainTextRenderer.render(sim.say(who, text));
  }

  @Test
  void usNumberForSomeoneInLondon_namesGBAndWhy_andTheFix_andChangesNothing() {
    var before = sim.simulator.transferNumbers(PAT).deepCopy();
    int calls = sim.simulator.calls().size();

    assertThat(say(ANA, "set transfer number 1 for pat.plain@example.com to (205) 555-3699"))
        .contains("Nothing was changed")
        .contains("not a valid phone number in GB, the country of Pat Plain's location London")
        .contains("Add +1 if it is a US number: +12055553699");
    assertThat(sim.simulator.transferNumbers(PAT)).isEqualTo(before);
    assertThat(sim.simulator.calls().subList(calls, sim.simulator.calls().size()))
        .noneMatch(call -> call.method().equals("PUT"));
  }

  @Test
  void extensionAlone_isWrittenAsItsDigits_forATransferNumber() {
    assertThat(sim.say(ANA, "set transfer number 2 for alice@example.com to ext. 1234").tone())
        .isEqualTo(Reply.Tone.SUCCESS);

    assertThat(sim.simulator.transferNumbers(ALICE).get("autoTransferNumber2").asText()).isEqualTo("1234");
  }

  @Test
  void telUri_isAcceptedAsTheNumberItHolds() {
    sim.say(ANA, "set transfer number 3 for alice@example.com to tel:+1-214-769-1003");

    assertThat(sim.simulator.transferNumbers(ALICE).get("autoTransferNumber3").asText()).isEqualTo("+12147691003");
  }

  @Test
  void numberWithAnExtension_isRefusedSayingWhatToGive() {
    var before = sim.simulator.transferNumbers(ALICE).deepCopy();

    assertThat(say(ANA, "set transfer number 1 for alice@example.com to +12147691003 x1234"))
        .contains("Nothing was changed").contains("Webex cannot dial after the number")
        .contains("Give the number alone (+12147691003), or the extension alone (x1234)");
    assertThat(sim.simulator.transferNumbers(ALICE)).isEqualTo(before);
  }

  @Test
  void extensionForAnInterceptDestination_isRefusedWithTheOneReason() {
    var before = sim.simulator.locationIntercept("HQ").deepCopy();

    assertThat(say(ANA, "intercept on at HQ zero x1234")).contains("x1234 is an extension")
        .contains("an intercept destination must be a full phone number");
    assertThat(sim.simulator.locationIntercept("HQ")).isEqualTo(before);
  }
}
