package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.ops.SimulatedOrg.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ops.FaultyAuditStore.Fault;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A timed change at a location already as asked plans the end anyway (the storm case: on since last night,
 * "keep it on and switch it off in two hours"); schedule numbers are only ever shown for schedules that exist.
 */
final class TimedAlreadyThereTest extends OnASimulatedOrg {

  private boolean voicemail(String location) {
    return sim.simulator.locationIntercept(location).at("/incoming/voicemailEnabled").asBoolean();
  }

  @Test
  void alreadyOn_forTwoHours_saysSo_andSwitchesOffAtTheEnd_keepingTheOtherSettings_acrossARestart() {
    sim.say(ANA, "intercept on at HQ voicemail");

    Reply reply = sim.say(ANA, "intercept on at HQ for 2h");

    assertThat(text(reply)).contains("already looks like that")
        .contains("HQ is already ON; it goes off Wed 25 Nov 05:00 CST").contains("(schedule #1)");
    assertThat(text(sim.say(ANA, "schedules"))).contains("#1").contains("HQ");

    sim.restart(UnaryOperator.identity());
    sim.advance(Duration.ofMinutes(119));
    assertThat(sim.interceptOn("HQ")).isTrue();
    sim.advance(Duration.ofMinutes(1));

    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(voicemail("HQ")).isTrue();
    assertThat(sim.announcer.last()).contains("Schedule #1").contains("HQ: intercept switched off");
  }

  @Test
  void alreadyOn_thenSwitchedOffOutsideSwitchboard_theEndLeavesItAlone() {
    sim.say(ANA, "intercept on at HQ");
    sim.say(ANA, "intercept on at HQ for 1h");
    String hq = sim.org.locationId("HQ"); // changed behind Switchboard's back, straight through the API:
    sim.client.putLocationIntercept(hq, sim.client.locationIntercept(hq).withEnabled(false));

    sim.advance(Duration.ofHours(1));

    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(sim.announcer.last()).contains("left alone: changed outside Switchboard since");
  }

  @Test
  void severalLocations_someAlreadyOn_eachGetsItsEnd() {
    sim.say(ANA, "intercept on at Austin");

    Reply preview = sim.say(ANA, "intercept on at Austin, Denver for 1h");
    assertThat(text(preview)).contains("Denver").contains("Already like that, left alone: Austin")
        .contains("switched off there too");
    Reply done = sim.say(ANA, "yes");
    assertThat(text(done)).contains("Austin is already ON; it goes off");

    sim.advance(Duration.ofHours(2));

    assertThat(sim.interceptOn("Austin")).isFalse();
    assertThat(sim.interceptOn("Denver")).isFalse();
  }

  /** Every location already as asked: the preview and the answer say so in their titles, with no "0 locations". */
  @Test
  void severalLocations_allAlreadyOn_thePreviewSaysOnlyTheEndIsPlanned() {
    sim.say(ANA, "intercept on at Austin, Denver");
    sim.say(ANA, "yes");

    String preview = text(sim.say(ANA, "intercept on at Austin, Denver for 1h"));
    assertThat(preview).contains("Preview: intercept is already ON at Austin and Denver, so nothing changes now; at "
        + "the end it is switched off there, if you confirm.").doesNotContain("0 locations")
        .doesNotContain("Already like that, left alone");
    String done = text(sim.say(ANA, "yes"));
    assertThat(done).contains("Nothing changed: intercept already looks like that at Austin and Denver.")
        .contains("(schedule #1)").doesNotContain("0 of 2").doesNotContain("already like that; nothing changed");

    sim.advance(Duration.ofHours(2));
    assertThat(sim.interceptOn("Austin")).isFalse();
    assertThat(sim.interceptOn("Denver")).isFalse();
  }

  @Test
  void aTimedChangeThatPlansNothing_givesItsNumberBack() {
    sim.restart(log -> new FaultyAuditStore(log, Fault.DISK_FULL));
    assertThat(text(sim.say(ANA, "intercept on at HQ for 1h"))).contains("I can't record changes right now")
        .doesNotContain("schedule #");

    sim.restart(UnaryOperator.identity());
    assertThat(text(sim.say(ANA, "intercept on at Denver for 1h"))).contains("(schedule #1)");
    assertThat(text(sim.say(ANA, "cancel schedule 2"))).contains("There is no schedule #2");
  }
}
