package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.PlainTextRenderer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Webex asks a single command to wait over a minute: the person is told at once, and the answer still comes. */
final class LongRateLimitTest extends OnASimulatedOrg {

  @Test
  void singleChange_withRetryAfter90s_saysSoInTheThreadAtOnce_thenWaitsOnce_andAnswers() {
    sim.simulator.faults().rateLimitNext("/telephony/config/locations/", 429, 90);

    Reply reply = sim.say(ANA, "intercept on at HQ");

    assertThat(PlainTextRenderer.render(reply)).contains("Intercept is now ON at HQ");
    assertThat(sim.announcer.last()).contains("Webex asks me to wait 90 s; I'll try again at")
        .contains("UTC and answer here.");
    assertThat(sim.time.sleeps()).contains(Duration.ofSeconds(90));
    assertThat(sim.simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
  }

  @Test
  void singleChange_withRetryAfterOverFiveMinutes_endsAtOnce_inWords_withoutWaiting() {
    sim.simulator.faults().rateLimitNext("/telephony/config/locations/", 429, 600);

    Reply reply = sim.say(ANA, "intercept on at HQ");

    assertThat(PlainTextRenderer.render(reply)).contains("try again in 600 s");
    assertThat(sim.announcer.said).isEmpty();
    assertThat(sim.time.sleeps()).doesNotContain(Duration.ofSeconds(600));
    assertThat(sim.simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
  }
}
