package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.Await;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.chat.webex.WebhookDefinitions;
import dev.switchboard.chat.webex.WebhookRegistrar;
import dev.switchboard.ops.AuditEntry;
import dev.switchboard.ops.PolicyFile;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import dev.switchboard.store.Database;
import dev.switchboard.store.PgAuditStore;
import dev.switchboard.store.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Two Switchboard replicas on one database and one Webex (the simulator), each with a webhook of its own, so
 * every message is delivered to both — the worst a load balancer and Webex's redeliveries can do.
 */
final class TwoReplicasTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dirA;
  @TempDir Path dirB;
  private WebexSimulator simulator;
  private DemoOrg org;
  private String databaseUrl;
  private Service a;
  private Service b;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    org = simulator.org();
    databaseUrl = TestPostgres.freshDatabaseUrl();
    a = replica("a", dirA);
    b = replica("b", dirB);
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    simulator.close();
  }

  /** A replica with its own data directory, pool and webhooks (named after it), sharing the database. */
  private Service replica(String name, Path dataDir) {
    OkHttpClient shared = Wiring.httpClient();
    WebexClient client = WebexClient.builder()
        .baseUrl(simulator.baseUrl())
        .httpClient(shared)
        .adminTokens(new StaticTokenProvider(org.adminToken()))
        .botTokens(new StaticTokenProvider(org.botToken()))
        .build();
    Database database = Database.connect(databaseUrl, Optional.of("postgres"), Optional.empty());
    Service service = Service.start(Service.settings(client, shared).webex(RunningBot.SECRET)
        .policy(PolicyFile.parse(DemoOrg.policyYaml())).dataDir(dataDir).database(database).build());
    List<WebhookDefinitions.Definition> own = WebhookDefinitions.load().stream()
        .map(d -> new WebhookDefinitions.Definition(d.name() + "-" + name, d.resource(), d.event(), d.filter()))
        .toList();
    new WebhookRegistrar(client, own).register("http://127.0.0.1:" + service.port(), RunningBot.SECRET);
    return service;
  }

  @Test
  void oneMessageDeliveredToBoth_changesWebexOnce_andRepliesOnce() throws Exception {
    String room = org.directRoomId(ANA);
    JsonNode sent = post(ANA, Map.of("roomId", room, "text", "intercept on at HQ"));
    String thread = sent.get("id").asText();

    JsonNode reply = Await.until(() -> botReplies(room, thread).stream().findFirst());
    assertThat(simulator.awaitDeliveries(Duration.ofSeconds(10))).isTrue();

    // Both replicas were handed the message and both answered Webex 200: one ran it, the other knew it was taken.
    assertThat(simulator.deliveries()).filteredOn(d -> d.dataId().equals(thread))
        .hasSize(2).allMatch(WebexSimulator.WebhookDelivery::succeeded);
    assertThat(reply.get("markdown").asText()).contains("Intercept is now ON at HQ");
    assertThat(simulator.locationIntercept("HQ").get("enabled").asBoolean()).isTrue();
    assertThat(simulator.calls()).filteredOn(c -> c.method().equals("PUT") && c.path().endsWith("/intercept"))
        .hasSize(1);
    try (Database database = Database.connect(databaseUrl, Optional.of("postgres"), Optional.empty())) {
      assertThat(new PgAuditStore(database, new ObjectMapper().registerModule(new JavaTimeModule())).entries(AuditEntry::applied)).hasSize(1);
    }
    // A second look after both pools are idle: still one reply (the loser never started the command).
    assertThat(botReplies(room, thread)).hasSize(1);
  }

  private JsonNode post(String email, Map<String, Object> message) throws Exception {
    Request request = new Request.Builder().url(simulator.baseUrl() + "/messages")
        .header("Authorization", "Bearer " + org.tokenFor(email))
        .post(RequestBody.create(JSON.writeValueAsBytes(message), MediaType.get("application/json")))
        .build();
    try (Response response = http.newCall(request).execute()) {
      assertThat(response.isSuccessful()).isTrue();
      return JSON.readTree(response.body().string());
    }
  }

  private List<JsonNode> botReplies(String roomId, String threadRoot) {
    return simulator.messagesInRoom(roomId).stream()
        .filter(m -> org.botPersonId().equals(m.path("personId").asText())
            && threadRoot.equals(m.path("parentId").asText()))
        .toList();
  }
}
