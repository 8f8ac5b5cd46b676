package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** A single command sits out one long Retry-After (over 60 s, up to 5 min) after saying so; bulk never does. */
final class LongWaitsTest {

  private static final Instant NOW = Instant.parse("2026-03-01T03:10:30Z");

  @StartStop
  final MockWebServer server = new MockWebServer();

  private final TestClock sleeper = new TestClock();
  private final List<String> told = new ArrayList<>();
  private final LongWaits.Notice notice = (wait, at) -> told.add(wait.toSeconds() + " s until " + at);

  private WebexClient client() {
    return WebexClient.builder().baseUrl(server.url("/v1")).adminTokens(new StaticTokenProvider("admin-token"))
        .sleeper(sleeper).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  private static MockResponse limited(int seconds) {
    return new MockResponse.Builder().code(429).addHeader("Retry-After", Integer.toString(seconds))
        .body("{\"message\":\"slow down\"}").build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).body("{\"enabled\":true}").build();
  }

  @Test
  void singleCommand_longRetryAfter_isToldAtOnce_thenWaitedOut_andRetriedOnce() {
    server.enqueue(limited(90));
    server.enqueue(ok());

    InterceptSettings settings = LongWaits.allowedDuring(notice, () -> client().locationIntercept("L1"));

    assertThat(settings.enabled()).isTrue();
    assertThat(told).containsExactly("90 s until 2026-03-01T03:12:00Z");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(90));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void singleCommand_secondLongRetryAfter_endsTheCall_withTheWaitInWords() {
    server.enqueue(limited(90));
    server.enqueue(limited(120));

    var e = catchThrowableOfType(RateLimitedException.class,
        () -> LongWaits.allowedDuring(notice, () -> client().locationIntercept("L1")));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(told).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void singleCommand_retryAfterBeyondFiveMinutes_isNotWaited() {
    server.enqueue(limited(301));

    var e = catchThrowableOfType(RateLimitedException.class,
        () -> LongWaits.allowedDuring(notice, () -> client().locationIntercept("L1")));

    assertThat(e.getMessage()).contains("try again in 301 s");
    assertThat(told).isEmpty();
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void outsideACommand_orForBulk_aLongRetryAfter_endsTheCallAtOnce() {
    server.enqueue(limited(90));
    server.enqueue(limited(90));

    catchThrowableOfType(RateLimitedException.class, () -> client().locationIntercept("L1"));
    catchThrowableOfType(RateLimitedException.class,
        () -> LongWaits.allowedDuring(notice, () -> client().withoutRateLimitWaits().locationIntercept("L1")));

    assertThat(told).isEmpty();
    assertThat(sleeper.sleeps()).isEmpty();
  }
}
