package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.store.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Scenario 9 (issue 21): two {@code serve} replicas on one PostgreSQL (zonky's embedded server, in this process),
 * every Webex delivery sent to both at the same moment — what Webex's retries or a load balancer's second try do
 * at worst — next to one instance on its files, sent the same load by the same sender.
 *
 * <p>It reports the acknowledgement latency of each replica against the single instance's, and exactly-once at
 * the simulator: for every message, how many replies the bot posted under it (one each: none lost, none twice),
 * and which replica ran it (the other answered 200 and counted a duplicate).
 *
 * <p>The sender runs here, not in {@link LoadGen}, because one delivery must go to two URLs on one schedule; it is
 * open-model and coordinated-omission corrected as LoadGen's {@code open} mode is, and the single instance is
 * measured with this same sender so the figures compare.
 */
final class TwoReplicaBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  /**
   * Deliveries per second, each sent to both replicas (so twice as many requests), with an embedded PostgreSQL on the
   * same 2 cores: the rate the exactly-once figures were designed at; at 200/s the two saturated the machine.
   */
  private static final double RATE = 50;

  private final Bench bench;

  TwoReplicaBench(Bench bench) {
    this.bench = bench;
  }

  void run() throws IOException {
    Bench.log("scenario 9: two replicas on one database, every delivery to both");
    Bench.Plan plan = bench.plan;
    // As many as the run's time limit lets through at this rate (a message not sent would count as lost).
    int n = (int) Math.min(plan.openWarmup() + plan.openCount(), RATE * (plan.maxSeconds() - 5));
    // Empty, not migrated: the two replicas migrate it as they start together, as two pods would.
    String databaseUrl = TestPostgres.emptyDatabaseUrl();
    List<Bench.Msg> alone = bench.loadMessages(n);
    List<Bench.Msg> shared = bench.loadMessages(n);
    try (Child single = bench.startServe("serve-single");
        Child a = startReplica("serve-replica-a", databaseUrl);
        Child b = startReplica("serve-replica-b", databaseUrl)) {
      // All three start at once (a shared machine: generous limits); each is measured alone below.
      for (Child c : List.of(single, a, b)) c.awaitReady("/readyz", Duration.ofSeconds(120));
      bench.awaitStartupCalls();

      Map<String, ObjectNode> one = send(List.of(single), alone, RATE, plan.openWarmup(), plan.maxSeconds());
      Bench.drain(single, Duration.ofSeconds(60));
      bench.results.ack.put("two-replicas/single", one.get(single.name));

      Map<String, Double> fatesA = Bench.fates(a.get("/metrics"));
      Map<String, Double> fatesB = Bench.fates(b.get("/metrics"));
      Map<String, ObjectNode> both = send(List.of(a, b), shared, RATE, plan.openWarmup(), plan.maxSeconds());
      bench.results.ack.put("two-replicas/a", both.get(a.name));
      bench.results.ack.put("two-replicas/b", both.get(b.name));

      Map<String, Integer> replies = awaitReplies(shared, Duration.ofSeconds(60));
      Bench.drain(a, Duration.ofSeconds(60));
      Bench.drain(b, Duration.ofSeconds(60));
      replies = countReplies(shared); // a last look once both are idle: a late second reply would show here
      ObjectNode once = JSON.createObjectNode().put("sent", shared.size());
      once.put("answeredOnce", (int) replies.values().stream().filter(c -> c == 1).count());
      once.put("duplicated", (int) replies.values().stream().filter(c -> c > 1).count());
      // Lost: neither a reply nor a busy notice (a folded notice answers several refused commands at once).
      once.put("lost", Unanswered.count(bench, "two-replicas/answers", shared).get("none").asInt());
      Map<String, Double> afterA = Bench.fates(a.get("/metrics"));
      Map<String, Double> afterB = Bench.fates(b.get("/metrics"));
      once.put("startedA", delta(afterA, fatesA, "started")).put("startedB", delta(afterB, fatesB, "started"));
      once.put("duplicateA", delta(afterA, fatesA, "duplicate")).put("duplicateB", delta(afterB, fatesB, "duplicate"));
      once.put("busy", delta(afterA, fatesA, "busy") + delta(afterB, fatesB, "busy"));
      bench.results.ack.put("two-replicas/exactly-once", once);
      Bench.log(String.format("  %d messages, each to both: answered once %d, duplicated %d, lost %d;"
              + " run by A %.0f, by B %.0f; duplicates seen by A %.0f, by B %.0f", shared.size(),
          once.get("answeredOnce").asInt(), once.get("duplicated").asInt(), once.get("lost").asInt(),
          once.get("startedA").asDouble(), once.get("startedB").asDouble(), once.get("duplicateA").asDouble(),
          once.get("duplicateB").asDouble()));
    }
  }

  /** {@code serve} as {@link Bench#startServe} starts it (Webex only), with the shared database. */
  private Child startReplica(String name, String databaseUrl) throws IOException {
    int port = Child.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("WEBEX_API_BASE", bench.sim.baseUrl());
    env.put("WEBEX_BOT_TOKEN", bench.org.botToken());
    env.put("WEBEX_WEBHOOK_SECRET", Bench.WEBEX_SECRET);
    env.put("WEBEX_ADMIN_TOKEN", bench.org.adminToken());
    env.put("SWITCHBOARD_POLICY", bench.policy.toString());
    env.put("SWITCHBOARD_DATA_DIR", Files.createTempDirectory(bench.work, name + "-data").toString());
    env.put("PORT", Integer.toString(port));
    env.put("SWITCHBOARD_DATABASE_URL", databaseUrl);
    env.put("SWITCHBOARD_DATABASE_USER", "postgres"); // the embedded server trusts local connections
    List<String> args = bench.jar != null ? List.of("-jar", bench.jar, "serve")
        : List.of("-cp", bench.classpath, "dev.switchboard.app.Main", "serve");
    return Child.start(name, Bench.SERVER_FLAGS, args, env, port, bench.work.resolve(name + ".log"));
  }

  /**
   * Sends each message's signed envelope to every server at its scheduled time ({@code rate} a second) and records
   * each server's acknowledgement latency from that intended time; the first {@code warmup} are not recorded.
   * Returns a summary per server, shaped as {@link LoadGen}'s.
   */
  private Map<String, ObjectNode> send(List<Child> servers, List<Bench.Msg> messages, double rate, int warmup,
      int maxSeconds) {
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    Map<String, Map<Integer, Integer>> statuses = new HashMap<>();
    Map<String, int[]> failures = new HashMap<>();
    // The worst measured ack of each second of the run, per server: a tail from one stall shows as one bad second.
    Map<String, long[]> worstBySecond = new HashMap<>();
    for (Child s : servers) {
      worstBySecond.put(s.name, new long[maxSeconds + 1]);
      histograms.put(s.name, new Histogram(HIGHEST_MICROS, 3));
      statuses.put(s.name, new TreeMap<>());
      failures.put(s.name, new int[1]);
    }
    ExecutorService executor = Executors.newFixedThreadPool(4);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    long period = (long) (1e9 / rate);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    long stop = start + TimeUnit.SECONDS.toNanos(maxSeconds);
    int sent = 0;
    for (int i = 0; i < messages.size(); i++) {
      long intended = start + i * period;
      if (intended > stop) break;
      for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      String body = bench.envelope(messages.get(i));
      Map<String, String> headers = bench.webexHeaders(body);
      boolean measured = i >= warmup;
      for (Child server : servers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/webex/webhook")))
            .timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        Histogram histogram = histograms.get(server.name);
        inFlight.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
          long micros = Math.min(HIGHEST_MICROS, (System.nanoTime() - intended) / 1000);
          synchronized (histogram) {
            if (measured) {
              histogram.recordValue(micros);
              long[] worst = worstBySecond.get(server.name);
              int second = (int) Math.min(worst.length - 1, (intended - start) / 1_000_000_000L);
              worst[second] = Math.max(worst[second], micros);
            }
            if (e != null) failures.get(server.name)[0]++;
            else statuses.get(server.name).merge(r.statusCode(), 1, Integer::sum);
          }
          return null;
        }));
      }
      sent++;
    }
    try {
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(REQUEST_TIMEOUT.toSeconds() + 5,
          TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("deliveries to the replicas did not all finish", e);
    } finally {
      executor.shutdownNow();
    }
    Map<String, ObjectNode> summaries = new LinkedHashMap<>();
    for (Child server : servers) {
      Histogram h = histograms.get(server.name);
      ObjectNode summary = JSON.createObjectNode().put("mode", "open").put("offeredRate", rate)
          .put("sent", sent).put("measured", h.getTotalCount())
          .put("p50Ms", h.getValueAtPercentile(50) / 1000.0).put("p99Ms", h.getValueAtPercentile(99) / 1000.0)
          .put("maxMs", h.getMaxValue() / 1000.0).put("failures", failures.get(server.name)[0]);
      ObjectNode codes = summary.putObject("statuses");
      statuses.get(server.name).forEach((code, count) -> codes.put(Integer.toString(code), count));
      summaries.put(server.name, summary);
      long[] worst = worstBySecond.get(server.name);
      List<Integer> seconds = new ArrayList<>();
      for (int i = 0; i < worst.length; i++) seconds.add(i);
      seconds.sort((x, y) -> Long.compare(worst[y], worst[x]));
      StringBuilder worstSeconds = new StringBuilder();
      for (int i : seconds.subList(0, Math.min(3, seconds.size()))) {
        worstSeconds.append(String.format(" %ds: %.0f ms;", i, worst[i] / 1000.0));
      }
      Bench.log(String.format("  %-28s open %.0f/s: %d measured, p50 %.2f ms, p99 %.2f ms, max %.2f ms, statuses %s;"
              + " worst seconds:%s", server.name, rate, h.getTotalCount(), summary.get("p50Ms").asDouble(),
          summary.get("p99Ms").asDouble(), summary.get("maxMs").asDouble(), codes, worstSeconds));
    }
    return summaries;
  }

  /** Waits until every message has a reply and none came for a second (bounded); the replies per message. */
  private Map<String, Integer> awaitReplies(List<Bench.Msg> messages, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    Map<String, Integer> last = countReplies(messages);
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Child.sleep(100);
      Map<String, Integer> now = countReplies(messages);
      if (!now.equals(last)) {
        last = now;
        quietSince = System.nanoTime();
      } else if (!now.containsValue(0) && System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(1)) {
        return now;
      }
    }
    return last;
  }

  /** For each message, how many replies the bot posted under it, as the simulator stored them. */
  private Map<String, Integer> countReplies(List<Bench.Msg> messages) {
    Map<String, Integer> replies = new HashMap<>();
    Set<String> rooms = new HashSet<>();
    for (Bench.Msg m : messages) {
      replies.put(m.id(), 0);
      rooms.add(m.roomId());
    }
    for (String room : rooms) {
      for (JsonNode message : bench.sim.messagesInRoom(room)) {
        String parent = message.path("parentId").asText();
        if (bench.org.botPersonId().equals(message.path("personId").asText()) && replies.containsKey(parent)) {
          replies.merge(parent, 1, Integer::sum);
        }
      }
    }
    return replies;
  }

  private static double delta(Map<String, Double> after, Map<String, Double> before, String fate) {
    return after.getOrDefault(fate, 0.0) - before.getOrDefault(fate, 0.0);
  }

  /** The report's rows: each replica's ack next to one instance's, and exactly-once at the simulator. */
  static void rows(Results r) {
    JsonNode single = r.ack.get("two-replicas/single");
    JsonNode once = r.ack.get("two-replicas/exactly-once");
    if (single == null || once == null) return;
    String label = "9 two replicas, every delivery to both, open " + (int) single.get("offeredRate").asDouble() + "/s";
    for (String replica : List.of("a", "b")) {
      JsonNode s = r.ack.get("two-replicas/" + replica);
      for (String p : List.of("p50Ms", "p99Ms")) {
        double sv = s.get(p).asDouble();
        double bv = single.get(p).asDouble();
        boolean target = p.equals("p99Ms");
        r.row(label, "ack " + p.replace("Ms", "") + ", replica " + replica.toUpperCase(), Results.ms(sv),
            Results.ms(bv) + " (one instance, files)", Results.ratio(sv, bv),
            target ? "≤ 1.5× one instance" : "—", target ? sv <= 1.5 * bv : null);
      }
    }
    boolean all200 = List.of("a", "b").stream().map(x -> r.ack.get("two-replicas/" + x)).allMatch(s ->
        s.get("failures").asInt() == 0 && s.get("statuses").size() == 1 && s.get("statuses").has("200"));
    r.row(label, "answered once / duplicated / lost", once.get("answeredOnce").asInt() + " / "
            + once.get("duplicated").asInt() + " / " + once.get("lost").asInt() + " of " + once.get("sent").asInt(),
        "—", "—", "all once, 0 duplicated, 0 lost, all acks 200", all200 && once.get("duplicated").asInt() == 0
            && once.get("lost").asInt() == 0 && once.get("answeredOnce").asInt() == once.get("sent").asInt());
    r.row(label, "run by A / B; duplicates seen by A / B", String.format("%.0f / %.0f; %.0f / %.0f",
        once.get("startedA").asDouble(), once.get("startedB").asDouble(), once.get("duplicateA").asDouble(),
        once.get("duplicateB").asDouble()), "—", "—", "run + duplicate = sent, per replica", null);
  }
}
