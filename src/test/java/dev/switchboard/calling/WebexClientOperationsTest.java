package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.TestClock;
import dev.switchboard.calling.InterceptSettings.IncomingType;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** Each operation: the request as sent (method, path, query, headers, body) and the response as read. */
final class WebexClientOperationsTest {

  private static final String BOT = "bot-token";
  private static final String ADMIN = "admin-token";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private final ObjectMapper mapper = WebexHttp.newObjectMapper();
  private final RecordingListener listener = new RecordingListener();

  private WebexClient client(String orgId) {
    return WebexClient.builder()
        .baseUrl(server.url("/v1"))
        .botTokens(new StaticTokenProvider(BOT))
        .adminTokens(new StaticTokenProvider(ADMIN))
        .orgId(orgId)
        .listener(listener)
        .sleeper(new TestClock())
        .build();
  }

  private WebexClient client() {
    return client(null);
  }

  private void enqueueJson(String json) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Trackingid", "ROUTER_ok").body(json).build());
  }

  private void enqueueNoContent() {
    server.enqueue(new MockResponse.Builder().code(204).addHeader("Trackingid", "ROUTER_put").build());
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  private static void assertSent(RecordedRequest request, String method, String target, String token) {
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getTarget()).isEqualTo(target);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
    assertThat(request.getHeaders().get("TrackingID")).matches("SWITCHBOARD_[0-9a-f-]{36}");
  }

  private JsonNode body(RecordedRequest request) throws Exception {
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json;charset=utf-8");
    return mapper.readTree(request.getBody().utf8());
  }

  private JsonNode json(String json) throws Exception {
    return mapper.readTree(json);
  }

  // ---- Locations

  @Test
  void locations_sendOrgId_withTheAdminToken() throws Exception {
    enqueueJson("""
        {"items":[{"id":"L1","name":"Denver","orgId":"O1","timeZone":"America/Chicago","preferredLanguage":"en_us",
          "address":{"address1":"123 Some St.","city":"Supercity","country":"US"},"latitude":"12.9"}]}""");

    var locations = client("O1").locations();

    assertSent(take(), "GET", "/v1/locations?orgId=O1", ADMIN);
    assertThat(locations).containsExactly(new Location("L1", "Denver", "O1", "America/Chicago", "en_us",
        new Address("123 Some St.", null, "Supercity", null, null, "US")));
    assertThat(listener.calls()).containsExactly(new RecordingListener.Call(WebexOperation.LIST_LOCATIONS, 200));
  }

  @Test
  void locations_withoutOrg_sendNoQuery() throws Exception {
    enqueueJson("{\"items\":[]}");

    assertThat(client().locations()).isEmpty();

    assertSent(take(), "GET", "/v1/locations", ADMIN);
  }

  @Test
  void location_getsOneById_escapingThePath() throws Exception {
    enqueueJson("{\"id\":\"L/1\",\"name\":\"HQ\"}");

    var location = client("O1").location("L/1");

    assertSent(take(), "GET", "/v1/locations/L%2F1?orgId=O1", ADMIN);
    assertThat(location.name()).isEqualTo("HQ");
  }

  @Test
  void callingLocations_readTheLocationsKey() throws Exception {
    enqueueJson("{\"locations\":[{\"id\":\"L1\",\"name\":\"HQ\",\"announcementLanguage\":\"en_us\"}]}");

    var locations = client("O1").callingLocations();

    assertSent(take(), "GET", "/v1/telephony/config/locations?orgId=O1", ADMIN);
    assertThat(locations).extracting(Location::name).containsExactly("HQ");
    assertThat(listener.calls()).extracting(RecordingListener.Call::operation)
        .containsExactly(WebexOperation.LIST_CALLING_LOCATIONS);
  }

  // ---- People

  @Test
  void peopleByEmail_sendsEmailAndOrgId() throws Exception {
    enqueueJson("{\"items\":[{\"id\":\"P1\",\"emails\":[\"alice@example.com\"],\"displayName\":\"Alice\"}],"
        + "\"notFoundIds\":null}");

    var people = client("O1").peopleByEmail("alice+test@example.com");

    assertSent(take(), "GET", "/v1/people?orgId=O1&email=alice%2Btest%40example.com&callingData=true", ADMIN);
    assertThat(people).extracting(Person::email).containsExactly("alice@example.com");
  }

  @Test
  void peopleByDisplayName_sendsDisplayName() throws Exception {
    enqueueJson("{\"items\":[{\"id\":\"P1\",\"displayName\":\"Alice Smith\"},{\"id\":\"P2\","
        + "\"displayName\":\"Alice Smithers\"}]}");

    var people = client().peopleByDisplayName("Alice Smith");

    assertSent(take(), "GET", "/v1/people?displayName=Alice%20Smith", ADMIN);
    assertThat(people).extracting(Person::id).containsExactly("P1", "P2");
    assertThat(listener.calls()).extracting(RecordingListener.Call::operation)
        .containsExactly(WebexOperation.LIST_PEOPLE);
  }

  @Test
  void person_asksForCallingData_andDecodesRoles() throws Exception {
    enqueueJson("""
        {"id":"P1","emails":["alice@example.com"],"displayName":"Alice","orgId":"O1","type":"person",
         "roles":["Y2lzY29zcGFyazovL3VzL1JPTEUvaWRfZnVsbF9hZG1pbg","opaque"],"locationId":"L1",
         "phoneNumbers":[{"type":"work","value":"+12145551234","primary":true}],"licenses":["x"]}""");

    var person = client("O1").person("P1");

    assertSent(take(), "GET", "/v1/people/P1?callingData=true", ADMIN);
    assertThat(person.adminRoles()).containsExactly(AdminRole.FULL_ADMIN);
    assertThat(person.locationId()).isEqualTo("L1");
    assertThat(person.phoneNumbers()).containsExactly(new PhoneNumber("work", "+12145551234", true));
  }

  @Test
  void me_usesTheTokenOfTheIdentityAsked() throws Exception {
    enqueueJson("{\"id\":\"B1\",\"displayName\":\"Switchboard\",\"type\":\"bot\"}");
    enqueueJson("{\"id\":\"A1\",\"displayName\":\"Service App\",\"orgId\":\"O1\"}");
    var client = client("O1");

    var bot = client.me(Identity.BOT);
    var admin = client.me(Identity.ADMIN);

    assertSent(take(), "GET", "/v1/people/me", BOT);
    assertSent(take(), "GET", "/v1/people/me?callingData=true", ADMIN);
    assertThat(bot.isBot()).isTrue();
    assertThat(admin.orgId()).isEqualTo("O1");
    assertThat(listener.calls()).extracting(RecordingListener.Call::operation)
        .containsExactly(WebexOperation.GET_ME, WebexOperation.GET_ME);
  }

  // ---- Calling

  /** A body that comes after its headers is still Webex's time: the attempt is reported once it has all come. */
  @Test
  void anAttemptIsReportedWithItsWholeBody_notAtItsHeaders() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(WireRecordsTest.INTERCEPT_SEED).bodyDelay(300, TimeUnit.MILLISECONDS).build());

    var settings = client("O1").locationIntercept("L1");

    assertThat(settings.incoming().type()).isEqualTo(IncomingType.INTERCEPT_ALL);
    assertThat(listener.calls()).containsExactly(new RecordingListener.Call(WebexOperation.GET_LOCATION_INTERCEPT, 200));
    assertThat(listener.durations().get(0)).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(300));
  }

  @Test
  void locationIntercept_readsTheFullModel() throws Exception {
    enqueueJson(WireRecordsTest.INTERCEPT_SEED);

    var settings = client("O1").locationIntercept("L1");

    assertSent(take(), "GET", "/v1/telephony/config/locations/L1/intercept?orgId=O1", ADMIN);
    assertThat(settings.incoming().type()).isEqualTo(IncomingType.INTERCEPT_ALL);
    assertThat(settings.outgoing().destination()).isEqualTo("2147691007");
  }

  @Test
  void putLocationIntercept_sendsTheSettingsAsJson_andReturnsTheTrackingId() throws Exception {
    enqueueNoContent();
    var settings = mapper.readValue(WireRecordsTest.INTERCEPT_SEED, InterceptSettings.class);

    String trackingId = client("O1").putLocationIntercept("L1", settings);

    var request = take();
    assertSent(request, "PUT", "/v1/telephony/config/locations/L1/intercept?orgId=O1", ADMIN);
    assertThat(body(request)).isEqualTo(json(WireRecordsTest.INTERCEPT_SEED));
    assertThat(trackingId).isEqualTo("ROUTER_put");
    assertThat(listener.calls())
        .containsExactly(new RecordingListener.Call(WebexOperation.PUT_LOCATION_INTERCEPT, 204));
  }

  @Test
  void putLocationIntercept_sendsOnlyTheFieldsSet() throws Exception {
    enqueueNoContent();

    client().putLocationIntercept("L1", new InterceptSettings(true, null, null));

    assertThat(body(take())).isEqualTo(json("{\"enabled\":true}"));
  }

  @Test
  void putLocationIntercept_withoutWebexTrackingId_returnsTheOneSent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    String trackingId = client().putLocationIntercept("L1", new InterceptSettings(true, null, null));

    assertThat(trackingId).isEqualTo(take().getHeaders().get("TrackingID"));
  }

  @Test
  void putLocationIntercept_refusesUnknownValues_withoutACall() throws Exception {
    var settings = mapper.readValue("{\"enabled\":true,\"incoming\":{\"type\":\"SOMETHING_NEW\"}}",
        InterceptSettings.class);

    assertThatIllegalArgumentException().isThrownBy(() -> client().putLocationIntercept("L1", settings));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void transferNumbers_readsNullsAsUnset() throws Exception {
    enqueueJson("{\"useCustomTransferNumbers\":true,\"autoTransferNumber1\":\"+1 205-555-3650\","
        + "\"autoTransferNumber2\":null}");

    var numbers = client("O1").transferNumbers("P1");

    assertSent(take(), "GET", "/v1/telephony/config/people/P1/outgoingPermission/autoTransferNumbers?orgId=O1",
        ADMIN);
    assertThat(numbers).isEqualTo(new TransferNumbers(true, "+1 205-555-3650", null, null));
  }

  @Test
  void putTransferNumbers_sendsTheFlagAndClearsWithEmptyString() throws Exception {
    enqueueNoContent();

    String trackingId = client("O1").putTransferNumbers("P1", new TransferNumbers(true, "+12055553650", "", null));

    var request = take();
    assertSent(request, "PUT", "/v1/telephony/config/people/P1/outgoingPermission/autoTransferNumbers?orgId=O1",
        ADMIN);
    assertThat(body(request)).isEqualTo(json(
        "{\"useCustomTransferNumbers\":true,\"autoTransferNumber1\":\"+12055553650\",\"autoTransferNumber2\":\"\"}"));
    assertThat(trackingId).isEqualTo("ROUTER_put");
  }

  @Test
  void putTransferNumbers_withoutTheFlag_isRefusedWithoutACall() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> client().putTransferNumbers("P1", new TransferNumbers(null, "+1", null, null)));
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- Messaging

  @Test
  void message_getsById_withTheBotToken() throws Exception {
    enqueueJson("{\"id\":\"M1\",\"roomId\":\"R1\",\"text\":\"Switchboard help\",\"created\":\"2026-01-02T03:04:05.000Z\"}");

    var message = client("O1").message("M1");

    assertSent(take(), "GET", "/v1/messages/M1", BOT);
    assertThat(message.text()).isEqualTo("Switchboard help");
    assertThat(message.created()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
  }

  @Test
  void createMessage_postsReplyWithCard() throws Exception {
    enqueueJson("{\"id\":\"M2\",\"roomId\":\"R1\",\"parentId\":\"M1\"}");
    JsonNode card = json("{\"type\":\"AdaptiveCard\",\"version\":\"1.3\",\"body\":[{\"type\":\"TextBlock\","
        + "\"text\":\"Confirm?\"}]}");
    var message = new NewMessage("R1", null, "M1", "Confirm?", "**Confirm?**", List.of(Attachment.adaptiveCard(card)));

    var created = client().createMessage(message);

    var request = take();
    assertSent(request, "POST", "/v1/messages", BOT);
    assertThat(body(request)).isEqualTo(json("""
        {"roomId":"R1","parentId":"M1","text":"Confirm?","markdown":"**Confirm?**",
         "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":
           {"type":"AdaptiveCard","version":"1.3","body":[{"type":"TextBlock","text":"Confirm?"}]}}]}"""));
    assertThat(created.id()).isEqualTo("M2");
  }

  @Test
  void createMessage_toPersonEmail() throws Exception {
    enqueueJson("{\"id\":\"M3\"}");

    client().createMessage(new NewMessage(null, "alice@example.com", null, null, "hi", null));

    assertThat(body(take())).isEqualTo(json("{\"toPersonEmail\":\"alice@example.com\",\"markdown\":\"hi\"}"));
  }

  @Test
  void attachmentAction_getsById() throws Exception {
    enqueueJson("{\"id\":\"A1\",\"type\":\"submit\",\"messageId\":\"M1\",\"personId\":\"P1\",\"roomId\":\"R1\","
        + "\"inputs\":{\"action\":\"confirm\"},\"created\":\"2026-01-02T03:04:05Z\"}");

    var action = client().attachmentAction("A1");

    assertSent(take(), "GET", "/v1/attachment/actions/A1", BOT);
    assertThat(action.inputs()).containsEntry("action", "confirm");
    assertThat(action.messageId()).isEqualTo("M1");
  }

  // ---- Webhooks

  @Test
  void webhooks_listsWithTheBotToken() throws Exception {
    enqueueJson("{\"items\":[{\"id\":\"W1\",\"name\":\"switchboard-messages\",\"targetUrl\":\"https://bot/webex/webhook\","
        + "\"resource\":\"messages\",\"event\":\"created\",\"status\":\"active\",\"created\":\"2026-01-01T00:00:00Z\"}]}");

    var webhooks = client("O1").webhooks();

    assertSent(take(), "GET", "/v1/webhooks", BOT);
    assertThat(webhooks).singleElement().satisfies(w -> {
      assertThat(w.name()).isEqualTo("switchboard-messages");
      assertThat(w.active()).isTrue();
    });
  }

  @Test
  void webhook_getsById() throws Exception {
    enqueueJson("{\"id\":\"W1\",\"status\":\"inactive\"}");

    var webhook = client().webhook("W1");

    assertSent(take(), "GET", "/v1/webhooks/W1", BOT);
    assertThat(webhook.active()).isFalse();
  }

  @Test
  void createWebhook_postsTheFieldsSet() throws Exception {
    enqueueJson("{\"id\":\"W1\",\"name\":\"switchboard-messages\",\"status\":\"active\"}");

    var webhook = client().createWebhook(new NewWebhook("switchboard-messages", "https://bot/webex/webhook",
        "messages", "created", null, "s3cret"));

    var request = take();
    assertSent(request, "POST", "/v1/webhooks", BOT);
    assertThat(body(request)).isEqualTo(json("{\"name\":\"switchboard-messages\",\"targetUrl\":"
        + "\"https://bot/webex/webhook\",\"resource\":\"messages\",\"event\":\"created\",\"secret\":\"s3cret\"}"));
    assertThat(webhook.id()).isEqualTo("W1");
  }

  @Test
  void updateWebhook_putsStatusActive() throws Exception {
    enqueueJson("{\"id\":\"W1\",\"status\":\"active\"}");

    var webhook = client().updateWebhook("W1", new WebhookUpdate("switchboard-messages", "https://bot/webex/webhook",
        null, "active"));

    var request = take();
    assertSent(request, "PUT", "/v1/webhooks/W1", BOT);
    assertThat(body(request)).isEqualTo(json("{\"name\":\"switchboard-messages\",\"targetUrl\":"
        + "\"https://bot/webex/webhook\",\"status\":\"active\"}"));
    assertThat(webhook.active()).isTrue();
  }

  @Test
  void deleteWebhook_sendsDelete() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client().deleteWebhook("W1");

    assertSent(take(), "DELETE", "/v1/webhooks/W1", BOT);
    assertThat(listener.calls()).containsExactly(new RecordingListener.Call(WebexOperation.DELETE_WEBHOOK, 204));
  }

  @Test
  void everyCall_getsItsOwnTrackingId() throws Exception {
    enqueueJson("{\"id\":\"W1\"}");
    enqueueJson("{\"id\":\"W1\"}");
    var client = client();

    client.webhook("W1");
    client.webhook("W1");

    assertThat(take().getHeaders().get("TrackingID")).isNotEqualTo(take().getHeaders().get("TrackingID"));
  }

  @Test
  void clientWithoutAdminTokens_refusesAdminCalls_withoutSendingThem() {
    var botOnly = WebexClient.builder().baseUrl(server.url("/v1")).botTokens(new StaticTokenProvider(BOT)).build();

    org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> botOnly.location("L1"))
        .withMessageContaining("ADMIN");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void baseUrl_defaultsToWebex() {
    var sent = new AtomicReference<HttpUrl>();
    // Answers in place of Webex, so the default URL is seen without reaching the network.
    var offline = new OkHttpClient.Builder().addInterceptor(chain -> {
      sent.set(chain.request().url());
      return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
          .body(ResponseBody.create("{\"id\":\"W1\"}", MediaType.get("application/json"))).build();
    }).build();

    WebexClient.builder().httpClient(offline).botTokens(new StaticTokenProvider(BOT)).build().webhook("W1");

    assertThat(sent.get()).hasToString("https://webexapis.com/v1/webhooks/W1");
  }

  @Test
  void baseUrl_toleratesATrailingSlash() throws Exception {
    enqueueJson("{\"id\":\"W1\"}");
    var client = WebexClient.builder().baseUrl(server.url("/v1/").toString()).botTokens(new StaticTokenProvider(BOT))
        .build();

    client.webhook("W1");

    assertSent(take(), "GET", "/v1/webhooks/W1", BOT);
  }

  @Test
  void everyOperation_hasAnIdentityAndAScope() {
    for (WebexOperation operation : WebexOperation.values()) {
      assertThat(operation.identity()).as(operation.name()).isNotNull();
      if (operation != WebexOperation.ACCESS_TOKEN) {
        assertThat(operation.scope()).as(operation.name()).matches("spark(-admin)?:[a-z_]+");
      }
    }
    assertThat(List.of(WebexOperation.GET_MESSAGE, WebexOperation.CREATE_WEBHOOK))
        .allSatisfy(op -> assertThat(op.identity()).isEqualTo(Identity.BOT));
  }
}
