package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.chat.webex.WebexSignature;
import dev.switchboard.sim.RecordedCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries POSTed to the running bot by hand, the way a curl would: signatures, garbage, replays. */
final class WebexWebhookTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  private RunningBot bot;

  @BeforeEach
  void start() {
    bot = new RunningBot(dataDir, false);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private ObjectNode envelope(JsonNode message) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("id", "webhook-1").put("name", "switchboard-messages").put("resource", "messages")
        .put("event", "created").put("orgId", bot.org.orgId()).put("createdBy", bot.org.botPersonId())
        .put("appId", "app").put("ownedBy", "creator").put("status", "active")
        .put("actorId", message.get("personId").asText());
    envelope.putObject("data").put("id", message.get("id").asText()).put("roomId", message.get("roomId").asText())
        .put("roomType", "direct").put("personId", message.get("personId").asText())
        .put("personEmail", message.path("personEmail").asText()).put("created", message.get("created").asText());
    return envelope;
  }

  private int deliver(byte[] body, String signature) throws IOException {
    Request.Builder request = new Request.Builder().url(bot.url("/webex/webhook"))
        .post(RequestBody.create(body, MediaType.get("application/json")));
    if (signature != null) request.header(WebexSignature.HEADER, signature);
    try (Response response = bot.http.newCall(request.build()).execute()) {
      return response.code();
    }
  }

  private int deliverSigned(byte[] body) throws IOException {
    return deliver(body, new WebexSignature(RunningBot.SECRET).sign(body));
  }

  private long calls(String method, String pathPrefix) {
    return bot.simulator.calls().stream().map(RecordedCall.class::cast)
        .filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).count();
  }

  private JsonNode anaSays(String text) {
    return bot.post(ANA, Map.of("roomId", bot.org.directRoomId(ANA), "text", text));
  }

  @Test
  void signedDelivery_runsTheCommand_andAnswers200() throws IOException {
    JsonNode message = anaSays("intercept on at HQ");

    assertThat(deliverSigned(JSON.writeValueAsBytes(envelope(message)))).isEqualTo(200);

    bot.awaitReply(message.get("roomId").asText(), message.get("id").asText(), 1);
    assertThat(bot.simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
  }

  @Test
  void aFloodOfSignedDeliveries_isAcked_toldBusy_andRunsNothing_untilItStops_whileAForgedFloodShutsNothing()
      throws Exception {
    bot.close();
    // A flood from 20 commands a second (1000 in service): two in a tenth of a second, on a clock the test moves.
    dev.switchboard.TestClock time = new dev.switchboard.TestClock(java.time.Instant.now());
    bot = new RunningBot(dataDir.resolve("flood"), false, time, null, settings -> settings.floodPerSecond(20));
    String room = bot.org.directRoomId(ANA);
    byte[] forged = "{\"resource\":\"messages\"}".getBytes(StandardCharsets.UTF_8);

    // Forged ones are turned away before they are counted: the command after them runs.
    for (int i = 0; i < 20; i++) assertThat(deliver(forged, "sha1=00")).isEqualTo(401);
    JsonNode status = anaSays("intercept status at HQ");
    assertThat(deliverSigned(JSON.writeValueAsBytes(envelope(status)))).isEqualTo(200);
    assertThat(bot.awaitReply(room, status.get("id").asText(), 1).path("markdown").asText()).contains("HQ");

    // Two signed ones in the same tenth of a second: the second is part of a flood, acked, its sender told busy.
    time.advance(java.time.Duration.ofMillis(200));
    JsonNode first = anaSays("whoami");
    JsonNode second = anaSays("intercept on at HQ");
    assertThat(deliverSigned(JSON.writeValueAsBytes(envelope(first)))).isEqualTo(200);
    assertThat(deliverSigned(JSON.writeValueAsBytes(envelope(second)))).isEqualTo(200);
    bot.awaitReply(room, first.get("id").asText(), 1);
    JsonNode busy = bot.awaitReply(room, second.get("id").asText(), 1);
    assertThat(busy.path("markdown").asText()).contains("I'm busy with other commands right now");
    assertThat(calls("PUT", "/telephony")).isZero();
    assertThat(metrics()).contains("switchboard_commands_offered_per_second 20.0");

    // Once it has stopped (two quiet tenths), commands run again.
    time.advance(java.time.Duration.ofMillis(200));
    JsonNode again = anaSays("intercept on at HQ");
    assertThat(deliverSigned(JSON.writeValueAsBytes(envelope(again)))).isEqualTo(200);
    JsonNode ran = bot.awaitReply(room, again.get("id").asText(), 1);
    assertThat(bot.simulator.locationIntercept("HQ").get("enabled").asBoolean()).as(ran.toString()).isTrue();
  }

  @Test
  void sameDeliveryTwice_runsOnce() throws IOException {
    JsonNode message = anaSays("intercept on at HQ");
    byte[] body = JSON.writeValueAsBytes(envelope(message));

    assertThat(deliverSigned(body)).isEqualTo(200);
    assertThat(deliverSigned(body)).isEqualTo(200);

    bot.awaitReply(message.get("roomId").asText(), message.get("id").asText(), 1);
    assertThat(metrics()).contains("switchboard_webhook_handling_seconds_count{fate=\"started\",platform=\"webex\"} 1")
        .contains("switchboard_webhook_handling_seconds_count{fate=\"duplicate\",platform=\"webex\"} 1");
    assertThat(calls("PUT", "/telephony")).isEqualTo(1);
  }

  private String metrics() {
    try (Response metrics = bot.http.newCall(new Request.Builder().url(bot.url("/metrics")).build()).execute()) {
      return metrics.body().string();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void capturedUndo_replayedAfterTheWindow_isNotRun() throws IOException {
    bot.close();
    dev.switchboard.TestClock time = new dev.switchboard.TestClock(java.time.Instant.now());
    bot = new RunningBot(dataDir.resolve("timed"), false, time);
    String room = bot.org.directRoomId(ANA);
    JsonNode on = anaSays("intercept on at HQ");
    deliverSigned(JSON.writeValueAsBytes(envelope(on)));
    bot.awaitReply(room, on.get("id").asText(), 1);
    JsonNode undo = anaSays("undo");
    byte[] captured = JSON.writeValueAsBytes(envelope(undo));
    deliverSigned(captured);
    bot.awaitReply(room, undo.get("id").asText(), 1);
    JsonNode again = anaSays("intercept on at HQ");
    deliverSigned(JSON.writeValueAsBytes(envelope(again)));
    bot.awaitReply(room, again.get("id").asText(), 1);
    long putsBefore = calls("PUT", "/telephony");

    // 65 minutes on, the delivery's id is forgotten; its message is too old to run.
    time.advance(java.time.Duration.ofMinutes(65));
    assertThat(deliverSigned(captured)).isEqualTo(200);

    assertThat(metrics()).contains("switchboard_rejected_total{platform=\"webex\",reason=\"stale_message\"} 1")
        .contains("fate=\"refused\"");
    assertThat(bot.simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
    assertThat(calls("PUT", "/telephony")).isEqualTo(putsBefore);
    assertThat(bot.botReplies(room, undo.get("id").asText())).hasSize(1);
  }

  @Test
  void forgedFlood_eachRejectedAndCountedByReason() throws IOException {
    byte[] body = JSON.writeValueAsBytes(envelope(anaSays("intercept on at HQ")));
    for (int i = 0; i < 100; i++) assertThat(deliver(body, "0".repeat(40))).isEqualTo(401);
    for (int i = 0; i < 50; i++) assertThat(deliver(body, null)).isEqualTo(401);

    assertThat(metrics())
        .contains("switchboard_rejected_total{platform=\"webex\",reason=\"bad_signature\"} 100")
        .contains("switchboard_rejected_total{platform=\"webex\",reason=\"missing_signature\"} 50");
    assertThat(bot.simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
  }

  @Test
  void missingOrWrongSignature_is401_andNothingRuns() throws IOException {
    JsonNode message = anaSays("intercept on at HQ");
    byte[] body = JSON.writeValueAsBytes(envelope(message));
    bot.simulator.clearCalls();

    assertThat(deliver(body, null)).isEqualTo(401);
    assertThat(deliver(body, new WebexSignature("another-secret").sign(body))).isEqualTo(401);
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("webhook-1", "webhook-2")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(deliver(tampered, new WebexSignature(RunningBot.SECRET).sign(body))).isEqualTo(401);

    // Only the periodic readiness check (GET /people/me) may have called Webex meanwhile.
    assertThat(bot.simulator.calls()).allSatisfy(c -> assertThat(c.path()).isEqualTo("/people/me"));
  }

  @Test
  void signedGarbage_is400_andCountedAsSuch() throws IOException {
    assertThat(deliverSigned("{not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
    assertThat(deliverSigned("{\"resource\":\"messages\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
    assertThat(deliverSigned("{\"resource\":\"messages\",\"event\":\"created\",\"data\":[1]}"
        .getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
    assertThat(metrics())
        .contains("switchboard_webhook_handling_seconds_count{fate=\"http_400\",platform=\"webex\"} 3")
        .doesNotContain("fate=\"http_200\"");
  }

  @Test
  void oversizedBody_is413() throws IOException {
    byte[] body = new byte[(int) HttpServer.MAX_BODY_BYTES + 1];
    assertThat(deliverSigned(body)).isEqualTo(413);
  }

  @Test
  void deliveryOfTheBotsOwnMessage_isIgnored() throws IOException {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("resource", "messages").put("event", "created");
    envelope.putObject("data").put("id", "bot-message").put("roomId", bot.org.directRoomId(ANA))
        .put("personId", bot.org.botPersonId()).put("personEmail", bot.org.botEmail());
    bot.simulator.clearCalls();

    assertThat(deliverSigned(JSON.writeValueAsBytes(envelope))).isEqualTo(200);
    assertThat(metrics()).contains("fate=\"from_bot\"");
    assertThat(calls("GET", "/messages/")).isZero();
  }

  @Test
  void healthReadinessAndMetrics_answer() throws IOException {
    try (Response health = bot.http.newCall(new Request.Builder().url(bot.url("/healthz")).build()).execute()) {
      assertThat(health.code()).isEqualTo(200);
    }
    JsonNode ready = dev.switchboard.Await.poll(() -> {
      try (Response r = bot.http.newCall(new Request.Builder().url(bot.url("/readyz")).build()).execute()) {
        JsonNode body = JSON.readTree(r.body().string());
        return "ok".equals(body.at("/webex/admin").asText()) ? java.util.Optional.of(body) : java.util.Optional.empty();
      } catch (IOException e) {
        return java.util.Optional.empty();
      }
    }).orElseThrow();
    assertThat(ready.at("/webex/bot").asText()).isEqualTo("ok");

    JsonNode message = anaSays("intercept status at HQ");
    deliverSigned(JSON.writeValueAsBytes(envelope(message)));
    bot.awaitReply(message.get("roomId").asText(), message.get("id").asText(), 1);
    String text = metrics();
    assertThat(text).contains("switchboard_commands_total{kind=\"InterceptStatus\",outcome=\"info\"}")
        .contains("switchboard_webex_calls_seconds_count{operation=\"get_location_intercept\",status=\"200\"}")
        .contains("switchboard_webhook_handling_seconds_count")
        .contains("switchboard_commands_in_flight");
    // The time spent waiting on Webex (the benchmark subtracts it from a command's time to get the bot's own).
    double waiting = text.lines().filter(l -> l.startsWith("switchboard_webex_waiting_seconds_total "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    assertThat(waiting).isPositive();
  }
}
