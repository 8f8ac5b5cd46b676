package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.AsyncTimeout;
import org.junit.jupiter.api.Test;

class TimeoutPacerTest {

  @StartStop
  final MockWebServer server = new MockWebServer();

  /** The pacer sits at the head of okio's queue; a call's shorter timeout must still fire, and long before the pacer. */
  @Test
  void aCallsReadTimeoutStillFiresWithThePacerAhead() {
    TimeoutPacer.start();
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(20, TimeUnit.SECONDS).build());
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> http.newCall(new Request.Builder().url(server.url("/slow")).build()).execute().close())
        .isInstanceOf(InterruptedIOException.class);
  }

  /**
   * What the pacer is for: calls made one at a time no longer wake the watchdog (counted by the kernel, in the
   * watchdog thread's voluntary context switches; without the pacer, about two a call).
   */
  @Test
  void callsOneAtATimeDoNotWakeTheWatchdog() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
    TimeoutPacer.start();
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    call(http); // starts the watchdog, if no test has yet
    long before = watchdogWakeUps();
    for (int i = 0; i < 50; i++) call(http);

    assertThat(watchdogWakeUps() - before).isLessThan(10);
  }

  private void call(OkHttpClient http) throws IOException {
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    try (Response response = http.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
  }

  /** The voluntary context switches of okio's watchdog thread, from {@code /proc}. */
  private static long watchdogWakeUps() throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        if (!Files.readString(task.resolve("comm")).strip().equals("Okio Watchdog")) continue;
        for (String line : Files.readAllLines(task.resolve("status"))) {
          if (line.startsWith("voluntary_ctxt_switches:")) return Long.parseLong(line.substring(24).strip());
        }
      }
    }
    throw new IllegalStateException("no Okio Watchdog thread");
  }

  /** A timeout due before the pacer's next expiry takes the head from it and fires on its own schedule. */
  @Test
  void aTimeoutDueFirstFiresBeforeThePacerExpires() throws InterruptedException {
    CountDownLatch expired = new CountDownLatch(1);
    TimeoutPacer pacer = new TimeoutPacer(Duration.ofMinutes(10), expired::countDown);
    pacer.enter();
    CountDownLatch fired = new CountDownLatch(1);
    AsyncTimeout call = new AsyncTimeout() {
      @Override
      protected void timedOut() {
        fired.countDown();
      }
    };
    call.timeout(50, TimeUnit.MILLISECONDS);
    try {
      call.enter();
      // Were the watchdog to wait for the pacer at the head, the call's timeout would fire no sooner than its ten minutes.
      assertThat(fired.await(5, TimeUnit.MINUTES)).isTrue();
      assertThat(expired.getCount()).isEqualTo(1);
    } finally {
      call.exit();
      pacer.stop();
    }
  }

  @Test
  void itReArmsEachTimeItExpires() throws InterruptedException {
    CountDownLatch threeTimes = new CountDownLatch(3);
    TimeoutPacer pacer = new TimeoutPacer(Duration.ofMillis(20), threeTimes::countDown);
    pacer.enter();
    try {
      assertThat(threeTimes.await(5, TimeUnit.MINUTES)).isTrue();
    } finally {
      pacer.stop();
    }
  }
}
