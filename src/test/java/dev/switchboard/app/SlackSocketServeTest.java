package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.Await;
import dev.switchboard.chat.ManualTimers;
import dev.switchboard.chat.slack.BlockKitRenderer;
import dev.switchboard.chat.slack.socket.SocketModeFake;
import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.ops.Reply;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with {@code SLACK_APP_TOKEN} against the Socket Mode fake: no public URL, no request URL, and a slash
 * command, a mention and a button each get one answer, through redeliveries, rotations, refusals and rate limits. The
 * socket's timers are moved by hand; the Webex simulator is the org behind the bot.
 */
final class SlackSocketServeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHANNEL = "C0OPS";

  @TempDir
  Path dataDir;
  private final SocketModeFake slack = new SocketModeFake(Map.of("U_ANA", ANA, "U_PAT", PAT));
  private final ManualTimers timers = new ManualTimers();
  private final OkHttpClient http = new OkHttpClient();
  private WebexSimulator simulator;
  private Service service;
  private int triggers;

  /** Starts serve; the first connection is opened by the test's hand on the timers. */
  private void start() throws IOException {
    start(SocketModeFake.APP_TOKEN);
  }

  private void start(String appToken) throws IOException {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    Path policy = Files.writeString(dataDir.resolve("policy.yaml"), dev.switchboard.sim.DemoOrg.policyYaml());
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", SocketModeFake.BOT_TOKEN);
    env.put("SLACK_APP_TOKEN", appToken);
    env.put("SLACK_API_BASE", slack.apiBase());
    env.put("SLACK_RESPONSE_HOSTS", slack.responseHost());
    env.put("WEBEX_ADMIN_TOKEN", simulator.org().adminToken());
    env.put("WEBEX_API_BASE", simulator.baseUrl());
    env.put("PORT", Integer.toString(freePort()));
    env.put("SWITCHBOARD_POLICY", policy.toString());
    env.put("SWITCHBOARD_DATA_DIR", dataDir.resolve("data").toString());
    Config config = ((ConfigLoader.Result.Loaded) ConfigLoader.load(env)).config();
    service = ServeCommand.start(config, "127.0.0.1",
        settings -> settings.socketTime(new Service.SocketTime(name -> timers, () -> 0)));
    timers.advance(Duration.ZERO);
  }

  private void startConnected() throws IOException {
    start();
    awaitSocket("connected");
  }

  @AfterEach
  void stop() {
    if (service != null) service.close();
    if (simulator != null) simulator.close();
    slack.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private int code(String path) {
    try (Response response = http.newCall(new Request.Builder()
        .url("http://127.0.0.1:" + service.port() + path).build()).execute()) {
      return response.code();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode get(String path) {
    try (Response response = http.newCall(new Request.Builder()
        .url("http://127.0.0.1:" + service.port() + path).build()).execute()) {
      String body = response.body().string();
      return path.equals("/metrics") ? JSON.getNodeFactory().textNode(body) : JSON.readTree(body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void awaitSocket(String state) {
    Await.until(() -> Optional.of(get("/readyz")).filter(r -> r.at("/slackSocket/state").asText().equals(state)));
  }

  private ObjectNode slashCommand(String user, String text, int responseUrl) {
    return JSON.createObjectNode().put("token", "ignored").put("team_id", SocketModeFake.TEAM)
        .put("channel_id", CHANNEL).put("user_id", user).put("command", "/switchboard").put("text", text)
        .put("response_url", slack.responseUrl(responseUrl)).put("trigger_id", "trigger-" + ++triggers);
  }

  private ObjectNode mention(String eventId, String user, String text, String ts) {
    ObjectNode callback = JSON.createObjectNode().put("type", "event_callback").put("team_id", SocketModeFake.TEAM)
        .put("event_id", eventId);
    callback.putObject("event").put("type", "app_mention").put("user", user).put("channel", CHANNEL).put("ts", ts)
        .put("text", "<@" + SocketModeFake.BOT_USER + "> " + text);
    callback.putArray("authorizations").addObject().put("user_id", SocketModeFake.BOT_USER).put("is_bot", true);
    return callback;
  }

  private List<SocketModeFake.Post> postsWhere(Predicate<SocketModeFake.Post> which) {
    return slack.posts().stream().filter(which).toList();
  }

  private SocketModeFake.Post awaitPost(Predicate<SocketModeFake.Post> which) {
    return Await.until(() -> postsWhere(which).stream().findFirst());
  }

  private static Predicate<SocketModeFake.Post> inThread(String ts) {
    return p -> p.path().equals("chat.postMessage") && ts.equals(p.body().path("thread_ts").asText());
  }

  private static Predicate<SocketModeFake.Post> to(int responseUrl) {
    return p -> p.path().equals("response/" + responseUrl);
  }

  @Test
  void slashCommand_overSocketMode_ackSaysWorkingOnIt_andTheAnswerComesOnceThroughItsResponseUrl() throws Exception {
    startConnected();
    String envelope = slack.send("slash_commands", slashCommand("U_ANA", "intercept on at HQ", 1));

    JsonNode answer = awaitPost(to(1)).body();

    assertThat(answer.path("response_type").asText()).isEqualTo("in_channel");
    assertThat(answer.path("text").asText()).contains("Intercept is now ON at HQ");
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
    JsonNode ack = slack.ackFrames().stream().filter(a -> a.path("envelope_id").asText().equals(envelope))
        .findFirst().orElseThrow();
    assertThat(ack.at("/payload/text").asText()).isEqualTo("Working on it…");
    assertThat(ack.at("/payload/response_type").asText()).isEqualTo("ephemeral");
    // a later command's answer means the first was not run again meanwhile
    slack.send("slash_commands", slashCommand("U_ANA", "whoami", 2));
    awaitPost(to(2));
    assertThat(postsWhere(to(1))).hasSize(1);
    assertThat(get("/metrics").asText()).contains("platform=\"slack_socket\"")
        .contains("switchboard_slack_socket_connected 1.0");
  }

  @Test
  void appMention_isAnsweredOnceInItsThread() throws Exception {
    startConnected();
    slack.send("events_api", mention("Ev1", "U_ANA", "intercept on at London", "1700000000.000100"));

    SocketModeFake.Post reply = awaitPost(inThread("1700000000.000100"));

    assertThat(reply.body().path("channel").asText()).isEqualTo(CHANNEL);
    assertThat(reply.body().path("text").asText()).contains("Intercept is now ON at London");
    assertThat(simulator.locationIntercept("London").get("enabled").asBoolean()).isTrue();
    slack.send("events_api", mention("Ev2", "U_ANA", "intercept on at Austin", "1700000000.000200"));
    awaitPost(inThread("1700000000.000200"));
    assertThat(postsWhere(inThread("1700000000.000100"))).hasSize(1);
  }

  @Test
  void redeliveryWithRetryAttempt_runsOnce() throws Exception {
    startConnected();
    ObjectNode event = mention("Ev3", "U_ANA", "intercept on at Denver", "1700000000.000300");
    String id = slack.send("events_api", event);
    awaitPost(inThread("1700000000.000300"));

    slack.redeliver(id, event); // as if our ack was lost: retry_attempt 1
    Await.until(() -> Optional.of(slack.acks()).filter(a -> a.size() == 2));
    slack.send("events_api", mention("Ev4", "U_ANA", "whoami", "1700000000.000400"));
    Await.until(() -> postsWhere(p -> p.body().toString().contains("Ana")).stream()
        .filter(p -> !inThread("1700000000.000300").test(p)).findFirst());
    // The fake records an ack on its socket's thread, which may come after the reply it saw over HTTP.
    Await.until(() -> Optional.of(slack.acks()).filter(a -> a.size() == 3));

    assertThat(slack.acks()).containsExactly(id, id, slack.acks().get(2));
    assertThat(postsWhere(inThread("1700000000.000300"))).hasSize(1);
    assertThat(simulator.calls()).filteredOn(c -> c.method().equals("PUT") && c.path().contains("/intercept"))
        .hasSize(1);
  }

  @Test
  void confirmButton_overSocketMode_appliesThePreviewedChange() throws Exception {
    startConnected();
    slack.send("slash_commands", slashCommand("U_ANA", "intercept on at Austin, Denver", 1));
    JsonNode preview = awaitPost(to(1)).body();
    assertThat(preview.path("text").asText()).contains("Preview");
    JsonNode confirm = button(preview, Reply.Action.CONFIRM);

    ObjectNode press = JSON.createObjectNode().put("type", "block_actions")
        .put("response_url", slack.responseUrl(2)).put("trigger_id", "trigger-press");
    press.putObject("team").put("id", SocketModeFake.TEAM);
    press.putObject("user").put("id", "U_ANA").put("team_id", SocketModeFake.TEAM);
    press.putObject("channel").put("id", CHANNEL);
    press.putArray("actions").addObject().put("action_id", confirm.path("action_id").asText())
        .put("value", confirm.path("value").asText()).put("type", "button");
    slack.send("interactive", press);

    JsonNode done = awaitPost(to(2)).body();
    assertThat(done.path("text").asText()).contains("Intercept changed at 2 of 2 locations");
    assertThat(simulator.locationIntercept("Austin").get("enabled").asBoolean()).isTrue();
    assertThat(simulator.locationIntercept("Denver").get("enabled").asBoolean()).isTrue();
  }

  private static JsonNode button(JsonNode message, Reply.Action action) {
    List<JsonNode> found = new ArrayList<>();
    message.path("blocks").forEach(block -> block.path("elements").forEach(element -> {
      if (element.path("action_id").asText().equals(BlockKitRenderer.actionId(action))) found.add(element);
    }));
    assertThat(found).as("a %s button on %s", action, message).isNotEmpty();
    return found.get(0);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "disconnect {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"refresh_requested", "warning"})
  void disconnect_opensTheNewConnectionBeforeClosingTheOld_andLosesNothing(String reason) throws Exception {
    startConnected();
    slack.disconnect(reason);
    Await.until(() -> timers.nextDue().filter(Duration.ZERO::equals));
    timers.advance(Duration.ZERO);
    Await.until(() -> Optional.of(slack.timeline()).filter(t -> t.contains("close 1")));

    assertThat(slack.timeline()).containsExactly("open 1", "open 2", "close 1");
    slack.send("events_api", mention("Ev5", "U_ANA", "intercept on at HQ", "1700000000.000500"));
    awaitPost(inThread("1700000000.000500"));
    assertThat(get("/readyz").at("/slackSocket/state").asText()).isEqualTo("connected");
    assertThat(get("/readyz").path("status").asText()).isEqualTo("ready");
    assertThat(code("/readyz")).isEqualTo(200);
  }

  @Test
  void eleventhSocketRefused_backsOffBoundedly_andConnectsOnceASlotIsFree() throws Exception {
    slack.burst = 100; // the opens themselves are not rate limited here: only the sockets are refused
    slack.occupy(10);
    Await.until(() -> Optional.of(slack.connections().size()).filter(n -> n == 10));
    start();
    List<Duration> pauses = new ArrayList<>();
    for (int refusal = 1; refusal <= 8; refusal++) {
      int seen = refusal;
      Await.until(() -> Optional.of(slack.refused()).filter(n -> n == seen));
      Duration pause = Await.until(() -> timers.nextDue().filter(d -> d.compareTo(Duration.ZERO) > 0));
      pauses.add(pause);
      if (refusal < 8) timers.advance(pause);
    }

    assertThat(pauses).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 32L, 32L);
    assertThat(slack.opens()).as("one open per attempt: no storm").isEqualTo(8);
    assertThat(get("/readyz").at("/slackSocket/state").asText()).isEqualTo("reconnecting");
    assertThat(code("/readyz")).isEqualTo(200); // on its way back by itself
    assertThat(get("/readyz").at("/slackSocket/reconnects").asLong()).isEqualTo(8);
    assertThat(get("/metrics").asText()).contains("switchboard_slack_socket_reconnects_total 8.0")
        .contains("switchboard_slack_socket_connected 0.0");

    slack.release();
    Await.until(() -> Optional.of(slack.connections().size()).filter(n -> n == 0));
    timers.advance(pauses.get(7));
    awaitSocket("connected");
    slack.send("slash_commands", slashCommand("U_ANA", "whoami", 1));
    awaitPost(to(1));
  }

  @Test
  void rateLimitedOpen_waitsItsRetryAfter_eachTime_andNeverStorms() throws Exception {
    slack.burst = 0;
    start();
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(slack.opens()).isEqualTo(attempt);
      assertThat(timers.nextDue()).contains(Duration.ofSeconds(3));
      if (attempt < 4) timers.advance(Duration.ofSeconds(3));
    }
    assertThat(get("/readyz").at("/slackSocket/lastClose").asText()).contains("429");

    slack.calm();
    slack.burst = 5;
    timers.advance(Duration.ofSeconds(3));
    awaitSocket("connected");
    assertThat(slack.opens()).isEqualTo(5);
  }

  @Test
  void cleanStop_closesTheConnection() throws Exception {
    startConnected();
    service.close();
    service = null;
    Await.until(() -> Optional.of(slack.timeline()).filter(t -> t.contains("close 1")));
    assertThat(slack.connections()).isEmpty();
  }

  @Test
  void malformedEnvelopes_areAcked_andChangeNothing() throws Exception {
    startConnected();
    String notAnEvent = slack.send("events_api", JSON.createObjectNode().put("type", "event_callback"));
    String noUser = slack.send("slash_commands", JSON.createObjectNode().put("text", "intercept on at HQ"));
    String notAPress = slack.send("interactive", JSON.createObjectNode().put("type", "view_submission"));

    Await.until(() -> Optional.of(slack.acks()).filter(a -> a.size() == 3));
    assertThat(slack.acks()).containsExactlyInAnyOrder(notAnEvent, noUser, notAPress);
    assertThat(slack.ackFrames()).allSatisfy(ack -> assertThat(ack.has("payload")).isFalse());
    slack.send("slash_commands", slashCommand("U_ANA", "whoami", 1));
    awaitPost(to(1));
    assertThat(slack.posts()).hasSize(1);
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
  }

  @Test
  void appTokenSlackRefuses_failsOnce_namingTheVariable_andDoesNotRetry() throws Exception {
    start("xapp-1-revoked");
    awaitSocket("failed");

    assertThat(get("/readyz").at("/slackSocket/lastClose").asText()).contains("invalid_auth")
        .contains("SLACK_APP_TOKEN");
    assertThat(get("/readyz").path("status").asText()).isEqualTo("not ready");
    assertThat(code("/readyz")).isEqualTo(503);
    assertThat(timers.nextDue()).isEmpty();
    assertThat(slack.opens()).isZero(); // refused before it counted as an open
  }

  @Test
  void linkDisabled_stopsSocketMode_andSaysSo() throws Exception {
    startConnected();
    slack.disconnect("link_disabled");
    awaitSocket("stopped");

    assertThat(get("/readyz").at("/slackSocket/lastClose").asText()).contains("link_disabled");
    assertThat(timers.nextDue()).isEmpty();
    assertThat(slack.opens()).isEqualTo(1);
  }
}
