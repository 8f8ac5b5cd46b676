package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The Authorization header per identity, and one retry with a fresh token after a 401. */
final class WebexClientAuthTest {

  @StartStop
  final MockWebServer server = new MockWebServer();

  /** A refresh token store that keeps nothing: these tests look at the calls, not at what is saved. */
  private static final RefreshTokenStore NO_STORE = new RefreshTokenStore() {
    @Override
    public Optional<String> load() {
      return Optional.empty();
    }

    @Override
    public void save(String refreshToken) {}
  };

  private final RecordingListener listener = new RecordingListener();

  private WebexClient client(TokenProvider admin) {
    return WebexClient.builder()
        .baseUrl(server.url("/v1"))
        .botTokens(new StaticTokenProvider("bot-token"))
        .adminTokens(admin)
        .listener(listener)
        .sleeper(new TestClock())
        .build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }

  private static MockResponse unauthorized() {
    return new MockResponse.Builder().code(401).addHeader("Trackingid", "ROUTER_401")
        .body("{\"message\":\"The request requires a valid access token set in the Authorization request header.\"}")
        .build();
  }

  /** Hands out token-1, token-2, ... and records what it was told. */
  private static final class RotatingTokens implements TokenProvider {
    private int issued = 1;
    final List<String> invalidated = new ArrayList<>();

    @Override
    public synchronized String token() {
      return "token-" + issued;
    }

    @Override
    public synchronized void invalidate(String rejectedToken) {
      invalidated.add(rejectedToken);
      issued++;
    }
  }

  @Test
  void unauthorized_invalidatesAndRetriesOnceWithAFreshToken() throws Exception {
    server.enqueue(unauthorized());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"enabled\":false}").build());
    var tokens = new RotatingTokens();

    var settings = client(tokens).locationIntercept("L1");

    assertThat(settings.enabled()).isFalse();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
    assertThat(tokens.invalidated).containsExactly("token-1");
    assertThat(listener.calls()).containsExactly(
        new RecordingListener.Call(WebexOperation.GET_LOCATION_INTERCEPT, 401),
        new RecordingListener.Call(WebexOperation.GET_LOCATION_INTERCEPT, 200));
  }

  @Test
  void unauthorizedTwice_failsWith401_afterOneRetry() {
    server.enqueue(unauthorized());
    server.enqueue(unauthorized());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    var tokens = new RotatingTokens();

    var e = catchThrowableOfType(WebexException.class, () -> client(tokens).locationIntercept("L1"));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).startsWith("[401 Unauthorized] The request requires a valid access token")
        .endsWith("[Tracking ID: ROUTER_401]");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void unauthorizedWithAStaticToken_isNotRetried() {
    server.enqueue(unauthorized());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    var e = catchThrowableOfType(WebexException.class, () -> client(new StaticTokenProvider("admin")).me(Identity.BOT));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.operation()).isEqualTo(WebexOperation.GET_ME);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unauthorizedWithARefreshingProvider_refreshesOnce_thenSucceeds() throws Exception {
    var clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
    var refreshing = new RefreshingTokenProvider(server.url("/v1"), new OkHttpClient(), "client-id", "client-secret",
        "refresh-1", NO_STORE, clock);
    server.enqueue(tokenResponse("access-1"));
    server.enqueue(unauthorized());
    server.enqueue(tokenResponse("access-2"));
    server.enqueue(new MockResponse.Builder().code(204).build());

    client(refreshing).putLocationIntercept("L1", new InterceptSettings(true, null, null));

    assertThat(take().getTarget()).isEqualTo("/v1/access_token");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    assertThat(take().getTarget()).isEqualTo("/v1/access_token");
    var retried = take();
    assertThat(retried.getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
    assertThat(retried.getBody().utf8()).isEqualTo("{\"enabled\":true}");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void tokenExchangeFailure_failsTheCall_asAnAccessTokenError() {
    var refreshing = new RefreshingTokenProvider(server.url("/v1"), new OkHttpClient(), "client-id", "client-secret",
        "refresh-1", NO_STORE, new TestClock(Instant.parse("2026-03-01T12:00:00Z")));
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Trackingid", "ROUTER_tok")
        .body("{\"message\":\"invalid refresh token\"}").build());

    var e = catchThrowableOfType(WebexException.class, () -> client(refreshing).location("L1"));

    assertThat(e.operation()).isEqualTo(WebexOperation.ACCESS_TOKEN);
    assertThat(e.getMessage()).isEqualTo("[400 Bad Request] invalid refresh token [Tracking ID: ROUTER_tok]");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private static MockResponse tokenResponse(String accessToken) {
    return new MockResponse.Builder().code(200).body("{\"access_token\":\"" + accessToken + "\",\"expires_in\":1209599,"
        + "\"refresh_token\":\"refresh-1\",\"refresh_token_expires_in\":7776000}").build();
  }
}
