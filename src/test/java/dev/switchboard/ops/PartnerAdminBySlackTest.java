package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.PAUL;
import static dev.switchboard.DemoPeople.PIA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.PlainTextRenderer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner admin on Slack, known only by email (Webex finds no one of another org by email): let in with the role
 * the policy's {@code externalAdmins} gives, as on Webex; a partner the policy does not name is refused.
 */
final class PartnerAdminBySlackTest {

  private SimulatedOrg sim;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    sim = new SimulatedOrg(dataDir);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static Requester slackUser(String email) {
    return new Requester(Requester.Platform.SLACK, "U_" + email.substring(0, 3).toUpperCase(), null, email,
        "C0OPS", null);
  }

  @Test
  void partnerNamedInThePolicy_mayActWithTheRoleItGives() {
    Reply reply = sim.operations.handle(slackUser(PIA), "intercept on at HQ");

    assertThat(reply.tone()).as(PlainTextRenderer.render(reply)).isEqualTo(Reply.Tone.SUCCESS);
    assertThat(sim.client.locationIntercept(sim.org.locationId("HQ")).enabled()).isTrue();
    Reply whoami = sim.operations.handle(slackUser(PIA), "whoami");
    assertThat(PlainTextRenderer.render(whoami)).contains("full admin").contains("partner admin");
  }

  @Test
  void partnerTheSameOnWebexAndSlack() {
    String webex = PlainTextRenderer.render(sim.say(PIA, "whoami"));
    String slack = PlainTextRenderer.render(sim.operations.handle(slackUser(PIA), "whoami"));
    assertThat(slack.lines().filter(l -> l.contains("admin")).toList())
        .isEqualTo(webex.lines().filter(l -> l.contains("admin")).toList());
  }

  @Test
  void partnerThePolicyDoesNotName_refused_andNothingChanges() {
    Reply reply = sim.operations.handle(slackUser(PAUL), "intercept on at HQ");

    assertThat(reply.tone()).isEqualTo(Reply.Tone.DENIED);
    assertThat(PlainTextRenderer.render(reply)).contains("may run nothing");
    assertThat(sim.client.locationIntercept(sim.org.locationId("HQ")).enabled()).isFalse();
  }

  @Test
  void emailCaseAndSpaces_doNotMatter() {
    Reply reply = sim.operations.handle(slackUser(" " + PIA.toUpperCase() + " "), "intercept status at HQ");
    assertThat(reply.tone()).as(PlainTextRenderer.render(reply)).isNotEqualTo(Reply.Tone.DENIED);
  }
}
