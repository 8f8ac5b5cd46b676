package dev.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

  private Javalin server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    // Answers with the SHA-256 of the body it read, so the test sees exactly which bytes arrived.
    server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = 256 * 1024;
      config.routes.post("/hook", ctx -> ctx.result(sha256(WebhookBody.read(ctx))));
      config.routes.post("/cut", ctx -> {
        try {
          cut.complete("read " + WebhookBody.read(ctx).length + " bytes");
        } catch (WebhookBody.Unread e) {
          cut.complete("unread: " + e.getCause().getClass().getSimpleName());
        }
      });
      config.routes.post("/empty", ctx -> WebhookBody.answer(ctx, 202));
      config.routes.post("/json", ctx -> WebhookBody.answer(ctx, 200, "application/json",
          "{\"text\":\"Working on it… ✓\"}".getBytes(StandardCharsets.UTF_8)));
      // Each answers, then waits until the client says it has the answer: it must have been sent already.
      config.routes.post("/now", ctx -> {
        WebhookBody.answerNow(ctx, 200);
        afterwards("/now");
      });
      config.routes.post("/json-now", ctx -> {
        WebhookBody.answer(ctx, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        afterwards("/json-now");
      });
    }).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aBodyWithItsLength_isReadExactly() throws Exception {
    byte[] body = "{\"resource\":\"messages\",\"data\":{\"id\":\"é\"}}".getBytes(StandardCharsets.UTF_8);
    assertThat(post("/hook", HttpRequest.BodyPublishers.ofByteArray(body)).body()).isEqualTo(sha256(body));
  }

  @Test
  void aBodyWithoutALength_andOneOverTheDirectSize_goThroughJavalin_andAreReadWhole() throws Exception {
    byte[] large = new byte[WebhookBody.DIRECT + 10];
    for (int i = 0; i < large.length; i++) large[i] = (byte) ('a' + i % 26);
    assertThat(post("/hook", HttpRequest.BodyPublishers.ofByteArray(large)).body()).isEqualTo(sha256(large));
    // A streamed body is sent chunked, without a Content-Length.
    var chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large));
    assertThat(post("/hook", chunked).body()).isEqualTo(sha256(large));
  }

  private final java.util.concurrent.CompletableFuture<String> cut = new java.util.concurrent.CompletableFuture<>();

  @Test
  void aBodyTheConnectionFailsToDeliver_isUnread_notAPartialBody() throws Exception {
    // The sender promises 100 bytes, sends 10 and closes: what arrived is no webhook and must not pass for one.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(("POST /cut HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      assertThat(cut.get(10, java.util.concurrent.TimeUnit.SECONDS)).startsWith("unread: ");
    }
  }

  @Test
  void anEmptyBody_isEmpty() throws Exception {
    assertThat(post("/hook", HttpRequest.BodyPublishers.noBody()).body()).isEqualTo(sha256(new byte[0]));
  }

  @Test
  void anAnswer_hasItsStatusAndAnEmptyBody() throws Exception {
    HttpResponse<String> response = post("/empty", HttpRequest.BodyPublishers.ofString("x"));
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(0);
  }

  @Test
  void anAnswerWithABody_hasItsStatusTypeLengthAndBytes() throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/json")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    byte[] expected = "{\"text\":\"Working on it… ✓\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(expected.length);
    assertThat(response.body()).isEqualTo(expected);
  }

  private final java.util.Map<String, java.util.concurrent.CountDownLatch> received = java.util.Map.of(
      "/now", new java.util.concurrent.CountDownLatch(1), "/json-now", new java.util.concurrent.CountDownLatch(1));
  private final java.util.Map<String, Boolean> answeredBeforeReturning = new java.util.concurrent.ConcurrentHashMap<>();

  /** What a handler does after its answer: waits for the client to have it. */
  private void afterwards(String path) throws InterruptedException {
    answeredBeforeReturning.put(path, received.get(path).await(10, java.util.concurrent.TimeUnit.SECONDS));
  }

  @Test
  void answerNow_andAnAnswerWithItsLength_reachTheClientBeforeTheHandlerReturns() throws Exception {
    for (String path : received.keySet()) {
      HttpResponse<String> response = post(path, HttpRequest.BodyPublishers.noBody());
      received.get(path).countDown();
      assertThat(response.statusCode()).isEqualTo(200);
      // Had it waited for its handler, the client would not have had it: the handler would have waited in vain.
      dev.switchboard.Await.until(() -> java.util.Optional.ofNullable(answeredBeforeReturning.get(path)));
      assertThat(answeredBeforeReturning.get(path)).as(path).isTrue();
    }
  }

  private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(body).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
