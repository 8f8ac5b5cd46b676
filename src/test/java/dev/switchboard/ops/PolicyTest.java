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
