package dev.switchboard.chat.webex;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Message;
import dev.switchboard.calling.NewMessage;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.chat.CommandPool;
import dev.switchboard.chat.Deliveries;
import dev.switchboard.chat.Fate;
import dev.switchboard.chat.Inbox;
import dev.switchboard.ops.AuditLog;
import dev.switchboard.ops.PolicyFile;
import dev.switchboard.ops.Operations;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class WebexInboxTest {


  @TempDir Path dataDir;
  /** What both front ends share: redeliveries, the pool, busy notices. */
  private Inbox shared;

  @Test
  void poolSaturated_answersAtOnce_andTellsThePersonItIsBusy() throws Exception {
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      DemoOrg org = simulator.org();
      CommandPool pool = new CommandPool(1);
      CountDownLatch release = new CountDownLatch(1);
      assertThat(pool.trySubmit(() -> await(release))).isTrue();
      WebexInbox inbox = inbox(simulator, pool);
      String room = org.directRoomId(ANA);
      Message sent = WebexClient.builder().baseUrl(simulator.baseUrl())
          .botTokens(new StaticTokenProvider(org.tokenFor(ANA))).adminTokens(new StaticTokenProvider(org.tokenFor(ANA)))
          .build().createMessage(NewMessage.toRoom(room, "intercept on at HQ"));

      Fate fate = inbox.accept(new WebhookEnvelope("messages", "created",
          new WebhookEnvelope.Data(sent.id(), room, sent.personId(), ANA, null)));

      assertThat(fate).isEqualTo(Fate.BUSY);
      var notice = dev.switchboard.Await.until(() -> simulator.messagesInRoom(room).stream()
          .filter(m -> org.botPersonId().equals(m.path("personId").asText())).findFirst());
      assertThat(notice.get("markdown").asText()).contains("busy");
      assertThat(notice.path("parentId").asText()).as("in the message's thread").isEqualTo(sent.id());
      assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isFalse();
      release.countDown();
      shared.close();
      pool.shutdown(java.time.Duration.ofSeconds(5));
    }
  }

  @Test
  void messageThatCannotBeFetched_isAnsweredInWords_notDropped() throws Exception {
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      DemoOrg org = simulator.org();
      CommandPool pool = new CommandPool(4);
      WebexInbox inbox = inbox(simulator, pool);
      String room = org.directRoomId(ANA);
      simulator.faults().failNext("GET", "/messages/missing-message", 404);

      inbox.accept(new WebhookEnvelope("messages", "created",
          new WebhookEnvelope.Data("missing-message", room, org.personId(ANA), ANA, null)));

      var notice = dev.switchboard.Await.until(() -> simulator.messagesInRoom(room).stream()
          .filter(m -> org.botPersonId().equals(m.path("personId").asText())).findFirst());
      assertThat(notice.get("markdown").asText()).contains("could not read your message").contains("send it again");
      pool.shutdown(java.time.Duration.ofSeconds(5));
      shared.close();
    }
  }

  @Test
  void aReplyWebexFailsToTakeTwice_isPostedOnTheThirdTry_afterDoublingPauses() throws Exception {
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      DemoOrg org = simulator.org();
      CommandPool pool = new CommandPool(4);
      WebexInbox inbox = inbox(simulator, pool);
      String room = org.directRoomId(ANA);
      Message sent = send(simulator, room, "whoami");
      simulator.faults().failNext("POST", "/messages", 503, 2);

      inbox.accept(delivery(org, room, sent));

      var reply = dev.switchboard.Await.until(() -> botMessages(simulator, room).stream().findFirst());
      assertThat(reply.get("markdown").asText()).contains(ANA);
      assertThat(pauses).containsExactly(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1));
      pool.shutdown(java.time.Duration.ofSeconds(5));
      shared.close();
    }
  }

  @Test
  void aReplyThatCannotBePosted_opensThePersonsNextAnswer() throws Exception {
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      DemoOrg org = simulator.org();
      CommandPool pool = new CommandPool(4);
      WebexInbox inbox = inbox(simulator, pool);
      String room = org.directRoomId(ANA);
      Message change = send(simulator, room, "intercept on at HQ");
      simulator.faults().failNext("POST", "/messages", 503, 3);

      inbox.accept(delivery(org, room, change));
      dev.switchboard.Await.until(() -> pauses.size() == 2 && simulator.faults().pendingScripted() == 0
          ? java.util.Optional.of(true) : java.util.Optional.empty());
      assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
      Message next = send(simulator, room, "whoami");
      inbox.accept(delivery(org, room, next));

      var reply = dev.switchboard.Await.until(() -> botMessages(simulator, room).stream().findFirst());
      assertThat(reply.get("markdown").asText()).contains("Earlier, I could not post this here")
          .contains("Intercept is now ON at HQ").contains(ANA);
      pool.shutdown(java.time.Duration.ofSeconds(5));
      shared.close();
    }
  }

  private static Message send(WebexSimulator simulator, String room, String text) {
    return WebexClient.builder().baseUrl(simulator.baseUrl())
        .botTokens(new StaticTokenProvider(simulator.org().tokenFor(ANA)))
        .adminTokens(new StaticTokenProvider(simulator.org().tokenFor(ANA)))
        .build().createMessage(NewMessage.toRoom(room, text));
  }

  private static WebhookEnvelope delivery(DemoOrg org, String room, Message sent) {
    return new WebhookEnvelope("messages", "created",
        new WebhookEnvelope.Data(sent.id(), room, sent.personId(), ANA, null));
  }

  private static java.util.List<com.fasterxml.jackson.databind.JsonNode> botMessages(WebexSimulator simulator,
      String room) {
    return simulator.messagesInRoom(room).stream()
        .filter(m -> simulator.org().botPersonId().equals(m.path("personId").asText())).toList();
  }

  /** The pauses between tries to post an answer: recorded, never slept. */
  private final java.util.List<java.time.Duration> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The bot's inbox wired to the simulator's demo org, running commands on {@code pool}. */
  private WebexInbox inbox(WebexSimulator simulator, CommandPool pool) {
    DemoOrg org = simulator.org();
    WebexClient client = WebexClient.builder().baseUrl(simulator.baseUrl())
        .adminTokens(new StaticTokenProvider(org.adminToken()))
        .botTokens(new StaticTokenProvider(org.botToken())).build();
    Operations operations = Operations.builder(client, PolicyFile.parse(DemoOrg.policyYaml()),
        new AuditLog(dataDir, client.objectMapper(), Clock.systemUTC())).build();
    return new WebexInbox(client, operations,
        () -> new WebexBot(org.botPersonId(), org.botEmail(), org.botDisplayName()), shared = new Inbox(new Deliveries(Ticker.systemTicker()), pool,
            new dev.switchboard.chat.Posting(pauses::add, 3, java.time.Duration.ofMillis(500))),
        CardMemory.inMemory(),
        new WebexInbox.Freshness(java.time.Clock.systemUTC(), Deliveries.WINDOW,
            new dev.switchboard.chat.Rejections("webex", java.time.Clock.systemUTC())));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
