package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ALICE;
import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.BOB;
import static dev.switchboard.DemoPeople.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.chat.slack.SlackSignature;
import dev.switchboard.ops.PolicyFile;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
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
 * The Slack front end through the real service on port 0: signed Slack requests in, MockWebServer standing
 * in for Slack's Web API and the {@code response_url}s, the Webex simulator's demo org behind the bot.
 */
final class SlackServiceTest {

  private static final String SIGNING_SECRET = "slack-signing-secret";
  private static final String BOT_TOKEN = "xoxb-test-token";
  private static final String CHANNEL = "C0OPS";
  private static final String BOT_USER = "UBOT";
  /** The workspace auth.test names: the bot's own. */
  private static final String TEAM = "T1";
  /** Slack users and the emails their profiles show; U_NOMAIL shows none. */
  private static final Map<String, String> EMAILS = Map.of(
      "U_ANA", ANA,
      "U_BOB", BOB,
      "U_PAT", PAT,
      "U_ALICE", ALICE,
      "U_STRANGER", "stranger@elsewhere.example");

  @TempDir Path dataDir;

  @StartStop
  final MockWebServer slack = new MockWebServer();

  private final ObjectMapper mapper = new ObjectMapper();
  private final OkHttpClient http = new OkHttpClient();
  private final AtomicInteger responseUrls = new AtomicInteger();
  private final List<RecordedRequest> skipped = new ArrayList<>();
  private WebexSimulator simulator;
  private Service service;

  @BeforeEach
  void start() {
    slack.setDispatcher(new FakeSlack());
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    DemoOrg org = simulator.org();
    OkHttpClient shared = Wiring.httpClient();
    WebexClient client = WebexClient.builder()
        .baseUrl(simulator.baseUrl())
        .httpClient(shared)
        .adminTokens(new StaticTokenProvider(org.adminToken()))
        .build();
    service = Service.start(Service.settings(client, shared)
        .slack(new Service.SlackSide(BOT_TOKEN, SIGNING_SECRET, slack.url("/api"), java.util.Optional.empty(),
            List.of(responseHost())))
        .policy(PolicyFile.parse(DemoOrg.policyYaml())).dataDir(dataDir).build());
  }

  @AfterEach
  void stop() {
    if (service != null) service.close();
    if (simulator != null) simulator.close();
  }

  // ---- slash commands -----------------------------------------------------------------------------

  @Test
  void slashCommand_interceptOn_changesWebexAndPostsToTheChannel() throws Exception {
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
    try (Response ack = command("U_ANA", "intercept on at HQ")) {
      assertThat(ack.code()).isEqualTo(200);
      JsonNode body = mapper.readTree(ack.body().string());
      assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
      assertThat(body.path("text").asText()).isEqualTo("Working on it…");
    }
    JsonNode result = awaitPost("/response/");
    assertThat(result.path("response_type").asText()).isEqualTo("in_channel");
    assertThat(result.path("text").asText()).contains("Intercept is now ON at HQ");
    assertThat(result.path("blocks").toString()).contains("switchboard_undo");
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
    // No Webex bot: Slack alone makes no bot-token call.
    assertThat(simulator.calls()).noneMatch(c -> "bot".equals(c.identity()));
  }

  @Test
  void slashCommand_refused_answersOnlyTheRequester() throws Exception {
    command("U_PAT", "intercept on at HQ").close();
    JsonNode result = awaitPost("/response/");
    assertThat(result.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(result.path("text").asText()).startsWith(":no_entry:");
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
  }

  @Test
  void slashCommand_escapedEmail_unescapedBeforeParsing() throws Exception {
    command("U_ANA", "transfer numbers for <mailto:alice@example.com|alice@example.com>").close();
    JsonNode result = awaitPost("/response/");
    assertThat(result.path("text").asText()).contains("Alice").doesNotContain("mailto");
    assertThat(result.path("response_type").asText()).isEqualTo("ephemeral");
  }

  @Test
  void slashCommand_userWithoutEmail_clearRefusal() throws Exception {
    command("U_NOMAIL", "intercept on at HQ").close();
    JsonNode result = awaitPost("/response/");
    assertThat(result.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(result.path("text").asText()).contains("cannot see an email address on your Slack profile");
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
  }

  @Test
  void slashCommand_emailOfNoWebexPerson_refusedByTheSwitchboard() throws Exception {
    command("U_STRANGER", "intercept on at HQ").close();
    JsonNode result = awaitPost("/response/");
    assertThat(result.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(result.path("text").asText()).contains("stranger@elsewhere.example is not a person Switchboard knows");
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
  }

  // ---- events -------------------------------------------------------------------------------------

  @Test
  void urlVerification_answersTheChallenge() throws Exception {
    try (Response response = post("/slack/events", "application/json",
        "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
            + "\"type\":\"url_verification\"}")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }
  }

  @Test
  void appMention_retriedDelivery_runsOnceAndRepliesInTheThread() throws Exception {
    String mention = eventCallback("Ev1", event("app_mention", "U_ANA", "<@UBOT> intercept on at Austin",
        "1700000000.000100", null, null));
    try (Response first = post("/slack/events", "application/json", mention)) {
      assertThat(first.code()).isEqualTo(200);
    }
    try (Response retry = post("/slack/events", "application/json", mention, "X-Slack-Retry-Num", "1",
        "X-Slack-Retry-Reason", "http_timeout")) {
      assertThat(retry.code()).isEqualTo(200);
    }
    RecordedRequest reply = awaitRequest("/api/chat.postMessage");
    JsonNode body = json(reply);
    assertThat(reply.getHeaders().get("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
    assertThat(body.path("channel").asText()).isEqualTo(CHANNEL);
    assertThat(body.path("thread_ts").asText()).isEqualTo("1700000000.000100");
    assertThat(body.path("text").asText()).contains("Intercept is now ON at Austin");

    // SlackInboxTest shows the retry is dropped as a duplicate; here, it is acknowledged and Webex was
    // written once, with a later event's reply as the next one.
    post("/slack/events", "application/json", eventCallback("Ev2", event("app_mention", "U_ANA", "<@UBOT> whoami",
        "1700000000.000200", null, null))).close();
    // a look-up from a channel mention is the requester's alone, outside a thread that is not active yet
    JsonNode next = json(awaitRequest("/api/chat.postEphemeral"));
    assertThat(next.path("user").asText()).isEqualTo("U_ANA");
    assertThat(next.has("thread_ts")).isFalse();
    long puts = simulator.calls().stream().filter(c -> c.method().equals("PUT") && c.path().endsWith("/intercept"))
        .count();
    assertThat(puts).isEqualTo(1);
  }

  @Test
  void appMention_lookUpInAThread_isAnsweredPrivatelyInThatThread() throws Exception {
    post("/slack/events", "application/json", eventCallback("Ev3", event("app_mention", "U_ANA",
        "<@UBOT> intercept status at HQ", "1700000000.000300", "1700000000.000001", null))).close();
    JsonNode body = json(awaitRequest("/api/chat.postEphemeral"));
    assertThat(body.path("user").asText()).isEqualTo("U_ANA");
    assertThat(body.path("channel").asText()).isEqualTo(CHANNEL);
    assertThat(body.path("thread_ts").asText()).isEqualTo("1700000000.000001");
    assertThat(body.path("text").asText()).contains("HQ");
  }

  @Test
  void appMention_askedToShare_isAnsweredInTheChannel() throws Exception {
    post("/slack/events", "application/json", eventCallback("Ev3s", event("app_mention", "U_ANA",
        "<@UBOT> intercept status at HQ and share", "1700000000.000310", "1700000000.000001", null))).close();
    JsonNode body = json(awaitRequest("/api/chat.postMessage"));
    assertThat(body.path("thread_ts").asText()).isEqualTo("1700000000.000001");
    assertThat(body.path("text").asText()).contains("Intercept is off at HQ");
  }

  @Test
  void appMention_refusalAndPreview_areTheRequestersAlone() throws Exception {
    post("/slack/events", "application/json", eventCallback("Ev3p", event("app_mention", "U_ANA",
        "<@UBOT> intercept on at Austin, Denver", "1700000000.000320", null, null))).close();
    JsonNode preview = json(awaitRequest("/api/chat.postEphemeral"));
    assertThat(preview.path("text").asText()).contains("Preview").contains("Press *Confirm* or reply *yes*");
    assertThat(simulator.locationIntercept("Austin").get("enabled").asBoolean()).isFalse();
  }

  @Test
  void directMessage_runsTheCommand() throws Exception {
    ObjectNode dm = event("message", "U_ANA", "intercept on at Denver", "1700000000.000400", null, "im");
    dm.put("channel", "D0DIRECT");
    post("/slack/events", "application/json", eventCallback("Ev4", dm)).close();
    JsonNode body = json(awaitRequest("/api/chat.postMessage"));
    assertThat(body.path("channel").asText()).isEqualTo("D0DIRECT");
    assertThat(body.path("text").asText()).contains("Intercept is now ON at Denver");
    assertThat(simulator.locationIntercept("Denver").get("enabled").asBoolean()).isTrue();
  }

  @Test
  void botsOwnAndOtherBotsMessagesAndEdits_ignored() throws Exception {
    ObjectNode own = event("message", BOT_USER, "intercept on at HQ", "1.1", null, "im");
    own.put("bot_id", "B0SELF");
    ObjectNode otherBot = event("message", "U_ANA", "intercept on at HQ", "1.2", null, "im");
    otherBot.put("subtype", "bot_message").put("bot_id", "B0OTHER");
    ObjectNode edit = event("message", "U_ANA", "intercept on at HQ", "1.3", null, "im");
    edit.put("subtype", "message_changed");
    ObjectNode ownWithoutBotId = event("message", BOT_USER, "intercept on at HQ", "1.4", null, "im");
    int i = 0;
    for (ObjectNode ignored : List.of(own, otherBot, edit, ownWithoutBotId)) {
      try (Response response = post("/slack/events", "application/json", eventCallback("EvIgnored" + i++, ignored))) {
        assertThat(response.code()).isEqualTo(200);
      }
    }
    post("/slack/events", "application/json", eventCallback("Ev5", event("message", "U_ANA", "whoami", "1.5", null,
        "im"))).close();
    JsonNode body = json(awaitRequest("/api/chat.postMessage"));
    assertThat(body.path("thread_ts").asText()).isEqualTo("1.5");
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
  }

  // ---- buttons ------------------------------------------------------------------------------------

  @Test
  void confirmButton_bySomeoneElseRefused_byTheRequesterApplied() throws Exception {
    command("U_ANA", "intercept on at Austin, Denver").close();
    JsonNode preview = awaitPost("/response/");
    assertThat(preview.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(preview.path("blocks").toString()).contains("switchboard_confirm").contains("switchboard_cancel");
    assertThat(simulator.locationIntercept("Austin").get("enabled").asBoolean()).isFalse();

    interact("U_BOB", "switchboard_confirm", "confirm").close();
    JsonNode refused = awaitPost("/response/");
    assertThat(refused.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(refused.path("text").asText()).contains("can confirm the change waiting here");
    assertThat(simulator.locationIntercept("Austin").get("enabled").asBoolean()).isFalse();

    try (Response ack = interact("U_ANA", "switchboard_confirm", "confirm")) {
      assertThat(ack.code()).isEqualTo(200);
    }
    JsonNode applied = awaitPost("/response/");
    assertThat(applied.path("response_type").asText()).isEqualTo("in_channel");
    assertThat(applied.path("replace_original").asBoolean(true)).isFalse();
    assertThat(simulator.locationIntercept("Austin").get("enabled").asBoolean()).isTrue();
    assertThat(simulator.locationIntercept("Denver").get("enabled").asBoolean()).isTrue();
  }

  @Test
  void buttonWithAForeignActionId_ignored() throws Exception {
    try (Response ack = interact("U_ANA", "delete_everything", "yes")) {
      assertThat(ack.code()).isEqualTo(200);
    }
    command("U_ANA", "whoami").close();
    JsonNode next = awaitPost("/response/");
    assertThat(next.path("text").asText()).contains(ANA);
  }

  // ---- serve ---------------------------------------------------------------------------------------

  @Test
  void serve_slackOnlyFromTheEnvironment_answersASlashCommand() throws Exception {
    service.close();
    Map<String, String> env = new java.util.HashMap<>();
    env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_API_BASE", slack.url("/api").toString());
    env.put("SLACK_RESPONSE_HOSTS", responseHost());
    env.put("WEBEX_ADMIN_TOKEN", simulator.org().adminToken());
    env.put("WEBEX_API_BASE", simulator.baseUrl());
    env.put("PORT", Integer.toString(freePort()));
    env.put("SWITCHBOARD_DATA_DIR", dataDir.resolve("serve").toString());
    var config = ((dev.switchboard.config.ConfigLoader.Result.Loaded) dev.switchboard.config.ConfigLoader.load(env))
        .config();
    service = ServeCommand.start(config, "127.0.0.1");
    try (Response webex = http.newCall(new Request.Builder().url(url("/webex/webhook"))
        .post(RequestBody.create("{}", MediaType.get("application/json"))).build()).execute()) {
      assertThat(webex.code()).as("the Webex front end is off").isEqualTo(404);
    }
    command("U_ANA", "whoami").close();
    assertThat(awaitPost("/response/").path("text").asText()).contains(ANA);
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  // ---- refusals at the door -------------------------------------------------------------------------

  @Test
  void badSignature_401AndNothingDone() throws Exception {
    String body = form("user_id", "U_ANA", "channel_id", CHANNEL, "text", "intercept on at HQ", "response_url",
        slack.url("/response/x").toString());
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    for (String signature : new String[] {"v0=" + "0".repeat(64), null, "garbage"}) {
      Request.Builder request = new Request.Builder().url(url("/slack/commands"))
          .post(RequestBody.create(body, MediaType.get("application/x-www-form-urlencoded")))
          .header(SlackSignature.TIMESTAMP_HEADER, ts);
      if (signature != null) request.header(SlackSignature.SIGNATURE_HEADER, signature);
      try (Response response = http.newCall(request.build()).execute()) {
        assertThat(response.code()).isEqualTo(401);
      }
    }
    assertNothingReachedSlack();
  }

  @Test
  void signedForAnotherBody_401() throws Exception {
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    String signed = form("user_id", "U_PAT", "channel_id", CHANNEL, "text", "whoami", "response_url",
        slack.url("/response/x").toString());
    String sent = signed.replace("whoami", "intercept+on+at+HQ");
    try (Response response = http.newCall(new Request.Builder().url(url("/slack/commands"))
        .post(RequestBody.create(sent, MediaType.get("application/x-www-form-urlencoded")))
        .header(SlackSignature.TIMESTAMP_HEADER, ts)
        .header(SlackSignature.SIGNATURE_HEADER, signature(ts, signed)).build()).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
    assertNothingReachedSlack();
  }

  @Test
  void staleOrFutureTimestamp_401() throws Exception {
    String body = eventCallback("EvOld", event("app_mention", "U_ANA", "<@UBOT> intercept on at HQ", "1.1", null,
        null));
    long now = System.currentTimeMillis() / 1000;
    for (long ts : new long[] {now - 600, now + 600}) {
      String stamp = Long.toString(ts);
      try (Response response = http.newCall(new Request.Builder().url(url("/slack/events"))
          .post(RequestBody.create(body, MediaType.get("application/json")))
          .header(SlackSignature.TIMESTAMP_HEADER, stamp)
          .header(SlackSignature.SIGNATURE_HEADER, signature(stamp, body)).build()).execute()) {
        assertThat(response.code()).isEqualTo(401);
      }
    }
    assertNothingReachedSlack();
  }

  @Test
  void signedGarbage_400() throws Exception {
    try (Response r = post("/slack/events", "application/json", "{not json")) {
      assertThat(r.code()).isEqualTo(400);
    }
    try (Response r = post("/slack/events", "application/json", "{\"type\":\"event_callback\"}")) {
      assertThat(r.code()).isEqualTo(400);
    }
    try (Response r = post("/slack/commands", "application/x-www-form-urlencoded", "text=%zz")) {
      assertThat(r.code()).isEqualTo(400);
    }
    try (Response r = post("/slack/commands", "application/x-www-form-urlencoded", "text=help")) {
      assertThat(r.code()).isEqualTo(400);
    }
    try (Response r = post("/slack/interactivity", "application/x-www-form-urlencoded", "payload=%7Bnope")) {
      assertThat(r.code()).isEqualTo(400);
    }
    try (Response r = post("/slack/interactivity", "application/x-www-form-urlencoded", "other=1")) {
      assertThat(r.code()).isEqualTo(400);
    }
    assertNothingReachedSlack();
  }

  // ---- who belongs (issue 15) -------------------------------------------------------------------------

  @Test
  void slashCommand_fromAnotherWorkspace_refusedAtTheDoor() throws Exception {
    try (Response ack = command("T_OTHER", "U_ANA", "intercept on at HQ",
        slack.url("/response/other").toString())) {
      assertThat(ack.code()).isEqualTo(200);
      assertThat(ack.body().string()).contains("outside its own Slack workspace");
    }
    assertNothingReachedSlack();
    assertThat(metricsText()).contains("switchboard_rejected_total{platform=\"slack\",reason=\"foreign_workspace\"} 1");
  }

  @Test
  void event_fromAnotherWorkspace_ignored() throws Exception {
    String foreign = eventCallback("EvForeign", event("app_mention", "U_ANA", "<@UBOT> intercept on at HQ", "9.1",
        null, null)).replace("\"team_id\":\"T1\"", "\"team_id\":\"T_OTHER\"");
    try (Response response = post("/slack/events", "application/json", foreign)) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertNothingReachedSlack();
  }

  @Test
  void slashCommand_deletedStrangerForeignOrUnconfirmedUser_refusedWithAReason() throws Exception {
    Map<String, String> reasons = Map.of(
        "U_ANA_DELETED", "deactivated",
        "U_ANA_STRANGER", "not a member of this Slack workspace",
        "U_ANA_ELSEWHERE", "not a member of this Slack workspace",
        "U_ANA_UNCONFIRMED", "email address is not confirmed");
    for (Map.Entry<String, String> user : reasons.entrySet()) {
      command(user.getKey(), "intercept on at HQ").close();
      JsonNode result = awaitPost("/response/");
      assertThat(result.path("response_type").asText()).as(user.getKey()).isEqualTo("ephemeral");
      assertThat(result.path("text").asText()).as(user.getKey()).contains(user.getValue());
    }
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
  }

  @Test
  void slashCommand_responseUrlOffSlacksHosts_nothingPostedThere() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      try (Response ack = command(TEAM, "U_ANA", "transfer numbers for alice@example.com",
          elsewhere.url("/steal").toString())) {
        assertThat(ack.code()).isEqualTo(200);
      }
      assertNothingReachedSlack();
      assertThat(elsewhere.getRequestCount()).isZero();
      assertThat(metricsText())
          .contains("switchboard_rejected_total{platform=\"slack\",reason=\"foreign_response_url\"} 1");
    }
  }

  @Test
  void forgedFlood_eachRejectedAndCounted() throws Exception {
    String body = form("team_id", TEAM, "user_id", "U_ANA", "channel_id", CHANNEL, "text", "intercept on at HQ",
        "response_url", slack.url("/response/x").toString());
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    for (int i = 0; i < 200; i++) {
      try (Response response = http.newCall(new Request.Builder().url(url("/slack/commands"))
          .post(RequestBody.create(body, MediaType.get("application/x-www-form-urlencoded")))
          .header(SlackSignature.TIMESTAMP_HEADER, ts)
          .header(SlackSignature.SIGNATURE_HEADER, "v0=" + "0".repeat(64)).build()).execute()) {
        assertThat(response.code()).isEqualTo(401);
      }
    }
    assertThat(metricsText()).contains("switchboard_rejected_total{platform=\"slack\",reason=\"bad_signature\"} 200");
    assertNothingReachedSlack();
  }

  private String metricsText() throws IOException {
    try (Response response = http.newCall(new Request.Builder().url(url("/metrics")).build()).execute()) {
      return response.body().string();
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** Slack's Web API and the response URLs: users.info from {@link #EMAILS}, everything else ok. */
  private final class FakeSlack extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.equals("/api/auth.test")) {
        return ok("{\"ok\":true,\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER + "\"}");
      }
      if (path.equals("/api/users.info")) {
        String user = request.getUrl().queryParameter("user");
        if (!("Bearer " + BOT_TOKEN).equals(request.getHeaders().get("Authorization"))) {
          return ok("{\"ok\":false,\"error\":\"not_authed\"}");
        }
        // Ana's email under other guises: deleted, a Slack Connect stranger, another workspace, unconfirmed.
        String email = user.startsWith("U_ANA_") ? ANA : EMAILS.get(user);
        String profile = email == null ? "{}" : "{\"email\":\"" + email + "\"}";
        return ok("{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"is_bot\":" + user.equals(BOT_USER)
            + ",\"deleted\":" + user.equals("U_ANA_DELETED")
            + ",\"is_stranger\":" + user.equals("U_ANA_STRANGER")
            + ",\"team_id\":\"" + (user.equals("U_ANA_ELSEWHERE") ? "T2" : TEAM) + "\""
            + (user.equals("U_ANA_UNCONFIRMED") ? ",\"is_email_confirmed\":false" : "")
            + ",\"profile\":" + profile + "}}");
      }
      if (path.equals("/api/chat.postMessage")) return ok("{\"ok\":true,\"ts\":\"1700000001.000100\"}");
      if (path.equals("/api/chat.postEphemeral")) return ok("{\"ok\":true,\"message_ts\":\"1700000001.000200\"}");
      if (path.equals("/api/chat.update")) return ok("{\"ok\":true,\"ts\":\"1700000001.000100\"}");
      if (path.startsWith("/response/")) return new MockResponse.Builder().body("ok").build();
      return ok("{\"ok\":false,\"error\":\"unknown_method\"}");
    }

    private MockResponse ok(String json) {
      return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(json).build();
    }
  }

  private Response command(String user, String text) throws IOException {
    return command(TEAM, user, text, slack.url("/response/" + responseUrls.incrementAndGet()).toString());
  }

  private Response command(String team, String user, String text, String responseUrl) throws IOException {
    return post("/slack/commands", "application/x-www-form-urlencoded", form("token", "ignored", "team_id", team,
        "channel_id", CHANNEL, "user_id", user, "command", "/switchboard", "text", text, "response_url",
        responseUrl, "trigger_id", "trigger." + user + "." + responseUrls.incrementAndGet()));
  }

  /** The MockWebServer standing in for Slack, as SLACK_RESPONSE_HOSTS names it. */
  private String responseHost() {
    return slack.getHostName() + ":" + slack.getPort();
  }

  private Response interact(String user, String actionId, String value) throws IOException {
    ObjectNode payload = mapper.createObjectNode();
    payload.put("type", "block_actions");
    payload.putObject("team").put("id", TEAM);
    payload.putObject("user").put("id", user).put("team_id", TEAM);
    payload.putObject("channel").put("id", CHANNEL);
    payload.putObject("container").put("type", "message").put("channel_id", CHANNEL).put("is_ephemeral", true);
    payload.put("response_url", slack.url("/response/" + responseUrls.incrementAndGet()).toString());
    payload.put("trigger_id", "trigger.button." + user);
    payload.putArray("actions").addObject().put("action_id", actionId).put("value", value).put("type", "button");
    return post("/slack/interactivity", "application/x-www-form-urlencoded", form("payload", payload.toString()));
  }

  private ObjectNode event(String type, String user, String text, String ts, String threadTs, String channelType) {
    ObjectNode event = mapper.createObjectNode();
    event.put("type", type).put("user", user).put("text", text).put("ts", ts).put("channel", CHANNEL)
        .put("event_ts", ts);
    if (threadTs != null) event.put("thread_ts", threadTs);
    if (channelType != null) event.put("channel_type", channelType);
    return event;
  }

  private String eventCallback(String eventId, ObjectNode event) {
    ObjectNode envelope = mapper.createObjectNode();
    envelope.put("token", "ignored").put("team_id", "T1").put("api_app_id", "A1").put("type", "event_callback")
        .put("event_id", eventId).put("event_time", 1700000000);
    envelope.set("event", event);
    envelope.putArray("authorizations").addObject().put("team_id", "T1").put("user_id", BOT_USER)
        .put("is_bot", true);
    return envelope.toString();
  }

  private Response post(String path, String contentType, String body, String... headers) throws IOException {
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    Request.Builder request = new Request.Builder().url(url(path))
        .post(RequestBody.create(body, MediaType.get(contentType)))
        .header(SlackSignature.TIMESTAMP_HEADER, ts)
        .header(SlackSignature.SIGNATURE_HEADER, signature(ts, body));
    for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
    return http.newCall(request.build()).execute();
  }

  private static String signature(String ts, String body) {
    return new SlackSignature(SIGNING_SECRET, Clock.systemUTC()).sign(ts, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpUrl url(String path) {
    return HttpUrl.get("http://127.0.0.1:" + service.port() + path);
  }

  private static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (out.length() > 0) out.append('&');
      out.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** The next request to a path starting with {@code prefix}; the users.info look-ups in between are skipped. */
  private RecordedRequest awaitRequest(String prefix) throws InterruptedException {
    while (true) {
      RecordedRequest request = slack.takeRequest(10, TimeUnit.SECONDS);
      assertThat(request).as("a request to " + prefix).isNotNull();
      if (request.getUrl().encodedPath().startsWith(prefix)) return request;
      assertThat(request.getUrl().encodedPath()).as("an unexpected request").isIn("/api/users.info", "/api/auth.test");
      skipped.add(request);
    }
  }

  private JsonNode awaitPost(String prefix) throws Exception {
    return json(awaitRequest(prefix));
  }

  private JsonNode json(RecordedRequest request) throws IOException {
    return mapper.readTree(request.getBody().utf8());
  }

  /** Requests were answered before this returns, so any work they had started would have begun by now. */
  private void assertNothingReachedSlack() throws Exception {
    // A signed command afterwards is the next thing Slack hears about.
    command("U_ANA", "whoami").close();
    RecordedRequest first = slack.takeRequest(10, TimeUnit.SECONDS);
    while (first != null && first.getUrl().encodedPath().equals("/api/auth.test")) {
      first = slack.takeRequest(10, TimeUnit.SECONDS);
    }
    assertThat(first.getUrl().queryParameter("user")).isEqualTo("U_ANA");
    assertThat(awaitPost("/response/").path("text").asText()).contains(ANA);
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
  }
}
