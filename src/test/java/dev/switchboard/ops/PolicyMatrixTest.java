package dev.switchboard.ops;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.BOB;
import static dev.switchboard.DemoPeople.EVE;
import static dev.switchboard.DemoPeople.HANA;
import static dev.switchboard.DemoPeople.LEO;
import static dev.switchboard.DemoPeople.LOU;
import static dev.switchboard.DemoPeople.OMAR;
import static dev.switchboard.DemoPeople.PAT;
import static dev.switchboard.DemoPeople.PAUL;
import static dev.switchboard.DemoPeople.PIA;
import static dev.switchboard.DemoPeople.RITA;
import static dev.switchboard.DemoPeople.UMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.chat.PlainTextRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command for every demo person: allowed or refused, as PRODUCT.md's table says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class PolicyMatrixTest {

  // PIA is a partner admin the policy names (externalAdmins: full), PAUL one it does not; LOU is a location admin in
  // Control Hub only, which Webex does not show Switchboard, so Lou has no more rights than Pat.
  private static final List<String> EVERYONE =
      List.of(ANA, UMA, RITA, LEO, OMAR, HANA, PAT, ALICE, BOB, LOU, EVE, PIA, PAUL);
  private static final List<String> IN_ORG = List.of(ANA, UMA, RITA, LEO, OMAR, HANA, PAT, ALICE, BOB, LOU, PIA);

  private SimulatedOrg sim;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    sim = new SimulatedOrg(dataDir);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  static Stream<Arguments> matrix() {
    return Stream.of(
        rule("help", IN_ORG),
        rule("whoami", IN_ORG),
        rule("undo", IN_ORG),
        rule("intercept status at HQ", List.of(ANA, PIA, UMA, RITA, OMAR, HANA)),
        rule("intercept status at Austin", List.of(ANA, PIA, UMA, RITA, LEO, OMAR, HANA)),
        rule("intercept on at HQ", List.of(ANA, PIA, UMA, OMAR)),
        rule("intercept off at Denver", List.of(ANA, PIA, UMA, LEO, OMAR)),
        rule("transfer numbers for alice@example.com", List.of(ANA, PIA, UMA, RITA, HANA)),
        rule("transfer numbers for bob@example.com", List.of(ANA, PIA, UMA, RITA, LEO, HANA)),
        rule("set transfer number 3 for alice@example.com to +12055553699", List.of(ANA, PIA, UMA)),
        rule("set transfer number 1 for bob@example.com to +15125550123", List.of(ANA, PIA, UMA, LEO)),
        rule("custom transfer numbers on for bob@example.com", List.of(ANA, PIA, UMA, LEO)),
        rule("locations", List.of(ANA, PIA, UMA, RITA, LEO, OMAR, HANA)),
        rule("history", List.of(ANA, PIA, UMA, RITA, LEO, OMAR)),
        rule("history Austin", List.of(ANA, PIA, UMA, RITA, LEO, OMAR)));
  }

  private static Arguments rule(String command, List<String> allowed) {
    return Arguments.of(command, Set.copyOf(allowed));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void everyDemoPerson_allowedOrRefusedAsThePolicySays(String command, Set<String> allowed) {
    for (String person : EVERYONE) {
      Reply reply = sim.say(person, command);
      boolean refused = reply.tone() == Reply.Tone.DENIED;
      assertThat(refused)
          .as("%s running `%s` should be %s, got:%n%s", person, command,
              allowed.contains(person) ? "allowed" : "refused", PlainTextRenderer.render(reply))
          .isEqualTo(!allowed.contains(person));
      if (refused && IN_ORG.contains(person)) {
        assertThat(PlainTextRenderer.render(reply)).as("a refusal names the role needed").contains("needs");
      }
    }
  }
}
