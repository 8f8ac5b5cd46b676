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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The one Webex REST client: Locations, People, Location call intercept, person transfer numbers, Messages,
 * Attachment actions and Webhooks. Admin calls use the admin token, messaging and webhooks the bot token.
 * Calls retry as {@link RetryInterceptor} describes and fail with {@link WebexException}. Thread-safe.
 *
 * <pre>{@code
 * WebexClient webex = WebexClient.builder()
 *     .botTokens(new StaticTokenProvider(botToken))
 *     .adminTokens(refreshingProvider)
 *     .build();
 * InterceptSettings now = webex.locationIntercept(locationId);
 * webex.putLocationIntercept(locationId, now.withEnabled(true));
 * }</pre>
 */
public final class WebexClient {

  /** Webex's production API. */
  public static final String DEFAULT_BASE_URL = "https://webexapis.com/v1";

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

  private WebexClient(HttpUrl baseUrl, OkHttpClient baseHttp, ObjectMapper mapper, Map<Identity, TokenProvider> tokens,
      String orgId, RequestListener listener, RetryInterceptor retry, Clock clock) {
    this.baseUrl = baseUrl;
    this.baseHttp = baseHttp;
    this.mapper = mapper;
    this.tokens = tokens;
    this.orgId = orgId;
    this.listener = listener;
    this.retry = retry;
    this.clock = clock;
    // Outermost first: one tracking id per call, retries around authentication, and the listener
    // innermost so it sees every attempt.
    this.http = baseHttp.newBuilder()
        .addInterceptor(new TrackingIdInterceptor())
        .addInterceptor(retry)
        .addInterceptor(new AuthInterceptor(tokens))
        .addInterceptor(new RequestReportingInterceptor(listener))
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A new mapper configured as the client needs: unknown properties ignored, nulls omitted when writing,
   * {@code java.time} types as ISO-8601 strings.
   */
  static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.USE_DEFAULTS))
        .build();
  }

  /**
   * This client for bulk work: a 429 or 423 throws {@link RateLimitedException} at once instead of waiting, so
   * the caller's per-org gate can hold every worker back; the other retries are unchanged. Shares connections.
   */
  public WebexClient withoutRateLimitWaits() {
    return new WebexClient(baseUrl, baseHttp, mapper, tokens, orgId, listener, retry.withoutRateLimitWaits(), clock);
  }

  /** The shared mapper (unknown properties ignored, nulls omitted when writing). */
  public ObjectMapper objectMapper() {
    return mapper;
  }

  // ---- Locations --------------------------------------------------------------------------------------

  /** Every location, following every page. @see <a href="https://developer.webex.com/docs/api/v1/locations/list-locations">List Locations</a> */
  public List<Location> locations() {
    return list(WebexOperation.LIST_LOCATIONS, Identity.ADMIN, adminUrl("locations").build(), "items", Location.class);
  }

  /**
   * Every location, as {@link #locations()}; kept only so that {@code ops.LocationDirectory}, which calls it with
   * {@code (null, null)}, compiles until it calls {@link #locations()}.
   *
   * @deprecated Webex's name filter and page size were used by nothing; call {@link #locations()}.
   */
  @Deprecated(forRemoval = true)
  public List<Location> locations(String nameContains, Integer max) {
    if (nameContains != null || max != null) {
      throw new IllegalArgumentException("the name filter and page size are gone; call locations()");
    }
    return locations();
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/locations/get-location-details">Get Location Details</a> */
  public Location location(String locationId) {
    var url = adminUrl("locations", Require.present(locationId, "locationId")).build();
    return get(WebexOperation.GET_LOCATION, Identity.ADMIN, url, Location.class);
  }

  /**
   * Lists the Webex Calling enabled locations, following every page (the list's key is {@code locations}).
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings/list-locations-webex-calling-details">List Locations Webex Calling Details</a>
   */
  public List<Location> callingLocations() {
    var url = adminUrl("telephony", "config", "locations").build();
    return list(WebexOperation.LIST_CALLING_LOCATIONS, Identity.ADMIN, url, "locations", Location.class);
  }

  // ---- People -----------------------------------------------------------------------------------------

  /** @see <a href="https://developer.webex.com/docs/api/v1/people/list-people">List People</a> */
  public List<Person> peopleByEmail(String email) {
    var url = adminUrl("people").addQueryParameter("email", Require.present(email, "email").strip()).build();
    return list(WebexOperation.LIST_PEOPLE, Identity.ADMIN, url, "items", Person.class);
  }

  /** People whose display name starts with {@code displayName}. @see <a href="https://developer.webex.com/docs/api/v1/people/list-people">List People</a> */
  public List<Person> peopleByDisplayName(String displayName) {
    var url = adminUrl("people")
        .addQueryParameter("displayName", Require.present(displayName, "displayName").strip()).build();
    return list(WebexOperation.LIST_PEOPLE, Identity.ADMIN, url, "items", Person.class);
  }

  /**
   * One person with calling data and, read with the admin token, {@code roles}.
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/people/get-person-details">Get Person Details</a>
   */
  public Person person(String personId) {
    var url = url("people", Require.present(personId, "personId")).addQueryParameter("callingData", "true").build();
    return get(WebexOperation.GET_PERSON, Identity.ADMIN, url, Person.class);
  }

  /**
   * The person (or bot) that owns {@code identity}'s token; calling data is asked for with the admin token only.
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/people/get-my-own-details">Get My Own Details</a>
   */
  public Person me(Identity identity) {
    Objects.requireNonNull(identity, "identity");
    var url = url("people", "me");
    if (identity == Identity.ADMIN) {
      url.addQueryParameter("callingData", "true");
    }
    return get(WebexOperation.GET_ME, identity, url.build(), Person.class);
  }

  // ---- Calling ----------------------------------------------------------------------------------------

  /** @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings-call-handling/get-location-intercept">Get Location Intercept</a> */
  public InterceptSettings locationIntercept(String locationId) {
    return get(WebexOperation.GET_LOCATION_INTERCEPT, Identity.ADMIN, interceptUrl(locationId), InterceptSettings.class);
  }

  /**
   * Writes a location's intercept settings; only the non-null fields are sent. Refuses settings holding an
   * {@code UNKNOWN} enum value, which Webex would reject.
   *
   * @return the tracking id of Webex's answer (or, if Webex sent none, the one we sent), for the audit log
   * @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings-call-handling/put-location-intercept">Put Location Intercept</a>
   */
  public String putLocationIntercept(String locationId, InterceptSettings settings) {
    Objects.requireNonNull(settings, "settings");
    if (settings.hasUnknownValues()) {
      throw new IllegalArgumentException("intercept settings hold a value this client does not know: " + settings);
    }
    return put(WebexOperation.PUT_LOCATION_INTERCEPT, interceptUrl(locationId), settings);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/user-call-settings-2-2/retrieve-transfer-numbers-for-a-person">Retrieve Transfer Numbers for a Person</a> */
  public TransferNumbers transferNumbers(String personId) {
    return get(WebexOperation.GET_TRANSFER_NUMBERS, Identity.ADMIN, transferNumbersUrl(personId), TransferNumbers.class);
  }

  /**
   * Writes a person's transfer numbers: {@code useCustomTransferNumbers} is required, a null number is left
   * as it is and {@code ""} clears it.
   *
   * @return the tracking id of Webex's answer (or, if Webex sent none, the one we sent), for the audit log
   * @see <a href="https://developer.webex.com/docs/api/v1/user-call-settings-2-2/modify-transfer-numbers-for-a-person">Modify Transfer Numbers for a Person</a>
   */
  public String putTransferNumbers(String personId, TransferNumbers numbers) {
    Objects.requireNonNull(numbers, "numbers");
    if (numbers.useCustomTransferNumbers() == null) {
      throw new IllegalArgumentException("useCustomTransferNumbers is required when writing transfer numbers");
    }
    return put(WebexOperation.PUT_TRANSFER_NUMBERS, transferNumbersUrl(personId), numbers);
  }

  // ---- Messaging --------------------------------------------------------------------------------------

  /** @see <a href="https://developer.webex.com/docs/api/v1/messages/get-message-details">Get Message Details</a> */
  public Message message(String messageId) {
    var url = url("messages", Require.present(messageId, "messageId")).build();
    return get(WebexOperation.GET_MESSAGE, Identity.BOT, url, Message.class);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/messages/create-a-message">Create a Message</a> */
  public Message createMessage(NewMessage message) {
    Objects.requireNonNull(message, "message");
    var request = request(WebexOperation.CREATE_MESSAGE, Identity.BOT, url("messages").build())
        .post(json(message)).build();
    return execute(request, reader(WebexOperation.CREATE_MESSAGE, Message.class));
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/attachment-actions/get-attachment-action-details">Get Attachment Action Details</a> */
  public AttachmentAction attachmentAction(String actionId) {
    var url = url("attachment", "actions", Require.present(actionId, "actionId")).build();
    return get(WebexOperation.GET_ATTACHMENT_ACTION, Identity.BOT, url, AttachmentAction.class);
  }

  // ---- Webhooks ---------------------------------------------------------------------------------------

  /** The bot's webhooks, every page. @see <a href="https://developer.webex.com/docs/api/v1/webhooks/list-webhooks">List Webhooks</a> */
  public List<Webhook> webhooks() {
    return list(WebexOperation.LIST_WEBHOOKS, Identity.BOT, url("webhooks").build(), "items", Webhook.class);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/webhooks/get-webhook-details">Get Webhook Details</a> */
  public Webhook webhook(String webhookId) {
    var url = url("webhooks", Require.present(webhookId, "webhookId")).build();
    return get(WebexOperation.GET_WEBHOOK, Identity.BOT, url, Webhook.class);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/webhooks/create-a-webhook">Create a Webhook</a> */
  public Webhook createWebhook(NewWebhook webhook) {
    Objects.requireNonNull(webhook, "webhook");
    var request = request(WebexOperation.CREATE_WEBHOOK, Identity.BOT, url("webhooks").build())
        .post(json(webhook)).build();
    return execute(request, reader(WebexOperation.CREATE_WEBHOOK, Webhook.class));
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/webhooks/update-a-webhook">Update a Webhook</a> */
  public Webhook updateWebhook(String webhookId, WebhookUpdate update) {
    Objects.requireNonNull(update, "update");
    var url = url("webhooks", Require.present(webhookId, "webhookId")).build();
    var request = request(WebexOperation.UPDATE_WEBHOOK, Identity.BOT, url).put(json(update)).build();
    return execute(request, reader(WebexOperation.UPDATE_WEBHOOK, Webhook.class));
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/webhooks/delete-a-webhook">Delete a Webhook</a> */
  public void deleteWebhook(String webhookId) {
    var url = url("webhooks", Require.present(webhookId, "webhookId")).build();
    execute(request(WebexOperation.DELETE_WEBHOOK, Identity.BOT, url).delete().build(), response -> null);
  }

  // ---- Plumbing ---------------------------------------------------------------------------------------

  private HttpUrl interceptUrl(String locationId) {
    return adminUrl("telephony", "config", "locations", Require.present(locationId, "locationId"), "intercept")
        .build();
  }

  private HttpUrl transferNumbersUrl(String personId) {
    return adminUrl("telephony", "config", "people", Require.present(personId, "personId"), "outgoingPermission",
        "autoTransferNumbers").build();
  }

  private HttpUrl.Builder url(String... segments) {
    var url = baseUrl.newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url;
  }

  /** A URL for an admin call that takes {@code orgId}: sent only when the managed org is set explicitly. */
  private HttpUrl.Builder adminUrl(String... segments) {
    var url = url(segments);
    if (orgId != null) {
      url.addQueryParameter("orgId", orgId);
    }
    return url;
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

  private <T> T get(WebexOperation operation, Identity identity, HttpUrl url, Class<T> type) {
    return execute(request(operation, identity, url).get().build(), reader(operation, type));
  }

  private String put(WebexOperation operation, HttpUrl url, Object body) {
    var request = request(operation, Identity.ADMIN, url).put(json(body)).build();
    return execute(request, RequestReportingInterceptor::trackingId);
  }

  private <T> List<T> list(WebexOperation operation, Identity identity, HttpUrl first, String key, Class<T> type) {
    var all = new ArrayList<T>();
    HttpUrl url = first;
    for (int pages = 0; url != null; pages++) {
      if (pages == MAX_PAGES) {
        throw new WebexException(operation, 200, null, List.of(), null,
            operation + " stopped after " + MAX_PAGES + " pages", null);
      }
      Page<T> page = execute(request(operation, identity, url).get().build(),
          response -> page(operation, response, key, type));
      all.addAll(page.items());
      url = page.items().isEmpty() ? null : page.next();
    }
    return List.copyOf(all);
  }

  private record Page<T>(List<T> items, HttpUrl next) {}

  private <T> Page<T> page(WebexOperation operation, Response response, String key, Class<T> type)
      throws IOException {
    String body = response.body().string();
    var items = new ArrayList<T>();
    try {
      JsonNode array = mapper.readTree(body).path(key);
      if (!array.isArray()) {
        throw WebexErrors.malformed(operation, response, body, null);
      }
      for (JsonNode item : array) {
        items.add(mapper.treeToValue(item, type));
      }
    } catch (JsonProcessingException e) {
      throw WebexErrors.malformed(operation, response, body, e);
    }
    return new Page<>(items, nextPage(operation, response));
  }

  /** The {@code rel="next"} link, if any; a link to another origin is refused, since it would carry our token there. */
  private HttpUrl nextPage(WebexOperation operation, Response response) {
    String next = LinkHeader.next(response.headers("Link"));
    if (next == null) {
      return null;
    }
    HttpUrl url = response.request().url().resolve(next);
    if (url == null || !url.scheme().equals(baseUrl.scheme()) || !url.host().equals(baseUrl.host())
        || url.port() != baseUrl.port()) {
      throw new WebexException(operation, response.code(), null, List.of(), response.header("Trackingid"),
          operation + " got a paging link to another server, not followed: " + (url == null ? next : url.host()),
          null);
    }
    return url;
  }

  private <T> ResponseReader<T> reader(WebexOperation operation, Class<T> type) {
    return response -> {
      String body = response.body().string();
      try {
        T value = mapper.readValue(body, type);
        if (value == null) {
          throw WebexErrors.malformed(operation, response, body, null);
        }
        return value;
      } catch (JsonProcessingException e) {
        throw WebexErrors.malformed(operation, response, body, e);
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

  /** Configures a {@link WebexClient}; only the tokens of the identities you use are needed. */
  public static final class Builder {

    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private OkHttpClient httpClient;
    private TokenProvider botTokens;
    private TokenProvider adminTokens;
    private String orgId;
    private RequestListener listener = RequestListener.NONE;
    private Sleeper sleeper = Sleeper.REAL;
    private Clock clock = Clock.systemUTC();
    private int maxAttempts = 4;

    private Builder() {}

    /** Default {@value WebexClient#DEFAULT_BASE_URL}. */
    public Builder baseUrl(String baseUrl) {
      return baseUrl(HttpUrl.get(baseUrl));
    }

    public Builder baseUrl(HttpUrl baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** The shared client to build on (its connection pool and timeouts); a default one when not set. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    public Builder botTokens(TokenProvider botTokens) {
      this.botTokens = botTokens;
      return this;
    }

    public Builder adminTokens(TokenProvider adminTokens) {
      this.adminTokens = adminTokens;
      return this;
    }

    /** The managed org, sent as {@code orgId} on admin Calling, People list and Locations calls; null sends none. */
    public Builder orgId(String orgId) {
      this.orgId = orgId == null || orgId.isBlank() ? null : orgId;
      return this;
    }

    public Builder listener(RequestListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The clock an HTTP-date {@code Retry-After} is measured against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Attempts per call in all, retries included; default 4. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public WebexClient build() {
      var tokens = new EnumMap<Identity, TokenProvider>(Identity.class);
      if (botTokens != null) {
        tokens.put(Identity.BOT, botTokens);
      }
      if (adminTokens != null) {
        tokens.put(Identity.ADMIN, adminTokens);
      }
      if (tokens.isEmpty()) {
        throw new IllegalStateException("set botTokens, adminTokens or both");
      }
      OkHttpClient http = httpClient != null ? httpClient : new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(10))
          .readTimeout(Duration.ofSeconds(30))
          .build();
      return new WebexClient(baseUrl, http, newObjectMapper(), Map.copyOf(tokens), orgId, listener,
          new RetryInterceptor(sleeper, clock, maxAttempts, true), clock);
    }
  }
}
