package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Sleeper;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.chat.CommandPool;
import dev.switchboard.chat.Deliveries;
import dev.switchboard.chat.Fate;
import dev.switchboard.chat.Inbox;
import dev.switchboard.chat.Rejections;
import dev.switchboard.ops.AuditLog;
import dev.switchboard.ops.PolicyFile;
import dev.switchboard.ops.Operations;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the inbox does with each verified request, decided before the request is answered. */
final class SlackInboxTest {

  @TempDir Path dataDir;

  @StartStop
  final MockWebServer slack = new MockWebServer();

  private final ObjectMapper mapper = new ObjectMapper();
  private final CountDownLatch release = new CountDownLatch(1);
  private WebexSimulator simulator;
  private CommandPool pool;
  private Inbox shared;
  private SlackInbox inbox;

  @BeforeEach
  void start() {
    slack.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String body = request.getUrl().encodedPath().equals("/api/users.info")
            ? "{\"ok\":true,\"user\":{\"id\":\"U_ANA\",\"profile\":{\"email\":\"ana.admin@example.com\"}}}"
            : "{\"ok\":true,\"ts\":\"1.0\"}";
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
      }
    });
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    WebexClient webex = WebexClient.builder().baseUrl(simulator.baseUrl())
        .adminTokens(new StaticTokenProvider(simulator.org().adminToken())).build();
    Operations operations = Operations.builder(webex, PolicyFile.parse(DemoOrg.policyYaml()),
        new AuditLog(dataDir, webex.objectMapper(), Clock.systemUTC())).build();
    SlackClient client = new SlackClient(slack.url("/api"), new OkHttpClient(), "xoxb-t", mapper,
        Ticker.systemTicker(), Sleeper.REAL);
    pool = new CommandPool(1);
    shared = new Inbox(new Deliveries(Ticker.systemTicker()), pool);
    inbox = new SlackInbox(client, operations, shared,
        SlackTrust.pinned("T1", null, List.of(slack.getHostName() + ":" + slack.getPort())),
        new Rejections("slack", Clock.systemUTC()));
  }

  @AfterEach
  void stop() {
    release.countDown();
    shared.close();
    pool.shutdown(Duration.ofSeconds(5));
    simulator.close();
  }

  private EventEnvelope envelope(String eventId, EventEnvelope.Event event) {
    return new EventEnvelope("event_callback", null, "T1", null, eventId, event,
        List.of(new EventEnvelope.Authorization("UBOT", true)));
  }

  private static EventEnvelope.Event mention(String user, String text, String ts) {
    return new EventEnvelope.Event("app_mention", null, user, null, text, ts, null, "C1", null);
  }

  /** The next answer posted, to the channel ({@code chat.postMessage}) or to the requester alone (ephemeral). */
  private JsonNode nextPost() throws Exception {
    while (true) {
      RecordedRequest request = slack.takeRequest(10, TimeUnit.SECONDS);
      assertThat(request).isNotNull();
      String path = request.getUrl().encodedPath();
      if (path.equals("/api/chat.postMessage") || path.equals("/api/chat.postEphemeral")) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(request.getBody().utf8()))
            .put("method", path.substring("/api/".length()));
      }
    }
  }

  @Test
  void event_lookUpFromAChannelMention_isEphemeral() throws Exception {
    inbox.event(envelope("EvP1", mention("U_ANA", "<@UBOT> whoami", "3.1")));
    JsonNode private_ = nextPost();
    assertThat(private_.path("method").asText()).isEqualTo("chat.postEphemeral");
    assertThat(private_.path("user").asText()).isEqualTo("U_ANA");
  }

  @Test
  void event_lookUpFromAChannelMention_askedToShare_isPostedToTheChannel() throws Exception {
    inbox.event(envelope("EvP2", mention("U_ANA", "<@UBOT> whoami, share it", "3.2")));
    JsonNode shared = nextPost();
    assertThat(shared.path("method").asText()).isEqualTo("chat.postMessage");
    assertThat(shared.path("text").asText()).contains("ana.admin@example.com");
  }

  @Test
  void sharing_takesOnlyTrailingSharingWords() {
    assertThat(Sharing.of("intercept status at all share")).isEqualTo(new Sharing("intercept status at all", true));
    assertThat(Sharing.of("intercept status at Share Point")).isEqualTo(new Sharing("intercept status at Share Point",
        false));
    assertThat(Sharing.of("history HQ publicly.")).isEqualTo(new Sharing("history HQ", true));
  }

  @Test
  void event_sameIdTwice_secondIsADuplicate() throws Exception {
    EventEnvelope first = envelope("Ev1", mention("U_ANA", "<@UBOT> whoami", "1.1"));
    assertThat(inbox.event(first)).isEqualTo(Fate.STARTED);
    assertThat(nextPost().path("text").asText()).contains("ana.admin@example.com");
    assertThat(inbox.event(first)).isEqualTo(Fate.DUPLICATE);
  }

  @Test
  void event_botsAndEdits_neverStarted() {
    assertThat(inbox.event(envelope("E1", new EventEnvelope.Event("message", null, "UBOT", null, "hi", "1", null,
        "D1", "im")))).isEqualTo(Fate.FROM_BOT);
    assertThat(inbox.event(envelope("E2", new EventEnvelope.Event("message", "bot_message", null, "B1", "hi", "1",
        null, "D1", "im")))).isEqualTo(Fate.FROM_BOT);
    assertThat(inbox.event(envelope("E3", new EventEnvelope.Event("message", "message_changed", "U_ANA", null, "hi",
        "1", null, "D1", "im")))).isEqualTo(Fate.IGNORED);
    assertThat(inbox.event(envelope("E4", new EventEnvelope.Event("message", null, "U_ANA", null, "hi", "1", null,
        "C1", "channel")))).isEqualTo(Fate.IGNORED);
    assertThat(inbox.event(envelope("E5", new EventEnvelope.Event("reaction_added", null, "U_ANA", null, null, "1",
        null, "C1", null)))).isEqualTo(Fate.IGNORED);
    assertThat(pool.inFlight()).isZero();
  }

  @Test
  void event_poolFull_busyNoticeToTheRequester() throws Exception {
    CountDownLatch occupied = new CountDownLatch(1);
    assertThat(pool.trySubmit(() -> {
      occupied.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })).isTrue();
    assertThat(occupied.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(inbox.event(envelope("Ev2", mention("U_ANA", "<@UBOT> intercept on at HQ", "2.2"))))
        .isEqualTo(Fate.BUSY);
    JsonNode notice = nextPost();
    assertThat(notice.path("method").asText()).isEqualTo("chat.postEphemeral");
    assertThat(notice.path("user").asText()).isEqualTo("U_ANA");
    assertThat(notice.path("text").asText()).contains("busy");
    assertThat(inbox.command(new SlashCommand("T1", null, "C1", "U_ANA", "/switchboard", "whoami",
        slack.url("/response/1").toString(), "t1"))).isEqualTo(Fate.BUSY);
  }

  @Test
  void command_sameTriggerTwice_runsOnce() {
    assertThat(pool.trySubmit(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })).isTrue();
    SlashCommand command = new SlashCommand("T1", null, "C1", "U_ANA", "/switchboard", "whoami",
        slack.url("/response/9").toString(), "trigger-9");

    assertThat(inbox.command(command)).isIn(Fate.STARTED, Fate.BUSY);
    assertThat(inbox.command(command)).isEqualTo(Fate.DUPLICATE);
  }

  @Test
  void action_notOurs_ignored() {
    BlockActions foreign = new BlockActions("block_actions", new BlockActions.Team("T1"), null, new BlockActions.User("U_ANA", "T1"),
        new BlockActions.Channel("C1"), null, null, slack.url("/response/1").toString(), "t",
        List.of(new BlockActions.Action("approve_expense", "yes")));
    assertThat(inbox.action(foreign)).isEqualTo(Fate.IGNORED);
  }
}
