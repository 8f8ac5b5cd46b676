package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.Await;
import dev.switchboard.TestClock;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.chat.slack.SlackSignature;
import dev.switchboard.chat.webex.WebexSignature;
import dev.switchboard.ops.PolicyFile;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.RecordedCall;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request URL of both platforms, through the real service over HTTP, against three attacks: a forged
 * signature, a request signed long ago (stale), and a genuine request captured and sent again after the window
 * (replayed). Each is refused, counted by reason in {@code /metrics}, and changes nothing in Webex.
 */
final class ForgedStaleReplayedTest {

  private static final String WEBEX_SECRET = "matrix-webhook-secret";
  private static final String SLACK_SECRET = "matrix-signing-secret";
  private static final String SLACK_TOKEN = "xoxb-matrix";
  private static final String TEAM = "T1";
  private static final String SLACK_ANA = "U_ANA";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Past Webex's replay window (one hour) and Slack's timestamp window (five minutes) alike. */
  private static final Duration LATER = Duration.ofMinutes(65);

  /** A request as it goes over the wire: path, body, headers. */
  record Wire(String path, String contentType, byte[] body, Map<String, String> headers) {}

  /** The request URLs, each with a genuine request that would change something (or press a button). */
  enum Endpoint {
    WEBEX_MESSAGE, WEBEX_CARD_PRESS, SLACK_COMMAND, SLACK_EVENT, SLACK_BUTTON;

    boolean slack() {
      return name().startsWith("SLACK");
    }
  }

  enum Attack { FORGED, STALE, REPLAYED }

  static Stream<Arguments> matrix() {
    return Stream.of(Endpoint.values()).flatMap(e -> Stream.of(Attack.values()).map(a -> Arguments.of(e, a)));
  }

  @TempDir Path dataDir;

  private final MockWebServer slack = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();
  private final TestClock time = new TestClock(Instant.now());
  private WebexSimulator simulator;
  private DemoOrg org;
  private Service service;
  private int serial;

  @BeforeEach
  void start() throws IOException {
    slack.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String json = path.equals("/api/auth.test") ? "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\"}"
            : path.equals("/api/users.info") ? "{\"ok\":true,\"user\":{\"id\":\"U_ANA\",\"team_id\":\"T1\","
                + "\"profile\":{\"email\":\"" + ANA + "\"}}}"
            : "{\"ok\":true,\"ts\":\"1700000001.000100\"}";
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(json).build();
      }
    });
    slack.start();
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    org = simulator.org();
    OkHttpClient shared = Wiring.httpClient();
    WebexClient client = WebexClient.builder().baseUrl(simulator.baseUrl()).httpClient(shared)
        .adminTokens(new StaticTokenProvider(org.adminToken()))
        .botTokens(new StaticTokenProvider(org.botToken())).build();
    service = Service.start(Service.settings(client, shared).webex(WEBEX_SECRET)
        .slack(new Service.SlackSide(SLACK_TOKEN, SLACK_SECRET, slack.url("/api"), Optional.empty(),
            List.of(slack.getHostName() + ":" + slack.getPort())))
        .policy(PolicyFile.parse(DemoOrg.policyYaml())).dataDir(dataDir).time(time, time).build());
  }

  @AfterEach
  void stop() throws IOException {
    if (service != null) service.close();
    if (simulator != null) simulator.close();
    slack.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void attack_isRefusedCountedAndChangesNothing(Endpoint endpoint, Attack attack) throws IOException {
    Wire genuine = genuine(endpoint);
    Wire attempt = switch (attack) {
      case FORGED -> forged(genuine);
      case STALE -> {
        // Signed (Slack) or created (Webex) long ago, and never sent until now.
        time.advance(LATER);
        yield genuine;
      }
      case REPLAYED -> {
        // Sent once for real, the state then put back, the same bytes sent again after the window.
        assertThat(send(genuine)).isEqualTo(200);
        awaitIdle();
        setHqIntercept(false);
        time.advance(LATER);
        yield genuine;
      }
    };
    String reason = attack == Attack.FORGED ? "bad_signature" : endpoint.slack() ? "stale_timestamp" : "stale_message";
    String platform = endpoint.slack() ? "slack" : "webex";
    boolean before = hqEnabled();
    long writes = webexWrites();
    double counted = rejected(platform, reason);

    int status = send(attempt);

    // Webex is answered 200 for a signed delivery it will not run (else it retries and disables the webhook).
    assertThat(status).isEqualTo(attack == Attack.FORGED || endpoint.slack() ? 401 : 200);
    assertThat(rejected(platform, reason)).isEqualTo(counted + 1);
    awaitIdle();
    assertThat(hqEnabled()).isEqualTo(before);
    assertThat(webexWrites()).isEqualTo(writes);
  }

  @ParameterizedTest(name = "{0} chunked={1}")
  @MethodSource("oversized")
  void oversizedBody_refusedBeforeItIsRead_andCounted(String path, boolean chunked) {
    String platform = path.startsWith("/webex") ? "webex" : "slack";
    int limit = (int) (platform.equals("webex") ? HttpServer.MAX_BODY_BYTES : HttpServer.MAX_SLACK_BODY_BYTES);
    // With Slack on, the server reads at most Slack's limit; a Webex body between the two is refused by its length.
    byte[] body = new byte[(chunked ? (int) HttpServer.MAX_SLACK_BODY_BYTES : limit) + 1];
    double counted = rejected(platform, "oversized");
    RequestBody content = !chunked ? RequestBody.create(body, MediaType.get("application/json")) : new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/json");
      }

      @Override
      public void writeTo(okio.BufferedSink sink) throws IOException {
        sink.write(body);
      }
    };
    Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + service.port() + path).post(content);
    try (Response response = http.newCall(request.build()).execute()) {
      assertThat(response.code()).isEqualTo(413);
    } catch (IOException e) {
      // The server may answer and close before the whole body is sent: the count below still tells.
    }
    Await.until(() -> rejected(platform, "oversized") == counted + 1 ? Optional.of(true) : Optional.empty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cutShort")
  void aBodyCutShortByTheSender_isCountedUnread_andChangesNothing(String path) throws IOException {
    String platform = path.startsWith("/webex") ? "webex" : "slack";
    String name = "switchboard_webhook_handling_seconds_count{fate=\"unread\",platform=\"" + platform + "\"} ";
    java.util.function.DoubleSupplier unread = () -> metrics().lines().filter(l -> l.startsWith(name))
        .mapToDouble(l -> Double.parseDouble(l.substring(name.length()))).sum();
    double before = unread.getAsDouble();
    boolean enabled = hqEnabled();
    long writes = webexWrites();
    // It promises 100 bytes, sends the start of a genuine request's and closes: nothing to verify, nothing to run.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.port())) {
      socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n"
          + "Content-Type: application/json\r\n\r\n{\"resource\":\"messages\"").getBytes(StandardCharsets.US_ASCII));
      socket.shutdownOutput();
      Await.until(() -> unread.getAsDouble() == before + 1 ? Optional.of(true) : Optional.empty());
    }
    awaitIdle();
    assertThat(hqEnabled()).isEqualTo(enabled);
    assertThat(webexWrites()).isEqualTo(writes);
  }

  static Stream<String> cutShort() {
    return Stream.of("/webex/webhook", "/slack/commands", "/slack/events", "/slack/interactivity");
  }

  static Stream<Arguments> oversized() {
    return Stream.of("/webex/webhook", "/slack/commands", "/slack/events", "/slack/interactivity")
        .flatMap(path -> Stream.of(Arguments.of(path, false), Arguments.of(path, true)));
  }

  // ---- the genuine requests -------------------------------------------------------------------------

  private Wire genuine(Endpoint endpoint) {
    return switch (endpoint) {
      case WEBEX_MESSAGE -> webex(messageEnvelope(anaSays("intercept on at HQ")));
      case WEBEX_CARD_PRESS -> webex(actionEnvelope(anaSays("intercept on at HQ, Austin")));
      case SLACK_COMMAND -> slack("/slack/commands", "application/x-www-form-urlencoded", form(
          "team_id", TEAM, "channel_id", "C0OPS", "user_id", SLACK_ANA, "command", "/switchboard",
          "text", "intercept on at HQ", "response_url", slack.url("/response/" + ++serial).toString(),
          "trigger_id", "trigger." + serial));
      case SLACK_EVENT -> {
        ObjectNode envelope = JSON.createObjectNode().put("team_id", TEAM).put("api_app_id", "A1")
            .put("type", "event_callback").put("event_id", "Ev" + ++serial).put("event_time", 1700000000);
        envelope.putObject("event").put("type", "app_mention").put("user", SLACK_ANA)
            .put("text", "<@UBOT> intercept on at HQ").put("ts", "1700000000.00010" + serial).put("channel", "C0OPS");
        yield slack("/slack/events", "application/json", envelope.toString());
      }
      case SLACK_BUTTON -> {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions");
        payload.putObject("team").put("id", TEAM);
        payload.putObject("user").put("id", SLACK_ANA).put("team_id", TEAM);
        payload.putObject("channel").put("id", "C0OPS");
        payload.putObject("container").put("type", "message").put("channel_id", "C0OPS");
        payload.put("response_url", slack.url("/response/" + ++serial).toString()).put("trigger_id", "t." + serial);
        payload.putArray("actions").addObject().put("action_id", "switchboard_undo").put("value", "undo")
            .put("type", "button");
        yield slack("/slack/interactivity", "application/x-www-form-urlencoded", form("payload", payload.toString()));
      }
    };
  }

  private JsonNode anaSays(String text) {
    Request request = new Request.Builder().url(simulator.baseUrl() + "/messages")
        .header("Authorization", "Bearer " + org.tokenFor(ANA))
        .post(RequestBody.create(JSON.createObjectNode().put("toPersonEmail", org.botEmail()).put("text", text)
            .toString(), MediaType.get("application/json"))).build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return JSON.readTree(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode envelope(String resource, JsonNode message) {
    ObjectNode envelope = JSON.createObjectNode().put("id", "webhook-1").put("name", "switchboard-" + resource)
        .put("resource", resource).put("event", "created").put("orgId", org.orgId())
        .put("createdBy", org.botPersonId()).put("appId", "app").put("ownedBy", "creator").put("status", "active")
        .put("actorId", message.get("personId").asText());
    envelope.putObject("data").put("roomId", message.get("roomId").asText())
        .put("personId", message.get("personId").asText()).put("created", time.instant().toString());
    return envelope;
  }

  private ObjectNode messageEnvelope(JsonNode message) {
    ObjectNode envelope = envelope("messages", message);
    ((ObjectNode) envelope.get("data")).put("id", message.get("id").asText()).put("roomType", "direct")
        .put("personEmail", ANA);
    return envelope;
  }

  /** A press on a card the bot never posted: what a replay may carry, whatever the card was. */
  private ObjectNode actionEnvelope(JsonNode message) {
    ObjectNode envelope = envelope("attachmentActions", message);
    ((ObjectNode) envelope.get("data")).put("id", "action-" + ++serial).put("type", "submit")
        .put("messageId", message.get("id").asText());
    return envelope;
  }

  private Wire webex(ObjectNode envelope) {
    byte[] body = envelope.toString().getBytes(StandardCharsets.UTF_8);
    return new Wire("/webex/webhook", "application/json", body,
        Map.of(WebexSignature.HEADER, new WebexSignature(WEBEX_SECRET).sign(body)));
  }

  private Wire slack(String path, String contentType, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(time.instant().getEpochSecond());
    return new Wire(path, contentType, body, Map.of(SlackSignature.TIMESTAMP_HEADER, ts,
        SlackSignature.SIGNATURE_HEADER, new SlackSignature(SLACK_SECRET, time).sign(ts, body)));
  }

  /** The same request, signed with a secret that is not ours. */
  private static Wire forged(Wire genuine) {
    String signature = genuine.path().startsWith("/webex")
        ? new WebexSignature("not-the-secret").sign(genuine.body())
        : new SlackSignature("not-the-secret", java.time.Clock.systemUTC())
            .sign(genuine.headers().get(SlackSignature.TIMESTAMP_HEADER), genuine.body());
    Map<String, String> headers = new java.util.HashMap<>(genuine.headers());
    headers.replaceAll((name, value) -> name.equals(SlackSignature.TIMESTAMP_HEADER) ? value : signature);
    return new Wire(genuine.path(), genuine.contentType(), genuine.body(), headers);
  }

  // ---- the service, over HTTP -----------------------------------------------------------------------

  private int send(Wire wire) {
    Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + service.port() + wire.path())
        .post(RequestBody.create(wire.body(), MediaType.get(wire.contentType())));
    wire.headers().forEach(request::header);
    try (Response response = http.newCall(request.build()).execute()) {
      return response.code();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String metrics() {
    try (Response response = http.newCall(new Request.Builder()
        .url("http://127.0.0.1:" + service.port() + "/metrics").build()).execute()) {
      return response.body().string();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private double rejected(String platform, String reason) {
    String name = "switchboard_rejected_total{platform=\"" + platform + "\",reason=\"" + reason + "\"} ";
    return metrics().lines().filter(l -> l.startsWith(name))
        .mapToDouble(l -> Double.parseDouble(l.substring(name.length()))).sum();
  }

  /** Whatever the request started has finished: no command running or queued. */
  private void awaitIdle() {
    Await.until(() -> metrics().lines().anyMatch(l -> l.equals("switchboard_commands_in_flight 0.0"))
        ? Optional.of(true) : Optional.empty());
  }

  private boolean hqEnabled() {
    return simulator.locationIntercept("HQ").get("enabled").asBoolean();
  }

  private long webexWrites() {
    return simulator.calls().stream().map(RecordedCall.class::cast)
        .filter(c -> c.method().equals("PUT") && c.path().startsWith("/telephony")).count();
  }

  private void setHqIntercept(boolean enabled) throws IOException {
    ObjectNode next = ((ObjectNode) simulator.locationIntercept("HQ").deepCopy()).put("enabled", enabled);
    Request request = new Request.Builder()
        .url(simulator.baseUrl() + "/telephony/config/locations/" + org.locationId("HQ") + "/intercept")
        .header("Authorization", "Bearer " + org.adminToken())
        .put(RequestBody.create(next.toString(), MediaType.get("application/json"))).build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.isSuccessful()).isTrue();
    }
  }

  private static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (out.length() > 0) out.append('&');
      out.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
