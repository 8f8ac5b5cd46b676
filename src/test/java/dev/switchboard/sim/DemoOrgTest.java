package dev.switchboard.sim;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.BOB;
import static dev.switchboard.DemoPeople.EVE;
import static dev.switchboard.DemoPeople.HANA;
import static dev.switchboard.DemoPeople.OMAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.DemoPeople;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The seeded demo org: stable names, ids, tokens, and the demo policy. */
final class DemoOrgTest {

  private final DemoOrg org = DemoOrg.load(0);

  @Test
  void ids_areStableWebexStyleIds() {
    DemoOrg again = DemoOrg.load(0);
    assertThat(again.personId(ALICE)).isEqualTo(org.personId(ALICE));
    assertThat(again.locationId("HQ")).isEqualTo(org.locationId("hq"));
    assertThat(decode(org.personId(ALICE))).matches("ciscospark://us/PEOPLE/[0-9a-f-]{36}");
    assertThat(decode(org.locationId("Sydney"))).matches("ciscospark://us/LOCATION/[0-9a-f-]{36}");
    assertThat(decode(org.directRoomId(BOB))).startsWith("ciscospark://us/ROOM/");
    assertThat(decode(org.orgId())).startsWith("ciscospark://us/ORGANIZATION/");
    assertThat(org.orgId()).isNotEqualTo(org.otherOrgId());
    assertThat(org.directRoomId(BOB)).isNotEqualTo(org.directRoomId(ALICE));
  }

  private static String decode(String id) {
    return new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
  }

  @Test
  void tokensAndCredentials_followTheDocumentedScheme() {
    assertThat(org.adminToken()).isEqualTo("demo-admin-token");
    assertThat(org.botToken()).isEqualTo("demo-bot-token");
    assertThat(org.tokenFor(ALICE)).isEqualTo("demo-token-alice");
    assertThat(org.tokenFor("Leo.Locadmin@example.com")).isEqualTo("demo-token-leo.locadmin");
    assertThat(org.tokenFor(EVE)).isEqualTo("demo-token-eve");
    assertThat(org.botEmail()).isEqualTo("switchboard@webex.bot");
    assertThat(org.botDisplayName()).isEqualTo("Switchboard");
    assertThat(org.clientId()).isEqualTo("demo-client-id");
    assertThat(org.clientSecret()).isEqualTo("demo-client-secret");
    assertThat(org.refreshToken()).isEqualTo("demo-refresh-token");
    assertThat(org.orgName()).isEqualTo("Example Corp");
    assertThatThrownBy(() -> org.tokenFor("nobody@example.com")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seed_hasTheLocationsAndPeopleTestsRelyOn() {
    assertThat(org.locationNames()).containsExactly(
        "HQ", "HQ-East", "HQ-West", "Austin", "Denver", "London", "Bangalore", "Sydney", "Warehouse");
    assertThat(org.callingLocationNames()).doesNotContain("Warehouse").hasSize(8);
    assertThat(org.people()).extracting(DemoOrg.Person::email).containsExactlyElementsOf(DemoPeople.ALL);
    assertThat(org.people()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    assertThat(org.groupRoomTitle()).isEqualTo("Calling Ops");
  }

  @Test
  void extraLocations_addBenchmarkSites() {
    DemoOrg big = DemoOrg.load(250);
    assertThat(big.callingLocationNames()).hasSize(258).contains("Site 001", "Site 250");
    assertThat(big.locationId("Site 007")).isNotBlank();
  }

  @Test
  void demoPolicy_grantsTheByPolicyRolesToSeededPeopleAndLocations() throws Exception {
    JsonNode policy = new ObjectMapper(new YAMLFactory()).readTree(DemoOrg.policyYaml());
    assertThat(policy.at("/locationAdmins/leo.locadmin@example.com"))
        .extracting(JsonNode::asText).containsExactly("Austin", "Denver");
    assertThat(policy.get("onCall")).extracting(JsonNode::asText).containsExactly(OMAR);
    assertThat(policy.get("helpDesk")).extracting(JsonNode::asText).containsExactly(HANA);
    policy.get("locationAdmins").fields().forEachRemaining(e -> {
      assertThat(org.personId(e.getKey())).isNotBlank();
      e.getValue().forEach(name -> assertThat(org.locationId(name.asText())).isNotBlank());
    });
  }
}
