package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class PolicyTest {

  private static final String YAML = """
      locationAdmins:
        Leo.LocAdmin@example.com: [Austin, denver]
        "@branch.example.com": [London]
      onCall:
        - omar.oncall@example.com
        - "@noc.example.com"
      helpDesk:
        - hana.helpdesk@example.com
      """;

  @Test
  void parse_emailsAndDomains_matchCaseInsensitively() {
    Policy policy = PolicyFile.parse(YAML);
    assertThat(policy.isOnCall("OMAR.oncall@example.com")).isTrue();
    assertThat(policy.isOnCall("anyone@noc.example.com")).isTrue();
    assertThat(policy.isOnCall("anyone@example.com")).isFalse();
    assertThat(policy.isHelpDesk("hana.helpdesk@example.com")).isTrue();
    assertThat(policy.isHelpDesk("omar.oncall@example.com")).isFalse();
  }

  @Test
  void locationsAdministeredBy_emailAndDomainEntries_lowerCaseNames() {
    Policy policy = PolicyFile.parse(YAML);
    assertThat(policy.locationsAdministeredBy("leo.locadmin@example.com")).containsExactlyInAnyOrder("austin", "denver");
    assertThat(policy.locationsAdministeredBy("kim@branch.example.com")).containsExactly("london");
    assertThat(policy.locationsAdministeredBy("pat.plain@example.com")).isEmpty();
  }

  @Test
  void domainEntry_doesNotMatchLookalikeDomain() {
    Policy policy = PolicyFile.parse("onCall: [\"@noc.example.com\"]");
    assertThat(policy.isOnCall("eve@evilnoc.example.com")).isFalse();
  }

  @Test
  void unknownLocations_namesThoseMatchingNoLocation() {
    Policy policy = PolicyFile.parse(YAML);
    assertThat(policy.unknownLocations(List.of("Austin", "Denver", "HQ"))).containsExactly("London");
  }

  @Test
  void locationNames_matchInEveryUnicodeForm_onBothSides() {
    // the policy file names it composed; Webex stores it decomposed, or fullwidth
    Policy policy = PolicyFile.parse("locationAdmins: {leo@example.com: [Zürich, ＨＱ]}");
    var leo = new Principal(null, "leo@example.com", java.util.Set.of(), policy.locationsAdministeredBy("leo@example.com"),
        false, false);

    assertThat(leo.administers("Zu\u0308rich")).isTrue();
    assertThat(leo.administers("hq")).isTrue();
    assertThat(leo.administers("Zurich")).isFalse();
    assertThat(policy.unknownLocations(List.of("Zu\u0308rich", "HQ"))).isEmpty();
  }

  @Test
  void aliases_standForTheirLocation_inRightsToo_andAnAliasOfNothingIsReported() {
    Policy policy = PolicyFile.parse("""
        locationAdmins: {leo@example.com: [headquarters]}
        aliases: {headquarters: HQ, warehouse: Atlantis}
        """);

    assertThat(policy.aliasFor("HEADQUARTERS")).contains("HQ");
    assertThat(policy.aliasFor("HQ")).isEmpty();
    assertThat(policy.locationsAdministeredBy("leo@example.com")).containsExactly("hq");
    assertThat(policy.unknownLocations(List.of("HQ", "Austin"))).containsExactly("Atlantis");
  }

  @Test
  void anAliasWithoutALocation_isAClearError() {
    assertThatThrownBy(() -> PolicyFile.parse("aliases: {headquarters: }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("headquarters: HQ");
  }

  @Test
  void contact_isTheLineAsWritten_orEmpty() {
    assertThat(PolicyFile.parse("contact: \"  Ask Ana (ana@example.com)  \"").contact())
        .contains("Ask Ana (ana@example.com)");
    assertThat(PolicyFile.parse(YAML).contact()).isEmpty();
  }

  @Test
  void demoPolicy_carriesAPresetAnAliasAndAContact() {
    Policy demo = PolicyFile.parse(dev.switchboard.sim.DemoOrg.policyYaml());

    assertThat(demo.presets()).containsKey("storm");
    assertThat(demo.aliasFor("headquarters")).contains("HQ");
    assertThat(demo.contact()).isPresent();
  }

  @Test
  void parse_emptyDocument_grantsNothing() {
    Policy policy = PolicyFile.parse("");
    assertThat(policy.isOnCall("omar.oncall@example.com")).isFalse();
    assertThat(policy.locationsAdministeredBy("leo.locadmin@example.com")).isEmpty();
  }

  @Test
  void parse_unknownKey_isAClearError() {
    assertThatThrownBy(() -> PolicyFile.parse("oncall: [omar@example.com]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("oncall")
        .hasMessageContaining("expected keys");
  }
}
