package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class AdminRoleTest {

  private static final String FULL = "Y2lzY29zcGFyazovL3VzL1JPTEUvaWRfZnVsbF9hZG1pbg";
  private static final String READ_ONLY = "Y2lzY29zcGFyazovL3VzL1JPTEUvaWRfcmVhZG9ubHlfYWRtaW4";
  private static final String USER = "Y2lzY29zcGFyazovL3VzL1JPTEUvaWRfdXNlcl9hZG1pbg";
  private static final String DEVICE = "Y2lzY29zcGFyazovL3VzL1JPTEUvaWRfZGV2aWNlX2FkbWlu";
  private static final String SUPPORT = "Y2lzY29zcGFyazovL3VzL1JPTEUvYXRsYXMtcG9ydGFsLnN1cHBvcnQ";

  @ParameterizedTest
  @CsvSource({
      FULL + ", FULL_ADMIN",
      USER + ", USER_ADMIN",
      READ_ONLY + ", READ_ONLY_ADMIN"})
  void knownWebexRoleIds_decodeToTheirRole(String roleId, AdminRole expected) {
    assertThat(AdminRole.fromRoleId(roleId)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {DEVICE, SUPPORT, "not base64 at all!", "aWRfZnVsbF9hZG1pbg", ""})
  void otherOrUndecodableIds_decodeToNothing(String roleId) {
    // "aWRfZnVsbF9hZG1pbg" is base64 of a bare "id_full_admin", not of a ciscospark://.../ROLE/ URI.
    assertThat(AdminRole.fromRoleId(roleId)).isEmpty();
  }

  @Test
  void paddedIdOfAnotherRegion_decodes() {
    String eu = Base64.getEncoder().encodeToString("ciscospark://eu/ROLE/id_user_admin".getBytes(StandardCharsets.UTF_8));

    assertThat(AdminRole.fromRoleId(eu)).contains(AdminRole.USER_ADMIN);
  }

  @Test
  void person_decodesTheAdminRolesAmongItsRoles() {
    var person = new Person("p1", List.of("alice@example.com"), "Alice", null, null, "org",
        List.of(FULL, DEVICE, READ_ONLY, "garbage"), null, "person", null);

    assertThat(person.adminRoles()).containsExactlyInAnyOrder(AdminRole.FULL_ADMIN, AdminRole.READ_ONLY_ADMIN);
  }

  @Test
  void personWithoutRoles_hasNone() {
    var person = new Person("p1", null, "Alice", null, null, null, null, null, null, null);

    assertThat(person.adminRoles()).isEmpty();
    assertThat(person.email()).isNull();
    assertThat(person.isBot()).isFalse();
  }

  @Test
  void person_emailIsTheFirst_andBotTypeIsABot() {
    var bot = new Person("b", List.of("bot@webex.bot", "alias@webex.bot"), "Bot", null, null, null, null, null,
        "bot", null);

    assertThat(bot.email()).isEqualTo("bot@webex.bot");
    assertThat(bot.isBot()).isTrue();
  }
}
