package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.sim.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wait Webex mandated in a 429 burst, which the bulk scenario adds to its ideal. */
final class ForbiddenSecondsTest {

  private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

  private static RecordedCall call(int status, double atSeconds, int retryAfterSeconds) {
    return new RecordedCall("PUT", "/telephony/config/locations/L/intercept", "admin", status,
        T.plusMillis(Math.round(atSeconds * 1000)), Duration.ofMillis(10), Duration.ofSeconds(retryAfterSeconds));
  }

  @Test
  void overlapping429s_countTheirUnionOnce_andSeparateOnesAddUp() {
    List<RecordedCall> calls = List.of(
        call(429, 0.0, 1), call(429, 0.5, 1), // forbidden 0.01 → 1.51
        call(200, 1.6, 0),
        call(429, 3.0, 2)); // forbidden 3.01 → 5.01
    assertThat(Bench.forbiddenSeconds(calls)).isCloseTo(1.5 + 2.0, within(1e-9));
  }

  @Test
  void a429WithinAnEarlierWait_addsNothing_andCallsWithoutRetryAfterAddNothing() {
    List<RecordedCall> calls = List.of(call(429, 0.0, 2), call(429, 0.5, 1), call(503, 3.0, 0), call(429, 4.0, 0));
    assertThat(Bench.forbiddenSeconds(calls)).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void no429s_forbidNothing() {
    assertThat(Bench.forbiddenSeconds(List.of(call(200, 0, 0), call(204, 1, 0)))).isZero();
  }
}
