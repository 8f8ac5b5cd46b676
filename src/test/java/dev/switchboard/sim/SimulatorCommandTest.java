package dev.switchboard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code simulator} subcommand: argument errors, and a real start and stop. */
final class SimulatorCommandTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "--bogus|Unknown option '--bogus'.",
      "--port|Option --port needs a value.",
      "--port abc|--port needs a whole number, was 'abc'.",
      "--port 70000|--port must be 0..65535, was 70000.",
      "--latency-ms -5|--latency-ms must not be negative, was -5.",
      "--rate-limit fast|--rate-limit needs a number of requests per second, was 'fast'.",
      "--rate-limit -1|--rate-limit must be >= 0 (0 = off), was -1.",
      "--host|Option --host needs a value.",
      "--host --port|--host needs an address such as 127.0.0.1 or 0.0.0.0, was '--port'.",
  })
  void badArguments_printOneLineAndExit2(String args, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SimulatorCommand.run(args.split(" "), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(message + " " + SimulatorCommand.USAGE
        + System.lineSeparator());
  }

  @Test
  void goodArguments_areParsed() {
    SimulatorOptions options =
        SimulatorCommand.parse(new String[] {"--port", "0", "--latency-ms", "25", "--rate-limit", "1.5"});
    assertThat(options.port()).isZero();
    assertThat(options.latency().toMillis()).isEqualTo(25);
    assertThat(options.rateLimitPerSecond()).isEqualTo(1.5);
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(SimulatorCommand.parse(new String[] {"--host", "0.0.0.0"}).host()).isEqualTo("0.0.0.0");
  }

  @Test
  void host_wildcard_isReachableOnLoopbackAndSaysWhereItIsBound() throws Exception {
    String printed = startAndStop("--host", "0.0.0.0", "--port", "0");
    assertThat(printed).containsPattern("Webex simulator listening on http://127\\.0\\.0\\.1:\\d+/v1 "
        + "\\(bound to 0\\.0\\.0\\.0\\)");
  }

  @Test
  void run_printsBaseUrlAndTokens_untilInterrupted() throws Exception {
    String printed = startAndStop("--port", "0");
    assertThat(printed).containsPattern("Webex simulator listening on http://127\\.0\\.0\\.1:\\d+/v1")
        .doesNotContain("bound to")
        .contains("demo-admin-token", "demo-bot-token", "demo-token-alice", "demo-token-eve", "demo-refresh-token");
  }

  /** Runs the command until its banner is out, checks that /v1 answers, interrupts it, and returns the banner. */
  private static String startAndStop(String... args) throws Exception {
    CountDownLatch ready = new CountDownLatch(1);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream() {
      @Override
      public synchronized void write(byte[] b, int off, int len) {
        super.write(b, off, len);
        if (toString(StandardCharsets.UTF_8).contains("Press Ctrl+C")) {
          ready.countDown();
        }
      }
    };
    AtomicInteger code = new AtomicInteger(-1);
    Thread thread = new Thread(() -> code.set(SimulatorCommand.run(args,
        new PrintStream(buffer, true, StandardCharsets.UTF_8), System.err)));
    thread.start();
    assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
    String printed = buffer.toString(StandardCharsets.UTF_8);
    Matcher url = Pattern.compile("listening on (http://\\S+/v1)").matcher(printed);
    assertThat(url.find()).isTrue();
    HttpURLConnection connection = (HttpURLConnection) URI.create(url.group(1) + "/people/me").toURL().openConnection();
    connection.setRequestProperty("Authorization", "Bearer demo-bot-token");
    assertThat(connection.getResponseCode()).isEqualTo(200);
    connection.disconnect();
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(20));
    assertThat(thread.isAlive()).isFalse();
    assertThat(code.get()).isZero();
    return printed;
  }
}
