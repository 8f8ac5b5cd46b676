package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.TestClock;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The outgoing-permission reads: paths, token, orgId, and the shapes as read (unknown values kept). */
final class OutgoingPermissionClientTest {

  private static final String ADMIN = "admin-token";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private WebexClient client() {
    return WebexClient.builder().baseUrl(server.url("/v1")).adminTokens(new StaticTokenProvider(ADMIN)).orgId("O1")
        .sleeper(new TestClock()).build();
  }

  private void enqueueJson(String json) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json)
        .build());
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + ADMIN);
    return request;
  }

  @Test
  void personOutgoingPermission_readsFlagsAndRules() throws Exception {
    enqueueJson("{\"useCustomEnabled\":true,\"useCustomPermissions\":true,\"callingPermissions\":["
        + "{\"callType\":\"INTERNATIONAL\",\"action\":\"TRANSFER_NUMBER_2\",\"transferEnabled\":true,"
        + "\"isCallTypeRestrictionEnabled\":false},"
        + "{\"callType\":\"SOMETHING_NEW\",\"action\":\"ASK_A_ROBOT\",\"transferEnabled\":false}]}");

    OutgoingPermission permission = client().personOutgoingPermission("P1");

    assertThat(take().getTarget()).isEqualTo("/v1/people/P1/features/outgoingPermission?orgId=O1");
    assertThat(permission.usesOwnRules()).isTrue();
    assertThat(permission.forCallType("international").orElseThrow().transferSlot()).isEqualTo(OptionalInt.of(2));
    assertThat(permission.forCallType("SOMETHING_NEW").orElseThrow().transferSlot()).isEmpty();
  }

  @Test
  void personOutgoingPermission_customPermissionsOff_meansTheLocationsRules() throws Exception {
    enqueueJson("{\"useCustomEnabled\":true,\"useCustomPermissions\":false,\"callingPermissions\":[]}");

    assertThat(client().personOutgoingPermission("P1").usesOwnRules()).isFalse();
    take();
  }

  @Test
  void locationOutgoingPermission_readsTheRules() throws Exception {
    enqueueJson("{\"callingPermissions\":[{\"callType\":\"NATIONAL\",\"action\":\"ALLOW\",\"transferEnabled\":true}]}");

    OutgoingPermission permission = client().locationOutgoingPermission("L1");

    assertThat(take().getTarget()).isEqualTo("/v1/telephony/config/locations/L1/outgoingPermission?orgId=O1");
    assertThat(permission.useCustomEnabled()).isNull();
    assertThat(permission.callingPermissions()).containsExactly(new CallingPermission("NATIONAL", "ALLOW", true, null));
  }

  @Test
  void locationTransferNumbers_readsNullsAsUnset() throws Exception {
    enqueueJson("{\"autoTransferNumber1\":\"214-555-0100\",\"autoTransferNumber2\":null}");

    LocationTransferNumbers numbers = client().locationTransferNumbers("L1");

    assertThat(take().getTarget())
        .isEqualTo("/v1/telephony/config/locations/L1/outgoingPermission/autoTransferNumbers?orgId=O1");
    assertThat(numbers).isEqualTo(new LocationTransferNumbers("214-555-0100", null, null));
  }
}
