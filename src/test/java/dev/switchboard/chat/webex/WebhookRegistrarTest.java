package dev.switchboard.chat.webex;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calling.NewWebhook;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.Webhook;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class WebhookRegistrarTest {

  private WebexSimulator simulator;
  private WebexClient client;
  private WebhookRegistrar registrar;

  @BeforeEach
  void start() {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    client = WebexClient.builder().baseUrl(simulator.baseUrl())
        .botTokens(new StaticTokenProvider(simulator.org().botToken()))
        .adminTokens(new StaticTokenProvider(simulator.org().adminToken()))
        .build();
    registrar = new WebhookRegistrar(client, WebhookDefinitions.load());
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void definitions_comeFromTheManifest() {
    assertThat(WebhookDefinitions.load()).extracting(WebhookDefinitions.Definition::name, d -> d.resource(), d -> d.event())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("switchboard-messages", "messages", "created"),
            org.assertj.core.groups.Tuple.tuple("switchboard-attachmentActions", "attachmentActions", "created"));
  }

  @Test
  void register_twice_stillExactlyTwoWebhooks_secondRunChangesNothing() {
    registrar.register("https://bot.example.com", "s3cret");
    List<WebhookRegistrar.Change> second = registrar.register("https://bot.example.com/webex/webhook", "s3cret");

    assertThat(client.webhooks()).hasSize(2).allSatisfy(w -> {
      assertThat(w.targetUrl()).isEqualTo("https://bot.example.com/webex/webhook");
      assertThat(w.status()).isEqualTo("active");
    });
    assertThat(second).extracting(WebhookRegistrar.Change::what).containsOnly("unchanged");
  }

  @Test
  void register_newUrlOrSecret_updatesInPlace() {
    registrar.register("https://old.example.com", "one");
    List<String> ids = client.webhooks().stream().map(Webhook::id).toList();

    List<WebhookRegistrar.Change> changes = registrar.register("https://new.example.com", "two");

    assertThat(changes).extracting(WebhookRegistrar.Change::what).containsOnly("updated");
    assertThat(client.webhooks()).extracting(Webhook::id).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(client.webhooks()).extracting(Webhook::targetUrl).containsOnly("https://new.example.com/webex/webhook");
  }

  @Test
  void register_changedFilter_recreatesOnlyThatWebhook_andLeavesOthersAlone() {
    Webhook foreign = client.createWebhook(new NewWebhook("someone-elses", "https://other.example.com/hook",
        "messages", "created", null, "x"));
    client.createWebhook(new NewWebhook("switchboard-messages", "https://bot.example.com/webex/webhook", "messages",
        "created", "roomType=group", "s3cret"));

    registrar.register("https://bot.example.com", "s3cret");

    List<Webhook> all = client.webhooks();
    assertThat(all).hasSize(3);
    assertThat(all).filteredOn(w -> w.name().equals("switchboard-messages")).singleElement()
        .satisfies(w -> assertThat(w.filter()).isNull());
    assertThat(all).filteredOn(w -> w.id().equals(foreign.id())).singleElement()
        .satisfies(w -> assertThat(w.targetUrl()).isEqualTo("https://other.example.com/hook"));
  }

  @Test
  void reactivateDisabled_reactivatesOurs_only() {
    registrar.register("http://127.0.0.1:1", "s3cret");
    // Nothing listens on port 1: Webex disables a webhook after 100 failed deliveries.
    String room = simulator.org().directRoomId(ANA);
    WebexClient ana = WebexClient.builder().baseUrl(simulator.baseUrl())
        .botTokens(new StaticTokenProvider(simulator.org().tokenFor(ANA)))
        .adminTokens(new StaticTokenProvider(simulator.org().tokenFor(ANA))).build();
    for (int i = 0; i < 100; i++) {
      ana.createMessage(dev.switchboard.calling.NewMessage.toRoom(room, "hello " + i));
    }
    simulator.awaitDeliveries(java.time.Duration.ofSeconds(20));
    assertThat(client.webhooks()).filteredOn(w -> w.name().equals("switchboard-messages"))
        .singleElement().satisfies(w -> assertThat(w.status()).isEqualTo("inactive"));

    assertThat(registrar.reactivateDisabled("s3cret")).containsExactly("switchboard-messages");
    assertThat(client.webhooks()).extracting(Webhook::status).containsOnly("active");
  }
}
