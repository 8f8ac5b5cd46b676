package dev.switchboard.chat.slack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The few Slack Web API calls Switchboard makes with its bot token — {@code users.info} (cached) and
 * {@code chat.postMessage} — and posting to an interaction's {@code response_url}. Slack's {@code ok: false}
 * becomes a {@link SlackException} carrying Slack's error code; a 429 is retried after its
 * {@code Retry-After} when that is short. The token is sent only to the Web API and never logged.
 *
 * <pre>{@code
 * SlackClient slack = new SlackClient(HttpUrl.get(SlackClient.DEFAULT_BASE_URL), http, botToken, mapper,
 *     Ticker.systemTicker(), Sleeper.REAL);
 * slack.postMessage("C123", BlockKitRenderer.message(reply), threadTs);
 * }</pre>
 *
 * @see <a href="https://api.slack.com/web">Slack Web API</a>
 */
public final class SlackClient {

  public static final String DEFAULT_BASE_URL = "https://slack.com/api";
  /** A 429 asking for a longer wait than this fails instead: the person is waiting for an answer. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
  static final int MAX_ATTEMPTS = 3;
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /**
   * A Slack user as far as Switchboard cares: who, their email (null when Slack shows none), whether a bot or
   * deleted, their home workspace, whether Slack calls them a stranger (Slack Connect) and whether their email
   * is confirmed ({@code is_email_confirmed}; true when Slack does not say).
   */
  public record User(String id, String email, boolean bot, boolean deleted, String teamId, boolean stranger,
      boolean emailConfirmed) {}

  /** Whom the bot token belongs to: its workspace and, on Enterprise Grid, its enterprise (else null). */
  public record Installation(String teamId, String enterpriseId) {}

  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final String botToken;
  private final ObjectMapper mapper;
  // Every command needs its sender's email and Slack rate-limits users.info (Tier 4); a person's email
  // rarely changes, so it is kept ten minutes. Bounded by count so a flood of strangers cannot grow it.
  private final Cache<String, User> users;

  public SlackClient(HttpUrl baseUrl, OkHttpClient http, String botToken, ObjectMapper mapper, Ticker ticker,
      Sleeper sleeper) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    if (botToken == null || botToken.isBlank()) throw new IllegalArgumentException("the Slack bot token is empty");
    this.botToken = botToken;
    this.mapper = mapper;
    this.http = http.newBuilder().addInterceptor(new RateLimitRetry(sleeper)).build();
    this.users = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000)
        .build();
  }

  /**
   * The user's email (scope {@code users:read.email}) and whether they are a bot; cached.
   *
   * @see <a href="https://api.slack.com/methods/users.info">users.info</a>
   */
  public User user(String userId) {
    User cached = users.getIfPresent(userId);
    if (cached != null) return cached;
    HttpUrl url = method("users.info").newBuilder().addQueryParameter("user", userId).build();
    JsonNode body = call("users.info", api(url).get().build());
    UserInfo info = mapper.convertValue(body.path("user"), UserInfo.class);
    String email = info.profile() == null || info.profile().email() == null || info.profile().email().isBlank()
        ? null : info.profile().email();
    User user = new User(userId, email, info.bot(), info.deleted(), info.teamId(), info.stranger(),
        info.emailConfirmed() == null || info.emailConfirmed());
    users.put(userId, user);
    return user;
  }

  /**
   * Posts a message ({@code text} and {@code blocks}) to a channel, in a thread when {@code threadTs} is set;
   * returns the new message's {@code ts}.
   *
   * @see <a href="https://api.slack.com/methods/chat.postMessage">chat.postMessage</a>
   */
  public String postMessage(String channel, ObjectNode message, String threadTs) {
    ObjectNode body = message.deepCopy();
    body.put("channel", channel);
    if (threadTs != null) body.put("thread_ts", threadTs);
    JsonNode answer = call("chat.postMessage", api(method("chat.postMessage")).post(json(body)).build());
    return answer.path("ts").asText(null);
  }

  /**
   * Posts a message only {@code user} sees, in {@code channel} (scope {@code chat:write}); in a thread when
   * {@code threadTs} is set, which Slack shows only in a thread that is already active.
   *
   * @see <a href="https://api.slack.com/methods/chat.postEphemeral">chat.postEphemeral</a>
   */
  public void postEphemeral(String channel, String user, ObjectNode message, String threadTs) {
    ObjectNode body = message.deepCopy();
    body.put("channel", channel);
    body.put("user", user);
    if (threadTs != null) body.put("thread_ts", threadTs);
    call("chat.postEphemeral", api(method("chat.postEphemeral")).post(json(body)).build());
  }

  /**
   * Replaces the text and blocks of a message the bot posted, identified by its channel and {@code ts}.
   *
   * @see <a href="https://api.slack.com/methods/chat.update">chat.update</a>
   */
  public void update(String channel, String ts, ObjectNode message) {
    ObjectNode body = message.deepCopy();
    body.put("channel", channel);
    body.put("ts", ts);
    call("chat.update", api(method("chat.update")).post(json(body)).build());
  }

  /**
   * Posts to an interaction's {@code response_url} (no token: the URL is the credential); the message
   * carries {@code response_type} {@code in_channel} or {@code ephemeral}.
   *
   * @see <a href="https://api.slack.com/interactivity/handling#message_responses">Responding with response_url</a>
   */
  public void respond(String responseUrl, ObjectNode message) {
    HttpUrl url = HttpUrl.parse(responseUrl);
    if (url == null) throw new SlackException("response_url", 0, "invalid_response_url", null);
    Request request = new Request.Builder().url(url).post(json(message)).build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) throw new SlackException("response_url", response.code(), errorCode(text), null);
      // Slack answers "ok" as text or JSON; an {"ok": false} is a failure too.
      JsonNode json = text.strip().startsWith("{") ? readOrNull(text) : null;
      if (json != null && !json.path("ok").asBoolean(true)) {
        throw new SlackException("response_url", response.code(), json.path("error").asText("unknown_error"), null);
      }
    } catch (IOException e) {
      throw new SlackException("response_url", 0, "unreachable: " + e.getClass().getSimpleName(), e);
    }
  }

  private HttpUrl method(String name) {
    return baseUrl.newBuilder().addPathSegment(name).build();
  }

  private Request.Builder api(HttpUrl url) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + botToken);
  }

  private RequestBody json(JsonNode body) {
    try {
      return RequestBody.create(mapper.writeValueAsBytes(body), JSON);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write a Slack message", e);
    }
  }

  /** Runs a Web API call: HTTP 2xx and {@code ok: true}, else a {@link SlackException} with Slack's code. */
  private JsonNode call(String method, Request request) {
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        throw new SlackException(method, response.code(), response.code() == 429 ? "ratelimited" : errorCode(text),
            null);
      }
      JsonNode body;
      try {
        body = mapper.readTree(text);
      } catch (IOException e) {
        throw new SlackException(method, response.code(), "invalid_response", e);
      }
      if (body == null || !body.path("ok").asBoolean(false)) {
        throw new SlackException(method, response.code(),
            body == null ? "invalid_response" : body.path("error").asText("unknown_error"), null);
      }
      return body;
    } catch (IOException e) {
      throw new SlackException(method, 0, "unreachable: " + e.getClass().getSimpleName(), e);
    }
  }

  private JsonNode readOrNull(String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  /** Slack's error bodies are short codes ("expired_url"); anything else is not repeated. */
  private static String errorCode(String body) {
    String trimmed = body == null ? "" : body.strip();
    return trimmed.matches("[a-z_]{1,64}") ? trimmed : "http_error";
  }

  /**
   * The workspace (and enterprise) the bot token belongs to.
   *
   * @see <a href="https://api.slack.com/methods/auth.test">auth.test</a>
   */
  public Installation authTest() {
    JsonNode body = call("auth.test", api(method("auth.test")).post(json(mapper.createObjectNode())).build());
    String enterprise = body.path("enterprise_id").asText("");
    return new Installation(body.path("team_id").asText(null), enterprise.isBlank() ? null : enterprise);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record UserInfo(String id, @JsonProperty("is_bot") boolean bot, boolean deleted,
      @JsonProperty("team_id") String teamId, @JsonProperty("is_stranger") boolean stranger,
      @JsonProperty("is_email_confirmed") Boolean emailConfirmed, Profile profile) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Profile(String email) {}

  /**
   * Retries a 429 after its {@code Retry-After} (seconds), at most {@link #MAX_ATTEMPTS} attempts in all,
   * and only when the wait is at most {@link #MAX_RETRY_AFTER}; otherwise the 429 is the answer.
   */
  private static final class RateLimitRetry implements Interceptor {
    private final Sleeper sleeper;

    RateLimitRetry(Sleeper sleeper) {
      this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      for (int attempt = 1; attempt < MAX_ATTEMPTS && response.code() == 429; attempt++) {
        Duration wait = retryAfter(response.header("Retry-After"));
        if (wait.compareTo(MAX_RETRY_AFTER) > 0) return response;
        response.close();
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting out Slack's rate limit");
        }
        response = chain.proceed(chain.request());
      }
      return response;
    }

    /** Slack sends whole seconds; without a readable header, one second. */
    static Duration retryAfter(String header) {
      if (header == null) return Duration.ofSeconds(1);
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
      } catch (NumberFormatException e) {
        return Duration.ofSeconds(1);
      }
    }
  }
}
