package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ALICE_JONES;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.BOB;
import static dev.switchboard.DemoPeople.HANA;
import static dev.switchboard.DemoPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.PlainTextRenderer;
import org.junit.jupiter.api.Test;

/**
 * Where a person's calls go, against the simulated demo org: Alice Smith has custom numbers under HQ's rules, Bob
 * follows Austin's numbers and rules (premium services I goes to Austin's unset number 3), Alice Jones has rules of
 * her own over Denver's numbers.
 */
final class TransferRoutingOpsTest extends OnASimulatedOrg {

  private String say(String who, String text) {
    return PlainTextRenderer.render(sim.say(who, text));
  }

  private static long lines(String reply) {
    return reply.lines().count();
  }

  @Test
  void inherited_showsTheLocationsNumbersAndRules_andFlagsTheUnsetNumberInUse() {
    Reply reply = sim.say(HANA, "transfer numbers for " + BOB);
    String text = PlainTextRenderer.render(reply);

    assertThat(reply.tone()).isEqualTo(Reply.Tone.WARNING);
    assertThat(text).contains("Bob Jones (Austin): from location Austin (custom numbers off)")
        .contains("International → number 1, +1 512 555 0100")
        .contains("Premium services I → number 3, not set: these calls fail")
        .contains("Rules from location Austin")
        .contains("explain transfer numbers for bob@example.com")
        .doesNotContain("(not set)");
    assertThat(lines(text)).as(text).isLessThanOrEqualTo(6);
  }

  @Test
  void custom_showsThePersonsOwnNumbersUnderTheLocationsRules() {
    String text = say(HANA, "transfer numbers for " + ALICE);

    assertThat(text).contains("Alice Smith (HQ): custom.")
        .contains("International → number 1, +1205553650") // the seed's number, not valid E.164, shown as stored
        .contains("Operator-assisted → number 2, +1205553651")
        .contains("Set but used by no call type: number 3")
        .contains("Rules from location HQ");
    assertThat(lines(text)).as(text).isLessThanOrEqualTo(6);
  }

  @Test
  void noCallTypeTransferred_saysSoAndWhatIsSet_andNamesTheRulesOnce() {
    String text = say(HANA, "what are my numbers?");

    assertThat(text).contains("Hana Helpdesk (Denver): from location Denver (custom numbers off).")
        .contains("No call type goes to a transfer number. Set: number 2, +1 303 555 0199.")
        .contains("explain transfer numbers for hana.helpdesk@example.com");
    assertThat(text.split("ules from location Denver", -1)).as(text).hasSize(2);
    assertThat(lines(text)).as(text).isLessThanOrEqualTo(3);
  }

  @Test
  void ownRules_overTheLocationsNumbers() {
    String text = say(HANA, "transfer numbers for " + ALICE_JONES);

    assertThat(text).contains("from location Denver (custom numbers off)")
        .contains("International → number 2, +1 303 555 0199")
        .contains("Rules of their own");
  }

  @Test
  void why_answersForTheCallTypeAsked_fromTheSameFacts() {
    Reply reply = sim.say(HANA, "why does alice@example.com's international call go to the front desk?");

    assertThat(reply.tone()).isEqualTo(Reply.Tone.INFO);
    assertThat(PlainTextRenderer.render(reply))
        .contains("International calls of Alice Smith (HQ) go to transfer number 1, +1205553650")
        .contains("custom numbers; the rule is from location HQ");
  }

  @Test
  void why_aCallTypeSentToAnUnsetNumber_saysTheyFailAndHowToFixIt() {
    Reply reply = sim.say(HANA, "why do premium calls from bob@example.com fail?");
    String text = PlainTextRenderer.render(reply);

    assertThat(reply.tone()).isEqualTo(Reply.Tone.WARNING);
    assertThat(text).contains("Premium services I calls of Bob Jones (Austin) go to transfer number 3, which is not set "
        + "(numbers from location Austin), so they fail")
        .contains("Premium services II calls of Bob Jones (Austin) go to no transfer number: they are blocked")
        .contains("set transfer number 3 of location Austin in Control Hub");
  }

  @Test
  void why_aCallTypeNotTransferred_saysWhatHappensInstead() {
    assertThat(say(HANA, "why does bob@example.com's national call go to reception?"))
        .contains("National calls of Bob Jones (Austin) go to no transfer number: they are allowed");
  }

  @Test
  void explain_listsEveryCallTypeAndEveryNumber() {
    String text = say(HANA, "explain transfer numbers for " + BOB);

    assertThat(text).contains("Number 2").contains("not set")
        .contains("Premium services II").contains("blocked")
        .contains("International         → number 1, +1 512 555 0100")
        .contains("To fix it");
    assertThat(text.lines().filter(l -> l.contains("allowed") || l.contains("blocked") || l.contains("→")).count())
        .as(text).isEqualTo(10);
  }

  @Test
  void turningCustomNumbersOn_movesTheSourceToThePerson_andTheUnsetOnesAreFlagged() {
    sim.say(ANA, "custom transfer numbers on for " + BOB);

    assertThat(say(HANA, "transfer numbers for " + BOB)).contains("Bob Jones (Austin): custom.")
        .contains("International → number 1, not set: these calls fail");
  }

  @Test
  void someoneWithoutTheRight_isRefused_andNothingIsRead() {
    int before = sim.simulator.calls().size();

    assertThat(sim.say(PAT, "why does bob@example.com's international call go to the front desk?").tone())
        .isEqualTo(Reply.Tone.DENIED);
    assertThat(sim.simulator.calls().subList(before, sim.simulator.calls().size()))
        .noneMatch(call -> call.path().contains("outgoingPermission"));
  }

  @Test
  void personWithoutCalling_isSaidInWords() {
    assertThat(say(ANA, "explain transfer numbers for carl.nocalling@example.com"))
        .contains("has no Webex Calling transfer settings");
  }
}
