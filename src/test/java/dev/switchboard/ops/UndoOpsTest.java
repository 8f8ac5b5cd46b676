package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.UMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.chat.PlainTextRenderer;
import org.junit.jupiter.api.Test;

final class UndoOpsTest extends OnASimulatedOrg {

  private static String text(Reply reply) {
    return PlainTextRenderer.render(reply);
  }

  @Test
  void undo_singleChange_restoresExactlyTheBeforeState() {
    JsonNode before = sim.simulator.locationIntercept("HQ").deepCopy();
    sim.say(ANA, "intercept on at HQ voicemail announce +12147691003");

    Reply reply = sim.say(ANA, "undo");

    assertThat(reply.tone()).as(text(reply)).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(sim.simulator.locationIntercept("HQ")).isEqualTo(before);
    assertThat(sim.audit.entries(e -> e.action().equals("undo") && !e.intended())).hasSize(1);
  }

  @Test
  void undo_isAStack_eachUndoRevertsThePreviousChange() {
    JsonNode original = sim.simulator.locationIntercept("HQ").deepCopy();
    sim.say(ANA, "intercept on at HQ");
    sim.say(ANA, "intercept on at HQ voicemail");

    sim.say(ANA, "undo");
    assertThat(sim.interceptOn("HQ")).isTrue();
    assertThat(sim.simulator.locationIntercept("HQ").at("/incoming/voicemailEnabled").asBoolean()).isFalse();

    sim.say(ANA, "undo");
    assertThat(sim.simulator.locationIntercept("HQ")).isEqualTo(original);

    assertThat(text(sim.say(ANA, "undo"))).contains("no change left to undo");
  }

  @Test
  void undo_targetChangedSinceBySomeoneElse_isLeftAlone_andNamesThem() {
    sim.say(ANA, "intercept on at HQ");
    sim.say(UMA, "intercept off at HQ");

    Reply reply = sim.say(ANA, "undo");

    assertThat(text(reply)).contains("left alone").contains(UMA);
    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  /** Uma turned it off and on again: it looks as Ana left it, but Uma's later change is hers, and stands. */
  @Test
  void undo_targetChangedSinceBySomeoneElse_andBackAgain_isStillLeftAlone() {
    sim.say(ANA, "intercept on at HQ");
    sim.say(UMA, "intercept off at HQ");
    sim.say(UMA, "intercept on at HQ");

    Reply reply = sim.say(ANA, "undo");

    assertThat(text(reply)).contains("Nothing was undone").contains("left alone").contains(UMA);
    assertThat(sim.interceptOn("HQ")).isTrue();
    assertThat(sim.audit.entries(e -> e.action().equals("undo") && e.outcome() == AuditEntry.Outcome.SKIPPED))
        .hasSize(1);
  }

  @Test
  void undo_transferNumberSetAgainBySomeoneElse_toTheSameValue_isLeftAlone() {
    sim.say(ANA, "set transfer number 1 for alice@example.com to +12145550001");
    sim.say(UMA, "set transfer number 1 for alice@example.com to +12145550002");
    sim.say(UMA, "set transfer number 1 for alice@example.com to +12145550001");

    assertThat(text(sim.say(ANA, "undo"))).contains("left alone").contains(UMA);
    assertThat(sim.simulator.transferNumbers(ALICE).get("autoTransferNumber1").asText()).isEqualTo("+12145550001");
  }

  @Test
  void undo_targetChangedOutsideSwitchboard_isLeftAlone_andSaysSo() {
    sim.say(ANA, "intercept on at HQ");
    String hq = sim.org.locationId("HQ");
    sim.client.putLocationIntercept(hq, sim.client.locationIntercept(hq).withEnabled(false));

    assertThat(text(sim.say(ANA, "undo"))).contains("changed outside Switchboard since your change");
  }

  @Test
  void undo_onlyTheRequestersOwnChanges() {
    sim.say(ANA, "intercept on at HQ");

    assertThat(text(sim.say(UMA, "undo"))).contains("no change left to undo");
    assertThat(sim.interceptOn("HQ")).isTrue();
  }

  @Test
  void undo_severalLocations_showsAPreviewFirst() {
    sim.say(ANA, "intercept on at Austin, Denver");
    sim.say(ANA, "yes");

    Reply preview = sim.say(ANA, "undo");
    assertThat(preview.buttons()).extracting(Reply.Button::action).contains(Reply.Action.CONFIRM);
    assertThat(sim.interceptOn("Austin")).isTrue();

    String done = text(sim.say(ANA, "yes"));
    assertThat(sim.interceptOn("Austin")).isFalse();
    assertThat(sim.interceptOn("Denver")).isFalse();
    // what each is now, as read back, not a bare "restored"
    assertThat(done).contains("- Austin: back to intercept off").contains("- Denver: back to intercept off")
        .doesNotContain("restored");
  }

  /** PRODUCT.md: bulk undo says what each location goes back to, within the preview's N + 3 lines. */
  @Test
  void undo_severalLocations_previewSaysWhatEachGoesBackTo() {
    sim.say(ANA, "intercept on at Austin, Denver voicemail");
    sim.say(ANA, "yes");

    String preview = text(sim.say(ANA, "undo"));

    assertThat(preview).contains("- Austin: intercept on → off; voicemail on → off")
        .contains("- Denver: intercept on → off; voicemail on → off");
    assertThat(preview.lines().count()).as(preview).isLessThanOrEqualTo(2 + 3);
  }

  @Test
  void undo_transferNumber_restoresTheSeededNumbersAsTheyWere() {
    JsonNode before = sim.simulator.transferNumbers(ALICE).deepCopy();
    sim.say(ANA, "clear transfer number 2 for alice@example.com");
    assertThat(sim.simulator.transferNumbers(ALICE)).isNotEqualTo(before);

    int mark = sim.simulator.calls().size();
    sim.say(ANA, "undo");

    assertThat(sim.simulator.transferNumbers(ALICE)).isEqualTo(before);
    // Alice's location (for the permission check and her region) is read once for the undo, not per use.
    String alice = "/people/" + sim.org.personId(ALICE);
    assertThat(sim.simulator.calls().subList(mark, sim.simulator.calls().size()))
        .filteredOn(c -> c.method().equals("GET") && c.path().equals(alice)).hasSize(1);
  }

  @Test
  void undo_afterRestart_readsTheAuditLog() {
    sim.say(ANA, "intercept on at HQ");
    SimulatedOrg restarted = new SimulatedOrg(dataDir);
    try {
      // A fresh simulator: HQ is off there, so the restarted bot must say it changed outside.
      assertThat(text(restarted.say(ANA, "undo"))).contains("changed outside Switchboard");
      assertThat(restarted.audit.entries(e -> e.action().equals("intercept.change") && !e.intended())).hasSize(1);
    } finally {
      restarted.close();
    }
  }

  @Test
  void history_showsNewestFirst_withWhoAndWhat() {
    sim.say(ANA, "intercept on at HQ");
    sim.say(UMA, "intercept off at HQ");

    String history = text(sim.say(ANA, "history HQ"));

    assertThat(history.indexOf(UMA)).isLessThan(history.indexOf(ANA + " · HQ"));
    assertThat(history).contains("intercept on at HQ").contains("intercept off at HQ");
  }

  @Test
  void undo_thatFailed_staysOnTheStack_soTheNextUndoRetriesIt() {
    sim.say(ANA, "intercept on at Austin");
    sim.say(ANA, "intercept on at HQ");
    sim.simulator.faults().failNext("PUT", "/telephony/config/locations/" + sim.org.locationId("HQ") + "/intercept",
        400);

    assertThat(text(sim.say(ANA, "undo"))).contains("failed");
    assertThat(sim.interceptOn("HQ")).isTrue();

    sim.say(ANA, "undo");
    assertThat(sim.interceptOn("HQ")).as("the retried undo reverts HQ").isFalse();
    assertThat(sim.interceptOn("Austin")).as("not the older change").isTrue();
  }
}
