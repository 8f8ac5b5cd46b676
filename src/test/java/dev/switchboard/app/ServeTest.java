package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.LOU;
import static dev.switchboard.DemoPeople.PAUL;
import static dev.switchboard.DemoPeople.PIA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.chat.webex.WebhookRegistrar;
import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as an operator runs it: configured from the environment, against Webex (the simulator). */
final class ServeTest {


  @TempDir Path dataDir;

  @Test
  void serve_withoutConfiguration_refusesToStart_namingEachVariable() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ServeCommand.run(Map.of("PORT", "http"), new PrintStream(err, true, StandardCharsets.UTF_8));

    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(2);
    assertThat(text).contains("WEBEX_BOT_TOKEN").contains("WEBEX_ADMIN_TOKEN").contains("PORT is 'http'");
  }

  @Test
  void serve_wiring_againstTheSimulator_answersAPersonInTheirThread_once() throws Exception {
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      Path policy = Files.writeString(dataDir.resolve("policy.yaml"), dev.switchboard.sim.DemoOrg.policyYaml());
      Map<String, String> env = new HashMap<>();
      env.put("WEBEX_BOT_TOKEN", simulator.org().botToken());
      env.put("WEBEX_WEBHOOK_SECRET", "serve-secret");
      env.put("WEBEX_CLIENT_ID", simulator.org().clientId());
      env.put("WEBEX_CLIENT_SECRET", simulator.org().clientSecret());
      env.put("WEBEX_REFRESH_TOKEN", simulator.org().refreshToken());
      env.put("WEBEX_API_BASE", simulator.baseUrl());
      env.put("PORT", Integer.toString(freePort()));
      env.put("SWITCHBOARD_POLICY", policy.toString());
      env.put("SWITCHBOARD_DATA_DIR", dataDir.resolve("data").toString());
      Config config = ((ConfigLoader.Result.Loaded) ConfigLoader.load(env)).config();

      try (Service service = ServeCommand.start(config, "127.0.0.1")) {
        String url = "http://127.0.0.1:" + service.port();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> registerEnv = Map.of("WEBEX_BOT_TOKEN", simulator.org().botToken(),
            "WEBEX_WEBHOOK_SECRET", "serve-secret", "WEBEX_API_BASE", simulator.baseUrl());
        for (int run = 0; run < 2; run++) {
          assertThat(WebhooksCommand.run(new String[] {"register", "--url", url}, registerEnv,
              new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        }
        assertThat(simulator.webhooksOf("bot")).hasSize(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("switchboard-messages: created")
            .contains("switchboard-messages: unchanged");

        WebexClientPerson ana = new WebexClientPerson(simulator, ANA);
        String room = simulator.org().directRoomId(ANA);
        JsonNode sent = ana.say(room, "intercept on at London");
        JsonNode reply = dev.switchboard.Await.poll(() -> simulator.messagesInRoom(room).stream()
            .filter(m -> sent.get("id").asText().equals(m.path("parentId").asText())).findFirst()).orElseThrow();

        assertThat(reply.get("markdown").asText()).contains("Intercept is now ON at London");
        assertThat(simulator.locationIntercept("London").get("enabled").asBoolean()).isTrue();
        try (Response health = new OkHttpClient().newCall(new Request.Builder().url(url + "/healthz").build())
            .execute()) {
          assertThat(health.code()).isEqualTo(200);
        }
        assertThat(WebhookRegistrar.targetUrl(url)).isEqualTo(url + "/webex/webhook");
      }
    }
  }

  /** The three ways an operator sets the managed org: as Control Hub shows it, as the API writes it, not at all. */
  @org.junit.jupiter.params.ParameterizedTest(name = "WEBEX_ORG_ID {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"uuid", "base64", "unset"})
  void serve_withTheOrgIdInEachForm_answersTheOrgsAdmin_andTheNamedPartnerAdmin_butNoOtherPartner(String form)
      throws Exception {
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      Map<String, String> env = staticEnv(simulator);
      String webexId = simulator.org().orgId();
      switch (form) {
        case "uuid" -> env.put("WEBEX_ORG_ID", dev.switchboard.calling.WebexIds.uuidOf(webexId).toUpperCase());
        case "base64" -> env.put("WEBEX_ORG_ID", webexId);
        default -> env.remove("WEBEX_ORG_ID");
      }
      Config config = ((ConfigLoader.Result.Loaded) ConfigLoader.load(env)).config();

      try (Service service = ServeCommand.start(config, "127.0.0.1")) {
        register(simulator, "http://127.0.0.1:" + service.port());

        assertThat(answer(simulator, ANA, "intercept on at London")).contains("Intercept is now ON at London");
        assertThat(answer(simulator, PIA, "intercept on at HQ")).contains("Intercept is now ON at HQ");
        assertThat(answer(simulator, PIA, "whoami")).contains("full admin (Switchboard policy, partner admin)")
            .contains("location rights come from Switchboard's policy file");
        assertThat(answer(simulator, PAUL, "intercept off at HQ")).contains("belongs to another organisation")
            .contains("externalAdmins");
        assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
        if (!form.equals("unset")) {
          assertThat(simulator.calls()).anyMatch(c -> c.path().startsWith("/telephony/config/locations/")
              && c.status() == 200);
        }
      }
    }
  }

  @Test
  void serve_withAnOrgIdWebexDoesNotKnow_refusesToStart_namingTheVariable() throws IOException {
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      Map<String, String> env = staticEnv(simulator);
      env.put("WEBEX_ORG_ID", "11111111-2222-3333-4444-555555555555");
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      int code = ServeCommand.run(env, new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("WEBEX_ORG_ID is '11111111-2222-3333-4444-555555555555'")
          .contains("Webex knows no organisation").contains("404");
    }
  }

  /** A Control Hub location admin the policy does not name is told where Switchboard's location rights come from. */
  @Test
  void serve_controlHubLocationAdmin_notInThePolicy_isRefused_andToldWhereLocationRightsComeFrom() throws Exception {
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      Config config = ((ConfigLoader.Result.Loaded) ConfigLoader.load(staticEnv(simulator))).config();
      try (Service service = ServeCommand.start(config, "127.0.0.1")) {
        register(simulator, "http://127.0.0.1:" + service.port());

        assertThat(answer(simulator, LOU, "intercept on at HQ")).contains("You may not")
            .contains("location rights come from Switchboard's policy file");
        assertThat(answer(simulator, LOU, "whoami")).contains("none").contains("not from Control Hub");
      }
    }
  }

  private Map<String, String> staticEnv(WebexSimulator simulator) throws IOException {
    Path policy = Files.writeString(dataDir.resolve("policy.yaml"), dev.switchboard.sim.DemoOrg.policyYaml());
    Map<String, String> env = new HashMap<>();
    env.put("WEBEX_BOT_TOKEN", simulator.org().botToken());
    env.put("WEBEX_WEBHOOK_SECRET", "serve-secret");
    env.put("WEBEX_ADMIN_TOKEN", simulator.org().adminToken());
    env.put("WEBEX_API_BASE", simulator.baseUrl());
    env.put("PORT", Integer.toString(freePort()));
    env.put("SWITCHBOARD_POLICY", policy.toString());
    env.put("SWITCHBOARD_DATA_DIR", dataDir.resolve("data").toString());
    return env;
  }

  private static void register(WebexSimulator simulator, String url) {
    assertThat(WebhooksCommand.run(new String[] {"register", "--url", url}, Map.of("WEBEX_BOT_TOKEN",
        simulator.org().botToken(), "WEBEX_WEBHOOK_SECRET", "serve-secret", "WEBEX_API_BASE", simulator.baseUrl()),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)).isZero();
  }

  /** What the bot answers, in words, to {@code text} from {@code email} in their direct room. */
  private static String answer(WebexSimulator simulator, String email, String text) {
    String room = simulator.org().directRoomId(email);
    JsonNode sent = new WebexClientPerson(simulator, email).say(room, text);
    JsonNode reply = dev.switchboard.Await.poll(() -> simulator.messagesInRoom(room).stream()
        .filter(m -> sent.get("id").asText().equals(m.path("parentId").asText())).findFirst()).orElseThrow();
    return reply.get("text").asText();
  }

  /**
   * {@code intercept on at Denver for 1m} through serve's wiring: on at once, and the scheduler, run as if a minute
   * had passed (its round takes the time to run at, so the test does not wait a real minute), puts it back and says
   * so in the thread.
   */
  @Test
  void serve_timedIntercept_isOnAtOnce_andOffAfterTheMinute_andTheThreadSaysSo() throws Exception {
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      Map<String, String> env = new HashMap<>();
      env.put("WEBEX_BOT_TOKEN", simulator.org().botToken());
      env.put("WEBEX_WEBHOOK_SECRET", "serve-secret");
      env.put("WEBEX_ADMIN_TOKEN", simulator.org().adminToken());
      env.put("WEBEX_API_BASE", simulator.baseUrl());
      env.put("PORT", Integer.toString(freePort()));
      env.put("SWITCHBOARD_DATA_DIR", dataDir.resolve("data").toString());
      Config config = ((ConfigLoader.Result.Loaded) ConfigLoader.load(env)).config();

      try (Service service = ServeCommand.start(config, "127.0.0.1")) {
        String url = "http://127.0.0.1:" + service.port();
        assertThat(WebhooksCommand.run(new String[] {"register", "--url", url}, Map.of("WEBEX_BOT_TOKEN",
            simulator.org().botToken(), "WEBEX_WEBHOOK_SECRET", "serve-secret", "WEBEX_API_BASE",
            simulator.baseUrl()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            System.err)).isZero();
        WebexClientPerson ana = new WebexClientPerson(simulator, ANA);
        String room = simulator.org().directRoomId(ANA);
        String bot = simulator.org().botPersonId();
        JsonNode sent = ana.say(room, "intercept on at Denver for 1m");
        String thread = sent.get("id").asText();
        java.util.function.IntFunction<java.util.Optional<JsonNode>> reply = n -> simulator.messagesInRoom(room)
            .stream().filter(m -> thread.equals(m.path("parentId").asText()) && bot.equals(m.path("personId").asText()))
            .skip(n - 1L).findFirst();

        JsonNode on = dev.switchboard.Await.until(() -> reply.apply(1));
        assertThat(on.get("markdown").asText()).contains("Intercept is now ON at Denver")
            .contains("Goes back to how it was at").contains("(America/Denver), in 1 min");
        assertThat(simulator.locationIntercept("Denver").get("enabled").asBoolean()).isTrue();

        service.operations().scheduler().runDue(java.time.Instant.now().plusSeconds(61));

        JsonNode off = dev.switchboard.Await.until(() -> reply.apply(2));
        assertThat(off.get("markdown").asText()).contains("Schedule #1").contains("Denver: back to how it was");
        assertThat(simulator.locationIntercept("Denver").get("enabled").asBoolean()).isFalse();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
