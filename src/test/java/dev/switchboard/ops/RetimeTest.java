package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.OMAR;
import static dev.switchboard.ops.SimulatedOrg.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** "make it 2 hours": the asker's last intercept change with another time, offered for yes. */
final class RetimeTest extends OnASimulatedOrg {

  @Test
  void anotherTime_isOfferedAsTheLastChangeWithIt_andItsYesTakesOverTheFirstPlan() {
    sim.say(OMAR, "intercept on at HQ for 1h with voicemail");

    String offered = text(sim.say(OMAR, "make it 2 hours"));
    assertThat(offered).contains("Shall I run intercept on at HQ with voicemail for 2 hours?");
    String yes = text(sim.say(OMAR, "yes"));
    assertThat(yes).contains("already").contains("schedule #2").contains("in 2 h");
    assertThat(yes).contains("Schedule #1").contains("takes over");

    sim.advance(Duration.ofMinutes(61)); // the first plan's end passes: it was taken over, so HQ stays on
    assertThat(sim.interceptOn("HQ")).isTrue();
    sim.advance(Duration.ofMinutes(60));
    assertThat(sim.interceptOn("HQ")).isFalse();
  }

  @Test
  void anUnclearTime_isAskedAbout_andNoChangeOfTheAskersMeansNothingToRetime() {
    assertThat(text(sim.say(ANA, "make it 2 hours"))).contains("I have no intercept change of yours here");
    sim.say(ANA, "intercept on at Austin until 5pm");

    assertThat(text(sim.say(ANA, "make it 7"))).contains("could be 7am or 7pm");
    // another person's change is not the asker's to retime
    assertThat(text(sim.say(OMAR, "actually until 6pm"))).contains("I have no intercept change of yours here");
    assertThat(text(sim.say(ANA, "yes"))).doesNotContain("Intercept is now");
  }
}
