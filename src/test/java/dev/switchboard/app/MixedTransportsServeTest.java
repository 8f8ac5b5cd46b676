package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.Await;
import dev.switchboard.chat.ManualTimers;
import dev.switchboard.chat.slack.SlackSignature;
import dev.switchboard.chat.slack.socket.SocketModeFake;
import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
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

/**
 * {@code serve} with one platform over a public URL and the other outbound only: Webex over its websocket beside
 * Slack's signed requests, and Webex's webhooks beside Slack's Socket Mode. Each platform answers as if alone.
 */
final class MixedTransportsServeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SIGNING_SECRET = "mixed-signing-secret";

  @TempDir
  Path dataDir;
  private final SocketModeFake slack = new SocketModeFake(Map.of("U_ANA", ANA));
  private final ManualTimers timers = new ManualTimers();
  private final OkHttpClient http = new OkHttpClient();
  private WebexSimulator simulator;
  private Service service;

  @BeforeEach
  void simulator() {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
  }

  @AfterEach
  void stop() {
    if (service != null) service.close();
    simulator.close();
    slack.close();
  }

  private Map<String, String> env() throws IOException {
    Path policy = Files.writeString(dataDir.resolve("policy.yaml"), dev.switchboard.sim.DemoOrg.policyYaml());
    Map<String, String> env = new HashMap<>();
    env.put("WEBEX_BOT_TOKEN", simulator.org().botToken());
    env.put("WEBEX_ADMIN_TOKEN", simulator.org().adminToken());
    env.put("WEBEX_API_BASE", simulator.baseUrl());
    env.put("SLACK_BOT_TOKEN", SocketModeFake.BOT_TOKEN);
    env.put("SLACK_API_BASE", slack.apiBase());
    env.put("SLACK_RESPONSE_HOSTS", slack.responseHost());
    try (ServerSocket socket = new ServerSocket(0)) {
      env.put("PORT", Integer.toString(socket.getLocalPort()));
    }
    env.put("SWITCHBOARD_POLICY", policy.toString());
    env.put("SWITCHBOARD_DATA_DIR", dataDir.resolve("data").toString());
    return env;
  }

  private void serve(Map<String, String> env) {
    Config config = ((ConfigLoader.Result.Loaded) ConfigLoader.load(env)).config();
    service = ServeCommand.start(config, "127.0.0.1",
        settings -> settings.socketTime(new Service.SocketTime(name -> timers, () -> 0)));
    timers.advance(Duration.ZERO);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + service.port() + path;
  }

  private JsonNode readyz() throws IOException {
    try (Response response = http.newCall(new Request.Builder().url(url("/readyz")).build()).execute()) {
      return JSON.readTree(response.body().string());
    }
  }

  private void awaitReadyz(String pointer, String value) {
    Await.until(() -> {
      try {
        return Optional.of(readyz()).filter(r -> r.at(pointer).asText().equals(value));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  /** Ana says {@code text} to the bot in Webex, and the bot's answer in her thread. */
  private String webexAnswer(String text) {
    String room = simulator.org().directRoomId(ANA);
    JsonNode sent = new WebexClientPerson(simulator, ANA).say(room, text);
    return Await.until(() -> simulator.messagesInRoom(room).stream()
        .filter(m -> sent.get("id").asText().equals(m.path("parentId").asText())).findFirst())
        .get("markdown").asText();
  }

  private JsonNode slackAnswer(int responseUrl) {
    return Await.until(() -> slack.posts().stream().filter(p -> p.path().equals("response/" + responseUrl))
        .findFirst()).body();
  }

  @Test
  void webexOverTheWebsocket_besideSlackOverSignedRequests() throws Exception {
    Map<String, String> env = env();
    env.put("WEBEX_TRANSPORT", "websocket");
    env.put("WEBEX_U2C_URL", "http://127.0.0.1:" + simulator.port() + "/u2c/api/v1");
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    serve(env);
    awaitReadyz("/webexSocket/state", "connected");

    assertThat(webexAnswer("intercept on at London")).contains("Intercept is now ON at London");
    String body = "team_id=" + SocketModeFake.TEAM + "&channel_id=C0OPS&user_id=U_ANA&command=%2Fswitchboard"
        + "&text=" + URLEncoder.encode("intercept on at HQ", StandardCharsets.UTF_8) + "&trigger_id=t1"
        + "&response_url=" + URLEncoder.encode(slack.responseUrl(1), StandardCharsets.UTF_8);
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    try (Response ack = http.newCall(new Request.Builder().url(url("/slack/commands"))
        .header(SlackSignature.TIMESTAMP_HEADER, ts)
        .header(SlackSignature.SIGNATURE_HEADER, new SlackSignature(SIGNING_SECRET, Clock.systemUTC())
            .sign(ts, body.getBytes(StandardCharsets.UTF_8)))
        .post(RequestBody.create(body, MediaType.get("application/x-www-form-urlencoded"))).build()).execute()) {
      assertThat(ack.code()).isEqualTo(200);
    }

    assertThat(slackAnswer(1).path("text").asText()).contains("Intercept is now ON at HQ");
    assertThat(readyz().has("slackSocket")).isFalse();
    assertThat(slack.opens()).isZero();
    assertThat(simulator.webhooksOf("bot")).isEmpty();
  }

  @Test
  void webexOverWebhooks_besideSlackOverSocketMode() throws Exception {
    Map<String, String> env = env();
    env.put("WEBEX_WEBHOOK_SECRET", "mixed-webhook-secret");
    env.put("SLACK_APP_TOKEN", SocketModeFake.APP_TOKEN);
    serve(env);
    awaitReadyz("/slackSocket/state", "connected");
    Map<String, String> registerEnv = Map.of("WEBEX_BOT_TOKEN", simulator.org().botToken(),
        "WEBEX_WEBHOOK_SECRET", "mixed-webhook-secret", "WEBEX_API_BASE", simulator.baseUrl());
    assertThat(WebhooksCommand.run(new String[] {"register", "--url", url("")}, registerEnv,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)).isZero();

    assertThat(webexAnswer("intercept on at London")).contains("Intercept is now ON at London");
    slack.send("slash_commands", JSON.createObjectNode().put("team_id", SocketModeFake.TEAM)
        .put("channel_id", "C0OPS").put("user_id", "U_ANA").put("command", "/switchboard")
        .put("text", "intercept on at HQ").put("response_url", slack.responseUrl(1)).put("trigger_id", "t1"));

    assertThat(slackAnswer(1).path("text").asText()).contains("Intercept is now ON at HQ");
    assertThat(readyz().has("webexSocket")).isFalse();
    assertThat(simulator.mercury().devicesRegistered()).isZero();
    try (Response events = http.newCall(new Request.Builder().url(url("/slack/events"))
        .post(RequestBody.create("{}", MediaType.get("application/json"))).build()).execute()) {
      assertThat(events.code()).as("no Slack request URL without a signing secret").isEqualTo(404);
    }
  }
}
