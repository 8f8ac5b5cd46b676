package dev.switchboard.calling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.TestClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** How failures read: Webex error bodies, tracking ids, bodies that are not JSON, no response at all. */
final class WebexClientErrorsTest {

  @StartStop
  final MockWebServer server = new MockWebServer();

  private final TestClock sleeper = new TestClock();
  private final RecordingListener listener = new RecordingListener();

  private WebexClient client() {
    return client(server.url("/v1"));
  }

  private WebexClient client(HttpUrl baseUrl) {
    return WebexClient.builder()
        .baseUrl(baseUrl)
        .botTokens(new StaticTokenProvider("bot-token"))
        .adminTokens(new StaticTokenProvider("admin-token"))
        .listener(listener)
        .sleeper(sleeper)
        .build();
  }

  @Test
  void notFound_carriesWebexMessageDescriptionsAndTrackingIdHeader() {
    server.enqueue(new MockResponse.Builder().code(404).addHeader("Trackingid", "ROUTER_abc")
        .body("{\"message\":\"Location not found\",\"errors\":[{\"description\":\"Location not found\","
            + "\"errorCode\":4008}],\"trackingId\":\"ROUTER_body\"}").build());

    var e = catchThrowableOfType(WebexException.class, () -> client().location("L1"));

    assertThat(e.getMessage()).isEqualTo("[404 Not Found] Location not found (error 4008) [Tracking ID: ROUTER_abc]");
    assertThat(e.errorCodes()).containsExactly(4008);
    assertThat(e.hasErrorCode(4008)).isTrue();
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.webexMessage()).isEqualTo("Location not found");
    assertThat(e.descriptions()).containsExactly("Location not found");
    assertThat(e.trackingId()).isEqualTo("ROUTER_abc");
    assertThat(e.operation()).isEqualTo(WebexOperation.GET_LOCATION);
    assertThat(e).isNotInstanceOf(RateLimitedException.class);
  }

  @Test
  void errorCodes_topLevelAndPerError_areReadOnce_andAStatusWithoutOne_hasNone() {
    server.enqueue(new MockResponse.Builder().code(400)
        .body("{\"message\":\"[Error 25008] Missing field\",\"errorCode\":25008,\"errors\":[{\"description\":"
            + "\"Missing field\",\"errorCode\":25008},{\"description\":\"Other\",\"errorCode\":\"4410\"}],"
            + "\"trackingId\":\"T1\"}").build());
    server.enqueue(new MockResponse.Builder().code(404).body("{\"message\":\"Not found\",\"errors\":"
        + "[{\"description\":\"Not found\"}]}").build());

    var coded = catchThrowableOfType(WebexException.class, () -> client().location("L1"));
    var plain = catchThrowableOfType(WebexException.class, () -> client().location("L2"));

    assertThat(coded.errorCodes()).containsExactly(25008, 4410);
    assertThat(coded.getMessage()).contains("(errors 25008, 4410) [Tracking ID: T1]");
    assertThat(plain.errorCodes()).isEmpty();
    assertThat(plain.getMessage()).isEqualTo("[404 Not Found] Not found");
  }

  @Test
  void errorWithoutTrackingIdHeader_usesTheBodyTrackingId() {
    server.enqueue(new MockResponse.Builder().code(403)
        .body("{\"message\":\"Forbidden\",\"trackingId\":\"ROUTER_body\"}").build());

    var e = catchThrowableOfType(WebexException.class, () -> client().locationIntercept("L1"));

    assertThat(e.getMessage()).isEqualTo("[403 Forbidden] Forbidden [Tracking ID: ROUTER_body]");
  }

  @Test
  void errorWithOnlyDescriptions_saysThem() {
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Trackingid", "ROUTER_x")
        .body("{\"errors\":[{\"description\":\"Invalid destination\"},{\"description\":\"Bad type\"}]}").build());

    var e = catchThrowableOfType(WebexException.class,
        () -> client().putLocationIntercept("L1", new InterceptSettings(true, null, null)));

    assertThat(e.getMessage()).isEqualTo("[400 Bad Request] Invalid destination; Bad type [Tracking ID: ROUTER_x]");
    assertThat(e.webexMessage()).isNull();
  }

  @Test
  void serverErrorWithHtmlBody_quotesAShortSnippet() {
    server.enqueue(new MockResponse.Builder().code(500).addHeader("Trackingid", "ROUTER_500")
        .body("<html>\n<body>Internal error " + "x".repeat(500) + "</body></html>").build());

    var e = catchThrowableOfType(WebexException.class,
        () -> client().createMessage(NewMessage.toRoom("R1", "hi")));

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.getMessage()).startsWith("[500 Internal Server Error] unexpected response: <html> <body>Internal error")
        .endsWith("… [Tracking ID: ROUTER_500]")
        .hasSizeLessThan(200);
  }

  @Test
  void errorWithEmptyBody_namesTheOperation() {
    server.enqueue(new MockResponse.Builder().code(409).build());

    var e = catchThrowableOfType(WebexException.class, () -> client().deleteWebhook("W1"));

    assertThat(e.getMessage()).isEqualTo("[409 Conflict] DELETE_WEBHOOK failed");
  }

  @Test
  void malformedJsonOnSuccess_isAWebexExceptionWithContext_notAJacksonTrace() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Trackingid", "ROUTER_bad")
        .body("{\"enabled\": tru").build());

    var e = catchThrowableOfType(WebexException.class, () -> client().locationIntercept("L1"));

    assertThat(e.status()).isEqualTo(200);
    assertThat(e.operation()).isEqualTo(WebexOperation.GET_LOCATION_INTERCEPT);
    assertThat(e.getMessage()).startsWith("[200 OK] GET_LOCATION_INTERCEPT got a malformed response (")
        .endsWith(": {\"enabled\": tru [Tracking ID: ROUTER_bad]");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void htmlOnSuccess_isMalformed() {
    server.enqueue(new MockResponse.Builder().code(200).body("<html>maintenance</html>").build());

    assertThatThrownBy(() -> client().person("P1")).isInstanceOf(WebexException.class)
        .hasMessageContaining("GET_PERSON got a malformed response")
        .hasMessageContaining("<html>maintenance</html>");
  }

  @Test
  void emptyBodyOnSuccess_isMalformed() {
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(() -> client().message("M1")).isInstanceOf(WebexException.class)
        .hasMessageContaining("GET_MESSAGE got an empty response");
  }

  @Test
  void wrongShapeOnSuccess_isMalformed() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"enabled\":{\"nested\":1}}").build());

    assertThatThrownBy(() -> client().locationIntercept("L1")).isInstanceOf(WebexException.class)
        .hasMessageContaining("GET_LOCATION_INTERCEPT got a malformed response");
  }

  @Test
  void listWithoutItems_isMalformed() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"things\":[]}").build());

    assertThatThrownBy(() -> client().callingLocations()).isInstanceOf(WebexException.class)
        .hasMessageContaining("LIST_CALLING_LOCATIONS got a malformed response: {\"things\":[]}");
  }

  @Test
  void listWithABadItem_isMalformed() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"items\":[{\"id\":\"P1\",\"emails\":\"nope\"}]}")
        .build());

    assertThatThrownBy(() -> client().peopleByEmail("a@example.com")).isInstanceOf(WebexException.class)
        .hasMessageContaining("LIST_PEOPLE got a malformed response");
  }

  @Test
  void unreachableWebex_isStatusZero_afterRetriesForAGet() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    var e = catchThrowableOfType(WebexException.class,
        () -> client(HttpUrl.get("http://127.0.0.1:" + closedPort + "/v1")).location("L1"));

    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).startsWith("[0 No Response] could not reach Webex for GET_LOCATION");
    assertThat(listener.calls()).hasSize(4)
        .allSatisfy(call -> assertThat(call).isEqualTo(new RecordingListener.Call(WebexOperation.GET_LOCATION, 0)));
    assertThat(listener.inFlight()).as("every failed attempt is reported ended, so no wait is left running").isEmpty();
    assertThat(sleeper.sleeps()).hasSize(3);
  }

  @Test
  void exceptionConstructedByHand_formatsLikeTheClients() {
    var e = new WebexException(WebexOperation.GET_LOCATION, 404, "Location not found", List.of(), "ROUTER_xxx",
        null, null);
    var limited = new RateLimitedException(WebexOperation.PUT_LOCATION_INTERCEPT, 429, "Too many", List.of(), null,
        Duration.ofMillis(4500));

    assertThat(e.getMessage()).isEqualTo("[404 Not Found] Location not found [Tracking ID: ROUTER_xxx]");
    assertThat(limited.getMessage()).isEqualTo("[429 Too Many Requests] rate limited — try again in 5 s");
    assertThat(limited.webexMessage()).isEqualTo("Too many");
  }
}
