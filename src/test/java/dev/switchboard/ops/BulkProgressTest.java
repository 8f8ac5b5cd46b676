package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sim.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long bulk work keeps the requester told: one progress message, edited in place, ending with the outcome. */
final class BulkProgressTest {

  @TempDir Path dataDir;

  @Test
  void bulkChangeOver200Locations_progressMessageIsEditedInPlace_andEndsWithTheOutcome() {
    try (SimulatedOrg sim = new SimulatedOrg(dataDir, SimulatorOptions.defaults().withExtraLocations(200))) {
      Reply preview = sim.say(ANA, "intercept on at all");
      assertThat(preview.buttons()).extracting(Reply.Button::action).contains(Reply.Action.CONFIRM);
      // each Webex call takes 100 ms of the fake clock, so the run lasts about a minute of it
      sim.lostAnswers.perCall = Duration.ofMillis(100);

      Reply outcome = sim.say(ANA, "yes");

      List<Reply> shown = sim.announcer.progress;
      assertThat(shown.get(0).title()).startsWith("Changing intercept at ").endsWith(" locations…");
      List<Reply> steps = shown.subList(1, shown.size() - 1);
      assertThat(steps).isNotEmpty().allSatisfy(step -> assertThat(step.title()).contains(" done…"));
      // Webex allows ten edits of a message: at most eight steps and the outcome
      assertThat(shown.size() - 1).isLessThanOrEqualTo(BulkProgress.MAX_STEPS + 1);
      assertThat(shown.get(shown.size() - 1).title()).isEqualTo(outcome.title());
      assertThat(outcome.title()).startsWith("Intercept changed at ");
    }
  }

  @Test
  void bulkChangeAtTwoLocations_showsNoProgress() {
    try (SimulatedOrg sim = new SimulatedOrg(dataDir)) {
      sim.say(ANA, "intercept on at Austin, Denver");
      sim.say(ANA, "yes");

      assertThat(sim.announcer.progress).isEmpty();
    }
  }

  @Test
  void estimate_usesTheLearnedPace() {
    List<Reply> shown = new java.util.ArrayList<>();
    BulkProgress.start(shown::add, new dev.switchboard.TestClock(), "Changing intercept", 200, 3,
        Duration.ofMillis(600));
    assertThat(shown.get(0).blocks()).first().isEqualTo(new Reply.Block.Text("At this org's pace, about 6 min."));
  }
}
