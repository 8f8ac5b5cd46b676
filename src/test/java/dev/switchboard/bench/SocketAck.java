package dev.switchboard.bench;

import static dev.switchboard.DemoPeople.ANA;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.calling.WebexIds;
import dev.switchboard.sim.MercuryHub;
import dev.switchboard.sim.RecordedCall;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scenario 1b (issue 20): the Webex acknowledgement over the websocket, beside the webhook's. {@code serve} runs with
 * {@code WEBEX_TRANSPORT=websocket} against the in-process simulator, and for each message, one at a time, the
 * simulator's own clock times the push of its activity to the bot's ack frame, and to the end of the bot's reply.
 */
final class SocketAck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Bench bench;
  // What the simulator's hub heard, by frame id: pushed and acked, System.nanoTime().
  private final Map<String, Long> pushedAt = new ConcurrentHashMap<>();
  private final Map<String, Instant> pushedInstant = new ConcurrentHashMap<>();
  private final Map<String, String> frameOfActivity = new ConcurrentHashMap<>();
  private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();

  SocketAck(Bench bench) {
    this.bench = bench;
  }

  void run() throws IOException {
    Bench.log("scenario 1b: Webex acknowledgement over the websocket");
    int warmup = bench.plan.full() ? 100 : 20;
    int count = bench.plan.full() ? 1000 : 200;
    MercuryHub hub = bench.sim.mercury();
    hub.watch(new MercuryHub.Watcher() {
      @Override
      public void pushed(String frameId, String activityId) {
        pushedAt.put(frameId, System.nanoTime());
        pushedInstant.put(frameId, Instant.now());
        frameOfActivity.putIfAbsent(activityId, frameId);
      }

      @Override
      public void acked(String frameId) {
        ackedAt.putIfAbsent(frameId, System.nanoTime());
      }
    });
    List<Double> acks = new ArrayList<>();
    List<Double> replies = new ArrayList<>();
    try (Child serve = startServe()) {
      serve.awaitReady("/readyz", Duration.ofSeconds(60));
      awaitConnected(serve);
      for (int i = 0; i < warmup + count; i++) {
        bench.sim.clearCalls();
        Bench.Msg m = bench.createMessage(ANA, "whoami");
        String frame = awaitValue(frameOfActivity, WebexIds.uuidOf(m.id()));
        long acked = awaitValue(ackedAt, frame);
        RecordedCall reply = awaitReply();
        if (i < warmup) continue;
        acks.add((acked - pushedAt.get(frame)) / 1e6);
        replies.add(Duration.between(pushedInstant.get(frame), reply.at().plus(reply.took())).toNanos() / 1e6);
      }
    } finally {
      hub.watch(null);
    }
    bench.results.ack.put("webex-socket/switchboard", summary(acks, replies));
    JsonNode s = bench.results.ack.get("webex-socket/switchboard");
    Bench.log(String.format("  over the websocket, n=%d: ack p50 %.2f ms, p99 %.2f ms; reply p50 %.2f ms, p99 %.2f ms",
        count, s.get("p50Ms").asDouble(), s.get("p99Ms").asDouble(), s.get("replyP50Ms").asDouble(),
        s.get("replyP99Ms").asDouble()));
  }

  /** {@code serve} as the load scenarios start it, but Webex over the websocket: no webhook secret, the catalog. */
  private Child startServe() throws IOException {
    int port = Child.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("WEBEX_API_BASE", bench.sim.baseUrl());
    env.put("WEBEX_TRANSPORT", "websocket");
    env.put("WEBEX_U2C_URL", "http://127.0.0.1:" + bench.sim.port() + "/u2c/api/v1");
    env.put("WEBEX_BOT_TOKEN", bench.org.botToken());
    env.put("WEBEX_ADMIN_TOKEN", bench.org.adminToken());
    env.put("SWITCHBOARD_POLICY", bench.policy.toString());
    env.put("SWITCHBOARD_DATA_DIR", Files.createTempDirectory(bench.work, "serve-socket-data").toString());
    env.put("PORT", Integer.toString(port));
    List<String> args = bench.jar != null ? List.of("-jar", bench.jar, "serve")
        : List.of("-cp", bench.classpath, "dev.switchboard.app.Main", "serve");
    return Child.start("serve-socket", Bench.SERVER_FLAGS, args, env, port, bench.work.resolve("serve-socket.log"));
  }

  private static void awaitConnected(Child serve) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (JSON.readTree(serve.get("/readyz")).at("/webexSocket/state").asText().equals("connected")) return;
      Child.sleep(5);
    }
    throw new IllegalStateException("the websocket did not connect; see " + serve.log);
  }

  private static <T> T awaitValue(Map<String, T> map, String key) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      T value = map.get(key);
      if (value != null) return value;
      Child.sleep(1);
    }
    throw new IllegalStateException("nothing for " + key + " within 30 s");
  }

  private RecordedCall awaitReply() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (RecordedCall c : bench.sim.calls()) if (Bench.isReply(c)) return c;
      Child.sleep(1);
    }
    throw new IllegalStateException("no reply over the websocket within 30 s");
  }

  private static ObjectNode summary(List<Double> acks, List<Double> replies) {
    List<Double> a = sorted(acks);
    List<Double> r = sorted(replies);
    return JSON.createObjectNode().put("measured", a.size()).put("p50Ms", at(a, 50)).put("p99Ms", at(a, 99))
        .put("maxMs", a.get(a.size() - 1)).put("replyP50Ms", at(r, 50)).put("replyP99Ms", at(r, 99))
        .put("replyMaxMs", r.get(r.size() - 1));
  }

  private static List<Double> sorted(List<Double> values) {
    List<Double> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }

  /** The nearest-rank percentile. */
  private static double at(List<Double> sorted, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** The report's rows: the ack and the reply over the websocket, next to the webhook's ack (open model). */
  static void rows(Results r) {
    JsonNode s = r.ack.get("webex-socket/switchboard");
    if (s == null) return;
    JsonNode hook = r.ack.get("webex-open/switchboard");
    String label = "1b Webex ack over websocket, sequential (n=" + s.get("measured").asInt() + ")";
    String hookText = hook == null ? "—" : Results.ms(hook.get("p50Ms").asDouble()) + " / "
        + Results.ms(hook.get("p99Ms").asDouble()) + " (webhook ack, open)";
    r.row(label, "push → ack frame p50 / p99", Results.ms(s.get("p50Ms").asDouble()) + " / "
        + Results.ms(s.get("p99Ms").asDouble()), hookText,
        hook == null ? "—" : Results.ratio(s.get("p99Ms").asDouble(), hook.get("p99Ms").asDouble()), "—", null);
    r.row(label, "push → reply posted p50 / p99", Results.ms(s.get("replyP50Ms").asDouble()) + " / "
        + Results.ms(s.get("replyP99Ms").asDouble()), "—", "—", "—", null);
  }
}
