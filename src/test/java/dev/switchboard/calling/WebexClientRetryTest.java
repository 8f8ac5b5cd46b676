package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.TestClock;
import dev.switchboard.calling.RecordingListener.Call;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Retries: 429/423 with Retry-After, 5xx and I/O failures for idempotent calls only, all without real sleeps. */
final class WebexClientRetryTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @StartStop
  final MockWebServer server = new MockWebServer();

  private final TestClock sleeper = new TestClock();
  private final RecordingListener listener = new RecordingListener();

  // OkHttp's own silent retry is off so that each scripted failure is exactly one attempt.
  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  private WebexClient client() {
    return WebexClient.builder()
        .baseUrl(server.url("/v1"))
        .httpClient(http)
        .botTokens(new StaticTokenProvider("bot-token"))
        .adminTokens(new StaticTokenProvider("admin-token"))
        .listener(listener)
        .sleeper(sleeper)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  private static MockResponse status(int code, String... headers) {
    var builder = new MockResponse.Builder().code(code).addHeader("Trackingid", "ROUTER_" + code);
    for (String header : headers) {
      builder.addHeader(header);
    }
    if (code == 204) {
      return builder.build();
    }
    return builder.body(code == 200 ? "{\"enabled\":true}" : "{\"message\":\"status " + code + "\"}").build();
  }

  private void enqueue(MockResponse... responses) {
    for (MockResponse response : responses) {
      server.enqueue(response);
    }
  }

  @Test
  void tooManyRequests_waitsRetryAfterSeconds_thenSucceeds() {
    enqueue(status(429, "Retry-After: 7"), status(200));

    var settings = client().locationIntercept("L1");

    assertThat(settings.enabled()).isTrue();
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(listener.calls()).containsExactly(new Call(WebexOperation.GET_LOCATION_INTERCEPT, 429),
        new Call(WebexOperation.GET_LOCATION_INTERCEPT, 200));
  }

  @Test
  void tooManyRequests_withoutRetryAfter_waitsFiveSeconds() {
    enqueue(status(429), status(200));

    client().locationIntercept("L1");

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void tooManyRequests_withHttpDateRetryAfter_waitsUntilThatDate() {
    enqueue(status(429, "Retry-After: Sun, 01 Mar 2026 12:00:12 GMT"), status(200));

    client().locationIntercept("L1");

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void tooManyRequests_withRetryAfterOverAMinute_throwsAtOnce() {
    enqueue(status(429, "Retry-After: 75"));

    var e = catchThrowableOfType(RateLimitedException.class, () -> client().locationIntercept("L1"));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(75));
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.getMessage()).isEqualTo("[429 Too Many Requests] rate limited — try again in 75 s "
        + "[Tracking ID: ROUTER_429]");
    assertThat(sleeper.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void tooManyRequests_everyAttempt_throwsRateLimitedAfterMaxAttempts() {
    enqueue(status(429, "Retry-After: 1"), status(429, "Retry-After: 2"), status(429, "Retry-After: 3"),
        status(429, "Retry-After: 4"), status(200));

    var e = catchThrowableOfType(RateLimitedException.class, () -> client().locationIntercept("L1"));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(4));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void maxAttempts_isConfigurable() {
    enqueue(status(429), status(429), status(200));
    var client = WebexClient.builder().baseUrl(server.url("/v1")).httpClient(http)
        .adminTokens(new StaticTokenProvider("t")).sleeper(sleeper).maxAttempts(2).build();

    catchThrowableOfType(RateLimitedException.class, () -> client.locationIntercept("L1"));

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void locked_isRetriedLikeTooManyRequests() {
    enqueue(status(423, "Retry-After: 2"), status(204));

    client().putLocationIntercept("L1", new InterceptSettings(true, null, null));

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void post_isRetriedOnTooManyRequests() {
    enqueue(status(429, "Retry-After: 1"), new MockResponse.Builder().code(200).body("{\"id\":\"M1\"}").build());

    var message = client().createMessage(NewMessage.toRoom("R1", "hi"));

    assertThat(message.id()).isEqualTo("M1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void post_isNotRetriedOnLocked() {
    enqueue(status(423, "Retry-After: 1"), status(200));

    var e = catchThrowableOfType(RateLimitedException.class,
        () -> client().createMessage(NewMessage.toRoom("R1", "hi")));

    assertThat(e.status()).isEqualTo(423);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serviceUnavailable_isRetriedForGet_withJitteredBackoff() {
    enqueue(status(503), status(502), status(504), status(200));

    client().locationIntercept("L1");

    assertThat(server.getRequestCount()).isEqualTo(4);
    List<Duration> sleeps = sleeper.sleeps();
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void serviceUnavailable_isRetriedForPut() {
    enqueue(status(503), status(204));

    client().putTransferNumbers("P1", new TransferNumbers(false, null, null, null));

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void serviceUnavailable_isRetriedForDelete() {
    enqueue(status(503), status(204));

    client().deleteWebhook("W1");

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void serviceUnavailable_isNotRetriedForPost() {
    enqueue(status(503), status(200));

    var e = catchThrowableOfType(WebexException.class,
        () -> client().createWebhook(new NewWebhook("n", "https://x", "messages", "created", null, null)));

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.getMessage()).isEqualTo("[503 Service Unavailable] status 503 [Tracking ID: ROUTER_503]");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void serviceUnavailable_everyAttempt_throwsTheLastError() {
    enqueue(status(503), status(503), status(503), status(503), status(200));

    var e = catchThrowableOfType(WebexException.class, () -> client().locationIntercept("L1"));

    assertThat(e.status()).isEqualTo(503);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void otherClientErrors_areNotRetried() {
    enqueue(status(400), status(200));

    catchThrowableOfType(WebexException.class, () -> client().locationIntercept("L1"));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void connectionDropped_isRetriedForGet_andReportedAsStatusZero() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    enqueue(status(200));

    client().locationIntercept("L1");

    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(listener.calls()).containsExactly(new Call(WebexOperation.GET_LOCATION_INTERCEPT, 0),
        new Call(WebexOperation.GET_LOCATION_INTERCEPT, 200));
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void connectionDropped_isNotRetriedForPost() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"M1\"}").build());

    var e = catchThrowableOfType(WebexException.class, () -> client().createMessage(NewMessage.toRoom("R1", "hi")));

    assertThat(e.status()).isZero();
    assertThat(listener.calls()).containsExactly(new Call(WebexOperation.CREATE_MESSAGE, 0));
  }

  @Test
  void withoutRateLimitWaits_throwsOnTooManyRequestsAtOnce() {
    enqueue(status(429, "Retry-After: 3"), status(200));

    var e = catchThrowableOfType(RateLimitedException.class,
        () -> client().withoutRateLimitWaits().locationIntercept("L1"));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(e.getMessage()).contains("rate limited — try again in 3 s");
    assertThat(sleeper.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void withoutRateLimitWaits_stillRetriesServerErrors() {
    enqueue(status(503), status(200));

    client().withoutRateLimitWaits().locationIntercept("L1");

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retries_keepTheCallsTrackingId() throws Exception {
    enqueue(status(503), status(200));

    client().locationIntercept("L1");

    String first = server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("TrackingID");
    String second = server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("TrackingID");
    assertThat(first).startsWith("SWITCHBOARD_").isEqualTo(second);
  }

  @Test
  void retryAfter_parsesSecondsDatesAndGarbage() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    assertThat(RetryAfter.parse("0", clock)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse(" 30 ", clock)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 11:59:00 GMT", clock)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", clock)).isEqualTo(Duration.ofSeconds(5));
    assertThat(RetryAfter.parse("-3", clock)).isEqualTo(Duration.ofSeconds(5));
    assertThat(RetryAfter.parse(null, clock)).isEqualTo(Duration.ofSeconds(5));
  }
}
