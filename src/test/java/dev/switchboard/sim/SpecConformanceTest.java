package dev.switchboard.sim;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.EVE;
import static dev.switchboard.DemoPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation the official specs describe (messages, people, webhooks, attachment actions, locations)
 * answers bodies that validate against the spec's response schema. Two known spec bugs are corrected first
 * (see {@code src/test/resources/specs/corrections.json}): the /locations schemas and Attachment.content.
 */
final class SpecConformanceTest {

  @StartStop
  private final MockWebServer receiver = new MockWebServer();

  private WebexSimulator sim;
  private SimClient client;
  private DemoOrg org;
  private final SpecSchemas specs = SpecSchemas.get();

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

  private void assertConforms(String spec, String method, String path, SimClient.Reply reply, int status) {
    assertThat(reply.status()).as(method + " " + path + ": " + reply.raw()).isEqualTo(status);
    List<String> errors = specs.validateResponse(spec, method, path, status, reply.json());
    assertThat(errors).as(method + " " + path + " against " + spec + ": " + reply.raw()).isEmpty();
  }

  @Test
  void validator_rejectsBodiesThatBreakTheSchemaThroughRefs() {
    JsonNode badPeople = SimClient.json("{\"items\":[{\"id\":\"x\",\"emails\":\"not-a-list\",\"type\":\"robot\"}]}");
    assertThat(specs.validateResponse(SpecSchemas.MESSAGING, "GET", "/people", 200, badPeople)).hasSize(2);
    JsonNode workspaceShapedLocation = SimClient.json("{\"id\":\"x\",\"displayName\":\"HQ\",\"address\":\"1 Main\"}");
    assertThat(specs.validateResponse(SpecSchemas.DEVICE, "GET", "/locations/{locationId}", 200,
        workspaceShapedLocation)).isNotEmpty();
    JsonNode fileAsCard = SimClient.json("{\"id\":\"m\",\"attachments\":[{\"contentType\":\"x\",\"content\":\"str\"}]}");
    assertThat(specs.validateResponse(SpecSchemas.MESSAGING, "GET", "/messages/{messageId}", 200, fileAsCard))
        .isNotEmpty();
  }

  @Test
  void people_operations_matchMessagingAndAdminSpecs() {
    for (String spec : List.of(SpecSchemas.MESSAGING, SpecSchemas.ADMIN)) {
      assertConforms(spec, "GET", "/people", client.get(org.adminToken(), "/people?callingData=true&max=3"), 200);
      assertConforms(spec, "GET", "/people", client.get(org.botToken(), "/people?displayName=Alice"), 200);
      assertConforms(spec, "GET", "/people", client.get(org.adminToken(),
          "/people?id=" + org.personId(ALICE) + ",nope"), 200);
      assertConforms(spec, "GET", "/people/{personId}", client.get(org.adminToken(),
          "/people/" + org.personId(ANA) + "?callingData=true"), 200);
      assertConforms(spec, "GET", "/people/{personId}", client.get(org.botToken(),
          "/people/" + org.personId(EVE)), 200);
      assertConforms(spec, "GET", "/people/me", client.get(org.botToken(), "/people/me"), 200);
      assertConforms(spec, "GET", "/people/me", client.get(org.adminToken(), "/people/me"), 200);
      assertConforms(spec, "GET", "/people/me", client.get(org.tokenFor(PAT), "/people/me"), 200);
    }
  }

  @Test
  void location_operations_matchCorrectedDeviceSpec() {
    assertConforms(SpecSchemas.DEVICE, "GET", "/locations", client.get(org.adminToken(), "/locations"), 200);
    assertConforms(SpecSchemas.DEVICE, "GET", "/locations", client.get(org.adminToken(), "/locations?name=hq&max=1"), 200);
    assertConforms(SpecSchemas.DEVICE, "GET", "/locations/{locationId}",
        client.get(org.adminToken(), "/locations/" + org.locationId("HQ")), 200);
    assertConforms(SpecSchemas.DEVICE, "GET", "/locations/{locationId}",
        client.get(org.adminToken(), "/locations/" + org.locationId("Warehouse")), 200);
  }

  @Test
  void message_operations_matchMessagingSpec() {
    Map<String, Object> card = Map.of("contentType", MessageRoutes.CARD_CONTENT_TYPE, "content",
        Map.of("type", "AdaptiveCard", "version", "1.3",
            "body", List.of(Map.of("type", "TextBlock", "text", "Confirm?")),
            "actions", List.of(Map.of("type", "Action.Submit", "title", "Yes", "data", Map.of("action", "yes")))));
    SimClient.Reply root = client.post(org.botToken(), "/messages", Map.of("toPersonEmail", ALICE,
        "markdown", "**Hello** <@personEmail:alice@example.com>", "text", "Hello Alice", "attachments", List.of(card)));
    assertConforms(SpecSchemas.MESSAGING, "POST", "/messages", root, 200);
    String roomId = root.json().get("roomId").asText();
    SimClient.Reply reply = client.post(org.tokenFor(ALICE), "/messages",
        Map.of("roomId", roomId, "parentId", root.json().get("id").asText(), "text", "thanks"));
    assertConforms(SpecSchemas.MESSAGING, "POST", "/messages", reply, 200);
    assertConforms(SpecSchemas.MESSAGING, "GET", "/messages/{messageId}",
        client.get(org.botToken(), "/messages/" + root.json().get("id").asText()), 200);
    assertConforms(SpecSchemas.MESSAGING, "GET", "/messages", client.get(org.botToken(), "/messages?roomId=" + roomId), 200);
    assertConforms(SpecSchemas.MESSAGING, "GET", "/messages",
        client.get(org.botToken(), "/messages?roomId=" + org.groupRoomId() + "&mentionedPeople=me"), 200);

    SimClient.Reply action = client.post(org.tokenFor(ALICE), "/attachment/actions",
        Map.of("type", "submit", "messageId", root.json().get("id").asText(), "inputs", Map.of("action", "yes")));
    assertConforms(SpecSchemas.MESSAGING, "POST", "/attachment/actions", action, 202);
    assertConforms(SpecSchemas.MESSAGING, "GET", "/attachment/actions/{id}",
        client.get(org.botToken(), "/attachment/actions/" + action.json().get("id").asText()), 200);
  }

  @Test
  void webhook_operations_matchMessagingSpec() {
    SimClient.Reply created = client.post(org.botToken(), "/webhooks", Map.of("name", "switchboard-messages",
        "targetUrl", receiver.url("/webex/webhook").toString(), "resource", "messages", "event", "created",
        "secret", "s3cret", "filter", "roomType=direct"));
    assertConforms(SpecSchemas.MESSAGING, "POST", "/webhooks", created, 200);
    String id = created.json().get("id").asText();
    assertConforms(SpecSchemas.MESSAGING, "GET", "/webhooks", client.get(org.botToken(), "/webhooks"), 200);
    assertConforms(SpecSchemas.MESSAGING, "GET", "/webhooks/{webhookId}", client.get(org.botToken(), "/webhooks/" + id), 200);
    assertConforms(SpecSchemas.MESSAGING, "PUT", "/webhooks/{webhookId}", client.put(org.botToken(), "/webhooks/" + id,
        Map.of("name", "renamed", "targetUrl", receiver.url("/other").toString(), "status", "active")), 200);
    SimClient.Reply deleted = client.delete(org.botToken(), "/webhooks/" + id);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.raw()).isEmpty();
    receiver.enqueue(new MockResponse.Builder().code(200).build());
    assertThat(sim.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
  }
}
