package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.ops.SimulatedOrg.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled start (one planned for later) keeps the promises a timed change typed now keeps: at a location already
 * as asked its end still switches back, and a start whose outcome is not known is settled from Webex, never
 * abandoned — its end then runs.
 */
final class ScheduledStartOutcomesTest {

  @TempDir
  Path dataDir;
  private SimulatedOrg sim;

  @BeforeEach
  void start() {
    sim = new SimulatedOrg(dataDir); // Wed 25 Nov 03:00 at HQ (America/Chicago)
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aStartFindingTheLocationAlreadyOn_stillSwitchesItOffAtTheEnd() {
    sim.say(ANA, "intercept on at HQ"); // on since the night before; the plan is to end it at 06:00
    assertThat(text(sim.say(ANA, "intercept on at HQ from 05:00 until 06:00"))).contains("schedule #1");

    sim.advance(Duration.ofHours(2));

    assertThat(sim.interceptOn("HQ")).isTrue();
    assertThat(sim.announcer.last()).contains("Schedule #1").contains("HQ: already ON; it goes off");
    assertThat(text(sim.say(ANA, "schedules"))).contains("#1");

    sim.advance(Duration.ofHours(1));

    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  @Test
  void aStartWhoseAnswerIsLostAndCannotBeRead_isSettledFromWebex_andItsEndStillRuns() {
    sim.say(ANA, "intercept on at HQ from 05:00 until 06:00");
    sim.lostAnswers.method = "PUT";
    sim.lostAnswers.blindAfterLoss = true;

    sim.advance(Duration.ofHours(2));

    assertThat(sim.interceptOn("HQ")).as("the write reached Webex").isTrue();
    assertThat(sim.announcer.last()).startsWith("[!]")
        .contains("HQ: not known yet").contains("Webex did not answer").doesNotContain("Nothing was changed");

    sim.lostAnswers.method = null;
    sim.lostAnswers.blind = false;
    sim.advance(Duration.ofMinutes(1));

    assertThat(sim.announcer.said).anySatisfy(a -> assertThat(a.text()).contains("have read Webex since: it was applied"));
    assertThat(sim.audit.entries(e -> e.applied() && !e.intended() && e.action().equals(Audit.INTERCEPT)))
        .singleElement().satisfies(e -> assertThat(e.targetName()).isEqualTo("HQ"));

    sim.advance(Duration.ofMinutes(59));

    assertThat(sim.interceptOn("HQ")).as("the end still ran").isFalse();
  }
}
