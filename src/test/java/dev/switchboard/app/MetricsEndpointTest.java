package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}, whole and with Prometheus's {@code name[]} filter. */
final class MetricsEndpointTest {

  @TempDir Path dataDir;
  private RunningBot bot;

  @BeforeEach
  void start() {
    bot = new RunningBot(dataDir, false);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private String get(String pathAndQuery) throws IOException {
    try (Response response = bot.http.newCall(new Request.Builder().url(bot.url(pathAndQuery)).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("text/plain; version=0.0.4");
      return response.body().string();
    }
  }

  @Test
  void withoutNames_everyFamilyIsWritten() throws IOException {
    String all = get("/metrics");

    assertThat(all).contains("switchboard_webex_waiting_seconds_total", "switchboard_commands_in_flight", "switchboard_webex_calls_seconds");
  }

  @Test
  void namedFamilies_aloneAreWritten_bySampleNameOrFamilyName() throws IOException {
    String some = get("/metrics?name[]=switchboard_webex_waiting_seconds_total&name[]=switchboard_commands_in_flight");

    assertThat(some).contains("switchboard_webex_waiting_seconds_total ", "switchboard_commands_in_flight ")
        .doesNotContain("switchboard_webex_calls_seconds", "switchboard_rejected");
    assertThat(get("/metrics?name[]=switchboard_webex_waiting_seconds"))
        .contains("switchboard_webex_waiting_seconds_total ").doesNotContain("switchboard_commands_in_flight");
  }

  @Test
  void anUnknownName_writesNothing_butIsNotAnError() throws IOException {
    assertThat(get("/metrics?name[]=no_such_metric").lines().filter(l -> !l.startsWith("#"))).isEmpty();
  }
}
