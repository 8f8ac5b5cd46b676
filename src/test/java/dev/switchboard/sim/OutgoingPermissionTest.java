package dev.switchboard.sim;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ALICE_JONES;
import static dev.switchboard.DemoPeople.BOB;
import static dev.switchboard.DemoPeople.CARL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outgoing permissions and auto transfer numbers of people and locations, as the seeded demo org serves them. */
final class OutgoingPermissionTest {

  private WebexSimulator sim;
  private SimClient client;
  private DemoOrg org;

  @BeforeEach
  void start() {
    sim = WebexSimulator.start(SimulatorOptions.defaults());
    client = new SimClient(sim);
    org = sim.org();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private JsonNode rule(JsonNode body, String callType) {
    for (JsonNode rule : body.get("callingPermissions")) {
      if (rule.get("callType").asText().equals(callType)) return rule;
    }
    throw new AssertionError("no rule for " + callType + " in " + body);
  }

  private String person(String email) {
    return "/people/" + org.personId(email) + "/features/outgoingPermission";
  }

  private String location(String name, String feature) {
    return "/telephony/config/locations/" + org.locationId(name) + "/" + feature;
  }

  @Test
  void location_servesEveryCallTypeWithTheSeededActionsOverTheDefaults() {
    JsonNode hq = client.get(org.adminToken(), location("HQ", "outgoingPermission")).json();

    assertThat(hq.get("callingPermissions")).hasSize(OutgoingRules.CALL_TYPES.size());
    assertThat(rule(hq, "INTERNATIONAL").get("action").asText()).isEqualTo("TRANSFER_NUMBER_1");
    assertThat(rule(hq, "PREMIUM_SERVICES_I").get("action").asText()).isEqualTo("BLOCK");
    assertThat(rule(hq, "PREMIUM_SERVICES_I").get("transferEnabled").asBoolean()).isFalse();
    assertThat(rule(hq, "NATIONAL").get("action").asText()).isEqualTo("ALLOW");
    assertThat(hq.has("useCustomEnabled")).as("a location has no custom flag").isFalse();
  }

  @Test
  void locationTransferNumbers_leaveUnsetOnesOut() {
    JsonNode austin = client.get(org.adminToken(), location("Austin", "outgoingPermission/autoTransferNumbers")).json();

    assertThat(austin.get("autoTransferNumber1").asText()).isEqualTo("+15125550100");
    assertThat(austin.has("autoTransferNumber3")).isFalse();
  }

  @Test
  void person_withoutOwnRules_isShownTheLocationsAndSaysSo() {
    JsonNode bob = client.get(org.adminToken(), person(BOB)).json();

    assertThat(bob.get("useCustomEnabled").asBoolean()).isFalse();
    assertThat(bob.get("useCustomPermissions").asBoolean()).isFalse();
    assertThat(rule(bob, "PREMIUM_SERVICES_I").get("action").asText()).isEqualTo("TRANSFER_NUMBER_3");
  }

  @Test
  void person_withOwnRules_servesThem() {
    JsonNode jones = client.get(org.adminToken(), person(ALICE_JONES)).json();

    assertThat(jones.get("useCustomEnabled").asBoolean()).isTrue();
    assertThat(rule(jones, "INTERNATIONAL").get("action").asText()).isEqualTo("TRANSFER_NUMBER_2");
    assertThat(client.get(org.adminToken(), person(ALICE)).json().get("useCustomEnabled").asBoolean()).isFalse();
  }

  @Test
  void personWithoutCalling_is404_andABotTokenIs403() {
    assertThat(client.get(org.adminToken(), person(CARL)).status()).isEqualTo(404);
    assertThat(client.get(org.botToken(), person(BOB)).status()).isEqualTo(403);
    assertThat(client.get(org.adminToken(), location("Warehouse", "outgoingPermission")).status()).isEqualTo(404);
  }
}
