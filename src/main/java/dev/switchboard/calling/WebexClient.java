package dev.switchboard.calling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The one Webex REST client: Locations, People, Location call intercept, person transfer numbers, outgoing
 * calling permissions and auto transfer numbers (of people and locations), Messages,
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

  private final WebexHttp http;

  private WebexClient(WebexHttp http) {
    this.http = http;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * This client for bulk work: a 429 or 423 throws {@link RateLimitedException} at once instead of waiting, so
   * the caller's per-org gate can hold every worker back; the other retries are unchanged. Shares connections.
   */
  public WebexClient withoutRateLimitWaits() {
    return new WebexClient(http.withoutRateLimitWaits());
  }

  /** This client managing {@code orgId} (sent as {@code orgId} on admin calls; null sends none). Shares connections. */
  public WebexClient withOrgId(String orgId) {
    return new WebexClient(http.withOrgId(orgId == null || orgId.isBlank() ? null : orgId));
  }

  /** The shared mapper (unknown properties ignored, nulls omitted when writing). */
  public ObjectMapper objectMapper() {
    return http.mapper();
  }

  /** A mapper configured as every client's, for reading what one wrote without a client (an import). */
  public static ObjectMapper newObjectMapper() { return WebexHttp.newObjectMapper(); }

  // ---- Locations --------------------------------------------------------------------------------------

  /** Every location, following every page. @see <a href="https://developer.webex.com/docs/api/v1/locations/list-locations">List Locations</a> */
  public List<Location> locations() {
    return http.list(WebexOperation.LIST_LOCATIONS, http.adminUrl("locations").build(), "items", Location.class);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/locations/get-location-details">Get Location Details</a> */
  public Location location(String locationId) {
    var url = http.adminUrl("locations", Require.present(locationId, "locationId")).build();
    return http.get(WebexOperation.GET_LOCATION, url, Location.class);
  }

  /**
   * Lists the Webex Calling enabled locations, following every page (the list's key is {@code locations}).
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings/list-locations-webex-calling-details">List Locations Webex Calling Details</a>
   */
  public List<Location> callingLocations() {
    var url = http.adminUrl("telephony", "config", "locations").build();
    return http.list(WebexOperation.LIST_CALLING_LOCATIONS, url, "locations", Location.class);
  }

  // ---- Organizations ----------------------------------------------------------------------------------

  /**
   * One organisation, by its Webex id or the bare uuid Control Hub shows; Webex answers with its Webex id.
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/organizations/get-organization-details">Get Organization Details</a>
   */
  public Organization organization(String orgId) {
    var url = http.url("organizations", Require.present(orgId, "orgId").strip()).build();
    return http.get(WebexOperation.GET_ORGANIZATION, url, Organization.class);
  }

  // ---- People -----------------------------------------------------------------------------------------

  /** With Calling's fields (location) for an admin. @see <a href="https://developer.webex.com/docs/api/v1/people/list-people">List People</a> */
  public List<Person> peopleByEmail(String email) {
    var url = http.adminUrl("people").addQueryParameter("email", Require.present(email, "email").strip())
        .addQueryParameter("callingData", "true").build();
    return http.list(WebexOperation.LIST_PEOPLE, url, "items", Person.class);
  }

  /** People whose display name starts with {@code displayName}. @see <a href="https://developer.webex.com/docs/api/v1/people/list-people">List People</a> */
  public List<Person> peopleByDisplayName(String displayName) {
    var url = http.adminUrl("people")
        .addQueryParameter("displayName", Require.present(displayName, "displayName").strip()).build();
    return http.list(WebexOperation.LIST_PEOPLE, url, "items", Person.class);
  }

  /**
   * The org's people, first page only, at most {@code max} (Webex allows 1,000): admins may list without a filter.
   * For matching a name Webex's prefix search cannot find ("Smith", "Alise Smith") in a bounded number of calls.
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/people/list-people">List People</a>
   */
  public List<Person> peopleFirstPage(int max) {
    var url = http.adminUrl("people").addQueryParameter("max", String.valueOf(Math.max(1, Math.min(max, 1000))))
        .build();
    return http.firstPage(WebexOperation.LIST_PEOPLE, url, "items", Person.class);
  }

  /**
   * One person with calling data and, read with the admin token, {@code roles}.
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/people/get-person-details">Get Person Details</a>
   */
  public Person person(String personId) {
    var url = http.url("people", Require.present(personId, "personId")).addQueryParameter("callingData", "true")
        .build();
    return http.get(WebexOperation.GET_PERSON, url, Person.class);
  }

  /**
   * The person (or bot) that owns {@code identity}'s token; calling data is asked for with the admin token only.
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/people/get-my-own-details">Get My Own Details</a>
   */
  public Person me(Identity identity) {
    Objects.requireNonNull(identity, "identity");
    var url = http.url("people", "me");
    if (identity == Identity.ADMIN) {
      url.addQueryParameter("callingData", "true");
    }
    return http.get(WebexOperation.GET_ME, identity, url.build(), Person.class);
  }

  // ---- Calling ----------------------------------------------------------------------------------------

  /** @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings-call-handling/get-location-intercept">Get Location Intercept</a> */
  public InterceptSettings locationIntercept(String locationId) {
    return http.get(WebexOperation.GET_LOCATION_INTERCEPT, interceptUrl(locationId), InterceptSettings.class);
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
    return http.putForTrackingId(WebexOperation.PUT_LOCATION_INTERCEPT, interceptUrl(locationId), settings);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/user-call-settings-2-2/retrieve-transfer-numbers-for-a-person">Retrieve Transfer Numbers for a Person</a> */
  public TransferNumbers transferNumbers(String personId) {
    return http.get(WebexOperation.GET_TRANSFER_NUMBERS, transferNumbersUrl(personId), TransferNumbers.class);
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
    return http.putForTrackingId(WebexOperation.PUT_TRANSFER_NUMBERS, transferNumbersUrl(personId), numbers);
  }

  /**
   * A person's outgoing calling permissions: whether their own rules apply, and the rule per call type.
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/user-call-settings/retrieve-a-persons-outgoing-calling-permissions-settings">Retrieve a person's Outgoing Calling Permissions settings</a>
   */
  public OutgoingPermission personOutgoingPermission(String personId) {
    var url = http.adminUrl("people", Require.present(personId, "personId"), "features", "outgoingPermission")
        .build();
    return http.get(WebexOperation.GET_PERSON_OUTGOING_PERMISSION, url, OutgoingPermission.class);
  }

  /**
   * A location's outgoing calling permissions, the rules its people follow unless they have their own.
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings-call-handling/get-location-outgoing-permission">Get Location Outgoing Permission</a>
   */
  public OutgoingPermission locationOutgoingPermission(String locationId) {
    return http.get(WebexOperation.GET_LOCATION_OUTGOING_PERMISSION, locationUrl(locationId, "outgoingPermission"),
        OutgoingPermission.class);
  }

  /**
   * A location's auto transfer numbers, used by its people without custom transfer numbers.
   *
   * @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings-call-handling/get-outgoing-permission-auto-transfer-number">Get Outgoing Permission Auto Transfer Number</a>
   */
  public LocationTransferNumbers locationTransferNumbers(String locationId) {
    return http.get(WebexOperation.GET_LOCATION_TRANSFER_NUMBERS,
        locationUrl(locationId, "outgoingPermission", "autoTransferNumbers"), LocationTransferNumbers.class);
  }

  private HttpUrl locationUrl(String locationId, String... feature) {
    var url = http.adminUrl("telephony", "config", "locations", Require.present(locationId, "locationId"));
    for (String segment : feature) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  private HttpUrl interceptUrl(String locationId) {
    return http.adminUrl("telephony", "config", "locations", Require.present(locationId, "locationId"), "intercept")
        .build();
  }

  private HttpUrl transferNumbersUrl(String personId) {
    return http.adminUrl("telephony", "config", "people", Require.present(personId, "personId"),
        "outgoingPermission", "autoTransferNumbers").build();
  }

  // ---- Messaging --------------------------------------------------------------------------------------

  /** @see <a href="https://developer.webex.com/docs/api/v1/messages/get-message-details">Get Message Details</a> */
  public Message message(String messageId) {
    var url = http.url("messages", Require.present(messageId, "messageId")).build();
    return http.get(WebexOperation.GET_MESSAGE, url, Message.class);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/messages/create-a-message">Create a Message</a> */
  public Message createMessage(NewMessage message) {
    Objects.requireNonNull(message, "message");
    return http.post(WebexOperation.CREATE_MESSAGE, http.url("messages").build(), message, Message.class);
  }

  /**
   * Replaces the markdown of a message the bot posted (no attachments: Webex edits only plain messages, at most
   * 10 times each). @see <a href="https://developer.webex.com/docs/api/v1/messages/edit-a-message">Edit a Message</a>
   */
  public Message editMessage(String messageId, String roomId, String text, String markdown) {
    var url = http.url("messages", Require.present(messageId, "messageId")).build();
    return http.put(WebexOperation.EDIT_MESSAGE, url, new MessageEdit(Require.present(roomId, "roomId"), text, markdown),
        Message.class);
  }

  /** The body of an edit: the room is required, with the new text and markdown. */
  record MessageEdit(String roomId, String text, String markdown) {}

  /** @see <a href="https://developer.webex.com/docs/api/v1/attachment-actions/get-attachment-action-details">Get Attachment Action Details</a> */
  public AttachmentAction attachmentAction(String actionId) {
    var url = http.url("attachment", "actions", Require.present(actionId, "actionId")).build();
    return http.get(WebexOperation.GET_ATTACHMENT_ACTION, url, AttachmentAction.class);
  }

  // ---- Webhooks ---------------------------------------------------------------------------------------

  /** The bot's webhooks, every page. @see <a href="https://developer.webex.com/docs/api/v1/webhooks/list-webhooks">List Webhooks</a> */
  public List<Webhook> webhooks() {
    return http.list(WebexOperation.LIST_WEBHOOKS, http.url("webhooks").build(), "items", Webhook.class);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/webhooks/get-webhook-details">Get Webhook Details</a> */
  public Webhook webhook(String webhookId) {
    return http.get(WebexOperation.GET_WEBHOOK, webhookUrl(webhookId), Webhook.class);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/webhooks/create-a-webhook">Create a Webhook</a> */
  public Webhook createWebhook(NewWebhook webhook) {
    Objects.requireNonNull(webhook, "webhook");
    return http.post(WebexOperation.CREATE_WEBHOOK, http.url("webhooks").build(), webhook, Webhook.class);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/webhooks/update-a-webhook">Update a Webhook</a> */
  public Webhook updateWebhook(String webhookId, WebhookUpdate update) {
    Objects.requireNonNull(update, "update");
    return http.put(WebexOperation.UPDATE_WEBHOOK, webhookUrl(webhookId), update, Webhook.class);
  }

  /** @see <a href="https://developer.webex.com/docs/api/v1/webhooks/delete-a-webhook">Delete a Webhook</a> */
  public void deleteWebhook(String webhookId) {
    http.delete(WebexOperation.DELETE_WEBHOOK, webhookUrl(webhookId));
  }

  private HttpUrl webhookUrl(String webhookId) {
    return http.url("webhooks", Require.present(webhookId, "webhookId")).build();
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
      return new WebexClient(new WebexHttp(baseUrl, http, WebexHttp.newObjectMapper(), Map.copyOf(tokens), orgId,
          listener, new RetryInterceptor(sleeper, clock, maxAttempts, true), clock));
    }
  }
}
