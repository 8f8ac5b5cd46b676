package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator, run in a JVM of its own: sends prepared requests (one JSON object a line:
 * {@code {"headers":{...},"body":"..."}}) to one URL and records latency with HdrHistogram.
 *
 * <ul>
 *   <li>{@code open}: requests go out on a fixed schedule ({@code rate} per second) whether or not
 *       earlier ones have answered, and latency counts from the <em>intended</em> send time, so a
 *       stalled server is charged for the requests it held up (coordinated omission corrected);
 *   <li>{@code closed}: {@code connections} loops, each sending its next request when the last one
 *       answered.
 * </ul>
 * The first {@code warmup} requests are sent but not recorded. Every run is bounded by the number of
 * requests in the file and by {@code maxSeconds}. Writes a JSON summary to {@code out}.
 *
 * <p>Arguments: {@code URL REQUESTS_FILE open|closed RATE_OR_CONNECTIONS WARMUP COUNT MAX_SECONDS OUT}.
 */
public final class LoadGen {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);

  private final URI url;
  private final List<HttpRequest> requests;
  private final int warmup;
  private final int count;
  private final long maxNanos;
  private final HttpClient http;
  private final ExecutorService executor;
  private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
  private final Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger completedMeasured = new AtomicInteger();
  private final AtomicLong firstMeasuredSend = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastMeasuredDone = new AtomicLong();

  private LoadGen(URI url, List<HttpRequest> requests, int warmup, int count, Duration max) {
    this.url = url;
    this.requests = requests;
    this.warmup = Math.min(warmup, requests.size());
    this.count = Math.min(count, requests.size() - this.warmup);
    this.maxNanos = max.toNanos();
    this.executor = Executors.newFixedThreadPool(2, r -> {
      Thread thread = new Thread(r, "loadgen");
      thread.setDaemon(true);
      return thread;
    });
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 8) {
      System.err.println("Usage: LoadGen URL REQUESTS_FILE open|closed RATE_OR_CONNECTIONS WARMUP COUNT MAX_SECONDS OUT");
      System.exit(2);
    }
    URI url = URI.create(args[0]);
    List<HttpRequest> requests = read(url, Path.of(args[1]));
    LoadGen gen = new LoadGen(url, requests, Integer.parseInt(args[4]), Integer.parseInt(args[5]),
        Duration.ofSeconds(Long.parseLong(args[6])));
    ObjectNode summary = args[2].equals("open")
        ? gen.open(Double.parseDouble(args[3]))
        : gen.closed(Integer.parseInt(args[3]));
    Files.writeString(Path.of(args[7]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    System.exit(0);
  }

  private static List<HttpRequest> read(URI url, Path file) throws IOException {
    List<HttpRequest> requests = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      JsonNode node = JSON.readTree(line);
      HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(TIMEOUT)
          .POST(HttpRequest.BodyPublishers.ofString(node.get("body").asText()));
      node.get("headers").fields().forEachRemaining(h -> builder.header(h.getKey(), h.getValue().asText()));
      requests.add(builder.build());
    }
    return requests;
  }

  /** Fixed-rate schedule; latency from the intended send time. */
  private ObjectNode open(double rate) throws InterruptedException {
    int total = warmup + count;
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    long interval = (long) (1e9 / rate);
    int sent = 0;
    for (int i = 0; i < total; i++) {
      long intended = start + i * interval;
      if (intended - start > maxNanos) break;
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(Math.min(wait, 200_000));
      }
      send(i, intended, done, null);
      sent++;
    }
    for (int i = sent; i < total; i++) done.countDown();
    done.await(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    return summary("open", rate, 0, sent);
  }

  /** {@code connections} loops sending back to back; latency from the actual send. */
  private ObjectNode closed(int connections) throws InterruptedException {
    int total = warmup + count;
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    long deadline = System.nanoTime() + maxNanos;
    Runnable[] loop = new Runnable[1];
    loop[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= total) return;
      if (System.nanoTime() > deadline) {
        while (i < total) {
          done.countDown();
          i = next.getAndIncrement();
        }
        return;
      }
      send(i, System.nanoTime(), done, loop[0]);
    };
    for (int c = 0; c < connections; c++) loop[0].run();
    done.await(maxNanos / 1_000_000_000L + TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    return summary("closed", 0, connections, Math.min(next.get(), total));
  }

  private void send(int i, long intended, CountDownLatch done, Runnable then) {
    boolean measured = i >= warmup;
    if (measured) firstMeasuredSend.accumulateAndGet(intended, Math::min);
    http.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
      long now = System.nanoTime();
      if (error != null) {
        failures.incrementAndGet();
      } else {
        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
      }
      if (measured) {
        recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (now - intended) / 1000)));
        completedMeasured.incrementAndGet();
        lastMeasuredDone.accumulateAndGet(now, Math::max);
      }
      done.countDown();
      if (then != null) then.run();
    });
  }

  private ObjectNode summary(String mode, double rate, int connections, int sent) {
    Histogram h = recorder.getIntervalHistogram();
    ObjectNode out = JSON.createObjectNode();
    out.put("mode", mode);
    out.put("url", url.toString());
    out.put("offeredRate", rate);
    out.put("connections", connections);
    out.put("warmup", warmup);
    out.put("sent", sent);
    out.put("measured", h.getTotalCount());
    out.put("failures", failures.get());
    Map<String, Integer> byStatus = new TreeMap<>();
    statuses.forEach((k, v) -> byStatus.put(Integer.toString(k), v.get()));
    out.set("statuses", JSON.valueToTree(byStatus));
    double seconds = Math.max(1e-9, (lastMeasuredDone.get() - firstMeasuredSend.get()) / 1e9);
    out.put("seconds", completedMeasured.get() == 0 ? 0 : seconds);
    out.put("throughput", completedMeasured.get() == 0 ? 0 : completedMeasured.get() / seconds);
    out.put("p50Ms", h.getValueAtPercentile(50) / 1000.0);
    out.put("p90Ms", h.getValueAtPercentile(90) / 1000.0);
    out.put("p99Ms", h.getValueAtPercentile(99) / 1000.0);
    out.put("p999Ms", h.getValueAtPercentile(99.9) / 1000.0);
    out.put("maxMs", h.getMaxValue() / 1000.0);
    out.put("meanMs", h.getMean() / 1000.0);
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    out.put("histogram", Base64.getEncoder().encodeToString(bytes));
    executor.shutdownNow();
    return out;
  }
}
