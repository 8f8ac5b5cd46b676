package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.Await;
import dev.switchboard.chat.ManualTimers;
import dev.switchboard.chat.webex.AdaptiveCardRenderer;
import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code serve} with {@code WEBEX_TRANSPORT=websocket} against the simulator: no public URL, no webhook registered, and
 * people still get one answer per message in their thread, through reconnects and replays.
 */
final class WebexSocketServeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dataDir;
  private WebexSimulator simulator;
  private Service service;
  private final OkHttpClient http = new OkHttpClient();
  private final ManualTimers timers = new ManualTimers();

  @BeforeEach
  void start() throws IOException {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    Path policy = Files.writeString(dataDir.resolve("policy.yaml"), dev.switchboard.sim.DemoOrg.policyYaml());
    Map<String, String> env = new HashMap<>();
    env.put("WEBEX_BOT_TOKEN", simulator.org().botToken());
    env.put("WEBEX_TRANSPORT", "websocket");
    env.put("WEBEX_U2C_URL", "http://127.0.0.1:" + simulator.port() + "/u2c/api/v1");
    env.put("WEBEX_ADMIN_TOKEN", simulator.org().adminToken());
    env.put("WEBEX_API_BASE", simulator.baseUrl());
    env.put("PORT", Integer.toString(freePort()));
    env.put("SWITCHBOARD_POLICY", policy.toString());
    env.put("SWITCHBOARD_DATA_DIR", dataDir.resolve("data").toString());
    Config config = ((ConfigLoader.Result.Loaded) ConfigLoader.load(env)).config();
    // The websocket's timers move by hand: a reconnect's backoff is checked, not waited out.
    service = ServeCommand.start(config, "127.0.0.1",
        settings -> settings.socketTime(new Service.SocketTime(name -> timers, () -> 0)));
    timers.advance(Duration.ZERO);
    awaitSocket("connected");
  }

  @AfterEach
  void stop() {
    if (service != null) service.close();
    simulator.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private JsonNode readyz() {
    try (Response response = http.newCall(new Request.Builder()
        .url("http://127.0.0.1:" + service.port() + "/readyz").build()).execute()) {
      return JSON.readTree(response.body().string());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private int readyzCode() {
    try (Response response = http.newCall(new Request.Builder()
        .url("http://127.0.0.1:" + service.port() + "/readyz").build()).execute()) {
      return response.code();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void awaitSocket(String state) {
    Await.until(() -> Optional.of(readyz()).filter(r -> r.at("/webexSocket/state").asText().equals(state)));
  }

  private JsonNode call(String email, String path, Object body) {
    Request request = new Request.Builder().url(simulator.baseUrl() + path)
        .header("Authorization", "Bearer " + simulator.org().tokenFor(email))
        .post(RequestBody.create(write(body), MediaType.get("application/json"))).build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      assertThat(response.isSuccessful()).as("%s -> %s %s", path, response.code(), text).isTrue();
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] write(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String say(String text) {
    return call(ANA, "/messages", Map.of("roomId", simulator.org().directRoomId(ANA), "text", text)).get("id").asText();
  }

  private List<JsonNode> replies(String room, String threadRoot) {
    return simulator.messagesInRoom(room).stream()
        .filter(m -> simulator.org().botPersonId().equals(m.path("personId").asText())
            && threadRoot.equals(m.path("parentId").asText()))
        .toList();
  }

  private JsonNode awaitReply(String room, String threadRoot, int n) {
    return Await.until(() -> {
      List<JsonNode> replies = replies(room, threadRoot);
      return replies.size() >= n ? Optional.of(replies.get(n - 1)) : Optional.empty();
    });
  }

  @Test
  void messageOverTheWebsocket_isAnsweredOnceInItsThread_withNoWebhookRegistered() {
    String room = simulator.org().directRoomId(ANA);
    String sent = say("intercept on at London");

    JsonNode reply = awaitReply(room, sent, 1);

    assertThat(reply.get("markdown").asText()).contains("Intercept is now ON at London");
    assertThat(simulator.locationIntercept("London").get("enabled").asBoolean()).isTrue();
    assertThat(simulator.webhooksOf("bot")).isEmpty();
    // a later message's answer means the first was not run again in the meantime
    awaitReply(room, say("whoami"), 1);
    assertThat(replies(room, sent)).hasSize(1);
  }

  @ParameterizedTest(name = "close {0}")
  @ValueSource(ints = {1001, 1005, 1006, 1011, 4401})
  void reconnectInTheMiddle_losesNothing_andRunsNothingTwice(int code) {
    String room = simulator.org().directRoomId(ANA);
    String before = say("intercept on at London");
    awaitReply(room, before, 1);

    simulator.mercury().replayOnConnect(true); // Webex replays recent activities after a reconnect
    simulator.mercury().closeAll(code, "scripted");
    awaitSocket("reconnecting");
    // 4401 comes back at once with a fresh token; the others after the first backoff step (no jitter here)
    Duration pause = code == 4401 ? Duration.ZERO : Duration.ofSeconds(1);
    Await.until(() -> timers.nextDue().filter(pause::equals));
    String during = say("intercept on at Austin"); // while the bot is away
    timers.advance(pause);
    awaitSocket("connected");
    awaitReply(room, during, 1);
    String after = say("whoami");
    awaitReply(room, after, 1);

    assertThat(replies(room, before)).hasSize(1);
    assertThat(replies(room, during)).hasSize(1);
    assertThat(simulator.locationIntercept("Austin").get("enabled").asBoolean()).isTrue();
    assertThat(simulator.mercury().connections()).isEqualTo(2);
    assertThat(readyz().at("/webexSocket/reconnects").asLong()).isEqualTo(1);
    assertThat(readyz().at("/webexSocket/lastClose").asText()).startsWith(Integer.toString(code));
  }

  @Test
  void lostFrame_theNextShowsTheGap_andTheReconnectBringsItAgain_eachRunOnce() {
    String room = simulator.org().directRoomId(ANA);
    String first = say("whoami");
    awaitReply(room, first, 1);
    // the buffer state, Ana's message and the bot's own reply: all three acked before a frame is lost
    Await.until(() -> Optional.of(simulator.mercury().acks()).filter(a -> a.size() == 3));

    simulator.mercury().loseNext(1);
    String lost = say("intercept on at London"); // numbered, never sent
    String next = say("intercept on at Austin"); // arrives one number too far on
    awaitSocket("reconnecting");
    Await.until(() -> timers.nextDue().filter(Duration.ofSeconds(1)::equals));
    timers.advance(Duration.ofSeconds(1));
    awaitSocket("connected");

    awaitReply(room, lost, 1);
    awaitReply(room, next, 1);
    awaitReply(room, say("whoami"), 1);
    assertThat(replies(room, lost)).hasSize(1);
    assertThat(replies(room, next)).hasSize(1);
    assertThat(simulator.locationIntercept("London").get("enabled").asBoolean()).isTrue();
    assertThat(readyz().at("/webexSocket/lastClose").asText()).contains("sequence gap: 1 frame(s) lost");
    assertThat(simulator.mercury().connections()).isEqualTo(2);
  }

  @Test
  void replacedConnection_stops_andReadyzSaysSo() {
    assertThat(readyzCode()).isEqualTo(200);
    assertThat(readyz().path("status").asText()).isEqualTo("ready");

    simulator.mercury().closeAll(4000, "replaced");

    awaitSocket("stopped");
    assertThat(readyz().at("/webexSocket/lastClose").asText()).contains("another connection");
    // Deaf until it restarts: not ready, so the probe and the rollout see it.
    assertThat(readyzCode()).isEqualTo(503);
    assertThat(readyz().path("status").asText()).isEqualTo("not ready");
    assertThat(metrics()).contains("switchboard_webex_socket_connected 0.0");
  }

  @Test
  void metrics_showTheConnection_andTheSocketsHandOvers() {
    String room = simulator.org().directRoomId(ANA);
    awaitReply(room, say("whoami"), 1);

    assertThat(metrics()).contains("switchboard_webex_socket_connected 1.0")
        .contains("switchboard_webex_socket_reconnects_total 0.0")
        .contains("platform=\"webex_socket\"");
  }

  private String metrics() {
    try (Response response = http.newCall(new Request.Builder()
        .url("http://127.0.0.1:" + service.port() + "/metrics").build()).execute()) {
      return response.body().string();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void cardButtonOverTheWebsocket_confirmsTheChange() {
    String room = simulator.org().groupRoomId();
    JsonNode sent = call(ANA, "/messages", Map.of("roomId", room, "markdown",
        "<@personEmail:" + simulator.org().botEmail() + "|Switchboard> intercept on at Austin, Denver"));
    JsonNode preview = awaitReply(room, sent.get("id").asText(), 1);
    assertThat(preview.get("markdown").asText()).contains("Preview");

    call(ANA, "/attachment/actions", Map.of("type", "submit", "messageId", preview.get("id").asText(),
        "inputs", Map.of(AdaptiveCardRenderer.ACTION_INPUT, "confirm")));

    JsonNode done = awaitReply(room, sent.get("id").asText(), 2);
    assertThat(done.get("markdown").asText()).contains("Intercept changed at 2 of 2 locations");
    assertThat(simulator.locationIntercept("Denver").get("enabled").asBoolean()).isTrue();
  }

  @Test
  void cleanStop_deletesTheBotsDevice() {
    assertThat(simulator.mercury().devicesRegistered()).isEqualTo(1);
    service.close();
    service = null;
    assertThat(simulator.mercury().devicesRegistered()).isZero();
  }
}
