package dev.switchboard.sim;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.BOB;
import static dev.switchboard.DemoPeople.UMA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks CRUD and real, signed deliveries to a MockWebServer. */
final class WebhooksTest {

  private static final String SECRET = "demo-webhook-secret";
  private static final Duration WAIT = Duration.ofSeconds(10);

  @StartStop
  private final MockWebServer receiver = new MockWebServer();

  private final AtomicInteger answer = new AtomicInteger(200);
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private WebexSimulator sim;
  private SimClient client;
  private DemoOrg org;

  @BeforeEach
  void start() {
    receiver.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        hold.await(20, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(answer.get()).build();
      }
    });
    sim = WebexSimulator.start(SimulatorOptions.defaults());
    client = new SimClient(sim);
    org = sim.org();
  }

  @AfterEach
  void stop() {
    hold.countDown();
    sim.close();
  }

  private String createWebhook(String resource, String filter, String secret) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "switchboard-" + resource,
        "targetUrl", receiver.url("/webex/webhook").toString(), "resource", resource, "event", "created"));
    if (filter != null) {
      body.put("filter", filter);
    }
    if (secret != null) {
      body.put("secret", secret);
    }
    SimClient.Reply reply = client.post(org.botToken(), "/webhooks", body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.json().get("id").asText();
  }

  private JsonNode say(String email, Map<String, Object> body) {
    SimClient.Reply reply = client.post(org.tokenFor(email), "/messages", body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.json();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = receiver.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(request).as("a webhook delivery").isNotNull();
    return request;
  }

  private static String hmacSha1Hex(String key, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void personMessageInDirectRoom_isDeliveredSignedWithTheEnvelope() throws Exception {
    String webhookId = createWebhook("messages", null, SECRET);
    JsonNode message = say(ALICE, Map.of("toPersonEmail", "switchboard@webex.bot",
        "text", "transfer numbers for alice@example.com"));

    RecordedRequest request = take();
    byte[] raw = request.getBody().toByteArray();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/webex/webhook");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    String signature = request.getHeaders().get("X-Spark-Signature");
    assertThat(signature).matches("[0-9a-f]{40}");
    assertThat(MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
        hmacSha1Hex(SECRET, raw).getBytes(StandardCharsets.US_ASCII))).isTrue();

    JsonNode envelope = SimClient.json(new String(raw, StandardCharsets.UTF_8));
    assertThat(envelope.get("id").asText()).isEqualTo(webhookId);
    assertThat(envelope.get("name").asText()).isEqualTo("switchboard-messages");
    assertThat(envelope.get("targetUrl").asText()).isEqualTo(receiver.url("/webex/webhook").toString());
    assertThat(envelope.get("resource").asText()).isEqualTo("messages");
    assertThat(envelope.get("event").asText()).isEqualTo("created");
    assertThat(envelope.get("orgId").asText()).isEqualTo(org.orgId());
    assertThat(envelope.get("createdBy").asText()).isEqualTo(org.botPersonId());
    assertThat(envelope.get("appId").asText()).isNotBlank();
    assertThat(envelope.get("ownedBy").asText()).isEqualTo("creator");
    assertThat(envelope.get("status").asText()).isEqualTo("active");
    assertThat(envelope.get("actorId").asText()).isEqualTo(org.personId(ALICE));
    assertThat(envelope.has("created")).isTrue();
    assertThat(envelope.has("secret")).isFalse();
    JsonNode data = envelope.get("data");
    assertThat(data.get("id").asText()).isEqualTo(message.get("id").asText());
    assertThat(data.get("roomId").asText()).isEqualTo(org.directRoomId(ALICE));
    assertThat(data.get("roomType").asText()).isEqualTo("direct");
    assertThat(data.get("personId").asText()).isEqualTo(org.personId(ALICE));
    assertThat(data.get("personEmail").asText()).isEqualTo(ALICE);
    assertThat(data.get("created").asText()).isEqualTo(message.get("created").asText());
    assertThat(data.has("text")).isFalse();

    assertThat(client.get(org.botToken(), "/messages/" + data.get("id").asText()).json().get("text").asText())
        .isEqualTo("transfer numbers for alice@example.com");
    assertThat(sim.awaitDeliveries(WAIT)).isTrue();
    assertThat(sim.deliveries()).singleElement().satisfies(d -> {
      assertThat(d.webhookId()).isEqualTo(webhookId);
      assertThat(d.succeeded()).isTrue();
    });
  }

  @Test
  void botsOwnMessage_alsoFiresItsMessagesWebhook() throws Exception {
    createWebhook("messages", null, SECRET);
    JsonNode own = client.post(org.botToken(), "/messages",
        Map.of("toPersonEmail", BOB, "markdown", "Hello **Bob**")).json();
    JsonNode envelope = SimClient.json(take().getBody().utf8());
    assertThat(envelope.at("/data/id").asText()).isEqualTo(own.get("id").asText());
    assertThat(envelope.at("/data/personEmail").asText()).isEqualTo("switchboard@webex.bot");
    assertThat(envelope.get("actorId").asText()).isEqualTo(org.botPersonId());
  }

  @Test
  void groupRoom_firesOnlyWhenTheBotIsMentioned() throws Exception {
    createWebhook("messages", null, null);
    say(ANA, Map.of("roomId", org.groupRoomId(), "text", "coffee?"));
    JsonNode mention = say(ANA, Map.of("roomId", org.groupRoomId(),
        "markdown", "<@personEmail:switchboard@webex.bot|Switchboard> intercept on at Austin, Denver"));
    assertThat(sim.awaitDeliveries(WAIT)).isTrue();
    assertThat(receiver.getRequestCount()).isEqualTo(1);
    RecordedRequest request = take();
    assertThat(request.getHeaders().get("X-Spark-Signature")).isNull();
    JsonNode data = SimClient.json(request.getBody().utf8()).get("data");
    assertThat(data.get("id").asText()).isEqualTo(mention.get("id").asText());
    assertThat(data.get("roomType").asText()).isEqualTo("group");
    assertThat(data.get("mentionedPeople")).extracting(JsonNode::asText).containsExactly(org.botPersonId());
  }

  @Test
  void filters_selectWhichMessagesAreDelivered() throws Exception {
    createWebhook("messages", "roomType=group&mentionedPeople=me", null);
    say(ALICE, Map.of("toPersonEmail", "switchboard@webex.bot", "text", "direct, filtered out"));
    JsonNode mention = say(UMA, Map.of("roomId", org.groupRoomId(),
        "markdown", "<@personId:" + org.botPersonId() + "|Switchboard> whoami"));
    assertThat(sim.awaitDeliveries(WAIT)).isTrue();
    assertThat(receiver.getRequestCount()).isEqualTo(1);
    assertThat(SimClient.json(take().getBody().utf8()).at("/data/id").asText()).isEqualTo(mention.get("id").asText());
  }

  @Test
  void delivery_neverBlocksTheMessageAnswer() throws Exception {
    hold = new CountDownLatch(1);
    createWebhook("messages", null, SECRET);
    SimClient.Reply reply = client.post(org.tokenFor(BOB), "/messages",
        Map.of("toPersonEmail", "switchboard@webex.bot", "text", "hi"));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(sim.awaitDeliveries(Duration.ofMillis(50))).isFalse(); // still held at the receiver
    hold.countDown();
    assertThat(sim.awaitDeliveries(WAIT)).isTrue();
    assertThat(sim.deliveries()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(200));
  }

  @Test
  void cardSubmit_firesAttachmentActionsWebhookOfTheCardAuthor() throws Exception {
    createWebhook("attachmentActions", null, SECRET);
    Map<String, Object> card = Map.of("contentType", MessageRoutes.CARD_CONTENT_TYPE, "content",
        Map.of("type", "AdaptiveCard", "version", "1.3", "body", List.of(),
            "actions", List.of(Map.of("type", "Action.Submit", "title", "Confirm", "data", Map.of("action", "confirm")))));
    JsonNode cardMessage = client.post(org.botToken(), "/messages", Map.of("toPersonEmail", ANA,
        "markdown", "Intercept on at 2 locations?", "attachments", List.of(card))).json();
    assertThat(cardMessage.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");

    SimClient.Reply submitted = client.post(org.tokenFor(ANA), "/attachment/actions",
        Map.of("type", "submit", "messageId", cardMessage.get("id").asText(), "inputs", Map.of("action", "confirm")));
    assertThat(submitted.status()).isEqualTo(202);

    RecordedRequest request = take();
    byte[] raw = request.getBody().toByteArray();
    assertThat(request.getHeaders().get("X-Spark-Signature")).isEqualTo(hmacSha1Hex(SECRET, raw));
    JsonNode envelope = SimClient.json(new String(raw, StandardCharsets.UTF_8));
    assertThat(envelope.get("resource").asText()).isEqualTo("attachmentActions");
    assertThat(envelope.get("actorId").asText()).isEqualTo(org.personId(ANA));
    JsonNode data = envelope.get("data");
    assertThat(data.get("id").asText()).isEqualTo(submitted.json().get("id").asText());
    assertThat(data.get("type").asText()).isEqualTo("submit");
    assertThat(data.get("messageId").asText()).isEqualTo(cardMessage.get("id").asText());
    assertThat(data.get("personId").asText()).isEqualTo(org.personId(ANA));
    assertThat(data.get("roomId").asText()).isEqualTo(org.directRoomId(ANA));

    JsonNode action = client.get(org.botToken(), "/attachment/actions/" + data.get("id").asText()).json();
    assertThat(action.at("/inputs/action").asText()).isEqualTo("confirm");
    assertThat(client.post(org.botToken(), "/attachment/actions", Map.of("type", "submit",
        "messageId", cardMessage.get("id").asText(), "inputs", Map.of())).status()).isEqualTo(403);
    assertThat(client.post(org.tokenFor(ANA), "/attachment/actions", Map.of("type", "press",
        "messageId", cardMessage.get("id").asText(), "inputs", Map.of())).status()).isEqualTo(400);
  }

  @Test
  void failingTarget_isDeactivatedAfterWebexThreshold_andPutReactivates() throws Exception {
    answer.set(500);
    String id = createWebhook("messages", null, SECRET);
    String room = org.directRoomId(BOB);
    for (int i = 0; i < SimState.FAILURE_THRESHOLD; i++) {
      say(BOB, Map.of("roomId", room, "text", "m" + i));
      if (i == SimState.FAILURE_THRESHOLD - 2) {
        assertThat(sim.awaitDeliveries(WAIT)).isTrue();
        assertThat(client.get(org.botToken(), "/webhooks/" + id).json().get("status").asText()).isEqualTo("active");
      }
    }
    assertThat(sim.awaitDeliveries(WAIT)).isTrue();
    assertThat(sim.failedDeliveries(id)).isEqualTo(100);
    assertThat(client.get(org.botToken(), "/webhooks/" + id).json().get("status").asText()).isEqualTo("inactive");

    say(BOB, Map.of("roomId", room, "text", "not delivered"));
    assertThat(sim.awaitDeliveries(WAIT)).isTrue();
    assertThat(receiver.getRequestCount()).isEqualTo(100);

    assertThat(client.put(org.botToken(), "/webhooks/" + id, Map.of("name", "switchboard-messages",
        "targetUrl", receiver.url("/webex/webhook").toString(), "status", "inactive")).status()).isEqualTo(400);
    SimClient.Reply reactivated = client.put(org.botToken(), "/webhooks/" + id, Map.of("name", "switchboard-messages",
        "targetUrl", receiver.url("/webex/webhook").toString(), "status", "active"));
    assertThat(reactivated.status()).isEqualTo(200);
    assertThat(reactivated.json().get("status").asText()).isEqualTo("active");

    // Reactivated within five minutes of being disabled: the next failure disables it again (Webex guide).
    say(BOB, Map.of("roomId", room, "text", "fails once more"));
    assertThat(sim.awaitDeliveries(WAIT)).isTrue();
    assertThat(sim.webhooksOf("bot")).singleElement()
        .satisfies(w -> assertThat(w.get("status").asText()).isEqualTo("inactive"));
  }

  @Test
  void unreachableTarget_countsAsFailure() {
    SimClient.Reply created = client.post(org.botToken(), "/webhooks", Map.of("name", "dead",
        "targetUrl", "http://127.0.0.1:9/nowhere", "resource", "messages", "event", "created"));
    say(BOB, Map.of("toPersonEmail", "switchboard@webex.bot", "text", "hi"));
    assertThat(sim.awaitDeliveries(WAIT)).isTrue();
    assertThat(sim.failedDeliveries(created.json().get("id").asText())).isEqualTo(1);
    assertThat(sim.deliveries()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(-1));
  }

  @Test
  void crud_validatesAndScopesWebhooksToTheirOwner() {
    String target = receiver.url("/webex/webhook").toString();
    assertThat(client.post(org.botToken(), "/webhooks", Map.of("targetUrl", target, "resource", "messages",
        "event", "created")).status()).isEqualTo(400);
    assertThat(client.post(org.botToken(), "/webhooks", Map.of("name", "x", "targetUrl", target,
        "resource", "message", "event", "created")).status()).isEqualTo(400);
    assertThat(client.post(org.botToken(), "/webhooks", Map.of("name", "x", "targetUrl", target,
        "resource", "messages", "event", "posted")).status()).isEqualTo(400);
    assertThat(client.post(org.botToken(), "/webhooks", Map.of("name", "x", "targetUrl", "not a url",
        "resource", "messages", "event", "created")).status()).isEqualTo(400);
    assertThat(client.post(org.botToken(), "/webhooks", Map.of("name", "x", "targetUrl", target,
        "resource", "messages", "event", "created", "filter", "colour=blue")).status()).isEqualTo(400);

    String first = createWebhook("messages", null, SECRET);
    String second = createWebhook("attachmentActions", null, SECRET);
    JsonNode page = client.get(org.botToken(), "/webhooks?max=1").json();
    assertThat(page.get("items")).hasSize(1);
    assertThat(client.get(org.botToken(), "/webhooks?max=1").header("Link")).contains("rel=\"next\"");
    assertThat(client.get(org.botToken(), "/webhooks").json().get("items")).hasSize(2);
    assertThat(client.get(org.tokenFor(ALICE), "/webhooks").json().get("items")).isEmpty();
    assertThat(client.get(org.tokenFor(ALICE), "/webhooks/" + first).status()).isEqualTo(404);

    JsonNode updated = client.put(org.botToken(), "/webhooks/" + first, Map.of("name", "renamed",
        "targetUrl", target + "?v=2", "secret", "new-secret", "resource", "rooms")).json();
    assertThat(updated.get("name").asText()).isEqualTo("renamed");
    assertThat(updated.get("secret").asText()).isEqualTo("new-secret");
    assertThat(updated.get("resource").asText()).isEqualTo("messages");
    assertThat(client.put(org.botToken(), "/webhooks/" + first, Map.of("name", "no target")).status()).isEqualTo(400);

    assertThat(client.delete(org.botToken(), "/webhooks/" + second).status()).isEqualTo(204);
    assertThat(client.get(org.botToken(), "/webhooks/" + second).status()).isEqualTo(404);
    assertThat(sim.webhooksOf("bot")).singleElement().satisfies(w -> assertThat(w.get("id").asText()).isEqualTo(first));
  }
}
