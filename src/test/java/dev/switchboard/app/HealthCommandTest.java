package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** {@code health}: 0 for a 200 from /healthz, 1 for anything else, against a tiny local server. */
final class HealthCommandTest {

  @StartStop
  private final MockWebServer server = new MockWebServer();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void ok_exits0() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"alive\"}").build());
    assertThat(run("--url", server.url("/healthz").toString())).isZero();
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/healthz");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("healthy");
  }

  @Test
  void serverError_exits1() {
    server.enqueue(new MockResponse.Builder().code(503).body("down").build());
    assertThat(run("--url", server.url("/healthz").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("answered 503");
  }

  @Test
  void redirect_isNotHealthy() {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/elsewhere").build());
    assertThat(run("--url", server.url("/healthz").toString())).isEqualTo(1);
  }

  @Test
  void nothingListening_exits1() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertThat(run("--url", "http://127.0.0.1:" + port + "/healthz")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unhealthy");
  }

  @Test
  void noAnswerInTime_exits1WithinTheTimeout() {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(20, TimeUnit.SECONDS).build());
    long started = System.nanoTime();
    assertThat(run("--url", server.url("/healthz").toString())).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(HealthCommand.TIMEOUT.plusSeconds(5));
  }

  @Test
  void defaultUrl_followsPort() {
    assertThat(HealthCommand.defaultUrl(Map.of())).isEqualTo("http://127.0.0.1:8080/healthz");
    assertThat(HealthCommand.defaultUrl(Map.of("PORT", "9000"))).isEqualTo("http://127.0.0.1:9000/healthz");
  }

  @Test
  void defaultUrl_isUsedWithoutArguments() {
    server.enqueue(new MockResponse.Builder().code(200).build());
    int code = HealthCommand.run(new String[0], Map.of("PORT", Integer.toString(server.getPort())),
        print(out), print(err));
    assertThat(code).isZero();
  }

  @Test
  void badArguments_exit2() {
    assertThat(run("--url", "ftp://example.com/")).isEqualTo(2);
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(HealthCommand.USAGE);
  }

  @Test
  void main_knowsTheSubcommand() {
    assertThat(Main.USAGE).contains("health [--url U]");
    assertThat(Main.run(new String[] {"health", "--help"}, print(out), print(err))).isZero();
  }

  private int run(String... args) {
    return HealthCommand.run(args, Map.of(), print(out), print(err));
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }
}
