package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling update: two replicas on one database take a stream of commands (each delivered to every replica), and
 * one after the other is stopped and replaced while the stream goes on. No command is lost, none runs twice.
 */
final class RollingRestartTest {

  private static final int COMMANDS = 24;

  @TempDir Path dir;
  private WebexSimulator simulator;
  private DemoOrg org;
  private String databaseUrl;
  private final List<Service> running = new ArrayList<>();

  @BeforeEach
  void start() {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    org = simulator.org();
    databaseUrl = TestPostgres.freshDatabaseUrl();
  }

  @AfterEach
  void stop() {
    running.forEach(Service::close);
    simulator.close();
  }

  /** A replica with its own data directory, pool and webhooks (named after it), sharing the database. */
  private Service replica(String name) {
    OkHttpClient shared = Wiring.httpClient();
    WebexClient client = WebexClient.builder().baseUrl(simulator.baseUrl()).httpClient(shared)
        .adminTokens(new StaticTokenProvider(org.adminToken())).botTokens(new StaticTokenProvider(org.botToken()))
        .build();
    Database database = Database.connect(databaseUrl, Optional.of("postgres"), Optional.empty());
    Service service = Service.start(Service.settings(client, shared).webex(RunningBot.SECRET)
        .policy(PolicyFile.parse(DemoOrg.policyYaml())).dataDir(dir.resolve(name)).database(database).build());
    List<WebhookDefinitions.Definition> own = WebhookDefinitions.load().stream()
        .map(d -> new WebhookDefinitions.Definition(d.name() + "-" + name, d.resource(), d.event(), d.filter()))
        .toList();
    new WebhookRegistrar(client, own).register("http://127.0.0.1:" + service.port(), RunningBot.SECRET);
    running.add(service);
    return service;
  }

  private void stopAndReplace(Service old, String replacement) {
    old.close();
    running.remove(old);
    replica(replacement);
  }

  @Test
  void aStreamOfCommands_throughARollingRestart_isAnsweredOnceEach_andAppliedOnceEach() {
    Service a = replica("a");
    Service b = replica("b");
    String room = org.directRoomId(ANA);
    WebexClientPerson ana = new WebexClientPerson(simulator, ANA);
    List<String> threads = new ArrayList<>();
    for (int i = 0; i < COMMANDS; i++) {
      if (i == COMMANDS / 3) stopAndReplace(a, "c");
      if (i == 2 * COMMANDS / 3) stopAndReplace(b, "d");
      String number = "+1205555" + (3610 + i);
      threads.add(ana.say(room, "set transfer number 1 for alice@example.com to " + number).get("id").asText());
    }

    for (String thread : threads) {
      Await.until(() -> botReplies(room, thread).stream().findFirst());
    }
    assertThat(simulator.awaitDeliveries(Duration.ofSeconds(30))).isTrue();
    for (String thread : threads) {
      assertThat(botReplies(room, thread)).as("replies to %s", thread).hasSize(1)
          .allSatisfy(r -> assertThat(r.get("markdown").asText()).doesNotContain("busy").doesNotContain("error"));
    }
    try (Database database = Database.connect(databaseUrl, Optional.of("postgres"), Optional.empty())) {
      List<AuditEntry> applied = new PgAuditStore(database, new ObjectMapper()
          .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()))
          .entries(e -> e.applied() && e.messageId() != null);
      assertThat(applied).extracting(AuditEntry::messageId).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(threads);
    }
    assertThat(simulator.calls()).filteredOn(c -> c.method().equals("PUT") && c.path().contains("/people/"))
        .hasSize(COMMANDS);
  }

  private List<JsonNode> botReplies(String roomId, String threadRoot) {
    return simulator.messagesInRoom(roomId).stream()
        .filter(m -> org.botPersonId().equals(m.path("personId").asText())
            && threadRoot.equals(m.path("parentId").asText()))
        .toList();
  }
}
