package dev.switchboard.chat.webex.socket;

import dev.switchboard.chat.Backoff;
import dev.switchboard.chat.SocketStatus;
import dev.switchboard.chat.SocketTimers;
import dev.switchboard.chat.ManualTimers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.Await;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.chat.webex.WebhookEnvelope;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The websocket client against the simulator's catalog, device service and Mercury socket, with time moved by hand:
 * what Webex pushes becomes the envelopes a webhook would have carried, and each way a connection ends is met as the
 * Webex SDKs meet it.
 */
final class MercurySocketTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALICE = dev.switchboard.DemoPeople.ANA;

  private WebexSimulator simulator;
  private DemoOrg org;
  private final OkHttpClient http = new OkHttpClient();
  private final ManualTimers timers = new ManualTimers();
  private final List<WebhookEnvelope> delivered = new CopyOnWriteArrayList<>();
  private MercurySocket socket;

  @BeforeEach
  void start() {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    org = simulator.org();
    socket = socket();
  }

  @AfterEach
  void stop() {
    socket.close();
    simulator.close();
  }

  private MercurySocket socket() {
    HttpUrl u2c = HttpUrl.get("http://127.0.0.1:" + simulator.port() + "/u2c/api/v1");
    DeviceService devices = new DeviceService(u2c, http, new StaticTokenProvider(org.botToken()), JSON);
    // The jitter fixed at none: the pauses are exactly 1 s, 2 s, 4 s ...
    return new MercurySocket(devices, http, new StaticTokenProvider(org.botToken()), JSON, delivered::add, timers,
        new Backoff(() -> 0), new SocketStatus());
  }

  private void connect() {
    socket.start();
    timers.advance(Duration.ZERO);
    awaitState(SocketStatus.State.CONNECTED);
  }

  private void awaitState(SocketStatus.State state) {
    Await.until(() -> Optional.of(socket.status().state()).filter(state::equals));
  }

  private JsonNode say(String email, String text) throws IOException {
    byte[] body = JSON.writeValueAsBytes(Map.of("toPersonEmail", org.botEmail(), "text", text));
    Request request = new Request.Builder().url(simulator.baseUrl() + "/messages")
        .header("Authorization", "Bearer " + org.tokenFor(email))
        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return JSON.readTree(response.body().string());
    }
  }

  private WebhookEnvelope awaitDelivery(String messageId) {
    return Await.until(() -> delivered.stream().filter(e -> e.data().id().equals(messageId)).findFirst());
  }

  @Test
  void directMessage_arrivesAsTheWebhookEnvelopeWebexWouldPost_andIsAcked() throws IOException {
    connect();
    JsonNode message = say(ALICE, "intercept status at HQ");

    WebhookEnvelope envelope = awaitDelivery(message.get("id").asText());

    assertThat(envelope.is("messages", "created")).isTrue();
    assertThat(envelope.data().roomId()).isEqualTo(message.get("roomId").asText());
    assertThat(envelope.data().personId()).isEqualTo(org.personId(ALICE));
    assertThat(envelope.data().personEmail()).isEqualTo(ALICE);
    assertThat(envelope.data().created()).isEqualTo(message.get("created").asText());
    // the buffer state and the activity, each acked
    Await.until(() -> Optional.of(simulator.mercury().acks().size()).filter(n -> n >= 2));
    assertThat(simulator.mercury().devicesRegistered()).isEqualTo(1);
  }

  @Test
  void groupMessage_reachesTheBotOnlyWhenItIsMentioned() throws IOException {
    connect();
    byte[] plain = JSON.writeValueAsBytes(Map.of("roomId", org.groupRoomId(), "text", "lunch?"));
    byte[] mention = JSON.writeValueAsBytes(Map.of("roomId", org.groupRoomId(),
        "markdown", "<@personId:" + org.botPersonId() + "|Switchboard> whoami"));
    String unheard = post(ALICE, plain);
    String heard = post(ALICE, mention);

    awaitDelivery(heard);
    assertThat(delivered).noneMatch(e -> e.data().id().equals(unheard));
  }

  private String post(String email, byte[] body) throws IOException {
    Request request = new Request.Builder().url(simulator.baseUrl() + "/messages")
        .header("Authorization", "Bearer " + org.tokenFor(email))
        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return JSON.readTree(response.body().string()).get("id").asText();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1001, 1011, 4999})
  void closedByWebex_reconnectsAfterTheBackoff_andHearsTheNextMessage(int code) throws IOException {
    connect();
    simulator.mercury().closeAll(code, "scripted");
    awaitState(SocketStatus.State.RECONNECTING);
    assertThat(timers.nextDue()).contains(Duration.ofSeconds(1));

    timers.advance(Duration.ofSeconds(1));
    awaitState(SocketStatus.State.CONNECTED);

    assertThat(socket.status().reconnects()).isEqualTo(1);
    assertThat(socket.status().lastClose()).startsWith(Integer.toString(code));
    assertThat(simulator.mercury().devicesRegistered()).isEqualTo(1);
    JsonNode message = say(ALICE, "whoami");
    awaitDelivery(message.get("id").asText());
  }

  @Test
  void sequenceGap_reconnectsOnce_forTheLostFrame_andASecondGapSoonAfterIsOnlyLogged() throws IOException {
    connect();
    awaitDelivery(say(ALICE, "whoami").get("id").asText());
    simulator.mercury().loseNext(1);
    String lost = say(ALICE, "intercept on at HQ").get("id").asText();
    String after = say(ALICE, "locations").get("id").asText();
    awaitDelivery(after);
    awaitState(SocketStatus.State.RECONNECTING);
    assertThat(socket.status().lastClose()).contains("sequence gap: 1 frame(s) lost");

    timers.advance(Duration.ofSeconds(1));
    awaitState(SocketStatus.State.CONNECTED);
    awaitDelivery(lost); // never acked, so sent again on the new connection

    simulator.mercury().loseNext(1);
    say(ALICE, "history");
    String later = say(ALICE, "help").get("id").asText();
    awaitDelivery(later);
    assertThat(socket.status().state()).isEqualTo(SocketStatus.State.CONNECTED);
    assertThat(socket.status().reconnects()).isEqualTo(1);
    assertThat(simulator.mercury().connections()).isEqualTo(2);
  }

  @Test
  void closedAgainAndAgain_waitsLongerEachTime_upTo32Seconds() {
    Backoff backoff = new Backoff(() -> 0);
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 20).stream().map(backoff::before).map(Duration::toSeconds))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 32L, 32L);
    Backoff jittered = new Backoff(() -> 0.999);
    assertThat(jittered.before(1)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1000));
  }

  @Test
  void replaced4000_stops_andSaysWhy() {
    connect();
    simulator.mercury().closeAll(4000, "replaced");
    awaitState(SocketStatus.State.STOPPED);

    assertThat(socket.status().lastClose()).contains("4000").contains("another connection");
    assertThat(timers.nextDue()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {4400, 4403})
  void badRequestOrForbidden_isFatal_andNamed(int code) {
    connect();
    simulator.mercury().closeAll(code, "scripted");
    awaitState(SocketStatus.State.FAILED);

    assertThat(socket.status().lastClose()).startsWith(Integer.toString(code));
    assertThat(timers.nextDue()).isEmpty();
  }

  @Test
  void authorizationExpired4401_reconnectsAtOnceWithAFreshToken() {
    connect();
    simulator.mercury().closeAll(4401, "expired");
    awaitState(SocketStatus.State.RECONNECTING);
    assertThat(timers.nextDue()).contains(Duration.ZERO);

    timers.advance(Duration.ZERO);
    awaitState(SocketStatus.State.CONNECTED);
    assertThat(simulator.mercury().connections()).isEqualTo(2);
  }

  @Test
  void lostPong_dropsTheConnection_andANewOneIsMade() {
    connect();
    simulator.mercury().losePongs(true);
    timers.advance(MercurySocket.PING_EVERY);
    timers.advance(MercurySocket.PONG_WAIT);

    assertThat(socket.status().state()).isEqualTo(SocketStatus.State.RECONNECTING);
    assertThat(socket.status().lastClose()).contains("pong not received");
    simulator.mercury().losePongs(false);
    timers.advance(Duration.ofSeconds(1));
    awaitState(SocketStatus.State.CONNECTED);
    assertThat(simulator.mercury().connections()).isEqualTo(2);
  }

  @Test
  void answeredPongs_keepTheConnection() {
    connect();
    for (int i = 0; i < 3; i++) {
      timers.advance(MercurySocket.PING_EVERY);
      // the pong comes over the network: wait for the next ping to be scheduled before moving on
      Await.until(() -> timers.nextDue().filter(d -> d.equals(MercurySocket.PING_EVERY)));
    }
    assertThat(socket.status().state()).isEqualTo(SocketStatus.State.CONNECTED);
    assertThat(simulator.mercury().connections()).isEqualTo(1);
  }

  @Test
  void deviceWebexForgot_isRegisteredAgain_onTheReconnect() {
    connect();
    simulator.mercury().forgetDevices();
    awaitState(SocketStatus.State.RECONNECTING);
    timers.advance(Duration.ofSeconds(1));
    awaitState(SocketStatus.State.CONNECTED);

    assertThat(simulator.mercury().devicesRegistered()).isEqualTo(1);
    assertThat(simulator.mercury().connections()).isEqualTo(2);
  }

  @Test
  void cleanStop_deletesTheDevice_andARestartReusesNone_registeringOne() {
    connect();
    socket.close();
    assertThat(simulator.mercury().devicesRegistered()).isZero();
    assertThat(socket.status().state()).isEqualTo(SocketStatus.State.STOPPED);

    socket = socket();
    connect();
    assertThat(simulator.mercury().devicesRegistered()).isEqualTo(1);
  }

  @Test
  void restartWithoutACleanStop_reusesTheDeviceByName() {
    connect();
    MercurySocket second = socket();
    second.start();
    timers.advance(Duration.ZERO);
    Await.until(() -> Optional.of(second.status().state()).filter(SocketStatus.State.CONNECTED::equals));

    assertThat(simulator.mercury().devicesRegistered()).isEqualTo(1);
    // the newer connection replaced the older one, which stops rather than fight for the device
    awaitState(SocketStatus.State.STOPPED);
    second.close();
  }

  @Test
  void replayAfterReconnect_deliversTheSameMessageIdAgain_forTheInboxToDrop() throws IOException {
    connect();
    JsonNode message = say(ALICE, "whoami");
    awaitDelivery(message.get("id").asText());
    simulator.mercury().replayOnConnect(true);
    simulator.mercury().closeAll(1011, "scripted");
    awaitState(SocketStatus.State.RECONNECTING);
    timers.advance(Duration.ofSeconds(1));
    awaitState(SocketStatus.State.CONNECTED);

    Await.until(() -> Optional.of(delivered.stream().filter(e -> e.data().id().equals(message.get("id").asText()))
        .count()).filter(n -> n == 2));
  }
}
