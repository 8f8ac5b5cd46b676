package dev.switchboard.app;

import static dev.switchboard.DemoPeople.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.Await;
import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import dev.switchboard.store.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas over Webex's websocket (no public URL), on one database. Webex gives one connection per bot (a second
 * replaces the first and deletes its device: both went deaf when each connected), so the replica holding a session
 * advisory lock holds the socket, and the other takes it over within seconds when that one stops.
 */
final class TwoReplicasWebsocketTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private WebexSimulator simulator;
  private String databaseUrl;
  private final List<Service> running = new ArrayList<>();
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    databaseUrl = TestPostgres.freshDatabaseUrl();
  }

  @AfterEach
  void stop() {
    running.forEach(Service::close);
    simulator.close();
  }

  private Service replica(String name) throws IOException {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), dev.switchboard.sim.DemoOrg.policyYaml());
    Map<String, String> env = new HashMap<>();
    env.put("WEBEX_BOT_TOKEN", simulator.org().botToken());
    env.put("WEBEX_TRANSPORT", "websocket");
    env.put("WEBEX_U2C_URL", "http://127.0.0.1:" + simulator.port() + "/u2c/api/v1");
    env.put("WEBEX_ADMIN_TOKEN", simulator.org().adminToken());
    env.put("WEBEX_API_BASE", simulator.baseUrl());
    try (ServerSocket free = new ServerSocket(0)) {
      env.put("PORT", Integer.toString(free.getLocalPort()));
    }
    env.put("SWITCHBOARD_POLICY", policy.toString());
    env.put("SWITCHBOARD_DATA_DIR", dir.resolve(name).toString());
    env.put("SWITCHBOARD_DATABASE_URL", databaseUrl);
    env.put("SWITCHBOARD_DATABASE_USER", "postgres");
    Config config = ((ConfigLoader.Result.Loaded) ConfigLoader.load(env)).config();
    Service service = ServeCommand.start(config, "127.0.0.1");
    running.add(service);
    return service;
  }

  private boolean connected(Service service) {
    return readyz(service).at("/webexSocket/state").asText().equals("connected");
  }

  private JsonNode readyz(Service service) {
    try (Response response = http.newCall(new Request.Builder()
        .url("http://127.0.0.1:" + service.port() + "/readyz").build()).execute()) {
      return JSON.readTree(response.body().string());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<JsonNode> replies(String room, String threadRoot) {
    return simulator.messagesInRoom(room).stream()
        .filter(m -> simulator.org().botPersonId().equals(m.path("personId").asText())
            && threadRoot.equals(m.path("parentId").asText()))
        .toList();
  }

  /** The leader's lock connection, ended as a database restart or a network cut would end it. */
  private void cutTheLeadersLock() throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(databaseUrl, "postgres", "");
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rows = st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = "
            + "'advisory' AND classid = " + 0x53574c44 + " AND objid = 1 AND granted")) {
      assertThat(rows.next()).as("the leader holds the lock").isTrue();
    }
  }

  private int readyzStatus(Service service) throws IOException {
    try (Response response = http.newCall(new Request.Builder()
        .url("http://127.0.0.1:" + service.port() + "/readyz").build()).execute()) {
      return response.code();
    }
  }

  /**
   * A leader that loses its lock (its database connection cut) stands by, ready, and leads again when the replica
   * that took over stops: before, it was replaced (4000), stopped for good and answered 503 until restarted.
   */
  @Test
  void aLeaderThatLostItsLock_standsBy_andTakesTheSocketBackWhenTheOtherStops() throws Exception {
    Service a = replica("a");
    Await.until(() -> Optional.of(a).filter(this::connected));
    Service b = replica("b");
    cutTheLeadersLock();
    Await.until(() -> Optional.of(b).filter(this::connected));
    Await.until(() -> Optional.of(a).filter(s -> readyz(s).at("/webexSocket/state").asText().equals("standby")));
    assertThat(readyzStatus(a)).isEqualTo(200);
    String room = simulator.org().directRoomId(ANA);
    WebexClientPerson ana = new WebexClientPerson(simulator, ANA);
    String first = ana.say(room, "intercept on at HQ").get("id").asText();
    Await.until(() -> replies(room, first).stream().findFirst());

    b.close();
    running.remove(b);
    Await.until(() -> Optional.of(a).filter(this::connected));
    String second = ana.say(room, "intercept on at Austin").get("id").asText();
    Await.until(() -> replies(room, second).stream().findFirst());
    String last = ana.say(room, "intercept status at HQ").get("id").asText();
    Await.until(() -> replies(room, last).stream().findFirst());
    assertThat(replies(room, first)).hasSize(1);
    assertThat(replies(room, second)).hasSize(1);
  }

  @Test
  void oneReplicaHoldsTheSocket_eachMessageIsAnsweredOnce_andTheOtherTakesOverWhenItStops() throws Exception {
    Service a = replica("a");
    Await.until(() -> Optional.of(a).filter(this::connected));
    Service b = replica("b");
    String room = simulator.org().directRoomId(ANA);
    WebexClientPerson ana = new WebexClientPerson(simulator, ANA);
    List<String> threads = new ArrayList<>();
    for (String location : List.of("HQ", "Austin", "Denver")) {
      threads.add(ana.say(room, "intercept on at " + location).get("id").asText());
    }
    for (String thread : threads) Await.until(() -> replies(room, thread).stream().findFirst());
    assertThat(connected(b)).as("b waits while a holds the socket").isFalse();
    assertThat(connected(a)).isTrue();
    a.close();
    running.remove(a);
    Await.until(() -> Optional.of(b).filter(this::connected));
    threads.add(ana.say(room, "intercept on at London").get("id").asText());
    Await.until(() -> replies(room, threads.get(3)).stream().findFirst());
    // A later message answered: the earlier ones had every chance to be answered twice.
    String last = ana.say(room, "intercept status at HQ").get("id").asText();
    Await.until(() -> replies(room, last).stream().findFirst());

    for (String thread : threads) assertThat(replies(room, thread)).as(thread).hasSize(1);
    assertThat(simulator.calls()).filteredOn(c -> c.method().equals("PUT") && c.path().endsWith("/intercept"))
        .hasSize(4);
  }
}
