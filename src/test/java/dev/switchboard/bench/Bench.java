package dev.switchboard.bench;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.HANA;
import static dev.switchboard.DemoPeople.OMAR;
import static dev.switchboard.DemoPeople.RITA;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.RecordedCall;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;

/**
 * The benchmark (issue 9): every quality target of PRODUCT.md measured next to its baseline in one run.
 *
 * <p>This process hosts the Webex simulator (Webex's stand-in) and a Slack stand-in, and starts the rest
 * as processes of their own: {@code serve} (the jar, or the test class path in smoke mode), the bare
 * Javalin and Bolt baselines, and the load generator ({@link LoadGen}). Everything listens on and is sent
 * to 127.0.0.1; every loop is bounded in count and time.
 *
 * <p>Arguments: {@code --full|--smoke --out DIR [--jar SWITCHBOARD_JAR] [--bolt BOLT_PROJECT_DIR]}.
 */
public final class Bench {

  static final String WEBEX_SECRET = "bench-webhook-secret";
  static final String SLACK_SECRET = "bench-slack-signing-secret";
  static final String SLACK_TOKEN = "xoxb-bench";
  /** The same for Switchboard and every baseline server. */
  static final List<String> SERVER_FLAGS = List.of("-Xmx512m", "-XX:+UseG1GC");
  /** {@code -Dbench.debugGaps}: print the timeline of every command whose overhead is over 4.5 ms. */
  private static final boolean DEBUG_GAPS = System.getProperty("bench.debugGaps") != null;
  static final List<String> LOADGEN_FLAGS = List.of("-Xmx1g", "-XX:+UseParallelGC");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  /** Read-only commands the load scenarios send, by whom: a realistic help-desk and on-call mix. */
  private static final String[][] LOAD_MIX = {
      {ANA, "intercept status at HQ"}, {HANA, "transfer numbers for alice@example.com"},
      {OMAR, "locations"}, {RITA, "whoami"}};

  /** How much of everything: the full run, or the smoke run inside {@code mvn verify}. */
  record Plan(boolean full, double openRate, int openWarmup, int openCount, int closedConnections,
      int closedWarmup, int closedCount, int ackWarmOpen, int ackWarmClosed, int maxSeconds,
      int overheadWarmupRounds, int overheadReps,
      boolean coldEveryKind,
      double[] stepsFast, double[] stepsSlow, double stepSeconds, double bulkRate, int extraLocations,
      int baselineStarts) {

    /**
     * The full run. A measured closed run is 160,000 requests, about 5 s at 30,000/s: at 16,000 (half a second) its
     * p99 was the longest stall in that half second, one young GC pause holding more than 1% of it, so the figure
     * said whether a pause landed in the window more than what share of time a server spends in them. Its first 80,000
     * (about 2 s) are not measured: the switch from the open rate to a flood set off a wave of recompilation in
     * {@code serve} that lasted its whole closed run when only 4,000 were (-XX:+PrintCompilation: 700 compilations,
     * 265 of them C2, 140 methods made not entrant, in 4 s).
     */
    static Plan fullRun() {
      return new Plan(true, 200, 1000, 4000, 200, 80000, 160000, Integer.getInteger("bench.ackWarmOpen", 12000), 8000, 60, 150, 200, true,
          new double[] {50, 100, 200, 400, 800, 1600}, new double[] {25, 50, 100, 200, 400, 800}, 4, 50, 200, 3);
    }

    static Plan smokeRun() {
      return new Plan(false, 50, 10, 40, 20, 20, 100, 20, 20, 10, 1, 1, false,
          new double[] {50}, new double[] {25}, 1, 400, 10, 1);
    }
  }

  /** One message the bot is sent, as the simulator stored it. */
  record Msg(String id, String roomId, String personId, String email, String text) {}

  /** One command measured end to end. */
  record Sample(String kind, int webexCalls, double e2eMs, double webexMs, double overheadMs, boolean clean) {}

  final Plan plan;
  private PlainPost webhooks;
  private int webhooksPort;
  /**
   * One scenario to run alone ({@code --only forged}, {@code --only socket}, {@code --only two-replicas},
   * {@code --only overhead}: scenario 3, {@code --only bulk}: scenario 5, {@code --only ack}: the Webex and Slack
   * acks, or {@code --only webex-ack}: the Webex ones), or null for all.
   */
  String only;
  final Path out;
  final Path work;
  final String jar;
  final Path bolt;
  final String classpath = System.getProperty("java.class.path");
  final Results results;
  WebexSimulator sim;
  DemoOrg org;
  SlackStandIn slack;
  Path policy;
  int slackSerial;

  Bench(Plan plan, Path out, String jar, Path bolt) throws IOException {
    this.plan = plan;
    this.out = out;
    this.jar = jar;
    this.bolt = bolt;
    Files.createDirectories(out);
    this.work = Files.createDirectories(out.resolve("work"));
    this.results = new Results(plan.full());
  }

  public static void main(String[] args) throws Exception {
    Plan plan = Plan.smokeRun();
    Path out = Path.of("target", "bench");
    String jar = null;
    Path bolt = null;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> plan = Plan.fullRun();
        case "--smoke" -> plan = Plan.smokeRun();
        case "--out" -> out = Path.of(args[++i]);
        case "--jar" -> jar = args[++i];
        case "--bolt" -> bolt = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
      }
    }
    System.setProperty("java.awt.headless", "true");
    Bench bench = new Bench(plan, out, jar, bolt);
    bench.only = only;
    bench.run();
    System.exit(0);
  }

  /** Runs every scenario and writes the report; returns the results. */
  Results run() throws Exception {
    long began = System.nanoTime();
    sim = WebexSimulator.start(SimulatorOptions.defaults().withExtraLocations(plan.extraLocations()));
    org = sim.org();
    slack = new SlackStandIn();
    policy = Files.writeString(work.resolve("policy.yaml"), DemoOrg.policyYaml());
    try {
      log("machine: " + results.machine(SERVER_FLAGS));
      if ("socket".equals(only)) { new SocketAck(this).run(); return finish(began); } // --only socket
      if ("forged".equals(only)) {
        try (Child serve = startServe("serve-forged")) {
          // Alone, on a shared machine: start may take longer than in the full run's sequence.
          serve.awaitReady("/readyz", Duration.ofSeconds(120));
          awaitStartupCalls();
          new ForgedFlood(this).run(serve);
        }
        return finish(began);
      }
      if ("ack".equals(only) || "webex-ack".equals(only)) {
        try (Child serve = startServe("serve-load")) {
          serve.awaitReady("/readyz", Duration.ofSeconds(120));
          scenarioWebhookAck(serve);
          if ("ack".equals(only)) scenarioSlackAck(serve);
        }
        return finish(began);
      }
      if ("overhead".equals(only)) {
        try (Child serve = startServe("serve-commands")) {
          serve.awaitReady("/readyz", Duration.ofSeconds(120));
          scenarioOverhead(serve);
        }
        return finish(began);
      }
      if ("bulk".equals(only)) {
        try (Child serve = startServe("serve-bulk")) {
          serve.awaitReady("/readyz", Duration.ofSeconds(120));
          scenarioBulk(serve);
        }
        return finish(began);
      }
      if ("two-replicas".equals(only)) {
        new TwoReplicaBench(this).run();
        return finish(began);
      }
      scenarioStartBaseline();
      scenarioIdleFootprint();
      scenarioColdCalls();
      try (Child serve = startServe("serve-commands")) {
        results.startTimes.add(serve.awaitReady("/readyz", Duration.ofSeconds(30)).toNanos() / 1e6);
        scenarioOverhead(serve);
      }
      try (Child serve = startServe("serve-load")) {
        results.startTimes.add(serve.awaitReady("/readyz", Duration.ofSeconds(30)).toNanos() / 1e6);
        scenarioWebhookAck(serve);
        new ForgedFlood(this).run(serve);
        scenarioSlackAck(serve);
        scenarioSaturation(serve);
      }
      new SocketAck(this).run(); // scenario 1b: the ack over the Webex websocket, its own serve
      new TwoReplicaBench(this).run();
      try (Child serve = startServe("serve-bulk")) {
        results.startTimes.add(serve.awaitReady("/readyz", Duration.ofSeconds(30)).toNanos() / 1e6);
        scenarioBulk(serve);
      }
    } finally {
      if (webhooks != null) webhooks.close();
      slack.close();
      sim.close();
    }
    return finish(began);
  }

  private Results finish(long began) throws IOException {
    results.elapsedSeconds = (System.nanoTime() - began) / 1e9;
    results.write(out);
    log("report: " + out.resolve("report.md").toAbsolutePath());
    return results;
  }

  // ---------------------------------------------------------------- processes

  Child startServe(String name) throws IOException {
    int port = Child.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("WEBEX_API_BASE", sim.baseUrl());
    env.put("WEBEX_BOT_TOKEN", org.botToken());
    env.put("WEBEX_WEBHOOK_SECRET", WEBEX_SECRET);
    env.put("WEBEX_ADMIN_TOKEN", org.adminToken());
    env.put("SWITCHBOARD_POLICY", policy.toString());
    env.put("SWITCHBOARD_DATA_DIR", Files.createTempDirectory(work, name + "-data").toString());
    env.put("PORT", Integer.toString(port));
    env.put("SLACK_SIGNING_SECRET", SLACK_SECRET);
    env.put("SLACK_BOT_TOKEN", SLACK_TOKEN);
    env.put("SLACK_API_BASE", slack.apiBase());
    env.put("SLACK_RESPONSE_HOSTS", slack.responseHost());
    List<String> args = new ArrayList<>();
    // As the image and the systemd unit run it: with the class-data archive the build made next to the jar.
    Path archive = jar == null ? null : Path.of(jar.replaceFirst("\\.jar$", ".jsa"));
    if (archive != null && Files.exists(archive)) args.add("-XX:SharedArchiveFile=" + archive);
    args.addAll(jar != null ? List.of("-jar", jar, "serve") : List.of("-cp", classpath, "dev.switchboard.app.Main",
        "serve"));
    return Child.start(name, serveFlags(), args, env, port, work.resolve(name + ".log"));
  }

  /**
   * The server flags, plus those in {@code -Dbench.serveFlags} for {@code serve} alone: a profiler, say
   * ({@code -XX:StartFlightRecording=...}), to see what a scenario costs.
   */
  static List<String> serveFlags() {
    String extra = System.getProperty("bench.serveFlags", "").strip();
    if (extra.isEmpty()) return SERVER_FLAGS;
    List<String> flags = new ArrayList<>(SERVER_FLAGS);
    flags.addAll(List.of(extra.split("\\s+")));
    return flags;
  }

  Child startBareJavalin() {
    int port = Child.freePort();
    return Child.start("bare-javalin", SERVER_FLAGS,
        List.of("-cp", classpath, BareJavalin.class.getName(), Integer.toString(port)), Map.of(), port,
        work.resolve("bare-javalin.log"));
  }

  /** Bolt's class path, or null when its project was not built (the smoke run inside {@code mvn verify}). */
  String boltClasspath() throws IOException {
    if (bolt == null) return null;
    Path file = bolt.resolve("target/classpath.txt");
    Path classes = bolt.resolve("target/classes");
    if (!Files.exists(file) || !Files.isDirectory(classes)) return null;
    return classes + java.io.File.pathSeparator + Files.readString(file).strip();
  }

  JsonNode load(String name, String url, Path requests, String mode, double rateOrConnections, int warmup,
      int count, int maxSeconds) throws IOException {
    Path result = work.resolve(name + ".json");
    Files.deleteIfExists(result);
    String amount = mode.equals("open") ? Double.toString(rateOrConnections)
        : Integer.toString((int) rateOrConnections);
    Child gen = Child.start("loadgen-" + name, LOADGEN_FLAGS, List.of("-cp", classpath, LoadGen.class.getName(),
        url, requests.toString(), mode, amount, Integer.toString(warmup), Integer.toString(count),
        Integer.toString(maxSeconds), result.toString()), Map.of(), 0, work.resolve("loadgen-" + name + ".log"));
    int code = gen.await(Duration.ofSeconds(maxSeconds + 60L));
    if (code != 0 || !Files.exists(result)) {
      throw new IllegalStateException("load generator failed (" + code + "); see " + gen.log);
    }
    JsonNode summary = JSON.readTree(result.toFile());
    log(String.format("  %-28s %s: %d measured, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f/s, statuses %s",
        name, mode, summary.get("measured").asInt(), summary.get("p50Ms").asDouble(),
        summary.get("p99Ms").asDouble(), summary.get("maxMs").asDouble(), summary.get("throughput").asDouble(),
        summary.get("statuses")));
    return summary;
  }

  // ---------------------------------------------------------------- Webex messages and deliveries

  /** Posts these (email, text) messages to the bot in the simulator, as their senders, a few at a time. */
  List<Msg> createMessages(List<String[]> messages) {
    Semaphore inFlight = new Semaphore(16);
    List<CompletableFuture<Msg>> futures = new ArrayList<>();
    for (String[] m : messages) {
      inFlight.acquireUninterruptibly();
      ObjectNode body = JSON.createObjectNode().put("toPersonEmail", org.botEmail()).put("text", m[1]);
      HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/messages"))
          .header("Authorization", "Bearer " + org.tokenFor(m[0])).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).timeout(Duration.ofSeconds(30)).build();
      futures.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
        inFlight.release();
        if (error != null) throw new IllegalStateException(error);
        if (response.statusCode() != 200) {
          throw new IllegalStateException("creating a message: " + response.statusCode() + " " + response.body());
        }
        try {
          JsonNode json = JSON.readTree(response.body());
          return new Msg(json.get("id").asText(), json.get("roomId").asText(), json.get("personId").asText(),
              m[0], m[1]);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  Msg createMessage(String email, String text) {
    return createMessages(List.<String[]>of(new String[] {email, text})).get(0);
  }

  List<Msg> loadMessages(int n) {
    List<String[]> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) list.add(LOAD_MIX[i % LOAD_MIX.length]);
    return createMessages(list);
  }

  /** The {@code messages/created} envelope Webex would deliver for this message, as Webex shapes it. */
  String envelope(Msg m) {
    ObjectNode data = JSON.createObjectNode().put("id", m.id()).put("roomId", m.roomId()).put("roomType", "direct")
        .put("personId", m.personId()).put("personEmail", m.email()).put("created", Instant.now().toString());
    ObjectNode body = JSON.createObjectNode().put("id", "Y2lzY29zcGFyazovL3VzL1dFQkhPT0svYmVuY2g")
        .put("name", "switchboard-messages").put("targetUrl", "https://switchboard.example.com/webex/webhook")
        .put("resource", "messages").put("event", "created").put("orgId", org.orgId())
        .put("createdBy", org.botPersonId()).put("appId", "Y2lzY29zcGFyazovL3VzL0FQUExJQ0FUSU9OL2JlbmNo")
        .put("ownedBy", "creator").put("status", "active").put("created", Instant.now().toString())
        .put("actorId", m.personId());
    body.set("data", data);
    return body.toString();
  }

  static String hmacHex(String algorithm, String secret, String text) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      StringBuilder hex = new StringBuilder();
      for (byte b : mac.doFinal(text.getBytes(StandardCharsets.UTF_8))) hex.append(String.format("%02x", b));
      return hex.toString();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, String> webexHeaders(String body) {
    return Map.of("Content-Type", "application/json", "X-Spark-Signature", hmacHex("HmacSHA1", WEBEX_SECRET, body));
  }

  /** A signed slash command, as Slack sends it: form-encoded, v0 signature over {@code v0:ts:body}. */
  String[] slashCommand(String user, String text) {
    int n = ++slackSerial;
    String body = form(new String[][] {{"token", "bench-verification-token"}, {"team_id", "T0001"},
        {"team_domain", "example"}, {"channel_id", "C0001"}, {"channel_name", "ops"}, {"user_id", user},
        {"user_name", user.toLowerCase()}, {"command", "/switchboard"}, {"text", text},
        {"api_app_id", "A0001"}, {"is_enterprise_install", "false"}, {"response_url", slack.responseUrl(n)},
        {"trigger_id", n + ".1.bench" + n}});
    String ts = Long.toString(Instant.now().getEpochSecond());
    return new String[] {body, ts, "v0=" + hmacHex("HmacSHA256", SLACK_SECRET, "v0:" + ts + ":" + body)};
  }

  private static String form(String[][] pairs) {
    StringBuilder s = new StringBuilder();
    for (String[] p : pairs) {
      if (s.length() > 0) s.append('&');
      s.append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
    }
    return s.toString();
  }

  Path requestsFile(String name, List<String> bodies, java.util.function.Function<String, Map<String, String>> headers)
      throws IOException {
    Path file = work.resolve(name + ".requests");
    try (var writer = Files.newBufferedWriter(file)) {
      for (String body : bodies) {
        ObjectNode line = JSON.createObjectNode();
        line.set("headers", JSON.valueToTree(headers.apply(body)));
        line.put("body", body);
        writer.write(line.toString());
        writer.newLine();
      }
    }
    return file;
  }

  Path webexRequests(String name, List<Msg> messages) throws IOException {
    return requestsFile(name, messages.stream().map(this::envelope).toList(), this::webexHeaders);
  }

  Path slackRequests(String name, int n) throws IOException {
    List<String> lines = new ArrayList<>();
    String[] users = {"U0ANA", "U0HANA", "U0OMAR", "U0RITA"};
    Map<String, String[]> signed = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String[] command = slashCommand(users[i % users.length], LOAD_MIX[i % LOAD_MIX.length][1]);
      signed.put(command[0], command);
      lines.add(command[0]);
    }
    return requestsFile(name, lines, body -> Map.of("Content-Type", "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp", signed.get(body)[1], "X-Slack-Signature", signed.get(body)[2]));
  }

  int post(String url, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The kept-alive connection the one-at-a-time scenarios deliver webhooks on, to {@code serve}. */
  private PlainPost webhooks(Child serve) {
    if (webhooks == null || webhooksPort != serve.port) {
      if (webhooks != null) webhooks.close();
      webhooks = new PlainPost("127.0.0.1", serve.port);
      webhooksPort = serve.port;
    }
    return webhooks;
  }

  void deliver(Child serve, Msg m) {
    String body = envelope(m);
    int status = post(serve.url("/webex/webhook"), body, webexHeaders(body));
    if (status != 200) throw new IllegalStateException("webhook answered " + status);
  }

  // ---------------------------------------------------------------- the bot's own numbers

  /** Wall time the bot has spent with at least one Webex call in flight, at its own client. */
  static double webexSeconds(Child serve) {
    return metric(serve, "switchboard_webex_waiting_seconds_total");
  }

  /**
   * One metric of the bot's, read with {@code name[]} so that only its family is written out: the whole scrape, read
   * around every command, was 39% of the bot's allocation samples in the overhead run (async-profiler, alloc; its
   * large buffers are sampled more often than their share of bytes: the young collections came every 15.5 s
   * instead of 14.4 s once it was gone).
   */
  static double metric(Child serve, String name) {
    return metricSum(serve.get("/metrics?name%5B%5D=" + name), name);
  }

  static double metricSum(String scrape, String name) {
    double sum = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** A measured run: what {@link #load} returns. */
  @FunctionalInterface
  interface Run {
    JsonNode go() throws IOException;
  }

  /**
   * Runs {@code run} against {@code server} and stores its summary under {@code key}, with how many methods the
   * server's JIT compiled meanwhile ({@code jitCompilations}): a server still compiling is not warm yet, and C2 takes a
   * core from the requests measured.
   */
  void measured(String key, Child server, Run run) throws IOException {
    long before = server.compilations();
    JsonNode summary = run.go();
    long after = server.compilations();
    if (summary instanceof ObjectNode o && before >= 0 && after >= 0) o.put("jitCompilations", after - before);
    results.ack.put(key, summary);
  }

  /**
   * Waits until the bot's commands are over (bounded), without a request to it: until neither the Webex simulator nor
   * the Slack stand-in has been called for half a second. Used before a measured run: a {@code GET /metrics} there
   * reached code paths that the warm-up's POSTs never had, and C2 threw away the compiled code of Jetty's parser and
   * connection (-XX:+PrintCompilation: 650 compilations, 100 methods made not entrant, in the first seconds of the
   * measured open run), which no baseline, never asked anything but its webhook, went through.
   */
  void quiet(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    long quietSince = System.nanoTime();
    long seen = -1;
    while (System.nanoTime() < deadline) {
      long now = sim.callCount() + (long) slack.responses.get();
      if (now != seen) {
        seen = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > Duration.ofMillis(500).toNanos()) {
        return;
      }
      Child.sleep(50);
    }
  }

  /** Waits until no command is in flight in the bot (bounded). */
  static void drain(Child serve, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (metric(serve, "switchboard_commands_in_flight") == 0) return;
      Child.sleep(50);
    }
  }

  /** Calls the bot made (as itself or with the admin token) since the last clear, waiting for quiet. */
  List<RecordedCall> awaitReplyAndQuiet(Duration quiet, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    int seen = -1;
    long lastChange = System.nanoTime();
    while (System.nanoTime() < deadline) {
      List<RecordedCall> calls = botCalls();
      boolean replied = calls.stream().anyMatch(Bench::isReply);
      if (calls.size() != seen) {
        seen = calls.size();
        lastChange = System.nanoTime();
      } else if (replied && System.nanoTime() - lastChange > quiet.toNanos()) {
        return calls;
      }
      Child.sleep(2);
    }
    throw new IllegalStateException("no reply from the bot within " + limit);
  }

  List<RecordedCall> botCalls() {
    return sim.calls().stream().filter(c -> c.identity().equals("bot") || c.identity().equals("admin")).toList();
  }

  static boolean isReply(RecordedCall c) {
    return c.identity().equals("bot") && c.method().equals("POST") && c.path().equals("/messages")
        && c.status() / 100 == 2;
  }

  /** Sends one command as {@code email} and measures it: calls, end to end, time waiting on Webex. */
  Sample command(Child serve, String kind, String email, String text) {
    return command(serve, kind, email, text, Duration.ofMillis(40));
  }

  /** One command, its calls taken as done once none came for {@code quiet} after the reply. */
  Sample command(Child serve, String kind, String email, String text, Duration quiet) {
    Msg m = createMessage(email, text);
    String body = envelope(m);
    PlainPost.Prepared delivery = webhooks(serve).prepare("/webex/webhook", body, webexHeaders(body));
    double before = webexSeconds(serve);
    sim.clearCalls();
    PlainPost.Sent ack = webhooks(serve).send(delivery);
    if (ack.status() != 200) throw new IllegalStateException("webhook answered " + ack.status());
    Instant sent = ack.at();
    List<RecordedCall> calls = awaitReplyAndQuiet(quiet, Duration.ofSeconds(60));
    double after = webexSeconds(serve);
    RecordedCall reply = null;
    for (RecordedCall c : calls) if (isReply(c)) reply = c;
    double e2e = Duration.between(sent, reply.at().plus(reply.took())).toNanos() / 1e6;
    // Time waiting on Webex, at the bot's client: the wall time with at least one call in flight (from /metrics),
    // so that calls made in parallel (a status or preview over several locations) count once, as the time they
    // held the command up. What the client's HTTP stack does around a call counts as Webex's, as it always did.
    double webex = (after - before) * 1000;
    // The minute's health check (GET /people/me with both tokens) would count as this command's wait.
    boolean clean = calls.stream().noneMatch(c -> c.path().equals("/people/me"));
    int count = (int) calls.stream().filter(c -> !c.path().equals("/people/me")).count();
    if (e2e - webex > 4.5 && DEBUG_GAPS) System.err.println(gaps(kind, e2e - webex, sent, calls));
    return new Sample(kind, count, e2e, webex, e2e - webex, clean);
  }

  /**
   * A slow sample's timeline for {@code -Dbench.debugGaps}: when its webhook went out (to set beside a GC log), then
   * the time from the send to each of the bot's calls (as the simulator saw it, with its own time in brackets), ids
   * elided. It showed where a tail came from.
   */
  static String gaps(String kind, double overheadMs, Instant sent, List<RecordedCall> calls) {
    StringBuilder line = new StringBuilder(String.format("gaps %s %s overhead %.2f ms:", sent, kind, overheadMs));
    List<RecordedCall> sorted = new ArrayList<>(calls);
    sorted.sort(java.util.Comparator.comparing(RecordedCall::at));
    Instant previous = sent;
    for (RecordedCall c : sorted) {
      line.append(String.format(" +%.2f %s %s(%.2f)", Duration.between(previous, c.at()).toNanos() / 1e6, c.method(),
          c.path().replaceAll("/[A-Za-z0-9_=-]{20,}", "/ID"), c.took().toNanos() / 1e6));
      previous = c.at().plus(c.took());
    }
    return line.toString();
  }

  void setIntercept(String location, boolean enabled) {
    JsonNode current = sim.locationIntercept(location);
    if (current.path("enabled").asBoolean() == enabled) return;
    ObjectNode next = ((ObjectNode) current.deepCopy()).put("enabled", enabled);
    String url = sim.baseUrl() + "/telephony/config/locations/" + org.locationId(location) + "/intercept";
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + org.adminToken())
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(next.toString())).build();
    try {
      int status = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
      if (status / 100 != 2) throw new IllegalStateException("setting intercept at " + location + ": " + status);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- scenario 3 and 4: commands

  /** A command kind, the line that stands for it, and what must be true (or run) before it. */
  record Kind(String name, String text, Consumer<Child> before) {}

  List<Kind> kinds() {
    Consumer<Child> none = serve -> {};
    return List.of(
        new Kind("help", "help", none),
        new Kind("whoami", "whoami", none),
        new Kind("locations", "locations", none),
        new Kind("intercept status (one)", "intercept status at HQ", none),
        new Kind("intercept status (all)", "intercept status", none),
        new Kind("intercept on (one)", "intercept on at HQ", serve -> setIntercept("HQ", false)),
        new Kind("intercept off (one)", "intercept off at HQ", serve -> setIntercept("HQ", true)),
        new Kind("transfer numbers", "transfer numbers for alice@example.com", none),
        new Kind("set transfer number", "set transfer number 2 for alice@example.com to +12055553651", none),
        new Kind("undo", "undo", serve -> command(serve, "setup", ANA,
            "set transfer number 2 for alice@example.com to +12055553652")),
        new Kind("history", "history", none),
        new Kind("intercept preview (2 locations)", "intercept on at Austin, Denver", serve -> {
          setIntercept("Austin", false);
          setIntercept("Denver", false);
        }),
        new Kind("confirm (2 locations)", "yes", serve -> {
          setIntercept("Austin", false);
          setIntercept("Denver", false);
          command(serve, "setup", ANA, "intercept on at Austin, Denver");
        }),
        new Kind("unknown command", "frobnicate the widgets", none));
  }

  /** Scenario 4, cold: each kind as the first command of a freshly started bot. Also start times (6). */
  void scenarioColdCalls() throws IOException {
    log("scenario 4: Webex calls per command, cold");
    for (Kind kind : kinds()) {
      if (!plan.coldEveryKind() && !kind.name().equals("intercept on (one)") && !kind.name().equals("whoami")) {
        continue;
      }
      try (Child serve = startServe("serve-cold")) {
        results.startTimes.add(serve.awaitReady("/readyz", Duration.ofSeconds(30)).toNanos() / 1e6);
        awaitStartupCalls();
        kind.before().accept(serve);
        Sample sample = command(serve, kind.name(), ANA, kind.text());
        results.coldCalls.put(kind.name(), sample.webexCalls());
        log(String.format("  %-34s cold: %d calls", kind.name(), sample.webexCalls()));
      }
    }
  }

  /** The bot's start-up calls (who am I, health check, policy check) are over when the record is quiet. */
  void awaitStartupCalls() {
    int seen = -1;
    for (int i = 0; i < 100; i++) {
      int now = sim.calls().size();
      if (now == seen) break;
      seen = now;
      Child.sleep(100);
    }
  }

  /** Scenario 3 (overhead per command) and scenario 4 warm (calls per command), one command at a time. */
  void scenarioOverhead(Child serve) {
    log("scenario 3: bot overhead per command; scenario 4 warm");
    awaitStartupCalls();
    setIntercept("HQ", false);
    setIntercept("Austin", false);
    setIntercept("Denver", false);
    String[][] rep = {{"help", "help"}, {"whoami", "whoami"}, {"locations", "locations"},
        {"intercept status (one)", "intercept status at HQ"}, {"intercept status (all)", "intercept status"},
        {"intercept on (one)", "intercept on at HQ"}, {"intercept off (one)", "intercept off at HQ"},
        {"transfer numbers", "transfer numbers for alice@example.com"},
        {"set transfer number", "set transfer number 2 for alice@example.com to +12055553651"},
        {"undo", "undo"}, {"history", "history"},
        {"intercept preview (2 locations)", "intercept on at Austin, Denver"}, {"confirm (2 locations)", "yes"},
        {"intercept preview (2 locations)", "intercept off at Austin, Denver"}, {"confirm (2 locations)", "yes"},
        {"unknown command", "frobnicate the widgets"}};
    // Warm-up rounds fill the caches and let both JVMs compile the command path: on 2 cores, with the simulator's
    // JVM beside the bot's, C2 takes a couple of minutes of commands to finish, and until it has, a command's tail
    // is the JIT's (the first full run with 10 warm-up rounds saw slow samples fall from 150 a minute to 3).
    // Their calls need no quiet wait: nothing of theirs is measured.
    int warmupRounds = plan.overheadWarmupRounds();
    for (int r = 0; r < plan.overheadReps() + warmupRounds; r++) {
      boolean warmup = r < warmupRounds;
      for (String[] step : rep) {
        String text = step[0].equals("set transfer number")
            ? "set transfer number 2 for alice@example.com to +120555536" + String.format("%02d", r % 50) : step[1];
        Sample s = command(serve, step[0], ANA, text, Duration.ofMillis(warmup ? 10 : 40));
        if (warmup) continue;
        if (s.clean()) results.overhead.computeIfAbsent(step[0], k -> Results.histogram()).recordValue(
            Math.max(1, Math.round(s.overheadMs() * 1000)));
        results.warmCalls.computeIfAbsent(step[0], k -> new ArrayList<>()).add(s.webexCalls());
      }
    }
    results.overhead.forEach((kind, h) -> log(String.format("  %-34s overhead p50 %.2f ms p99 %.2f ms (n=%d)",
        kind, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getTotalCount())));
  }

  // ---------------------------------------------------------------- scenario 6: start and footprint baselines

  void scenarioStartBaseline() {
    log("scenario 6: start of the bare Javalin baseline");
    for (int i = 0; i < plan.baselineStarts(); i++) {
      try (Child bare = startBareJavalin()) {
        results.baselineStartTimes.add(bare.awaitReady("/readyz", Duration.ofSeconds(30)).toNanos() / 1e6);
        if (i == 0) {
          Child.sleep(1000);
          results.baselineIdleHeapMb = bare.heapUsedMb(true);
          results.baselineIdleRssMb = bare.rssMb();
        }
      }
    }
  }

  /**
   * Scenario 6 for Switchboard: the idle heap and RSS of a {@code serve} of its own, as the baseline's are taken. Not
   * on the serve that is then loaded: the full GC the heap figure needs left that JVM a 44 MB heap, whose 19 MB young
   * generation then collected every 0.7 s under 200 commands/s — a few-ms pause in the ack's p99 (GC log).
   */
  void scenarioIdleFootprint() throws IOException {
    log("scenario 6: idle footprint");
    try (Child serve = startServe("serve-idle")) {
      results.startTimes.add(serve.awaitReady("/readyz", Duration.ofSeconds(30)).toNanos() / 1e6);
      awaitStartupCalls();
      Child.sleep(1000);
      results.idleHeapMb = serve.heapUsedMb(true);
      results.idleRssMb = serve.rssMb();
    }
  }

  // ---------------------------------------------------------------- scenario 1: webhook ack (and 6 under load)

  void scenarioWebhookAck(Child serve) throws IOException {
    log("scenario 1: Webex webhook acknowledgement");
    awaitStartupCalls();
    int open = plan.openWarmup() + plan.openCount();
    int closed = plan.closedWarmup() + plan.closedCount();
    List<Msg> messages = loadMessages(open + closed);
    Path openFile = webexRequests("webex-open", messages.subList(0, open));
    Path closedFile = webexRequests("webex-closed", messages.subList(open, open + closed));
    List<Msg> warm = loadMessages(plan.ackWarmOpen() + plan.ackWarmClosed());
    Path warmOpen = webexRequests("webex-warm-open", warm.subList(0, plan.ackWarmOpen()));
    Path warmClosed = webexRequests("webex-warm-closed", warm.subList(plan.ackWarmOpen(), warm.size()));
    try (Child bare = startBareJavalin()) {
      bare.awaitReady("/readyz", Duration.ofSeconds(30));
      warmUp("webex-warm-baseline", bare.url("/webex/webhook"), warmOpen, warmClosed);
      measured("webex-open/baseline", bare, () -> load("webex-open-baseline", bare.url("/webex/webhook"), openFile,
          "open", plan.openRate(), plan.openWarmup(), plan.openCount(), plan.maxSeconds()));
      measured("webex-closed/baseline", bare, () -> load("webex-closed-baseline", bare.url("/webex/webhook"),
          closedFile, "closed", plan.closedConnections(), plan.closedWarmup(), plan.closedCount(), plan.maxSeconds()));
    }
    // RSS from /proc while the run is measured; the heap (jcmd: a JVM of its own, and an attach to serve) only once it
    // is over: taken during the run, it stalled serve for seconds and made the 200/s run's p99.
    double[] peak = new double[1];
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak[0] = Math.max(peak[0], serve.rssMb());
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "rss-sampler");
    warmUp("webex-warm-switchboard", serve.url("/webex/webhook"), warmOpen, warmClosed);
    quiet(Duration.ofSeconds(60));
    sampler.start();
    measured("webex-open/switchboard", serve, () -> load("webex-open-switchboard", serve.url("/webex/webhook"),
        openFile, "open", plan.openRate(), plan.openWarmup(), plan.openCount(), plan.maxSeconds()));
    sampler.interrupt();
    results.loadRssMb = peak[0];
    results.loadHeapMb = serve.heapUsedMb(false);
    quiet(Duration.ofSeconds(30));
    Unanswered.count(this, "webex-open/answers", messages.subList(0, open));
    measured("webex-closed/switchboard", serve, () -> load("webex-closed-switchboard", serve.url("/webex/webhook"),
        closedFile, "closed", plan.closedConnections(), plan.closedWarmup(), plan.closedCount(), plan.maxSeconds()));
    drain(serve, Duration.ofSeconds(60));
    Unanswered.count(this, "webex-closed/answers", messages.subList(open, open + closed));
    String scrape = serve.get("/metrics");
    results.webexFates = fates(scrape);
  }

  static Map<String, Double> fates(String scrape) {
    Map<String, Double> fates = new LinkedHashMap<>();
    for (String line : scrape.split("\n")) {
      if (line.startsWith("switchboard_webhook_handling_seconds_count{")) {
        int at = line.indexOf("fate=\"");
        String fate = line.substring(at + 6, line.indexOf('"', at + 6));
        fates.merge(fate, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
      }
    }
    return fates;
  }

  // ---------------------------------------------------------------- scenario 2: Slack ack

  void scenarioSlackAck(Child serve) throws IOException {
    log("scenario 2: Slack slash-command acknowledgement");
    String[] probe = slashCommand("U0ANA", "whoami");
    int status = post(serve.url("/slack/commands"), probe[0], Map.of("Content-Type",
        "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp", probe[1], "X-Slack-Signature", probe[2]));
    results.slackPresent = status == 200;
    if (!results.slackPresent) log("  Switchboard answers " + status + " on /slack/commands: not measured");
    String boltCp = boltClasspath();
    results.boltPresent = boltCp != null;
    if (boltCp == null) log("  Bolt baseline not built (bench/bolt-baseline): not measured");
    if (boltCp != null) {
      int port = Child.freePort();
      try (Child boltServer = Child.start("bolt", SERVER_FLAGS, List.of("-cp", boltCp,
          "dev.switchboard.bench.bolt.BoltBaseline", Integer.toString(port), slack.apiBase()),
          Map.of("SLACK_SIGNING_SECRET", SLACK_SECRET, "SLACK_BOT_TOKEN", SLACK_TOKEN), port,
          work.resolve("bolt.log"))) {
        awaitListening(boltServer);
        slackRuns(boltServer, "baseline");
      }
    }
    if (results.slackPresent) {
      int before = slack.responses.get();
      slackRuns(serve, "switchboard");
      drain(serve, Duration.ofSeconds(60));
      results.slackResponses = slack.responses.get() - before;
    }
  }

  private void slackRuns(Child server, String who) throws IOException {
    warmUp("slack-warm-" + who, server.url("/slack/commands"),
        slackRequests("slack-warm-open-" + who, plan.ackWarmOpen()),
        slackRequests("slack-warm-closed-" + who, plan.ackWarmClosed()));
    if (who.equals("switchboard")) quiet(Duration.ofSeconds(60));
    Path openFile = slackRequests("slack-open-" + who, plan.openWarmup() + plan.openCount());
    measured("slack-open/" + who, server, () -> load("slack-open-" + who, server.url("/slack/commands"), openFile,
        "open", plan.openRate(), plan.openWarmup(), plan.openCount(), plan.maxSeconds()));
    if (who.equals("switchboard")) quiet(Duration.ofSeconds(30));
    Path closedFile = slackRequests("slack-closed-" + who, plan.closedWarmup() + plan.closedCount());
    measured("slack-closed/" + who, server, () -> load("slack-closed-" + who, server.url("/slack/commands"),
        closedFile, "closed", plan.closedConnections(), plan.closedWarmup(), plan.closedCount(), plan.maxSeconds()));
  }

  /**
   * Unmeasured load before a server's measured runs, the same for Switchboard and its baseline: the closed
   * connections, then a minute at the open rate, so that the measured open run follows load of its own shape.
   * Measured straight after start, the runs timed the JIT instead: C2 still took a third of serve's CPU 25 s into the
   * open run (async-profiler). With the closed warm-up last, the switch back to the open rate set off a second wave:
   * 2,000 compilations in the measured open run, 570 of them C2, 400 methods made not entrant (-XX:+PrintCompilation).
   */
  void warmUp(String name, String url, Path open, Path closed) throws IOException {
    load(name + "-closed", url, closed, "closed", plan.closedConnections(), plan.ackWarmClosed(), 0,
        plan.maxSeconds());
    load(name + "-open", url, open, "open", plan.openRate(), plan.ackWarmOpen(), 0,
        Math.max(plan.maxSeconds(), (int) (plan.ackWarmOpen() / plan.openRate()) + 30));
  }

  /** Bolt has no health route: ready once a signed command is acknowledged (it then has run auth.test). */
  void awaitListening(Child server) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.process.isAlive()) throw new IllegalStateException("bolt exited; see " + server.log);
      try {
        String[] c = slashCommand("U0ANA", "whoami");
        if (post(server.url("/slack/commands"), c[0], Map.of("Content-Type", "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp", c[1], "X-Slack-Signature", c[2])) == 200) return;
      } catch (UncheckedIOException e) {
        // not listening yet
      }
      Child.sleep(20);
    }
    throw new IllegalStateException("bolt not ready; see " + server.log);
  }

  // ---------------------------------------------------------------- scenario 7: throughput to saturation

  void scenarioSaturation(Child serve) throws IOException {
    log("scenario 7: throughput to saturation");
    Map<String, List<Msg>> byStep = new LinkedHashMap<>();
    for (int latency : new int[] {0, 50}) {
      for (double rate : latency == 0 ? plan.stepsFast() : plan.stepsSlow()) {
        int n = (int) Math.round(rate * (plan.stepSeconds() + 1));
        byStep.put(latency + "/" + rate, loadMessages(n));
      }
    }
    for (var entry : byStep.entrySet()) {
      int latency = Integer.parseInt(entry.getKey().split("/")[0]);
      double rate = Double.parseDouble(entry.getKey().split("/")[1]);
      sim.faults().latency(Duration.ofMillis(latency));
      List<Msg> messages = entry.getValue();
      int warmup = (int) Math.round(rate);
      String name = "saturation-" + latency + "ms-" + (int) rate;
      Path file = webexRequests(name, messages);
      double busyBefore = fates(serve.get("/metrics")).getOrDefault("busy", 0.0);
      JsonNode ack = load(name, serve.url("/webex/webhook"), file, "open", rate, warmup, messages.size() - warmup,
          (int) Math.ceil(plan.stepSeconds() + 1) + 5);
      drain(serve, Duration.ofSeconds(60));
      double busy = fates(serve.get("/metrics")).getOrDefault("busy", 0.0) - busyBefore;
      Set<String> ids = new HashSet<>();
      Set<String> rooms = new HashSet<>();
      for (Msg m : messages) {
        ids.add(m.id());
        rooms.add(m.roomId());
      }
      List<Instant> replies = new ArrayList<>();
      for (String room : rooms) {
        for (JsonNode message : sim.messagesInRoom(room)) {
          // A command's reply; a busy notice answers none (counted apart, from the fates), and since notices to
          // one person are spaced, counting them would make the flood gate's step look like completed commands.
          if (org.botPersonId().equals(message.path("personId").asText())
              && ids.contains(message.path("parentId").asText()) && !Unanswered.isBusyNotice(message)) {
            replies.add(Instant.parse(message.get("created").asText()));
          }
        }
      }
      replies.sort(null);
      double span = replies.size() < 2 ? 0
          : Duration.between(replies.get(0), replies.get(replies.size() - 1)).toNanos() / 1e9;
      double completed = span > 0 ? (replies.size() - 1) / span : 0;
      results.steps.add(new Results.Step(latency, rate, messages.size(), replies.size(), (int) busy, completed,
          ack.get("p50Ms").asDouble(), ack.get("p99Ms").asDouble(), ack.get("throughput").asDouble()));
      log(String.format("  %d ms latency, %.0f/s offered: %d of %d answered, %.0f commands/s completed, busy %d",
          latency, rate, replies.size(), messages.size(), completed, (int) busy));
      results.saturationHistograms.put(name, ack.get("histogram").asText());
    }
    sim.faults().latency(Duration.ZERO);
  }

  // ---------------------------------------------------------------- scenario 5: bulk

  void scenarioBulk(Child serve) {
    log("scenario 5: bulk over every calling location, rate-limited");
    awaitStartupCalls();
    List<String> names = org.callingLocationNames();
    for (String name : names) setIntercept(name, false);
    bulkRun(serve, "no faults", true, () -> {});
    bulkRun(serve, "5% 503s", false, () -> {
      // 5% of the ~3 calls per location fail once with a 503: half on the re-read, half on the write.
      int faults = (int) Math.round(names.size() * 3 * 0.05);
      for (int i = 0; i < faults; i++) {
        String location = names.get((i * 7) % names.size());
        String path = "/telephony/config/locations/" + org.locationId(location) + "/intercept";
        sim.faults().failNext(i % 2 == 0 ? "GET" : "PUT", path, 503);
      }
    });
    bulkRun(serve, "429 burst", true, () -> {
      for (int i = 0; i < 5; i++) sim.faults().rateLimitNext("/telephony/config/locations", 429, 1);
    });
    sim.faults().reset();
  }

  private void bulkRun(Child serve, String name, boolean on, Runnable faults) {
    List<String> names = org.callingLocationNames();
    double rate = plan.bulkRate();
    sim.faults().reset();
    sim.faults().rateLimit(rate);
    Msg preview = createMessage(ANA, "intercept " + (on ? "on" : "off") + " at all");
    sim.clearCalls();
    deliver(serve, preview);
    awaitReplyAndQuiet(Duration.ofMillis(300), Duration.ofSeconds(120));
    Child.sleep(1500); // the bucket refills: the run starts as a fresh org would
    sim.faults().rateLimit(rate);
    faults.run();
    Msg yes = createMessage(ANA, "yes");
    sim.clearCalls();
    Instant t0 = Instant.now();
    deliver(serve, yes);
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    AtomicReference<RecordedCall> finalReply = new AtomicReference<>();
    while (System.nanoTime() < deadline && finalReply.get() == null) {
      // the answer, not the progress message the bot posts first and edits in place
      boolean answered = sim.messagesInRoom(yes.roomId()).stream().anyMatch(
          msg -> yes.id().equals(msg.path("parentId").asText())
              && org.botPersonId().equals(msg.path("personId").asText())
              && !msg.has("updated") && !msg.path("text").asText().contains("Changing intercept at"));
      if (answered) sim.calls().stream().filter(Bench::isReply).reduce((a, b) -> b).ifPresent(finalReply::set);
      if (finalReply.get() == null) Child.sleep(20);
    }
    if (finalReply.get() == null) throw new IllegalStateException("bulk '" + name + "': no final reply");
    Instant end = finalReply.get().at().plus(finalReply.get().took());
    List<RecordedCall> calls = botCalls().stream().filter(c -> !c.at().isAfter(end)).toList();
    double elapsed = Duration.between(t0, end).toNanos() / 1e9;
    Map<String, Integer> okPuts = new HashMap<>();
    int locationCalls = 0;
    int status429 = 0;
    int status5xx = 0;
    int refusedLocationCalls = 0; // answered 429 or 5xx: each must be made again
    for (RecordedCall c : calls) {
      if (c.status() == 429) status429++;
      if (c.status() >= 500) status5xx++;
      if (c.path().startsWith("/telephony/config/locations/") && c.path().endsWith("/intercept")) {
        locationCalls++;
        if (c.status() == 429 || c.status() >= 500) refusedLocationCalls++;
        if (c.method().equals("PUT") && c.status() / 100 == 2) okPuts.merge(c.path(), 1, Integer::sum);
      }
    }
    int changedOnce = 0;
    int lost = 0;
    int duplicated = 0;
    for (String location : names) {
      String path = "/telephony/config/locations/" + org.locationId(location) + "/intercept";
      int puts = okPuts.getOrDefault(path, 0);
      boolean state = sim.locationIntercept(location).path("enabled").asBoolean();
      if (puts == 1 && state == on) changedOnce++;
      if (state != on || puts == 0) lost++;
      if (puts > 1) duplicated++;
    }
    // Webex's 429s mandate a wait: the ideal with them adds the time Webex forbade calls (none in the other runs)
    double mandated = name.equals("429 burst") ? forbiddenSeconds(calls) : 0;
    Results.Bulk bulk = new Results.Bulk(name, names.size(), rate, elapsed, calls.size(), locationCalls,
        elapsed / (calls.size() / rate), (double) locationCalls / names.size(), changedOnce, lost, duplicated,
        status429, status5xx, mandated, elapsed / (calls.size() / rate + mandated),
        (double) (locationCalls - refusedLocationCalls) / names.size());
    results.bulk.add(bulk);
    log(String.format("  %-10s %d locations: %.2f s, %d calls (%d on locations), ratio %.3f, %.2f calls/location,"
        + " changed once %d, lost %d, duplicated %d, 429s %d, 5xx %d", name, names.size(), elapsed, calls.size(),
        locationCalls, bulk.ratio(), bulk.callsPerLocation(), changedOnce, lost, duplicated, status429, status5xx));
  }

  /** How long the 429s' {@code Retry-After} forbade calls: the union of each [answer, answer + Retry-After). */
  static double forbiddenSeconds(List<RecordedCall> calls) {
    List<RecordedCall> limited = calls.stream().filter(c -> c.status() == 429 && !c.retryAfter().isZero())
        .sorted(java.util.Comparator.comparing(RecordedCall::at)).toList();
    long nanos = 0;
    Instant coveredTo = Instant.MIN;
    for (RecordedCall c : limited) {
      Instant from = c.at().plus(c.took());
      Instant to = from.plus(c.retryAfter());
      if (!to.isAfter(coveredTo)) continue;
      nanos += Duration.between(from.isAfter(coveredTo) ? from : coveredTo, to).toNanos();
      coveredTo = to;
    }
    return nanos / 1e9;
  }

  private static final long T0 = System.nanoTime();

  static void log(String line) {
    System.out.printf("[bench %5.1fs] %s%n", (System.nanoTime() - T0) / 1e9, line);
    System.out.flush();
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }

  static Histogram decode(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(
          java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(base64)), 0);
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalStateException(e);
    }
  }
}
