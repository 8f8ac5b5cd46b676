package dev.switchboard.sim;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.BOB;
import static dev.switchboard.DemoPeople.CARL;
import static dev.switchboard.DemoPeople.EVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Location intercept and person transfer numbers: partial PUT, 204, validation, 404s for no calling. */
final class CallingTest {

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

  private String intercept(String location) {
    return "/telephony/config/locations/" + org.locationId(location) + "/intercept";
  }

  private String transfers(String email) {
    return "/telephony/config/people/" + org.personId(email) + "/outgoingPermission/autoTransferNumbers";
  }

  @Test
  void seededIntercept_offEverywhereButSydney() {
    JsonNode hq = client.get(org.adminToken(), intercept("HQ")).json();
    assertThat(hq.get("enabled").asBoolean()).isFalse();
    assertThat(hq.at("/incoming/type").asText()).isEqualTo("INTERCEPT_ALL");
    assertThat(hq.at("/incoming/announcements/greeting").asText()).isEqualTo("DEFAULT");
    assertThat(hq.at("/outgoing/type").asText()).isEqualTo("INTERCEPT_ALL");
    JsonNode sydney = client.get(org.adminToken(), intercept("Sydney")).json();
    assertThat(sydney.get("enabled").asBoolean()).isTrue();
    assertThat(sydney.at("/incoming/voicemailEnabled").asBoolean()).isTrue();
  }

  @Test
  void partialPut_changesOnlyNamedFieldsAndAnswers204() {
    SimClient.Reply full = client.put(org.adminToken(), intercept("HQ"), Map.of("enabled", true,
        "incoming", Map.of("voicemailEnabled", true, "announcements",
            Map.of("newNumber", Map.of("enabled", true, "destination", "+12147691003"))),
        "outgoing", Map.of("type", "ALLOW_LOCAL_ONLY", "transferEnabled", true, "destination", "2147691007")));
    assertThat(full.status()).isEqualTo(204);
    assertThat(full.raw()).isEmpty();

    SimClient.Reply toggle = client.put(org.adminToken(), intercept("HQ"), Map.of("enabled", false));
    assertThat(toggle.status()).isEqualTo(204);

    JsonNode now = client.get(org.adminToken(), intercept("HQ")).json();
    assertThat(now.get("enabled").asBoolean()).isFalse();
    assertThat(now.at("/incoming/type").asText()).isEqualTo("INTERCEPT_ALL");
    assertThat(now.at("/incoming/voicemailEnabled").asBoolean()).isTrue();
    assertThat(now.at("/incoming/announcements/newNumber/destination").asText()).isEqualTo("+12147691003");
    assertThat(now.at("/outgoing/type").asText()).isEqualTo("ALLOW_LOCAL_ONLY");
    assertThat(now.at("/outgoing/destination").asText()).isEqualTo("2147691007");
    assertThat(sim.locationIntercept("HQ")).isEqualTo(now);
    assertThat(sim.locationIntercept("Austin").get("enabled").asBoolean()).isFalse();
  }

  @Test
  void putWithoutEnabled_is400AndChangesNothing() {
    JsonNode before = sim.locationIntercept("HQ");
    SimClient.Reply reply = client.put(org.adminToken(), intercept("HQ"),
        Map.of("incoming", Map.of("voicemailEnabled", true)));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).contains("enabled");
    assertThat(reply.json().get("trackingId").asText()).isEqualTo(reply.header("Trackingid"));
    assertThat(sim.locationIntercept("HQ")).isEqualTo(before);
  }

  @Test
  void invalidEnumsBadNumbersAndMalformedJson_are400() {
    assertThat(client.put(org.adminToken(), intercept("HQ"),
        Map.of("enabled", true, "incoming", Map.of("type", "BLOCK_ALL"))).status()).isEqualTo(400);
    assertThat(client.put(org.adminToken(), intercept("HQ"),
        Map.of("enabled", true, "outgoing", Map.of("type", "ALLOW_ALL"))).status()).isEqualTo(400);
    assertThat(client.put(org.adminToken(), intercept("HQ"), Map.of("enabled", true, "incoming",
        Map.of("announcements", Map.of("greeting", "LOUD")))).status()).isEqualTo(400);
    assertThat(client.put(org.adminToken(), intercept("HQ"), Map.of("enabled", true, "incoming",
        Map.of("announcements", Map.of("zeroTransfer", Map.of("enabled", true, "destination", "call-me")))))
        .status()).isEqualTo(400);
    assertThat(client.put(org.adminToken(), intercept("HQ"), Map.of("enabled", "yes")).status()).isEqualTo(400);
    assertThat(client.put(org.adminToken(), intercept("HQ"), "{\"enabled\": tru").status()).isEqualTo(400);
    assertThat(client.put(org.adminToken(), intercept("HQ"), "[]").status()).isEqualTo(400);
    assertThat(client.put(org.adminToken(), intercept("HQ"), Map.of("enabled", true, "incoming",
        Map.of("announcements", Map.of("greeting", "CUSTOM")))).status()).isEqualTo(400);
    assertThat(sim.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
  }

  @Test
  void interceptOfLocationWithoutCalling_is404WithMessage() {
    SimClient.Reply get = client.get(org.adminToken(), intercept("Warehouse"));
    assertThat(get.status()).isEqualTo(404);
    assertThat(get.json().get("message").asText()).contains("Warehouse").contains("Webex Calling");
    // Webex Calling's own error code, as its 404s carry it
    assertThat(get.json().at("/errors/0/errorCode").asInt()).isEqualTo(WebexError.CALLING_NOT_FOUND);
    assertThat(client.put(org.adminToken(), intercept("Warehouse"), Map.of("enabled", true)).status())
        .isEqualTo(404);
    assertThat(client.get(org.adminToken(), "/telephony/config/locations/bm9wZQ/intercept").status())
        .isEqualTo(404);
  }

  @Test
  void seededTransferNumbers_areReturnedExactlyAsStored() {
    JsonNode alice = client.get(org.adminToken(), transfers(ALICE)).json();
    assertThat(alice.get("useCustomTransferNumbers").asBoolean()).isTrue();
    assertThat(alice.get("autoTransferNumber1").asText()).isEqualTo("+1205553650");
    assertThat(alice.get("autoTransferNumber2").asText()).isEqualTo("+1205553651");
    assertThat(alice.get("autoTransferNumber3").asText()).isEqualTo("+1205553652");
    JsonNode bob = client.get(org.adminToken(), transfers(BOB)).json();
    assertThat(bob.get("useCustomTransferNumbers").asBoolean()).isFalse();
    assertThat(bob.has("autoTransferNumber1")).isFalse();
  }

  @Test
  void transferPut_setsAsSentAndEmptyStringClears() {
    SimClient.Reply reply = client.put(org.adminToken(), transfers(ALICE),
        Map.of("useCustomTransferNumbers", true, "autoTransferNumber2", "", "autoTransferNumber3", "+1-205-555-3699"));
    assertThat(reply.status()).isEqualTo(204);
    JsonNode now = client.get(org.adminToken(), transfers(ALICE)).json();
    assertThat(now.get("autoTransferNumber1").asText()).isEqualTo("+1205553650");
    assertThat(now.has("autoTransferNumber2")).isFalse();
    assertThat(now.get("autoTransferNumber3").asText()).isEqualTo("+1-205-555-3699");
    assertThat(sim.transferNumbers(ALICE)).isEqualTo(now);
  }

  @Test
  void transferPutWithoutUseCustom_orWithBadNumber_is400() {
    assertThat(client.put(org.adminToken(), transfers(ALICE),
        Map.of("autoTransferNumber1", "+12055553651")).status()).isEqualTo(400);
    assertThat(client.put(org.adminToken(), transfers(ALICE),
        Map.of("useCustomTransferNumbers", true, "autoTransferNumber1", "not a number")).status()).isEqualTo(400);
    assertThat(client.put(org.adminToken(), transfers(ALICE),
        Map.of("useCustomTransferNumbers", true, "autoTransferNumber1", 12055553651L)).status()).isEqualTo(400);
    assertThat(sim.transferNumbers(ALICE).get("autoTransferNumber1").asText()).isEqualTo("+1205553650");
  }

  @Test
  void transferNumbersOfPersonWithoutCalling_is404WithMessage() {
    SimClient.Reply reply = client.get(org.adminToken(), transfers(CARL));
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("message").asText()).contains("Carl Nocalling").contains("Webex Calling");
    assertThat(client.put(org.adminToken(), transfers(CARL),
        Map.of("useCustomTransferNumbers", false)).status()).isEqualTo(404);
    assertThat(client.get(org.adminToken(), transfers(EVE)).status()).isEqualTo(404);
  }
}
