package dev.switchboard.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.TestClock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

final class SlackClientTest {

  @StartStop
  final MockWebServer server = new MockWebServer();

  private final ObjectMapper mapper = new ObjectMapper();
  private final TestClock time = new TestClock();

  private SlackClient client() {
    return new SlackClient(server.url("/api"), new OkHttpClient.Builder().retryOnConnectionFailure(false).build(),
        "xoxb-secret-token", mapper, time, time);
  }

  private void json(int code, String body, String... headers) {
    MockResponse.Builder builder = new MockResponse.Builder().code(code).body(body)
        .addHeader("Content-Type", "application/json");
    for (String header : headers) builder.addHeader(header);
    server.enqueue(builder.build());
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }

  @Test
  void user_emailAndBotFlag_readWithTheBotToken() throws Exception {
    json(200, "{\"ok\":true,\"user\":{\"id\":\"U1\",\"is_bot\":false,\"deleted\":false,"
        + "\"profile\":{\"email\":\"ana.admin@example.com\",\"real_name\":\"Ana\"}}}");
    SlackClient.User user = client().user("U1");
    assertThat(user).isEqualTo(new SlackClient.User("U1", "ana.admin@example.com", false, false, null, false, true));
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/api/users.info?user=U1");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer xoxb-secret-token");
  }

  @Test
  void user_secondLookUp_servedFromTheCacheUntilItExpires() throws Exception {
    json(200, "{\"ok\":true,\"user\":{\"id\":\"U1\",\"profile\":{\"email\":\"a@example.com\"}}}");
    json(200, "{\"ok\":true,\"user\":{\"id\":\"U1\",\"profile\":{\"email\":\"b@example.com\"}}}");
    SlackClient client = client();
    assertThat(client.user("U1").email()).isEqualTo("a@example.com");
    assertThat(client.user("U1").email()).isEqualTo("a@example.com");
    assertThat(server.getRequestCount()).isEqualTo(1);
    time.advance(Duration.ofMinutes(11));
    assertThat(client.user("U1").email()).isEqualTo("b@example.com");
  }

  @Test
  void user_noEmailInProfile_nullEmail() {
    json(200, "{\"ok\":true,\"user\":{\"id\":\"U2\",\"is_bot\":true,\"profile\":{}}}");
    SlackClient.User user = client().user("U2");
    assertThat(user.email()).isNull();
    assertThat(user.bot()).isTrue();
  }

  @Test
  void user_okFalse_throwsWithSlacksErrorCode() {
    json(200, "{\"ok\":false,\"error\":\"user_not_found\"}");
    SlackException e = catchThrowableOfType(SlackException.class, () -> client().user("U404"));
    assertThat(e.error()).isEqualTo("user_not_found");
    assertThat(e.method()).isEqualTo("users.info");
    assertThat(e).hasMessage("[users.info] user_not_found").hasMessageNotContaining("xoxb");
  }

  @Test
  void postMessage_channelTextBlocksAndThread_sentAsJson() throws Exception {
    json(200, "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000200\"}");
    ObjectNode message = mapper.createObjectNode().put("text", "hello");
    message.putArray("blocks").addObject().put("type", "section");
    String ts = client().postMessage("C1", message, "1700000000.000100");
    assertThat(ts).isEqualTo("1700000000.000200");
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/api/chat.postMessage");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer xoxb-secret-token");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = mapper.readTree(request.getBody().utf8());
    assertThat(body.path("channel").asText()).isEqualTo("C1");
    assertThat(body.path("text").asText()).isEqualTo("hello");
    assertThat(body.path("thread_ts").asText()).isEqualTo("1700000000.000100");
    assertThat(body.path("blocks").get(0).path("type").asText()).isEqualTo("section");
  }

  @Test
  void postMessage_okFalse_throwsWithSlacksErrorCode() {
    json(200, "{\"ok\":false,\"error\":\"channel_not_found\"}");
    SlackException e = catchThrowableOfType(SlackException.class,
        () -> client().postMessage("C404", mapper.createObjectNode().put("text", "x"), null));
    assertThat(e.error()).isEqualTo("channel_not_found");
  }

  @Test
  void postMessage_rateLimited_waitsRetryAfterThenSucceeds() throws Exception {
    json(429, "", "Retry-After: 2");
    json(200, "{\"ok\":true,\"ts\":\"1.2\"}");
    assertThat(client().postMessage("C1", mapper.createObjectNode().put("text", "x"), null)).isEqualTo("1.2");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void postMessage_rateLimitedForLong_failsAtOnceWithoutWaiting() {
    json(429, "", "Retry-After: 120");
    SlackException e = catchThrowableOfType(SlackException.class,
        () -> client().postMessage("C1", mapper.createObjectNode().put("text", "x"), null));
    assertThat(e.error()).isEqualTo("ratelimited");
    assertThat(e.status()).isEqualTo(429);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void postMessage_rateLimitedEveryTime_givesUpAfterThreeAttempts() {
    for (int i = 0; i < 3; i++) json(429, "", "Retry-After: 1");
    SlackException e = catchThrowableOfType(SlackException.class,
        () -> client().postMessage("C1", mapper.createObjectNode().put("text", "x"), null));
    assertThat(e.error()).isEqualTo("ratelimited");
    assertThat(server.getRequestCount()).isEqualTo(SlackClient.MAX_ATTEMPTS);
  }

  @Test
  void postMessage_notJson_invalidResponse() {
    json(200, "<html>proxy error</html>");
    SlackException e = catchThrowableOfType(SlackException.class,
        () -> client().postMessage("C1", mapper.createObjectNode().put("text", "x"), null));
    assertThat(e.error()).isEqualTo("invalid_response");
  }

  @Test
  void respond_postsTheMessageWithoutTheToken() throws Exception {
    server.enqueue(new MockResponse.Builder().body("ok").build());
    client().respond(server.url("/commands/T1/123/abc").toString(),
        mapper.createObjectNode().put("response_type", "in_channel").put("text", "done"));
    RecordedRequest request = take();
    assertThat(request.getTarget()).isEqualTo("/commands/T1/123/abc");
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(mapper.readTree(request.getBody().utf8()).path("response_type").asText()).isEqualTo("in_channel");
  }

  @Test
  void respond_expiredUrl_throwsWithSlacksErrorCode() {
    server.enqueue(new MockResponse.Builder().code(404).body("expired_url").build());
    SlackException e = catchThrowableOfType(SlackException.class,
        () -> client().respond(server.url("/commands/x").toString(), mapper.createObjectNode()));
    assertThat(e.error()).isEqualTo("expired_url");
    assertThat(e.status()).isEqualTo(404);
  }

  @Test
  void respond_jsonOkFalse_throws() {
    json(200, "{\"ok\":false,\"error\":\"used_url\"}");
    SlackException e = catchThrowableOfType(SlackException.class,
        () -> client().respond(server.url("/commands/x").toString(), mapper.createObjectNode()));
    assertThat(e.error()).isEqualTo("used_url");
  }
}
