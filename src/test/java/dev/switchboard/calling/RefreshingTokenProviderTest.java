package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

final class RefreshingTokenProviderTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  @StartStop
  final MockWebServer server = new MockWebServer();

  private final TestClock clock = new TestClock(START);
  private final MemoryStore store = new MemoryStore();
  private final RecordingListener listener = new RecordingListener();

  /** A store in memory that records what it was given. */
  private static final class MemoryStore implements RefreshTokenStore {
    private final List<String> saved = new ArrayList<>();
    private String stored;

    @Override
    public synchronized Optional<String> load() {
      return Optional.ofNullable(stored);
    }

    @Override
    public synchronized void save(String refreshToken) {
      saved.add(refreshToken);
      stored = refreshToken;
    }

    synchronized List<String> saved() {
      return List.copyOf(saved);
    }
  }

  private RefreshingTokenProvider provider() {
    return new RefreshingTokenProvider(server.url("/v1"), new OkHttpClient(), "client-id", "client-secret",
        "configured-refresh", store, clock, listener);
  }

  private static MockResponse token(String accessToken, long expiresIn, String refreshToken) {
    String refresh = refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"";
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresIn + refresh
            + ",\"refresh_token_expires_in\":7776000}").build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }

  @Test
  void firstToken_isExchangedWithTheRefreshTokenForm() throws Exception {
    server.enqueue(token("access-1", 3600, "configured-refresh"));

    assertThat(provider().token()).isEqualTo("access-1");

    var request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v1/access_token");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getHeaders().get("TrackingID")).startsWith("SWITCHBOARD_");
    assertThat(request.getBody().utf8()).isEqualTo("grant_type=refresh_token&client_id=client-id"
        + "&client_secret=client-secret&refresh_token=configured-refresh");
    assertThat(listener.calls()).containsExactly(new RecordingListener.Call(WebexOperation.ACCESS_TOKEN, 200));
    assertThat(listener.inFlight()).isEmpty();
  }

  @Test
  void token_isReusedUntilFiveMinutesBeforeExpiry_thenRefreshedAhead() {
    server.enqueue(token("access-1", 3600, null));
    server.enqueue(token("access-2", 3600, null));
    var provider = provider();

    assertThat(provider.token()).isEqualTo("access-1");
    clock.advance(Duration.ofSeconds(3600 - 301));
    assertThat(provider.token()).isEqualTo("access-1");
    assertThat(server.getRequestCount()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    assertThat(provider.token()).isEqualTo("access-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void shortLivedToken_isRefreshedAtNinetyPercentOfItsLife() {
    server.enqueue(token("access-1", 600, null));
    server.enqueue(token("access-2", 600, null));
    var provider = provider();

    provider.token();
    clock.advance(Duration.ofSeconds(539));
    assertThat(provider.token()).isEqualTo("access-1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(provider.token()).isEqualTo("access-2");
  }

  @Test
  void invalidate_refreshesOnceOnTheNextCall() {
    server.enqueue(token("access-1", 3600, null));
    server.enqueue(token("access-2", 3600, null));
    var provider = provider();
    provider.token();

    provider.invalidate("access-1");
    provider.invalidate("access-1");

    assertThat(provider.token()).isEqualTo("access-2");
    assertThat(provider.token()).isEqualTo("access-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void invalidatingAnOlderToken_keepsTheCurrentOne() {
    server.enqueue(token("access-1", 3600, null));
    server.enqueue(token("access-2", 3600, null));
    var provider = provider();
    provider.token();
    provider.invalidate("access-1");
    provider.token();

    provider.invalidate("access-1");

    assertThat(provider.token()).isEqualTo("access-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void eightConcurrentCallers_shareExactlyOneRefresh() throws Exception {
    // The slow answer keeps the refresh in flight while the other callers arrive.
    server.enqueue(token("access-1", 3600, null).newBuilder().headersDelay(300, TimeUnit.MILLISECONDS).build());
    server.enqueue(token("access-2", 3600, null));
    var provider = provider();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      var ready = new CountDownLatch(8);
      var go = new CountDownLatch(1);
      var results = new ArrayList<Future<String>>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return provider.token();
        }));
      }
      assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
      go.countDown();

      for (Future<String> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void newRefreshToken_isSaved_andUsedForTheNextRefresh() throws Exception {
    server.enqueue(token("access-1", 3600, "rotated-refresh"));
    server.enqueue(token("access-2", 3600, "rotated-refresh"));
    var provider = provider();

    provider.token();
    provider.invalidate("access-1");
    provider.token();

    assertThat(store.saved()).containsExactly("rotated-refresh");
    take();
    assertThat(take().getBody().utf8()).endsWith("&refresh_token=rotated-refresh");
  }

  @Test
  void storedRefreshToken_isPreferredOverTheConfiguredOne() throws Exception {
    store.save("stored-refresh");
    server.enqueue(token("access-1", 3600, null));

    provider().token();

    assertThat(take().getBody().utf8()).endsWith("&refresh_token=stored-refresh");
  }

  @Test
  void storedRefreshTokenRefused_theConfiguredOneIsTriedOnceAndKept() throws Exception {
    store.save("stored-refresh");
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .body("{\"message\":\"invalid_grant\",\"trackingId\":\"t-1\"}").build());
    server.enqueue(token("access-1", 3600, null));

    assertThat(provider().token()).isEqualTo("access-1");

    assertThat(take().getBody().utf8()).endsWith("&refresh_token=stored-refresh");
    assertThat(take().getBody().utf8()).endsWith("&refresh_token=configured-refresh");
    assertThat(store.load()).contains("configured-refresh");
  }

  @Test
  void bothRefused_failsAfterOneTryEach() throws Exception {
    store.save("stored-refresh");
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
          .body("{\"message\":\"invalid_grant\"}").build());
    }
    RefreshingTokenProvider provider = provider();

    assertThatThrownBy(provider::token).isInstanceOf(WebexException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void noRefreshTokenAtAll_isRefusedAtStart() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RefreshingTokenProvider(server.url("/v1"),
        new OkHttpClient(), "client-id", "client-secret", null, store, clock));
  }

  @Test
  void failedRefreshAheadOfExpiry_keepsUsingTheCurrentToken_andTriesAgainLater() {
    server.enqueue(token("access-1", 3600, null));
    server.enqueue(new MockResponse.Builder().code(503).body("{\"message\":\"down\"}").build());
    server.enqueue(token("access-2", 3600, null));
    var provider = provider();
    provider.token();
    clock.advance(Duration.ofSeconds(3400));

    assertThat(provider.token()).isEqualTo("access-1");
    assertThat(provider.token()).isEqualTo("access-1");
    assertThat(server.getRequestCount()).isEqualTo(2);

    clock.advance(RefreshingTokenProvider.RETRY_AFTER_FAILURE);
    assertThat(provider.token()).isEqualTo("access-2");
  }

  @Test
  void failedRefreshWithoutAUsableToken_throws_withoutTheSecrets() {
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Trackingid", "ROUTER_t")
        .body("{\"message\":\"Invalid refresh token\",\"errors\":[{\"description\":\"Invalid refresh token\"}]}")
        .build());

    var e = catchThrowableOfType(WebexException.class, () -> provider().token());

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.operation()).isEqualTo(WebexOperation.ACCESS_TOKEN);
    assertThat(e.getMessage()).isEqualTo("[400 Bad Request] Invalid refresh token [Tracking ID: ROUTER_t]")
        .doesNotContain("client-secret").doesNotContain("configured-refresh");
  }

  @Test
  void malformedTokenResponse_neverQuotesTheBody() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"access_token\":\"leaky-token\",").build());

    var e = catchThrowableOfType(WebexException.class, () -> provider().token());

    assertThat(e.getMessage()).contains("ACCESS_TOKEN got a malformed response").doesNotContain("leaky-token");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void responseWithoutAccessToken_isMalformed() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"expires_in\":3600}").build());

    assertThat(catchThrowableOfType(WebexException.class, () -> provider().token()).getMessage())
        .contains("ACCESS_TOKEN got a malformed response");
  }

  @Test
  void toString_showsNoToken() {
    server.enqueue(token("access-1", 3600, "rotated-refresh"));
    var provider = provider();
    provider.token();

    assertThat(provider.toString()).doesNotContain("access-1").doesNotContain("rotated-refresh")
        .doesNotContain("client-secret");
    assertThat(new StaticTokenProvider("bot-secret").toString()).doesNotContain("bot-secret");
  }
}
