package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
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
 * Requests go out over {@link PlainPost}: blocking sockets kept alive, one thread per connection, a new connection
 * only when every open one is waiting for an answer. The JDK's HttpClient took 0.4 of the two cores at 200
 * requests/s (its selector and executor hand-offs), cores the server under test then lacked.
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
  private final List<PlainPost.Prepared> requests;
  private final int warmup;
  private final int count;
  private final long maxNanos;
  private final ExecutorService threads;
  /** Each connection thread's own socket. */
  private final ThreadLocal<PlainPost> connection;
  private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
  private final Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger completedMeasured = new AtomicInteger();
  private final AtomicLong firstMeasuredSend = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastMeasuredDone = new AtomicLong();

  private LoadGen(URI url, List<PlainPost.Prepared> requests, int warmup, int count, Duration max) {
    this.url = url;
    this.requests = requests;
    this.warmup = Math.min(warmup, requests.size());
    this.count = Math.min(count, requests.size() - this.warmup);
    this.maxNanos = max.toNanos();
    AtomicInteger n = new AtomicInteger();
    // Idle threads (and their connections) are reused; one is added only when all are waiting for an answer.
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "loadgen-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.connection = ThreadLocal.withInitial(() -> new PlainPost(url.getHost(), url.getPort(), TIMEOUT));
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 8) {
      System.err.println("Usage: LoadGen URL REQUESTS_FILE open|closed RATE_OR_CONNECTIONS WARMUP COUNT MAX_SECONDS OUT");
      System.exit(2);
    }
    URI url = URI.create(args[0]);
    List<PlainPost.Prepared> requests = read(url, Path.of(args[1]));
    LoadGen gen = new LoadGen(url, requests, Integer.parseInt(args[4]), Integer.parseInt(args[5]),
        Duration.ofSeconds(Long.parseLong(args[6])));
    ObjectNode summary = args[2].equals("open")
        ? gen.open(Double.parseDouble(args[3]))
        : gen.closed(Integer.parseInt(args[3]));
    Files.writeString(Path.of(args[7]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    System.exit(0);
  }

  private static List<PlainPost.Prepared> read(URI url, Path file) throws IOException {
    PlainPost builder = new PlainPost(url.getHost(), url.getPort());
    List<PlainPost.Prepared> requests = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) continue;
      JsonNode node = JSON.readTree(line);
      Map<String, String> headers = new LinkedHashMap<>();
      node.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
      requests.add(builder.prepare(url.getRawPath(), node.get("body").asText(), headers));
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
        LockSupport.parkNanos(wait);
      }
      int request = i;
      threads.execute(() -> send(request, intended, done));
      sent++;
    }
    for (int i = sent; i < total; i++) done.countDown();
    done.await(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    return summary("open", rate, 0, sent);
  }

  /** {@code connections} loops sending back to back; latency from the actual send. */
  private ObjectNode closed(int loops) throws InterruptedException {
    int total = warmup + count;
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    long deadline = System.nanoTime() + maxNanos;
    Runnable loop = () -> {
      for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
        if (System.nanoTime() > deadline) {
          done.countDown();
          continue;
        }
        send(i, System.nanoTime(), done);
      }
    };
    for (int c = 0; c < loops; c++) threads.execute(loop);
    done.await(maxNanos / 1_000_000_000L + TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    return summary("closed", 0, loops, Math.min(next.get(), total));
  }

  /** Sends request {@code i} on this thread's connection and records it; latency counts from {@code intended}. */
  private void send(int i, long intended, CountDownLatch done) {
    boolean measured = i >= warmup;
    if (measured) firstMeasuredSend.accumulateAndGet(intended, Math::min);
    try {
      int status = connection.get().send(requests.get(i)).status();
      statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    } catch (RuntimeException e) { // an I/O failure, or an answer that is not HTTP
      failures.incrementAndGet();
    }
    long now = System.nanoTime();
    if (measured) {
      recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (now - intended) / 1000)));
      completedMeasured.incrementAndGet();
      lastMeasuredDone.accumulateAndGet(now, Math::max);
    }
    done.countDown();
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
    threads.shutdownNow();
    return out;
  }
}
