package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Org ids as Control Hub shows them (a uuid) and as the API writes them (base64) name the same org. */
final class WebexIdsTest {

  private static final String UUID = "96abc2aa-3dcc-11e5-a152-fe34819cdc9a";
  // The spec's own example org id (webex-admin.json, Get Organization Details), which decodes to UUID.
  private static final String SPEC_ID = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE";

  @Test
  void base64Id_decodesToItsUuid() {
    assertThat(WebexIds.uuidOf(SPEC_ID)).isEqualTo(UUID);
  }

  @Test
  void bareUuid_isItsOwnUuid_inLowerCase() {
    assertThat(WebexIds.uuidOf(UUID.toUpperCase())).isEqualTo(UUID);
    assertThat(WebexIds.isUuid(UUID)).isTrue();
    assertThat(WebexIds.isUuid(SPEC_ID)).isFalse();
  }

  @Test
  void paddedAndUrlSafeForms_nameTheSameOrg() {
    String padded = Base64.getEncoder().encodeToString(("ciscospark://us/ORGANIZATION/" + UUID)
        .getBytes(StandardCharsets.UTF_8));
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(("ciscospark://eu/ORGANIZATION/" + UUID)
        .getBytes(StandardCharsets.UTF_8));

    assertThat(WebexIds.same(padded, SPEC_ID)).isTrue();
    assertThat(WebexIds.same(urlSafe, UUID)).isTrue();
  }

  @Test
  void differentOrgs_orNoId_areNotTheSame() {
    assertThat(WebexIds.same(SPEC_ID, "11111111-2222-3333-4444-555555555555")).isFalse();
    assertThat(WebexIds.same(null, SPEC_ID)).isFalse();
    assertThat(WebexIds.uuidOf("not an id")).isEqualTo("not an id");
  }
}
