package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's smoke run: the same code path as {@code mvn -Pbench verify} with tiny counts, so the
 * harness cannot rot. It checks that every scenario produced its figures, not that targets were met.
 */
final class BenchSmokeTest {

  @TempDir Path out;

  @Test
  void smokeRun_measuresEveryScenario_andWritesTheReport() throws Exception {
    System.setProperty("java.awt.headless", "true");
    Path bolt = Path.of("bench", "bolt-baseline");
    Results results = new Bench(Bench.Plan.smokeRun(), out, null, bolt).run();

    assertThat(results.ack).containsKeys("webex-open/switchboard", "webex-open/baseline",
        "webex-closed/switchboard", "webex-closed/baseline");
    assertThat(results.ack.get("webex-open/switchboard").get("measured").asInt()).isEqualTo(40);
    assertThat(results.ack.get("webex-open/switchboard").get("statuses").fieldNames()).toIterable().containsOnly("200");
    assertThat(results.ack.get("webex-open/switchboard").get("jitCompilations").asLong()).as("read with jstat")
        .isNotNegative();
    assertThat(results.ack.get("webex-open/baseline").has("jitCompilations")).isTrue();
    assertThat(results.ack).containsKeys("forged-closed/switchboard", "forged-closed/baseline");
    assertThat(results.ack.get("forged-closed/switchboard").get("statuses").fieldNames()).toIterable()
        .containsOnly("401");
    assertThat(results.forgedStarted).isZero();
    assertThat(results.ack.get("webex-open/answers").get("none").asInt()).as("commands without an answer").isZero();
    assertThat(results.ack.get("webex-open/answers").get("sent").asInt()).isEqualTo(50);
    assertThat(results.ack.get("webex-socket/switchboard").get("measured").asInt()).isEqualTo(200);
    assertThat(results.ack).containsKeys("two-replicas/single", "two-replicas/a", "two-replicas/b");
    assertThat(results.ack.get("two-replicas/a").get("statuses").fieldNames()).toIterable().containsOnly("200");
    JsonNode once = results.ack.get("two-replicas/exactly-once");
    assertThat(once.get("answeredOnce").asInt()).isEqualTo(once.get("sent").asInt()).isEqualTo(50);
    assertThat(once.get("startedA").asInt() + once.get("startedB").asInt()).as("each message run by one replica")
        .isEqualTo(50);
    assertThat(results.overhead).containsKeys("intercept on (one)", "whoami", "confirm (2 locations)");
    assertThat(results.coldCalls).containsKeys("intercept on (one)", "whoami");
    assertThat(results.warmCalls.get("intercept on (one)")).isNotEmpty();
    assertThat(results.bulk).hasSize(3).allSatisfy(b -> assertThat(b.changedOnce()).isEqualTo(b.locations()));
    assertThat(results.startTimes).isNotEmpty();
    assertThat(results.idleHeapMb).isPositive();
    assertThat(results.steps).hasSize(2);
    assertThat(out.resolve("report.md")).exists();
    assertThat(out.resolve("report.json")).exists();
    assertThat(out.resolve("webex-open.png")).exists();
    assertThat(Files.readString(out.resolve("report.md"))).contains("| 1 webhook ack").contains("| 8 forged flood")
        .contains("| 1b Webex ack over websocket").contains("| 9 two replicas")
        .contains("| 10 commands without an answer").contains("cores");
  }
}
