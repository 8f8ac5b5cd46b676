package dev.switchboard.sim;

import static dev.switchboard.DemoPeople.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bearer-token checks: 401 without or with an unknown token, 403 when the token lacks the right. */
final class TokenRightsTest {

  private static WebexSimulator sim;
  private static SimClient client;
  private static DemoOrg org;

  @BeforeAll
  static void start() {
    sim = WebexSimulator.start(SimulatorOptions.defaults());
    client = new SimClient(sim);
    org = sim.org();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static String token(String who) {
    return switch (who) {
      case "none" -> null;
      case "unknown" -> "not-a-token";
      case "admin" -> org.adminToken();
      case "bot" -> org.botToken();
      default -> org.tokenFor(who);
    };
  }

  private static String path(String template) {
    return template
        .replace("HQ_ID", org.locationId("HQ"))
        .replace("ALICE_ID", org.personId(ALICE))
        .replace("GROUP_ROOM", org.groupRoomId());
  }

  @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
  @CsvSource({
      "GET, /people/me, none, 401",
      "GET, /people/me, unknown, 401",
      "GET, /telephony/config/locations/HQ_ID/intercept, none, 401",
      "GET, /telephony/config/locations/HQ_ID/intercept, admin, 200",
      "GET, /telephony/config/locations/HQ_ID/intercept, bot, 403",
      "GET, /telephony/config/locations/HQ_ID/intercept, ana.admin@example.com, 403",
      "PUT, /telephony/config/locations/HQ_ID/intercept, bot, 403",
      "GET, /telephony/config/people/ALICE_ID/outgoingPermission/autoTransferNumbers, admin, 200",
      "GET, /telephony/config/people/ALICE_ID/outgoingPermission/autoTransferNumbers, bot, 403",
      "PUT, /telephony/config/people/ALICE_ID/outgoingPermission/autoTransferNumbers, bot, 403",
      "GET, /telephony/config/locations, bot, 403",
      "GET, /locations, admin, 200",
      "GET, /locations, bot, 403",
      "GET, /locations/HQ_ID, pat.plain@example.com, 403",
      "GET, /people/ALICE_ID, bot, 200",
      "GET, /people/ALICE_ID, pat.plain@example.com, 200",
      "GET, /messages?roomId=GROUP_ROOM&mentionedPeople=me, bot, 200",
      "GET, /messages?roomId=GROUP_ROOM, bot, 403",
      "GET, /messages?roomId=GROUP_ROOM, ana.admin@example.com, 200",
      "GET, /messages?roomId=GROUP_ROOM, pat.plain@example.com, 404",
      "GET, /messages?roomId=GROUP_ROOM, admin, 403",
      "GET, /webhooks, bot, 200",
      "GET, /webhooks, admin, 403",
      "GET, /webhooks, none, 401",
  })
  void matrix(String method, String template, String who, int status) {
    Object body = method.equals("PUT") ? Map.of("enabled", false, "useCustomTransferNumbers", false) : null;
    SimClient.Reply reply = client.send(method, token(who), path(template), body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
    assertThat(reply.header("Trackingid")).isNotBlank();
    if (status >= 400) {
      assertThat(reply.json().get("message").asText()).isNotBlank();
      assertThat(reply.json().at("/errors/0/description").asText()).isNotBlank();
      assertThat(reply.json().get("trackingId").asText()).isEqualTo(reply.header("Trackingid"));
    }
  }

  @Test
  void missingToken_answersWebexMessage() {
    SimClient.Reply reply = client.get(null, "/people/me");
    assertThat(reply.json().get("message").asText())
        .isEqualTo("The request requires a valid access token set in the Authorization request header.");
  }

  @Test
  void botOnCalling_403NamesTheMissingScope() {
    SimClient.Reply reply = client.get(org.botToken(), path("/telephony/config/locations/HQ_ID/intercept"));
    assertThat(reply.json().get("message").asText()).contains("spark-admin:telephony_config_read");
  }

  @Test
  void unknownPath_is404WebexStyle() {
    SimClient.Reply reply = client.get(org.adminToken(), "/nothing/here");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("message").asText()).isEqualTo("The requested resource could not be found.");
    assertThat(reply.header("Trackingid")).isEqualTo(reply.json().get("trackingId").asText());
  }

  @Test
  void clientTrackingId_isEchoed() {
    SimClient.Reply reply = SimClient.execute(new okhttp3.Request.Builder().url(sim.baseUrl() + "/people/me")
        .header("Authorization", "Bearer " + org.botToken()).header("TrackingID", "SWITCHBOARD_abc").build());
    assertThat(reply.header("Trackingid")).isEqualTo("SWITCHBOARD_abc");
  }
}
