package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.Await;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.chat.webex.WebhookDefinitions;
import dev.switchboard.chat.webex.WebhookRegistrar;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The simulator with the demo org and a running Switchboard service wired to it, its webhooks
 * registered, so tests act as people do: post a message, read the reply in the thread.
 */
final class RunningBot implements AutoCloseable {

  static final String SECRET = "test-webhook-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  final WebexSimulator simulator;
  final DemoOrg org;
  final WebexClient botClient;
  final Service service;
  final OkHttpClient http = new OkHttpClient();

  RunningBot(Path dataDir, boolean registerWebhooks) {
    this(dataDir, registerWebhooks, null);
  }

  /** As above, the service reading {@code time} (null: the system's) while the simulator keeps real time. */
  RunningBot(Path dataDir, boolean registerWebhooks, dev.switchboard.TestClock time) {
    this(dataDir, registerWebhooks, time, null);
  }

  /** As above, the shared state in {@code database} (null: the files), as with {@code SWITCHBOARD_DATABASE_URL}. */
  RunningBot(Path dataDir, boolean registerWebhooks, dev.switchboard.TestClock time,
      dev.switchboard.store.Database database) {
    this(dataDir, registerWebhooks, time, database, settings -> settings);
  }

  /** As above, with the service's settings changed by {@code tweak} (a flood rate, say). */
  RunningBot(Path dataDir, boolean registerWebhooks, dev.switchboard.TestClock time,
      dev.switchboard.store.Database database, java.util.function.UnaryOperator<Service.Builder> tweak) {
    simulator = WebexSimulator.start(SimulatorOptions.defaults());
    org = simulator.org();
    Metrics metrics = new Metrics();
    OkHttpClient shared = Wiring.httpClient();
    botClient = WebexClient.builder()
        .baseUrl(simulator.baseUrl())
        .httpClient(shared)
        .adminTokens(new StaticTokenProvider(org.adminToken()))
        .botTokens(new StaticTokenProvider(org.botToken()))
        .listener(metrics)
        .build();
    Service.Builder settings = Service.settings(botClient, shared).webex(SECRET)
        .policy(dev.switchboard.ops.PolicyFile.parse(DemoOrg.policyYaml())).dataDir(dataDir).metrics(metrics);
    if (time != null) settings.time(time, time);
    if (database != null) settings.database(database);
    service = Service.start(tweak.apply(settings).build());
    if (registerWebhooks) {
      new WebhookRegistrar(botClient, WebhookDefinitions.load()).register(url(""), SECRET);
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + service.port() + path;
  }

  /** Posts a message as a demo person (their own token) and returns the message JSON. */
  JsonNode post(String email, Map<String, Object> message) {
    return call(email, "POST", "/messages", message);
  }

  JsonNode call(String email, String method, String path, Object body) {
    Request.Builder request = new Request.Builder()
        .url(simulator.baseUrl() + path)
        .header("Authorization", "Bearer " + org.tokenFor(email));
    try {
      request.method(method, body == null ? null : RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE));
      try (Response response = http.newCall(request.build()).execute()) {
        String text = response.body().string();
        assertThat(response.isSuccessful()).as("%s %s -> %s %s", method, path, response.code(), text).isTrue();
        return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bot's replies in this thread, oldest first. */
  List<JsonNode> botReplies(String roomId, String threadRoot) {
    return simulator.messagesInRoom(roomId).stream()
        .filter(m -> org.botPersonId().equals(m.path("personId").asText())
            && threadRoot.equals(m.path("parentId").asText()))
        .toList();
  }

  /** Waits for the bot's reply number {@code n} (1-based) in the thread. */
  JsonNode awaitReply(String roomId, String threadRoot, int n) {
    Optional<JsonNode> reply = Await.poll(() -> {
      List<JsonNode> replies = botReplies(roomId, threadRoot);
      return replies.size() >= n ? Optional.of(replies.get(n - 1)) : Optional.empty();
    });
    assertThat(reply).as("reply %d in thread %s", n, threadRoot).isPresent();
    return reply.get();
  }

  @Override
  public void close() {
    service.close();
    simulator.close();
  }
}
