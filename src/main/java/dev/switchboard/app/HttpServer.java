package dev.switchboard.app;

import dev.switchboard.chat.CommandPool;
import dev.switchboard.chat.Fate;
import dev.switchboard.chat.Rejections;
import dev.switchboard.chat.SocketStatus;
import dev.switchboard.chat.WebhookBody;
import dev.switchboard.chat.slack.SlackFrontEnd;
import dev.switchboard.chat.slack.socket.SocketMode;
import dev.switchboard.chat.webex.WebhookRegistrar;
import dev.switchboard.chat.webex.socket.MercurySocket;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server and every route it serves: the webhook of each front end that is on, and the health,
 * readiness and metrics endpoints.
 */
final class HttpServer {

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  /** Webex envelopes are about a kilobyte; anything far larger is not one. */
  static final long MAX_BODY_BYTES = 64 * 1024;
  /**
   * A Slack interaction payload carries the whole message whose button was pressed (up to 50 blocks of
   * 3,000 characters, form-encoded), so the limit is higher when Slack is on.
   */
  static final long MAX_SLACK_BODY_BYTES = 1024 * 1024;

  private HttpServer() {}

  /** Starts the server on the settings' host and port (0: any free one). */
  static Javalin start(Service.Settings s, Wiring w) {
    Metrics metrics = w.metrics();
    Optional<DatabaseHealth> database = w.database().map(db -> DatabaseHealth.of(db, s.clock()));
    Javalin http = Javalin.create(config -> {
      // Our mapper, not Javalin's default: that one fails on unknown properties.
      config.jsonMapper(new JavalinJackson(w.client().objectMapper(), false));
      config.http.maxRequestSize = w.slack().isPresent() ? MAX_SLACK_BODY_BYTES : MAX_BODY_BYTES;
      config.startup.showJavalinBanner = false;
      config.concurrency.useVirtualThreads = CommandPool.virtualThreads();
      w.webex().flatMap(Wiring.WebexFrontEnd::webhook).ifPresent(webhook ->
          config.routes.post(WebhookRegistrar.PATH, timed(metrics, "webex", MAX_BODY_BYTES, webhook::handle)));
      w.slack().ifPresent(slack -> {
        config.routes.post(SlackFrontEnd.COMMANDS, timed(metrics, "slack", MAX_SLACK_BODY_BYTES, slack::commands));
        config.routes.post(SlackFrontEnd.EVENTS, timed(metrics, "slack", MAX_SLACK_BODY_BYTES, slack::events));
        config.routes.post(SlackFrontEnd.INTERACTIVITY,
            timed(metrics, "slack", MAX_SLACK_BODY_BYTES, slack::interactivity));
      });
      config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "alive")));
      config.routes.get("/readyz", ctx -> {
        Map<String, Object> ready = readiness(w, database);
        ctx.status("ready".equals(ready.get("status")) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(ready);
      });
      config.routes.get("/metrics", ctx -> {
        List<String> names = ctx.queryParams("name[]");
        ctx.contentType(Metrics.CONTENT_TYPE).result(names.isEmpty() ? metrics.scrape() : metrics.scrape(names));
      });
    });
    return http.start(s.host(), s.port());
  }

  /**
   * Configuration loaded, the cached Webex check, and the websockets' states when a platform comes over one; with a
   * database, whether it answers: a replica that cannot reach it is not ready (503), so traffic goes to one that can.
   * A websocket that stopped for good (another connection took its place, or its token was refused) makes the bot
   * deaf on that platform until it restarts: not ready either, so the probe, the rollout and the alert see it. One
   * that is reconnecting is still ready: it is on its way back by itself.
   */
  private static Map<String, Object> readiness(Wiring w, Optional<DatabaseHealth> database) {
    Map<String, Object> ready = new LinkedHashMap<>();
    Optional<DatabaseHealth.Status> db = database.map(DatabaseHealth::current);
    Optional<SocketStatus> webexSocket = w.webex().flatMap(Wiring.WebexFrontEnd::socket).map(MercurySocket::status);
    Optional<SocketStatus> slackSocket = w.slackSocket().map(SocketMode::status);
    boolean deaf = webexSocket.filter(SocketStatus::ended).or(() -> slackSocket.filter(SocketStatus::ended))
        .isPresent();
    ready.put("status", db.map(DatabaseHealth.Status::ok).orElse(true) && !deaf ? "ready" : "not ready");
    db.ifPresent(status -> ready.put("database", status.asMap()));
    ready.put("webex", w.health().last().asMap());
    webexSocket.ifPresent(status -> ready.put("webexSocket", status.asMap()));
    slackSocket.ifPresent(status -> ready.put("slackSocket", status.asMap()));
    return ready;
  }

  /**
   * The handler behind a size check, reporting what became of the request (its fate, else its status) and how long
   * it took. A body that says it is larger than {@code maxBytes} is refused from its {@code Content-Length} before a
   * byte of it is read; one sent without a length is cut off at the server's limit while it is read. Either costs a
   * counter, as any rejection does.
   */
  private static Handler timed(Metrics metrics, String platform, long maxBytes, Handler handler) {
    Rejections rejections = metrics.rejectionsOf(platform);
    return ctx -> {
      long start = System.nanoTime();
      try {
        if (ctx.req().getContentLengthLong() > maxBytes) {
          tooLarge(ctx, rejections);
          return;
        }
        handler.handle(ctx);
      } catch (HttpResponseException e) {
        if (e.getStatus() != HttpStatus.CONTENT_TOO_LARGE.getCode()) {
          ctx.status(e.getStatus()); // Javalin answers it after this; the timer below counts it as what it is
          throw e;
        }
        tooLarge(ctx, rejections);
      } catch (WebhookBody.Unread e) {
        // Nothing was admitted and no answer can reach the sender: a line for whoever debugs, and a count.
        log.debug("{} {}", ctx.path(), e.getMessage());
        ctx.attribute(Fate.ATTRIBUTE, "unread");
      } finally {
        String fate = ctx.attribute(Fate.ATTRIBUTE);
        metrics.webhookHandled(platform, fate != null ? fate : "http_" + ctx.statusCode(),
            Duration.ofNanos(System.nanoTime() - start));
      }
    };
  }

  private static void tooLarge(io.javalin.http.Context ctx, Rejections rejections) {
    rejections.count(Rejections.Reason.OVERSIZED);
    ctx.attribute(Fate.ATTRIBUTE, "rejected");
    WebhookBody.answer(ctx, HttpStatus.CONTENT_TOO_LARGE.getCode());
  }
}
