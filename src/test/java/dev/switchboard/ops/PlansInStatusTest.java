package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.ops.SimulatedOrg.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sim.SimulatorOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans are visible where people look: status shows each location's next planned step, and never hides an ON one. */
final class PlansInStatusTest {

  @TempDir
  Path dataDir;

  @Test
  void statusOfOneLocation_showsItsPendingPlan() {
    try (SimulatedOrg sim = new SimulatedOrg(dataDir)) {
      sim.say(ANA, "intercept on at HQ for 2h");

      assertThat(text(sim.say(ANA, "intercept status at HQ")))
          .contains("Planned: goes back to how it was Wed 25 Nov 05:00 CST")
          .contains("(schedule #1 by Ana Admin)");
      assertThat(text(sim.say(ANA, "intercept status at Denver"))).doesNotContain("Planned");
    }
  }

  @Test
  void statusOfManyLocations_listsOnFirst_andShortensOnlyTheOffOnes() {
    try (SimulatedOrg sim = new SimulatedOrg(dataDir, SimulatorOptions.defaults().withExtraLocations(200))) {
      sim.say(ANA, "intercept on at HQ for 2h");

      String status = text(sim.say(ANA, "intercept status at all"));

      assertThat(status).contains("Intercept is on at 2 locations of 208.");
      assertThat(status.indexOf("HQ: ON")).isLessThan(status.indexOf(": off"));
      assertThat(status.indexOf("Sydney: ON")).isLessThan(status.indexOf(": off"));
      assertThat(status).contains("HQ: ON").contains("goes back to how it was").contains("more, all off.");
    }
  }
}
