package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ALICE_JONES;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.BOB;
import static dev.switchboard.DemoPeople.HANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.PlainTextRenderer;
import org.junit.jupiter.api.Test;

/** People named the way people name them, against the demo org: near spellings, one name, a handle, several. */
final class PeopleByNameTest extends OnASimulatedOrg {

  private String say(String who, String text) {
    return PlainTextRenderer.render(sim.say(who, text));
  }

  private long peopleCalls() {
    return sim.simulator.calls().stream().filter(c -> c.path().startsWith("/v1/people")).count();
  }

  @Test
  void aNearSpelling_findsThePerson_inAtMostThreePeopleCalls() {
    sim.simulator.clearCalls();
    String alise = say(HANA, "transfer numbers for Alise Smith");
    long calls = peopleCalls();

    assertThat(alise).contains("Transfer numbers for Alice Smith").contains("+1205553651");
    assertThat(calls).isLessThanOrEqualTo(3 + 1); // the search, the directory page, the person; + the requester's roles
    assertThat(say(HANA, "transfer numbers for Bob Jnoes")).contains("Transfer numbers for Bob Jones");
  }

  @Test
  void aSurnameOrFirstNameAlone_findsThePersonWhenUnique() {
    assertThat(say(HANA, "transfer numbers for Smith")).contains("Transfer numbers for Alice Smith");
    assertThat(say(HANA, "transfer numbers for SMITH")).contains("Transfer numbers for Alice Smith");
    assertThat(say(HANA, "transfer numbers for Bob")).contains("Transfer numbers for Bob Jones");
  }

  @Test
  void aHandle_isTheEmailsLocalPart() {
    assertThat(say(HANA, "transfer numbers for @bob")).contains("Transfer numbers for Bob Jones");
    assertThat(say(HANA, "transfer numbers for @nobody")).contains("No one").contains("nobody@");
  }

  @Test
  void severalFit_areNumbered_andTheNumberRunsTheLineForThatPerson() {
    String asked = say(HANA, "transfer numbers for Jones");

    assertThat(asked).contains("matches several people").contains("1. Alice Jones").contains("2. Bob Jones")
        .contains("Reply 1 or 2");
    assertThat(say(HANA, "yes")).contains("Reply 1 or 2 to choose");
    assertThat(say(HANA, "2")).contains("Transfer numbers for Bob Jones");
    assertThat(say(HANA, "2")).contains("Nothing is waiting");
  }

  @Test
  void aChoice_isAuthorizedAsTyped_andChangesOnlyThatPerson() {
    String asked = say(ANA, "set transfer number 3 for Alice to +12055550199");
    assertThat(asked).contains("1. Alice Smith").contains("2. Alice Jones");

    String done = say(ANA, "#2");

    assertThat(done).contains("Transfer number 3 of Alice Jones is now +1 205 555 0199");
    assertThat(sim.simulator.transferNumbers(ALICE_JONES).toString()).contains("+12055550199");
    assertThat(sim.simulator.transferNumbers(ALICE).toString()).doesNotContain("+12055550199");
  }

  @Test
  void aChange_neverActsOnANearSpelling_itAsks() {
    String asked = say(ANA, "set transfer number 3 for Bob Jnoes to +12055550198");

    assertThat(asked).contains("did you mean this person?").contains("1. Bob Jones").contains("Reply 1 within");
    assertThat(sim.simulator.transferNumbers(BOB).toString()).doesNotContain("+12055550198");
    assertThat(say(ANA, "1")).contains("Transfer number 3 of Bob Jones is now +1 205 555 0198");
  }

  @Test
  void anotherMessage_dropsTheChoices() {
    say(HANA, "transfer numbers for Jones");
    say(HANA, "intercept status at HQ");

    assertThat(say(HANA, "1")).contains("Nothing is waiting");
  }

  @Test
  void aNumber_withAPreviewWaiting_doesNotConfirmIt() {
    say(ANA, "intercept on at Austin, Denver");

    assertThat(say(ANA, "1")).contains("nothing numbered to choose from");
    assertThat(sim.interceptOn("Austin")).isFalse();
    assertThat(say(ANA, "yes")).contains("Austin");
    assertThat(sim.interceptOn("Austin")).isTrue();
  }

  @Test
  void severalPeopleInOneLookUp_eachIsShown_andOneNotFoundIsNamed() {
    String reply = say(HANA, "transfer numbers for Alice Smith and Bob Jones");

    assertThat(reply).contains("Transfer numbers for 2 people").contains("Alice Smith").contains("Bob Jones")
        .contains("+1205553651");
    assertThat(say(HANA, "transfer numbers for alice@example.com, nobody@example.com"))
        .contains("Alice Smith").contains("nobody@example.com").contains("No one in this organisation");
  }

  @Test
  void myTransferNumbers_areTheRequestersOwn() {
    assertThat(say(ANA, "my transfer numbers")).contains("Transfer numbers for Ana Admin");
  }

  @Test
  void anEmailATypoAway_isOffered_neverTaken_andTheNumberRunsIt() {
    String asked = say(HANA, "transfer numbers for alise@example.com");

    assertThat(asked).contains("No one has the email alise@example.com; did you mean this person?")
        .contains("1. Alice Smith (alice@example.com)").contains("Reply 1 within").doesNotContain("+1205553651");
    assertThat(say(HANA, "1")).contains("Transfer numbers for Alice Smith").contains("+1205553651");
  }

  @Test
  void aChange_toAnEmailATypoAway_asks_andChangesNothingUntilChosen() {
    String asked = say(ANA, "set transfer number 3 for bbo@example.com to +12055550197");

    assertThat(asked).contains("did you mean this person?").contains("1. Bob Jones (bob@example.com)");
    assertThat(sim.simulator.transferNumbers(BOB).toString()).doesNotContain("+12055550197");
    assertThat(say(ANA, "1")).contains("Transfer number 3 of Bob Jones is now +1 205 555 0197");
  }

  @Test
  void anEmailNearNoOne_isAClearAnswer() {
    assertThat(say(HANA, "transfer numbers for zed.quux@example.com"))
        .contains("No one in this organisation has the email zed.quux@example.com.");
  }

  @Test
  void nobodyNearTheName_isAClearAnswer() {
    assertThat(say(HANA, "transfer numbers for Zebedee Quux")).contains("No one in this organisation is called")
        .contains("Zebedee Quux");
  }
}
