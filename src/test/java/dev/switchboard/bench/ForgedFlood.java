package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 8 (issues 15 and 19): a flood of forged Webex deliveries, closed model, against {@code serve} and against
 * the bare Javalin endpoint accepting the same requests in the same run. Each request is a real-shaped envelope
 * with a wrong signature, so Switchboard must refuse it for the price of the check and a counter.
 */
final class ForgedFlood {

  /** Not the secret {@code serve} was given. */
  static final String FORGER_SECRET = "not-the-webhook-secret";

  private final Bench bench;

  ForgedFlood(Bench bench) {
    this.bench = bench;
  }

  void run(Child serve) throws IOException {
    Bench.log("scenario 8: forged-signature flood");
    Bench.Plan plan = bench.plan;
    int n = plan.closedWarmup() + plan.closedCount();
    List<String> bodies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // Message ids nobody posted, ids shaped as Webex's: were one to pass, the bot would fetch it and fail loudly.
      String id = "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvZm9yZ2VkLS" + String.format("%08d", i);
      bodies.add(bench.envelope(new Bench.Msg(id, "Y2lzY29zcGFyazovL3VzL1JPT00vZm9yZ2Vk",
          "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mb3JnZWQ", "mallory@evil.example", "intercept on at HQ")));
    }
    Path file = bench.requestsFile("webex-forged", bodies, body -> Map.of("Content-Type", "application/json",
        "X-Spark-Signature", Bench.hmacHex("HmacSHA1", FORGER_SECRET, body)));
    try (Child bare = bench.startBareJavalin()) {
      bare.awaitReady("/readyz", Duration.ofSeconds(30));
      bench.warmUp("forged-warm-baseline", bare.url("/webex/webhook"), file, file);
      bench.results.ack.put("forged-closed/baseline", bench.load("forged-closed-baseline", bare.url("/webex/webhook"),
          file, "closed", plan.closedConnections(), plan.closedWarmup(), plan.closedCount(), plan.maxSeconds()));
    }
    // As warm as its baseline (it may be already, from the scenarios before); then count what this run adds.
    bench.warmUp("forged-warm-switchboard", serve.url("/webex/webhook"), file, file);
    String first = serve.get("/metrics");
    double before = Bench.metricSum(first, "switchboard_rejected_total");
    double startedBefore = Bench.fates(first).getOrDefault("started", 0.0);
    bench.results.ack.put("forged-closed/switchboard", bench.load("forged-closed-switchboard",
        serve.url("/webex/webhook"), file, "closed", plan.closedConnections(), plan.closedWarmup(),
        plan.closedCount(), plan.maxSeconds()));
    String scrape = serve.get("/metrics");
    bench.results.forgedRejected = Bench.metricSum(scrape, "switchboard_rejected_total") - before;
    bench.results.forgedStarted = Bench.fates(scrape).getOrDefault("started", 0.0) - startedBefore;
    Bench.log(String.format("  rejected and counted: %.0f of %d; commands started meanwhile: %.0f",
        bench.results.forgedRejected, n, bench.results.forgedStarted));
  }

  /** The report's rows: latency and throughput next to bare Javalin, and that every request was refused. */
  static void rows(Results r) {
    JsonNode s = r.ack.get("forged-closed/switchboard");
    JsonNode b = r.ack.get("forged-closed/baseline");
    if (s == null || b == null) return;
    String label = "8 forged flood, closed " + s.get("connections").asInt() + " conns";
    for (String p : List.of("p50Ms", "p99Ms", "maxMs")) {
      double sv = s.get(p).asDouble();
      double bv = b.get(p).asDouble();
      boolean target = p.equals("p99Ms");
      r.row(label, p.replace("Ms", ""), Results.ms(sv), Results.ms(bv) + " (bare Javalin, accepting)",
          Results.ratio(sv, bv), target ? "≤ 1.5× bare Javalin" : "—", target ? sv <= 1.5 * bv : null);
    }
    double st = s.get("throughput").asDouble();
    double bt = b.get("throughput").asDouble();
    r.row(label, "throughput", String.format("%.0f/s", st), String.format("%.0f/s (bare Javalin)", bt),
        Results.ratio(st, bt), "≥ 0.9× bare Javalin", st >= 0.9 * bt);
    boolean all401 = s.get("failures").asInt() == 0 && s.get("statuses").size() == 1 && s.get("statuses").has("401");
    r.row(label, "answers / counted", s.get("statuses") + String.format(" / %.0f rejected, %.0f started",
        r.forgedRejected, r.forgedStarted), b.get("statuses").toString(), "—", "all 401, all counted, 0 started",
        all401 && r.forgedStarted == 0);
  }
}
