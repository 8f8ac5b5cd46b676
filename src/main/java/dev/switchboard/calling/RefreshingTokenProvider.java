package dev.switchboard.calling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin access tokens from an OAuth refresh token (a Service App or an integration), exchanged at
 * {@code POST {base}/access_token}. It refreshes ahead of expiry, again once a token is rejected, never twice at
 * a time (concurrent callers wait for and share one refresh), and saves every new refresh token Webex hands out,
 * because a Service App refresh token lapses after 90 days unused. No token is ever logged.
 *
 * @see <a href="https://developer.webex.com/docs/service-apps">Service Apps</a>
 */
public final class RefreshingTokenProvider implements TokenProvider {

  private static final Logger LOG = LoggerFactory.getLogger(RefreshingTokenProvider.class);
  /** Refresh this long before expiry (or at 90% of a shorter token's life). */
  static final Duration MARGIN = Duration.ofMinutes(5);
  /** After a failed refresh while the current token still works, wait this long before trying again. */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
  /** Assumed when Webex gives no {@code expires_in}; Webex access tokens live 14 days, so this errs early. */
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private final HttpUrl tokenUrl;
  private final OkHttpClient http;
  private final String clientId;
  private final String clientSecret;
  private final RefreshTokenStore store;
  private final Clock clock;
  private final RequestListener listener;
  private final ObjectMapper mapper = new ObjectMapper();
  private final ReentrantLock refreshing = new ReentrantLock();

  private volatile State state = State.NONE;
  private String refreshToken;
  private String fallback;

  /** The token, when to refresh it and when it expires; never printed. */
  private record State(String accessToken, Instant refreshAt, Instant expiresAt) {
    static final State NONE = new State(null, Instant.MIN, Instant.MIN);

    boolean freshAt(Instant now) {
      return accessToken != null && now.isBefore(refreshAt);
    }

    boolean usableAt(Instant now) {
      return accessToken != null && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
      return "State[refreshAt=" + refreshAt + ", expiresAt=" + expiresAt + "]";
    }
  }

  public RefreshingTokenProvider(HttpUrl baseUrl, OkHttpClient http, String clientId, String clientSecret,
      String initialRefreshToken, RefreshTokenStore store, Clock clock) {
    this(baseUrl, http, clientId, clientSecret, initialRefreshToken, store, clock, RequestListener.NONE);
  }

  /** As above, reporting each token exchange to {@code listener} as {@link WebexOperation#ACCESS_TOKEN}. */
  public RefreshingTokenProvider(HttpUrl baseUrl, OkHttpClient http, String clientId, String clientSecret,
      String initialRefreshToken, RefreshTokenStore store, Clock clock, RequestListener listener) {
    this.tokenUrl = baseUrl.newBuilder().addPathSegment("access_token").build();
    this.http = Objects.requireNonNull(http, "http");
    this.clientId = Require.present(clientId, "clientId");
    this.clientSecret = Require.present(clientSecret, "clientSecret");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    // The stored token is newer than the configured one: Webex may have rotated it since deployment.
    this.refreshToken = store.load().filter(t -> !t.isBlank()).orElse(initialRefreshToken);
    Require.present(this.refreshToken, "refresh token (none configured and none stored)");
    // Should Webex refuse the stored token (revoked, or an operator configured a new one), the configured one is
    // tried once.
    this.fallback = initialRefreshToken == null || initialRefreshToken.isBlank()
        || initialRefreshToken.equals(refreshToken) ? null : initialRefreshToken;
  }

  @Override
  public String token() {
    State current = state;
    if (current.freshAt(clock.instant())) {
      return current.accessToken();
    }
    refreshing.lock();
    try {
      current = state;
      Instant now = clock.instant();
      if (current.freshAt(now)) {
        return current.accessToken(); // another caller refreshed while we waited
      }
      try {
        return refresh(now).accessToken();
      } catch (WebexException e) {
        if (current.usableAt(now)) {
          LOG.warn("Webex token refresh failed, using the current token until {}: {}", current.expiresAt(),
              e.getMessage());
          Instant retryAt = now.plus(RETRY_AFTER_FAILURE);
          state = new State(current.accessToken(),
              retryAt.isBefore(current.expiresAt()) ? retryAt : current.expiresAt(), current.expiresAt());
          return current.accessToken();
        }
        throw e;
      }
    } finally {
      refreshing.unlock();
    }
  }

  @Override
  public void invalidate(String rejectedToken) {
    refreshing.lock();
    try {
      if (rejectedToken != null && rejectedToken.equals(state.accessToken())) {
        state = State.NONE;
      }
    } finally {
      refreshing.unlock();
    }
  }

  /** Exchanges the current refresh token; when Webex refuses a stored one, the configured one, once. */
  private State refresh(Instant now) {
    return store.exchanging(() -> {
      // Another replica may have rotated the token since we read it: exchange the newest.
      store.load().filter(t -> !t.isBlank()).ifPresent(newest -> refreshToken = newest);
      return refreshOnce(now);
    });
  }

  private State refreshOnce(Instant now) {
    try {
      return exchange(now);
    } catch (WebexException e) {
      String configured = fallback;
      if (configured == null || (e.status() != 400 && e.status() != 401)) throw e;
      fallback = null;
      LOG.warn("Webex refused the stored refresh token ({}); trying the configured WEBEX_REFRESH_TOKEN once",
          e.status());
      refreshToken = configured;
      State fresh = exchange(now);
      save(refreshToken);
      return fresh;
    }
  }

  private State exchange(Instant now) {
    var request = new Request.Builder()
        .url(tokenUrl)
        .tag(RequestTag.class, new RequestTag(WebexOperation.ACCESS_TOKEN, Identity.ADMIN))
        .header("Accept", "application/json")
        .header(TrackingIdInterceptor.HEADER, TrackingIdInterceptor.PREFIX + UUID.randomUUID())
        .post(new FormBody.Builder()
            .add("grant_type", "refresh_token")
            .add("client_id", clientId)
            .add("client_secret", clientSecret)
            .add("refresh_token", refreshToken)
            .build())
        .build();
    started();
    long start = System.nanoTime();
    Response sent;
    try {
      sent = http.newCall(request).execute();
    } catch (IOException e) {
      report(0, start);
      throw WebexErrors.unreachable(WebexOperation.ACCESS_TOKEN, e);
    } catch (RuntimeException e) {
      report(0, start); // every start is reported ended, whatever went wrong
      throw e;
    }
    try (Response response = sent) {
      report(response.code(), start);
      if (!response.isSuccessful()) {
        throw WebexErrors.fromResponse(WebexOperation.ACCESS_TOKEN, response, mapper, clock);
      }
      String body = readBody(response);
      JsonNode json;
      try {
        json = mapper.readTree(body);
      } catch (IOException e) {
        // No cause and no snippet: the body may hold tokens.
        throw WebexErrors.malformed(WebexOperation.ACCESS_TOKEN, response, body, null);
      }
      String accessToken = json == null ? null : text(json.get("access_token"));
      if (accessToken == null || accessToken.isBlank()) {
        throw WebexErrors.malformed(WebexOperation.ACCESS_TOKEN, response, body, null);
      }
      long expiresIn = json.path("expires_in").asLong(0);
      Duration lifetime = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : DEFAULT_LIFETIME;
      Duration tenth = lifetime.dividedBy(10);
      Duration margin = tenth.compareTo(MARGIN) < 0 ? tenth : MARGIN;
      State fresh = new State(accessToken, now.plus(lifetime).minus(margin), now.plus(lifetime));
      keep(text(json.get("refresh_token")));
      state = fresh;
      LOG.debug("Webex access token refreshed, valid until {} tracking={}", fresh.expiresAt(),
          response.header("Trackingid"));
      return fresh;
    }
  }

  private String readBody(Response response) {
    try {
      return response.body().string();
    } catch (IOException e) {
      throw WebexErrors.unreachable(WebexOperation.ACCESS_TOKEN, e);
    }
  }

  /** Keeps a new refresh token in memory and in the store; a failing store is logged, not fatal. */
  private void keep(String newRefreshToken) {
    if (newRefreshToken == null || newRefreshToken.isBlank() || newRefreshToken.equals(refreshToken)) {
      return;
    }
    refreshToken = newRefreshToken;
    save(newRefreshToken);
  }

  private void save(String token) {
    try {
      store.save(token);
    } catch (RuntimeException e) {
      LOG.warn("could not save the new Webex refresh token ({}); keeping it in memory only", e.getMessage());
    }
  }

  private void started() {
    try {
      listener.onStart(WebexOperation.ACCESS_TOKEN);
    } catch (RuntimeException e) {
      LOG.warn("request listener failed for {}", WebexOperation.ACCESS_TOKEN, e);
    }
  }

  private void report(int status, long start) {
    try {
      listener.onRequest(WebexOperation.ACCESS_TOKEN, status, Duration.ofNanos(System.nanoTime() - start));
    } catch (RuntimeException e) {
      LOG.warn("request listener failed for {}", WebexOperation.ACCESS_TOKEN, e);
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  @Override
  public String toString() {
    return "RefreshingTokenProvider[" + tokenUrl + ", " + state + "]";
  }
}
