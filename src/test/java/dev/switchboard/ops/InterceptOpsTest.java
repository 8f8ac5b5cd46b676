package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.HANA;
import static dev.switchboard.DemoPeople.LEO;
import static dev.switchboard.DemoPeople.UMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.chat.PlainTextRenderer;
import dev.switchboard.sim.RecordedCall;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class InterceptOpsTest extends OnASimulatedOrg {

  private static String text(Reply reply) {
    return PlainTextRenderer.render(reply);
  }

  private List<RecordedCall> writes() {
    return sim.simulator.calls().stream().filter(c -> c.method().equals("PUT")).toList();
  }

  @Test
  void interceptOn_singleLocation_changesOnlyEnabled_andShowsBeforeAfter() {
    JsonNode before = sim.simulator.locationIntercept("HQ").deepCopy();

    Reply reply = sim.say(ANA, "intercept on at HQ");

    assertThat(reply.tone()).as(text(reply)).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(text(reply)).contains("Intercept is now ON at HQ").contains("off -> on");
    JsonNode after = sim.simulator.locationIntercept("HQ");
    assertThat(after.get("enabled").asBoolean()).isTrue();
    assertThat(after.get("incoming")).isEqualTo(before.get("incoming"));
    assertThat(after.get("outgoing")).isEqualTo(before.get("outgoing"));
    assertThat(reply.buttons()).extracting(Reply.Button::action).containsExactly(Reply.Action.UNDO);
  }

  @Test
  void interceptOn_warm_makesThreeCallingCalls_readWriteReadBack() {
    sim.say(ANA, "intercept status at HQ");
    sim.simulator.clearCalls();

    sim.say(ANA, "intercept on at HQ");

    assertThat(sim.simulator.calls()).extracting(c -> c.method() + " " + c.path()).containsExactly(
        "GET /telephony/config/locations/" + sim.org.locationId("HQ") + "/intercept",
        "PUT /telephony/config/locations/" + sim.org.locationId("HQ") + "/intercept",
        "GET /telephony/config/locations/" + sim.org.locationId("HQ") + "/intercept");
  }

  @Test
  void interceptOn_isAudited_withBeforeAfterAndTrackingId() {
    sim.say(ANA, "intercept on at HQ");

    AuditEntry entry = sim.audit.entries().get(sim.audit.entries().size() - 1);
    assertThat(entry.action()).isEqualTo("intercept.change");
    assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.APPLIED);
    assertThat(entry.requesterEmail()).isEqualTo(ANA);
    assertThat(entry.command()).isEqualTo("intercept on at HQ");
    assertThat(entry.targetName()).isEqualTo("HQ");
    assertThat(entry.before().get("enabled").asBoolean()).isFalse();
    assertThat(entry.after().get("enabled").asBoolean()).isTrue();
    assertThat(entry.trackingIds()).hasSize(1);
  }

  @Test
  void interceptOn_withOptions_writesNormalisedNumbers_andKeepsTheRest() {
    Reply reply = sim.say(ANA, "intercept on at HQ voicemail announce (214) 769-1003 zero +1 214 769 1005 "
        + "outbound local-only outbound to +12147691007");

    assertThat(reply.tone()).as(text(reply)).isEqualTo(Reply.Tone.SUCCESS);
    JsonNode s = sim.simulator.locationIntercept("HQ");
    assertThat(s.get("enabled").asBoolean()).isTrue();
    assertThat(s.at("/incoming/voicemailEnabled").asBoolean()).isTrue();
    assertThat(s.at("/incoming/announcements/newNumber/enabled").asBoolean()).isTrue();
    assertThat(s.at("/incoming/announcements/newNumber/destination").asText()).isEqualTo("+12147691003");
    assertThat(s.at("/incoming/announcements/zeroTransfer/destination").asText()).isEqualTo("+12147691005");
    assertThat(s.at("/outgoing/type").asText()).isEqualTo("ALLOW_LOCAL_ONLY");
    assertThat(s.at("/outgoing/transferEnabled").asBoolean()).isTrue();
    assertThat(s.at("/outgoing/destination").asText()).isEqualTo("+12147691007");
  }

  /** The change, its status and its undo name a number one way: grouped, as the transfer-number look-up does. */
  @Test
  void interceptOn_withANumber_showsItAsStatusDoes() {
    String changed = text(sim.say(ANA, "intercept on at HQ announce +12147691003"));
    String status = text(sim.say(ANA, "intercept status at HQ"));
    String all = text(sim.say(ANA, "intercept status"));

    assertThat(changed).contains("off -> +1 214 769 1003").doesNotContain("+12147691003");
    assertThat(status).contains("+1 214 769 1003").doesNotContain("+12147691003");
    assertThat(all).contains("HQ: ON (announce new number +1 214 769 1003)");
  }

  @Test
  void interceptOn_badNumber_answersClearly_andMakesNoCall() {
    sim.say(ANA, "intercept status at HQ");
    sim.simulator.clearCalls();

    Reply reply = sim.say(ANA, "intercept on at HQ announce +1 555 0100");

    assertThat(reply.tone()).isIn(Reply.Tone.WARNING, Reply.Tone.INFO);
    assertThat(text(reply)).contains("Nothing was changed");
    assertThat(sim.simulator.calls()).isEmpty();
  }

  @Test
  void interceptOn_unknownLocation_suggestsClosest_andChangesNothing() {
    Reply reply = sim.say(ANA, "intercept on at Austn");

    assertThat(text(reply)).contains("Did you mean").contains("Austin");
    assertThat(writes()).isEmpty();
  }

  @Test
  void interceptOn_alreadyOn_changesNothing() {
    Reply reply = sim.say(ANA, "intercept on at Sydney");

    assertThat(text(reply)).contains("already");
    assertThat(writes()).isEmpty();
  }

  @Test
  void interceptOn_allowAllInbound_saysItInterceptsNoIncomingCalls() {
    Reply reply = sim.say(ANA, "intercept on at HQ inbound allow-all");

    assertThat(text(reply)).contains("allow all").contains("no incoming call is intercepted");
  }

  @Test
  void refusal_isAudited_andNamesTheRole() {
    Reply reply = sim.say(HANA, "intercept on at HQ");

    assertThat(reply.tone()).isEqualTo(Reply.Tone.DENIED);
    assertThat(text(reply)).contains("needs").contains("on-call");
    assertThat(sim.audit.entries()).anySatisfy(e -> {
      assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
      assertThat(e.requesterEmail()).isEqualTo(HANA);
    });
    assertThat(writes()).isEmpty();
  }

  @Test
  void status_all_listsEveryCallingLocation() {
    Reply reply = sim.say(HANA, "intercept status");

    assertThat(text(reply)).contains("Intercept is on at 1 location of 8").contains("Sydney: ON");
  }

  @Test
  void severalLocations_previewThenYes_appliesBoth() {
    Reply preview = sim.say(ANA, "intercept on at Austin and Denver");

    assertThat(preview.tone()).as(text(preview)).isEqualTo(Reply.Tone.WARNING);
    assertThat(text(preview)).contains("Austin").contains("Denver").contains("confirm");
    assertThat(preview.buttons()).extracting(Reply.Button::action)
        .containsExactly(Reply.Action.CONFIRM, Reply.Action.CANCEL);
    assertThat(writes()).isEmpty();

    Reply done = sim.say(ANA, "yes");

    assertThat(done.tone()).as(text(done)).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(sim.interceptOn("Austin")).isTrue();
    assertThat(sim.interceptOn("Denver")).isTrue();
    assertThat(sim.audit.entries(e -> e.action().equals("intercept.change") && !e.intended())).hasSize(2)
        .extracting(AuditEntry::batch).containsOnly(sim.audit.entries(e -> e.action().equals("intercept.change") && !e.intended())
            .get(0).batch());
  }

  /** The answer to yes is the headline and what each location is now, not the preview's before → after again. */
  @Test
  void severalLocations_yes_saysWhatEachIsNow_notThePreviewAgain() {
    String preview = text(sim.say(ANA, "intercept on at Austin, Denver voicemail"));
    String done = text(sim.say(ANA, "yes"));

    assertThat(preview).contains("- Austin: intercept off → on; voicemail off → on");
    assertThat(done).contains("Intercept changed at 2 of 2 locations.")
        .contains("- Austin: intercept on; voicemail on").contains("- Denver: intercept on; voicemail on")
        .doesNotContain("→");
  }

  @Test
  void confirmation_bySomeoneElse_isRefused_andTheRequesterCanStillConfirm() {
    sim.say(ANA, "intercept on at Austin, Denver");

    Reply other = sim.say(UMA, "yes");
    assertThat(other.tone()).isEqualTo(Reply.Tone.DENIED);
    assertThat(text(other)).contains("Only");
    assertThat(sim.interceptOn("Austin")).isFalse();

    sim.say(ANA, "yes");
    assertThat(sim.interceptOn("Austin")).isTrue();
  }

  @Test
  void confirmation_afterTwoMinutes_hasExpired_andChangesNothing() {
    sim.say(ANA, "intercept on at Austin, Denver");
    sim.time.advance(Duration.ofMinutes(2).plusSeconds(1));

    Reply reply = sim.say(ANA, "yes");

    assertThat(text(reply)).contains("expired");
    assertThat(sim.interceptOn("Austin")).isFalse();
    assertThat(writes()).isEmpty();
  }

  @Test
  void cancel_dropsThePendingChange() {
    sim.say(ANA, "intercept on at Austin, Denver");

    assertThat(text(sim.say(ANA, "cancel"))).contains("Cancelled");
    assertThat(text(sim.say(ANA, "yes"))).contains("Nothing is waiting");
    assertThat(writes()).isEmpty();
  }

  @Test
  void confirm_locationChangedSincePreview_isShownAgain_othersApplied() {
    sim.say(ANA, "intercept on at Austin, Denver");
    String denver = sim.org.locationId("Denver");
    InterceptSettings current = sim.client.locationIntercept(denver);
    sim.client.putLocationIntercept(denver, current.withIncoming(current.incoming().withVoicemailEnabled(true)));

    Reply reply = sim.say(ANA, "yes");

    assertThat(sim.interceptOn("Austin")).isTrue();
    assertThat(sim.interceptOn("Denver")).isFalse();
    assertThat(text(reply)).contains("Changed since your preview").contains("Denver");
    assertThat(reply.buttons()).extracting(Reply.Button::action).contains(Reply.Action.CONFIRM);

    sim.say(ANA, "yes");
    assertThat(sim.interceptOn("Denver")).isTrue();
    assertThat(sim.simulator.locationIntercept("Denver").at("/incoming/voicemailEnabled").asBoolean()).isTrue();
  }

  @Test
  void bulk_rateLimitedAndOneLocationFailing_reportsEachOutcome() {
    sim.say(ANA, "intercept status at all");
    sim.simulator.faults().rateLimitNext("/telephony/config/locations", 429, 2);
    sim.simulator.faults().failNext("PUT", "/telephony/config/locations/" + sim.org.locationId("London")
        + "/intercept", 503, 10);

    sim.say(ANA, "intercept on at all");
    Reply reply = sim.say(ANA, "yes");

    String text = text(reply);
    assertThat(reply.tone()).as(text).isEqualTo(Reply.Tone.WARNING);
    assertThat(text).contains("Intercept changed at 6 of 7 locations; 1 failed.").contains("London: failed");
    for (String name : List.of("HQ", "HQ-East", "HQ-West", "Austin", "Denver", "Bangalore")) {
      assertThat(sim.interceptOn(name)).as(name).isTrue();
    }
    assertThat(sim.interceptOn("London")).isFalse();
    assertThat(sim.time.sleeps()).isNotEmpty();
    assertThat(sim.audit.entries(e -> e.outcome() == AuditEntry.Outcome.FAILED))
        .extracting(AuditEntry::targetName).containsExactly("London");
  }

  @Test
  void confirm_whileShuttingDown_startsNoLocation_andSaysSo() {
    sim.say(ANA, "intercept on at Austin, Denver");
    sim.operations.beginShutdown();

    Reply reply = sim.say(ANA, "yes");

    assertThat(text(reply)).contains("Stopped after 0 of 2 locations (shutting down).")
        .contains("Austin: not started (shutting down)");
    assertThat(writes()).isEmpty();
  }

  @Test
  void confirm_movedLocationAlreadyAsAsked_saysSoInsteadOfPromisingAPreview() {
    sim.say(ANA, "intercept on at Austin, Denver");
    sim.say(UMA, "intercept on at Denver");

    Reply reply = sim.say(ANA, "yes");

    assertThat(text(reply)).contains("Changed since your preview").contains("Nothing to change")
        .contains("already looks like that at Denver");
    assertThat(sim.interceptOn("Austin")).isTrue();
  }

  @Test
  void locationAdmin_all_isToldWhichLocationsAreTheirs() {
    Reply reply = sim.say(LEO, "intercept on at all");

    assertThat(reply.tone()).isEqualTo(Reply.Tone.DENIED);
    assertThat(text(reply)).contains("only at Austin and Denver").contains("intercept on at Austin and Denver");
    assertThat(writes()).isEmpty();
  }

  /** "my sites" is a location admin's own locations, and every location for an admin. */
  @Test
  void mySites_areTheLocationAdminsOwn_andEveryLocationForAnAdmin() {
    Reply leo = sim.say(LEO, "intercept on at my sites");

    assertThat(text(leo)).contains("Austin").contains("Denver").doesNotContain("You may");
    assertThat(text(sim.say(LEO, "yes"))).contains("Austin").contains("Denver");
    assertThat(sim.interceptOn("Austin")).isTrue();
    assertThat(sim.interceptOn("Denver")).isTrue();
    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(text(sim.say(ANA, "intercept status at my sites"))).contains("HQ").contains("Austin");
  }

  @Test
  void locationWithoutCalling_isNamedAsSuch() {
    assertThat(text(sim.say(ANA, "intercept status at warehouse"))).contains("Warehouse has no Webex Calling");
  }
}
