package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.Await;
import dev.switchboard.TestClock;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import dev.switchboard.store.Database;
import dev.switchboard.store.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /readyz}'s database check: SELECT 1, cached a few seconds, never a probe that hangs with the database. */
final class DatabaseHealthTest {

  private final TestClock clock = new TestClock();
  private final AtomicInteger checks = new AtomicInteger();

  @TempDir Path dataDir;

  @Test
  void anAnsweringDatabase_isOk_andAskedAgainOnlyOnceTheResultIsAFewSecondsOld() {
    DatabaseHealth health = new DatabaseHealth(timeout -> checks.incrementAndGet(), clock, Duration.ofSeconds(2),
        Runnable::run);

    assertThat(health.current().ok()).isTrue();
    clock.advance(DatabaseHealth.FRESH.minusSeconds(1));
    assertThat(health.current().ok()).isTrue();
    assertThat(checks).as("cached").hasValue(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(health.current().asMap()).containsEntry("state", "ok");
    assertThat(checks).hasValue(2);
  }

  @Test
  void aDatabaseThatRefuses_isNotOk_withTheDriversReason_untilItAnswersAgain() {
    boolean[] down = {true};
    DatabaseHealth health = new DatabaseHealth(timeout -> {
      if (down[0]) throw new SQLException("Connection to db:5432 refused");
    }, clock, Duration.ofSeconds(2), Runnable::run);

    DatabaseHealth.Status status = health.current();
    assertThat(status.ok()).isFalse();
    assertThat(status.state()).isEqualTo("unreachable: Connection to db:5432 refused");
    down[0] = false;
    assertThat(health.current().ok()).as("the failure is cached too").isFalse();
    clock.advance(DatabaseHealth.FRESH);
    assertThat(health.current().ok()).isTrue();
  }

  @Test
  void aCheckThatHangs_answersNotOkWithinTheTimeout_andIsNotStartedTwice() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    DatabaseHealth health = new DatabaseHealth(timeout -> {
      checks.incrementAndGet();
      release.await();
    }, clock, Duration.ofMillis(200), task -> new Thread(task, "db-check-test").start());

    assertThat(health.current().state()).isEqualTo("no answer within 200 ms");
    assertThat(health.current().ok()).isFalse();
    assertThat(checks).as("the second probe waits for the check already running").hasValue(1);
    release.countDown();
    assertThat(Await.until(() -> Optional.of(health.current()).filter(DatabaseHealth.Status::ok)).ok()).isTrue();
    assertThat(checks).hasValue(1);
  }

  @Test
  void selectOne_onARealDatabase_isOk_andNotOnceItsPoolIsGone() {
    Database database = TestPostgres.freshDatabase();
    DatabaseHealth health = DatabaseHealth.of(database, clock);
    assertThat(health.current().ok()).isTrue();
    database.close();
    clock.advance(DatabaseHealth.FRESH);
    assertThat(health.current().state()).startsWith("unreachable: ");
  }

  @Test
  void readyz_showsTheDatabase_andIs503WhenItCannotBeReached() throws Exception {
    OkHttpClient http = Wiring.httpClient();
    try (WebexSimulator simulator = WebexSimulator.start(SimulatorOptions.defaults())) {
      WebexClient client = WebexClient.builder().baseUrl(simulator.baseUrl()).httpClient(http)
          .adminTokens(new StaticTokenProvider(simulator.org().adminToken()))
          .botTokens(new StaticTokenProvider(simulator.org().botToken())).build();
      Database database = TestPostgres.freshDatabase();
      try (Service service = Service.start(Service.settings(client, http).dataDir(dataDir).database(database)
          .time(clock, clock).build())) {
        String url = "http://127.0.0.1:" + service.port() + "/readyz";
        try (Response ready = http.newCall(new Request.Builder().url(url).build()).execute()) {
          JsonNode body = new ObjectMapper().readTree(ready.body().string());
          assertThat(ready.code()).isEqualTo(200);
          assertThat(body.path("status").asText()).isEqualTo("ready");
          assertThat(body.at("/database/state").asText()).isEqualTo("ok");
        }
        database.close();
        clock.advance(DatabaseHealth.FRESH);
        try (Response notReady = http.newCall(new Request.Builder().url(url).build()).execute()) {
          JsonNode body = new ObjectMapper().readTree(notReady.body().string());
          assertThat(notReady.code()).isEqualTo(503);
          assertThat(body.path("status").asText()).isEqualTo("not ready");
          assertThat(body.at("/database/state").asText()).startsWith("unreachable: ");
        }
      }
    }
  }
}
