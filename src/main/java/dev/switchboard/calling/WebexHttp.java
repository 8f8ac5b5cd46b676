package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The plumbing under {@link WebexClient}: request URLs, JSON bodies, each call sent through the interceptors
 * (tracking id, retries, token, reporting) with every response closed and failures turned into
 * {@link WebexException}s, and list paging. A call uses its operation's identity unless told otherwise. Thread-safe.
 */
final class WebexHttp {

  private static final MediaType JSON = MediaType.get("application/json;charset=utf-8");
  /** A guard against a paging loop; 1,000 pages of 100 is far more than any org we manage. */
  private static final int MAX_PAGES = 1_000;

  private final HttpUrl baseUrl;
  private final OkHttpClient baseHttp;
  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final Map<Identity, TokenProvider> tokens;
  private final String orgId;
  private final RequestListener listener;
  private final RetryInterceptor retry;
  private final Clock clock;

  /** {@code orgId} is sent on admin calls that take it; null sends none. */
  WebexHttp(HttpUrl baseUrl, OkHttpClient baseHttp, ObjectMapper mapper, Map<Identity, TokenProvider> tokens,
      String orgId, RequestListener listener, RetryInterceptor retry, Clock clock) {
    this.baseUrl = baseUrl;
    this.baseHttp = baseHttp;
    this.mapper = mapper;
    this.tokens = Map.copyOf(tokens);
    this.orgId = orgId;
    this.listener = listener;
    this.retry = retry;
    this.clock = clock;
    // Outermost first: one tracking id per call, retries around authentication, and the listener
    // innermost so it sees every attempt.
    this.http = baseHttp.newBuilder()
        .addInterceptor(new TrackingIdInterceptor())
        .addInterceptor(retry)
        .addInterceptor(new AuthInterceptor(this.tokens))
        .addInterceptor(new RequestReportingInterceptor(listener))
        .build();
  }

  /**
   * A new mapper configured as the client needs: unknown properties ignored, nulls omitted when writing,
   * {@code java.time} types as ISO-8601 strings.
   */
  static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(IsoInstant.module())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.USE_DEFAULTS))
        .build();
  }

  /** The same plumbing, sharing connections, whose 429s and 423s are handed back at once (see {@link RetryInterceptor}). */
  WebexHttp withoutRateLimitWaits() {
    return new WebexHttp(baseUrl, baseHttp, mapper, tokens, orgId, listener, retry.withoutRateLimitWaits(), clock);
  }

  /** The same plumbing, sharing connections, sending another {@code orgId} (null: none). */
  WebexHttp withOrgId(String otherOrgId) {
    return new WebexHttp(baseUrl, baseHttp, mapper, tokens, otherOrgId, listener, retry, clock);
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** A URL under the base, one path segment per argument (each escaped). */
  HttpUrl.Builder url(String... segments) {
    var url = baseUrl.newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url;
  }

  /** A URL for an admin call that takes {@code orgId}: sent only when the managed org is set explicitly. */
  HttpUrl.Builder adminUrl(String... segments) {
    var url = url(segments);
    if (orgId != null) {
      url.addQueryParameter("orgId", orgId);
    }
    return url;
  }

  <T> T get(WebexOperation operation, HttpUrl url, Class<T> type) {
    return get(operation, operation.identity(), url, type);
  }

  /** A GET with the token of {@code identity}, for the operations used with either identity. */
  <T> T get(WebexOperation operation, Identity identity, HttpUrl url, Class<T> type) {
    return execute(request(operation, identity, url).get().build(), reader(operation, type));
  }

  <T> T post(WebexOperation operation, HttpUrl url, Object body, Class<T> type) {
    return execute(request(operation, url).post(json(body)).build(), reader(operation, type));
  }

  <T> T put(WebexOperation operation, HttpUrl url, Object body, Class<T> type) {
    return execute(request(operation, url).put(json(body)).build(), reader(operation, type));
  }

  /** A PUT whose answer has no body: returns Webex's tracking id, or the one we sent if Webex sent none. */
  String putForTrackingId(WebexOperation operation, HttpUrl url, Object body) {
    return execute(request(operation, url).put(json(body)).build(), RequestReportingInterceptor::trackingId);
  }

  void delete(WebexOperation operation, HttpUrl url) {
    ResponseReader<Void> noBody = response -> null;
    execute(request(operation, url).delete().build(), noBody);
  }

  /** Every item under {@code key}, following {@code rel="next"} links until a page is empty or has none. */
  <T> List<T> list(WebexOperation operation, HttpUrl first, String key, Class<T> type) {
    var all = new ArrayList<T>();
    HttpUrl url = first;
    for (int pages = 0; url != null; pages++) {
      if (pages == MAX_PAGES) {
        throw new WebexException(operation, 200, null, List.of(), null,
            operation + " stopped after " + MAX_PAGES + " pages", null);
      }
      Page<T> page = execute(request(operation, url).get().build(), response -> page(operation, response, key, type));
      all.addAll(page.items());
      url = page.items().isEmpty() ? null : page.next();
    }
    return List.copyOf(all);
  }

  /** The items under {@code key} of the first page only: a bounded read where the rest is not needed. */
  <T> List<T> firstPage(WebexOperation operation, HttpUrl url, String key, Class<T> type) {
    return List.copyOf(execute(request(operation, url).get().build(), r -> page(operation, r, key, type)).items());
  }

  private record Page<T>(List<T> items, HttpUrl next) {}

  private <T> Page<T> page(WebexOperation operation, Response response, String key, Class<T> type)
      throws IOException {
    byte[] bytes = response.body().bytes();
    var items = new ArrayList<T>();
    try {
      JsonNode array = mapper.readTree(bytes).path(key);
      if (!array.isArray()) {
        throw WebexErrors.malformed(operation, response, new String(bytes, StandardCharsets.UTF_8), null);
      }
      for (JsonNode item : array) {
        items.add(mapper.treeToValue(item, type));
      }
    } catch (JsonProcessingException e) {
      throw WebexErrors.malformed(operation, response, new String(bytes, StandardCharsets.UTF_8), e);
    }
    return new Page<>(items, nextPage(operation, response));
  }

  /**
   * The {@code rel="next"} link, if any. It is followed to the configured base's origin or, over https, to one of
   * Webex's own API hosts ({@link #WEBEX_API_DOMAINS}): Webex may page a list through a regional host. A link
   * anywhere else is refused, since it would carry our token there.
   */
  private HttpUrl nextPage(WebexOperation operation, Response response) {
    String next = LinkHeader.next(response.headers("Link"));
    if (next == null) {
      return null;
    }
    HttpUrl url = response.request().url().resolve(next);
    if (url == null || !(sameOrigin(url, baseUrl) || isWebexApiHost(url))) {
      throw new WebexException(operation, response.code(), null, List.of(), response.header("Trackingid"),
          operation + " got a paging link to another server, not followed: " + (url == null ? next : url.host()),
          null);
    }
    return url;
  }

  /** The domains of Webex's own REST hosts: {@code webexapis.com} and its regional and service hosts. */
  static final List<String> WEBEX_API_DOMAINS = List.of("webexapis.com", "wbx2.com", "ciscospark.com");

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  static boolean isWebexApiHost(HttpUrl url) {
    if (!url.isHttps() || url.port() != 443) return false;
    String host = url.host();
    return WEBEX_API_DOMAINS.stream().anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain));
  }

  private static Request.Builder request(WebexOperation operation, HttpUrl url) {
    return request(operation, operation.identity(), url);
  }

  private static Request.Builder request(WebexOperation operation, Identity identity, HttpUrl url) {
    return new Request.Builder().url(url).tag(RequestTag.class, new RequestTag(operation, identity))
        .header("Accept", "application/json");
  }

  private RequestBody json(Object body) {
    try {
      return RequestBody.create(mapper.writeValueAsBytes(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private <T> ResponseReader<T> reader(WebexOperation operation, Class<T> type) {
    return response -> {
      // Parsed from the bytes (no text decoded first: most responses are read, never shown); text only for an error.
      byte[] body = response.body().bytes();
      try {
        T value = mapper.readValue(body, type);
        if (value == null) {
          throw WebexErrors.malformed(operation, response, new String(body, StandardCharsets.UTF_8), null);
        }
        return value;
      } catch (JsonProcessingException e) {
        throw WebexErrors.malformed(operation, response, new String(body, StandardCharsets.UTF_8), e);
      }
    };
  }

  /** Reads a successful response; a {@link JsonProcessingException} must be turned into a WebexException first. */
  @FunctionalInterface
  private interface ResponseReader<T> {
    T read(Response response) throws IOException;
  }

  private <T> T execute(Request request, ResponseReader<T> reader) {
    var operation = RequestTag.of(request).operation();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw WebexErrors.fromResponse(operation, response, mapper, clock);
      }
      return reader.read(response);
    } catch (IOException e) {
      throw WebexErrors.unreachable(operation, e);
    }
  }
}
