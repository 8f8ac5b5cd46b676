package dev.switchboard.ops;

import dev.switchboard.ops.schedule.ScheduleSettings;
import dev.switchboard.TestClock;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.function.UnaryOperator;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo org in the simulator with a Switchboard wired to it, on a fake clock that waiting
 * advances instead of sleeping, for operation tests.
 */
final class SimulatedOrg implements AutoCloseable {

  final WebexSimulator simulator;
  final DemoOrg org;
  final WebexClient client;
  final TestClock time;
  final RecordingAnnouncer announcer = new RecordingAnnouncer();
  private final Path dataDir;
  private final ScheduleSettings schedules;
  /** Loses Webex's answers when told to, after the request has reached the simulator. */
  final LostAnswers lostAnswers = new LostAnswers();
  AuditLog audit;
  /** The audit store the bot writes to: the log, or a faulty wrapper of it (see {@link #restart(UnaryOperator)}). */
  AuditStore store;
  Operations operations;
  /** Where each (re)start keeps its previews: a new memory by default, as a restarted process has. */
  java.util.function.Supplier<PendingStore> pendingStores = PendingStore::inMemory;

  SimulatedOrg(Path dataDir) {
    this(dataDir, SimulatorOptions.defaults());
  }

  SimulatedOrg(Path dataDir, SimulatorOptions options) {
    this(dataDir, options, TestClock.START, ScheduleSettings.defaults(), demoPolicy());
  }

  /** The demo org on a clock starting at {@code start}, with these schedule settings and policy. */
  SimulatedOrg(Path dataDir, Instant start, ScheduleSettings schedules, String policy) {
    this(dataDir, SimulatorOptions.defaults(), start, schedules, policy);
  }

  private SimulatedOrg(Path dataDir, SimulatorOptions options, Instant start, ScheduleSettings schedules,
      String policy) {
    this.dataDir = dataDir;
    this.schedules = schedules;
    this.time = new TestClock(start);
    simulator = WebexSimulator.start(options);
    org = simulator.org();
    client = WebexClient.builder()
        .baseUrl(simulator.baseUrl())
        .adminTokens(new StaticTokenProvider(org.adminToken()))
        .botTokens(new StaticTokenProvider(org.botToken()))
        .sleeper(time)
        .httpClient(new OkHttpClient.Builder().addInterceptor(lostAnswers).build())
        .build();
    this.policy = policy;
    restart(policy);
  }

  private final String policy;

  /** A restart whose audit store is {@code wrap} of the log: a full disk, a crash at a chosen step. */
  void restart(UnaryOperator<AuditStore> wrap) {
    restart(policy, wrap);
  }

  /**
   * A new Switchboard on the same data directory and the same simulator, as after a restart (or a
   * {@code kill -9}: everything it knows comes from the disk).
   */
  void restart(String policy) {
    restart(policy, UnaryOperator.identity());
  }

  private void restart(String policy, UnaryOperator<AuditStore> wrap) {
    audit = new AuditLog(dataDir, client.objectMapper(), time);
    store = wrap.apply(audit);
    operations = Operations.builder(client, PolicyFile.parse(policy), audit)
        .auditStore(store)
        .settings(Operations.Settings.defaults().withSchedules(schedules))
        .clock(time).ticker(time).sleeper(time).cacheRefresher(Runnable::run)
        .scheduleFile(dataDir.resolve("schedules.json"))
        .announcer(announcer)
        .pendingStore(pendingStores.get())
        .build();
  }

  /** Moves the clock on and lets the scheduler do what is due. */
  void advance(Duration d) {
    time.advance(d);
    operations.scheduler().runDue();
  }

  /** The reply to a line typed by this demo person on the console. */
  dev.switchboard.ops.Reply say(String email, String text) {
    return operations.handle(requester(email), text);
  }

  Requester requester(String email) {
    return new Requester(Requester.Platform.CONSOLE, email, org.personId(email), email, "console", null);
  }

  /** A reply as the console shows it: what tests read. */
  static String text(Reply reply) {
    return dev.switchboard.chat.PlainTextRenderer.render(reply);
  }

  boolean interceptOn(String location) {
    return simulator.locationIntercept(location).get("enabled").asBoolean();
  }

  static String demoPolicy() {
    try (InputStream in = SimulatedOrg.class.getResourceAsStream("/sim/demo-policy.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo policy with the top-level keys of {@code yaml} put in its place (the demo has presets of its own). */
  static String demoPolicyWith(String yaml) {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    try {
      var policy = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(demoPolicy());
      policy.setAll((com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(yaml));
      return mapper.writeValueAsString(policy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An interceptor that, while {@code method} is set, lets such requests reach Webex and then loses the answer; and,
   * while {@code perCall} is set, lets each call take that long on the fake clock.
   */
  final class LostAnswers implements Interceptor {
    volatile String method;
    volatile Duration perCall;
    /** A location id Webex no longer knows: every request naming it is answered 404. */
    volatile String gone;
    /** Whether, once an answer was lost, Webex cannot be reached at all (until {@link #blind} is cleared). */
    volatile boolean blindAfterLoss;
    volatile boolean blind;

    @Override
    public Response intercept(Chain chain) throws IOException {
      Duration took = perCall;
      if (took != null) time.advance(took);
      if (gone != null && chain.request().url().encodedPath().contains(gone)) {
        return new Response.Builder().request(chain.request()).protocol(okhttp3.Protocol.HTTP_1_1).code(404)
            .message("Not Found").body(okhttp3.ResponseBody.create("{\"message\":\"Location not found\"}",
                okhttp3.MediaType.get("application/json"))).build();
      }
      if (blind) throw new java.net.ConnectException("Webex unreachable (by the test)");
      Response response = chain.proceed(chain.request());
      if (chain.request().method().equals(method)) {
        response.close();
        blind = blindAfterLoss;
        throw new SocketTimeoutException("timeout (answer lost by the test)");
      }
      return response;
    }
  }

  @Override
  public void close() {
    simulator.close();
  }
}
