package dev.switchboard.sim;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refresh-token grant of {@code POST /access_token}. */
final class AccessTokenTest {

  private WebexSimulator sim;
  private DemoOrg org;

  @BeforeEach
  void start() {
    sim = WebexSimulator.start(SimulatorOptions.defaults());
    org = sim.org();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private SimClient.Reply grant(String grantType, String clientId, String secret, String refreshToken) {
    FormBody.Builder form = new FormBody.Builder();
    if (grantType != null) {
      form.add("grant_type", grantType);
    }
    form.add("client_id", clientId).add("client_secret", secret);
    if (refreshToken != null) {
      form.add("refresh_token", refreshToken);
    }
    return SimClient.execute(new Request.Builder().url(sim.baseUrl() + "/access_token").post(form.build()).build());
  }

  @Test
  void refreshGrant_issuesAnAdminAccessToken() {
    SimClient.Reply reply = grant("refresh_token", org.clientId(), org.clientSecret(), org.refreshToken());
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("access_token").asText()).isNotBlank().isNotEqualTo(org.adminToken());
    assertThat(body.get("expires_in").asLong()).isPositive();
    assertThat(body.get("refresh_token").asText()).isEqualTo(org.refreshToken());
    assertThat(body.get("refresh_token_expires_in").asLong()).isPositive();
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");

    SimClient client = new SimClient(sim);
    String token = body.get("access_token").asText();
    assertThat(client.get(token, "/telephony/config/locations/" + org.locationId("HQ") + "/intercept").status())
        .isEqualTo(200);
    assertThat(client.get(token, "/people/" + org.personId(ANA)).json().has("roles")).isTrue();
    assertThat(sim.calls()).extracting(RecordedCall::identity).containsExactly("admin", "admin", "admin");
  }

  @Test
  void invalidGrants_are400WebexStyle() {
    for (SimClient.Reply reply : new SimClient.Reply[] {
        grant("refresh_token", org.clientId(), org.clientSecret(), "stale-refresh-token"),
        grant("refresh_token", org.clientId(), "wrong-secret", org.refreshToken()),
        grant("refresh_token", "someone-else", org.clientSecret(), org.refreshToken()),
        grant("client_credentials", org.clientId(), org.clientSecret(), org.refreshToken()),
        grant(null, org.clientId(), org.clientSecret(), null)}) {
      assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
      assertThat(reply.json().get("message").asText()).isNotBlank();
      assertThat(reply.json().at("/errors/0/description").asText()).isNotBlank();
      assertThat(reply.json().get("trackingId").asText()).isEqualTo(reply.header("Trackingid"));
    }
  }
}
