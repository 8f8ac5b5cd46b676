package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.OMAR;
import static dev.switchboard.ops.SimulatedOrg.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ops.FaultyAuditStore.Fault;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Written ahead, read back, one owner: every case ends with what is live in Webex in the audit log, in
 * {@code history} and undoable exactly once, and no automatic step overwrites a later change.
 */
final class WriteAheadTest extends OnASimulatedOrg {

  private List<AuditEntry> outcomes(String action) {
    return sim.audit.entries(e -> e.action().equals(action) && !e.intended());
  }

  @Test
  void fullDisk_writesNothingToWebex_andSaysNothingWasChanged() {
    JsonNode before = sim.simulator.locationIntercept("HQ").deepCopy();
    sim.restart(log -> new FaultyAuditStore(log, Fault.DISK_FULL));

    Reply reply = sim.say(ANA, "intercept on at HQ");

    assertThat(text(reply)).contains("I can't record changes right now, so I changed nothing")
        .contains("No space left on device");
    assertThat(sim.simulator.locationIntercept("HQ")).isEqualTo(before);
    assertThat(sim.simulator.calls()).noneMatch(c -> c.method().equals("PUT"));
  }

  @Test
  void crashAfterTheIntent_beforeTheWrite_isSettledAsNotApplied_andTheThreadIsTold() {
    sim.restart(log -> new FaultyAuditStore(log, Fault.CRASH_AFTER_INTENT));
    assertThatThrownBy(() -> sim.say(ANA, "intercept on at HQ")).isInstanceOf(FaultyAuditStore.Crash.class);
    assertThat(sim.interceptOn("HQ")).isFalse();

    sim.restart(UnaryOperator.identity());
    sim.advance(Duration.ofSeconds(5));

    assertThat(sim.audit.unsettled()).isEmpty();
    assertThat(outcomes("intercept.change")).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.FAILED));
    assertThat(sim.announcer.last()).contains("HQ").contains("did not reach Webex");
    assertThat(text(sim.say(ANA, "undo"))).contains("no change left to undo");
  }

  @Test
  void crashAfterTheWrite_beforeTheOutcome_isSettledAsApplied_inHistory_andUndoneExactlyOnce() {
    JsonNode before = sim.simulator.locationIntercept("HQ").deepCopy();
    sim.restart(log -> new FaultyAuditStore(log, Fault.CRASH_BEFORE_OUTCOME));
    assertThatThrownBy(() -> sim.say(ANA, "intercept on at HQ")).isInstanceOf(FaultyAuditStore.Crash.class);
    assertThat(sim.interceptOn("HQ")).isTrue();

    sim.restart(UnaryOperator.identity());
    assertThat(text(sim.say(ANA, "history"))).contains("outcome not known yet");
    sim.advance(Duration.ofSeconds(5));

    assertThat(outcomes("intercept.change")).singleElement().satisfies(e -> assertThat(e.applied()).isTrue());
    assertThat(sim.announcer.last()).contains("HQ").contains("it was applied").contains("undo");
    assertThat(text(sim.say(ANA, "history"))).contains("intercept on at HQ").doesNotContain("not known");

    assertThat(sim.say(ANA, "undo").tone()).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(sim.simulator.locationIntercept("HQ")).isEqualTo(before);
    assertThat(text(sim.say(ANA, "undo"))).contains("no change left to undo");
  }

  @Test
  void aWriteWhoseAnswerIsLost_isReadBack_andTheReplyNamesWhatIsLive() {
    sim.lostAnswers.method = "PUT";

    Reply reply = sim.say(ANA, "intercept on at HQ");
    sim.lostAnswers.method = null;

    assertThat(sim.interceptOn("HQ")).isTrue();
    assertThat(reply.tone()).as(text(reply)).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(text(reply)).contains("Intercept is now ON at HQ").doesNotContain("Nothing was changed");
    assertThat(outcomes("intercept.change")).singleElement().satisfies(e -> {
      assertThat(e.applied()).isTrue();
      assertThat(e.detail()).contains("answer was lost");
    });
  }

  @Test
  void aTimerNeverUndoesALaterChange_andBothThreadsSayWhy() {
    sim.say(ANA, "intercept on at Denver for 1m");
    Reply off = sim.say(ANA, "intercept off at Denver");
    Reply on = sim.say(OMAR, "intercept on at Denver");

    assertThat(text(off)).contains("Schedule #1").contains("will not switch Denver back");
    // Asked in the schedule's own thread by its requester: the reply says it, and the thread is not told twice.
    assertThat(sim.announcer.said).noneSatisfy(a -> assertThat(a.text()).contains("You changed Denver"));
    sim.advance(Duration.ofSeconds(70));

    assertThat(on.tone()).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(sim.interceptOn("Denver")).isTrue();
    assertThat(outcomes("undo")).isEmpty();
    assertThat(text(sim.say(ANA, "schedules"))).contains("Nothing is planned");
  }

  @Test
  void undoOfATimedChange_cancelsItsSwitchBack() {
    sim.say(ANA, "intercept on at HQ for 1h");

    Reply undone = sim.say(ANA, "undo");
    sim.advance(Duration.ofHours(2));

    assertThat(text(undone)).contains("will not switch HQ back");
    assertThat(sim.interceptOn("HQ")).isFalse();
    assertThat(text(sim.say(ANA, "schedules"))).contains("Nothing is planned");
    assertThat(outcomes("undo")).singleElement().satisfies(e -> assertThat(e.platform()).isEqualTo("CONSOLE"));
  }

  @Test
  void anAnswerThatCouldNotBePosted_startsThePersonsNextAnswerThere_once() {
    Reply change = sim.say(ANA, "intercept on at HQ");
    sim.operations.undelivered(sim.requester(ANA), change);

    assertThat(text(sim.say(ANA, "whoami"))).contains("Earlier, I could not post this here")
        .contains("Intercept is now ON at HQ");
    assertThat(text(sim.say(ANA, "whoami"))).doesNotContain("Earlier");
    assertThat(text(sim.say(OMAR, "whoami"))).doesNotContain("Earlier");
  }
}
