package dev.switchboard.chat.slack.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.Await;
import dev.switchboard.chat.Backoff;
import dev.switchboard.chat.ManualTimers;
import dev.switchboard.chat.SocketStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket Mode against the fake, time moved by hand: acks first, rotation on disconnect, no reconnect storms. */
final class SocketModeTest {

  private final SocketModeFake slack = new SocketModeFake();
  private final ManualTimers timers = new ManualTimers();
  private final List<String> handed = new CopyOnWriteArrayList<>();
  private SocketMode socket;

  @BeforeEach
  void start() {
    socket = socket(SocketModeFake.APP_TOKEN);
  }

  @AfterEach
  void stop() {
    socket.close();
    slack.close();
  }

  private SocketMode socket(String token) {
    Envelopes recorder = new Envelopes() {
      @Override
      public void event(JsonNode payload, int retryAttempt) {
        handed.add("event " + payload.path("event_id").asText() + " retry " + retryAttempt);
      }

      @Override
      public JsonNode command(JsonNode payload) {
        handed.add("command " + payload.path("text").asText());
        return null;
      }

      @Override
      public void interactive(JsonNode payload) {
        handed.add("interactive " + payload.path("type").asText());
      }
    };
    return new SocketMode(HttpUrl.get(slack.apiBase()), token, new OkHttpClient(), slack.json(), recorder, timers,
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

  private ObjectNode payload(String field, String value) {
    return slack.json().createObjectNode().put(field, value);
  }

  @Test
  void envelopes_areAckedAndHandedOn_eachKindToItsPlace() {
    connect();
    String event = slack.send("events_api", payload("event_id", "Ev1"));
    String command = slack.send("slash_commands", payload("text", "intercept status"));
    String action = slack.send("interactive", payload("type", "block_actions"));

    Await.until(() -> Optional.of(slack.acks()).filter(a -> a.size() == 3));
    assertThat(slack.acks()).containsExactly(event, command, action);
    Await.until(() -> Optional.of(handed).filter(h -> h.size() == 3));
    assertThat(handed).containsExactly("event Ev1 retry 0", "command intercept status", "interactive block_actions");
  }

  @Test
  void redelivery_isAckedAgain_andHandedOnWithItsRetryAttempt_forTheInboxToDropByEventId() {
    connect();
    String id = slack.send("events_api", payload("event_id", "Ev2"));
    Await.until(() -> Optional.of(slack.acks()).filter(a -> a.size() == 1));
    slack.redeliver(id, payload("event_id", "Ev2")); // Slack did not see the ack in time

    Await.until(() -> Optional.of(slack.acks()).filter(a -> a.size() == 2));
    Await.until(() -> Optional.of(handed).filter(h -> h.size() == 2));
    assertThat(slack.acks()).containsExactly(id, id);
    assertThat(handed).containsExactly("event Ev2 retry 0", "event Ev2 retry 1");
  }

  @Test
  void disconnectWarning_opensTheNextConnectionBeforeClosingTheOld() {
    connect();
    slack.disconnect("refresh_requested");
    Await.until(() -> timers.nextDue().filter(Duration.ZERO::equals));
    timers.advance(Duration.ZERO);

    Await.until(() -> Optional.of(slack.opens()).filter(n -> n == 2));
    Await.until(() -> Optional.of(slack.connections().size()).filter(n -> n == 1));
    assertThat(socket.status().state()).isEqualTo(SocketStatus.State.CONNECTED);
    slack.send("events_api", payload("event_id", "Ev4"));
    Await.until(() -> Optional.of(handed).filter(h -> h.contains("event Ev4 retry 0")));
  }

  @Test
  void linkDisabled_stops() {
    connect();
    slack.disconnect("link_disabled");
    awaitState(SocketStatus.State.STOPPED);
    assertThat(timers.nextDue()).isEmpty();
  }

  @Test
  void droppedConnection_reconnectsAfterTheBackoff_notAtOnce() {
    connect();
    slack.drop();
    awaitState(SocketStatus.State.RECONNECTING);
    assertThat(timers.nextDue()).contains(Duration.ofSeconds(1));
    assertThat(slack.opens()).isEqualTo(1);

    timers.advance(Duration.ofSeconds(1));
    awaitState(SocketStatus.State.CONNECTED);
    assertThat(slack.opens()).isEqualTo(2);
  }

  @Test
  void eleventhSocketRefused_waitsItsBackoff_andTriesAgain() throws Exception {
    slack.occupy(10);
    Await.until(() -> Optional.of(slack.connections().size()).filter(n -> n == 10));
    socket.start();
    timers.advance(Duration.ZERO);
    Await.until(() -> Optional.of(slack.refused()).filter(n -> n == 1));
    awaitState(SocketStatus.State.RECONNECTING);
    assertThat(timers.nextDue()).contains(Duration.ofSeconds(1));

    timers.advance(Duration.ofSeconds(1));
    Await.until(() -> Optional.of(slack.refused()).filter(n -> n == 2));
    // still reconnecting, so the state says nothing new: wait for the second refusal's pause, twice the first
    Await.until(() -> timers.nextDue().filter(Duration.ofSeconds(2)::equals));
    assertThat(socket.status().state()).isEqualTo(SocketStatus.State.RECONNECTING);
  }

  @Test
  void rateLimitedOpen_waitsTheRetryAfter() {
    slack.burst = 0;
    socket.start();
    timers.advance(Duration.ZERO);
    assertThat(socket.status().state()).isEqualTo(SocketStatus.State.RECONNECTING);
    assertThat(timers.nextDue()).contains(Duration.ofSeconds(3));

    slack.calm();
    slack.burst = 5;
    timers.advance(Duration.ofSeconds(3));
    awaitState(SocketStatus.State.CONNECTED);
  }

  @Test
  void wrongToken_isFatal_andNamesTheVariable() {
    socket.close();
    socket = socket("xoxb-not-an-app-token");
    socket.start();
    timers.advance(Duration.ZERO);
    assertThat(socket.status().state()).isEqualTo(SocketStatus.State.FAILED);
    assertThat(socket.status().lastClose()).contains("SLACK_APP_TOKEN");
  }
}
