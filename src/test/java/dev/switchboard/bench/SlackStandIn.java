package dev.switchboard.bench;

import static dev.switchboard.DemoPeople.ANA;
import static dev.switchboard.DemoPeople.HANA;
import static dev.switchboard.DemoPeople.OMAR;
import static dev.switchboard.DemoPeople.RITA;

import io.javalin.Javalin;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Slack's Web API and {@code response_url}s, shared by Switchboard and the Bolt
 * baseline: {@code auth.test} (Bolt calls it at start), {@code users.info} (Slack user to email),
 * {@code chat.postMessage}, {@code chat.postEphemeral}, {@code chat.update}, and {@code POST /response/{id}}, counted.
 */
final class SlackStandIn implements AutoCloseable {

  /** Slack user ids of the benchmark, and the demo people they stand for. */
  static final Map<String, String> USERS = Map.of(
      "U0ANA", ANA,
      "U0HANA", HANA,
      "U0OMAR", OMAR,
      "U0RITA", RITA);

  private final Javalin app;
  final AtomicInteger responses = new AtomicInteger();
  final AtomicInteger posts = new AtomicInteger();

  SlackStandIn() {
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/api/auth.test", ctx -> json(ctx, "{\"ok\":true,\"url\":\"https://example.slack.com/\","
          + "\"team\":\"Example\",\"user\":\"switchboard\",\"team_id\":\"T0001\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0001\"}"));
      config.routes.get("/api/users.info", ctx -> usersInfo(ctx, ctx.queryParam("user")));
      config.routes.post("/api/users.info", ctx -> usersInfo(ctx, ctx.formParam("user")));
      config.routes.post("/api/chat.postMessage", ctx -> {
        posts.incrementAndGet();
        json(ctx, "{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"" + System.currentTimeMillis() / 1000.0 + "\"}");
      });
      // An answer only the requester sees, and an edit of a progress message: posts too.
      config.routes.post("/api/chat.postEphemeral", ctx -> {
        posts.incrementAndGet();
        json(ctx, "{\"ok\":true,\"message_ts\":\"" + System.currentTimeMillis() / 1000.0 + "\"}");
      });
      config.routes.post("/api/chat.update", ctx -> {
        posts.incrementAndGet();
        json(ctx, "{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"" + System.currentTimeMillis() / 1000.0 + "\"}");
      });
      config.routes.post("/response/{id}", ctx -> {
        ctx.bodyAsBytes();
        responses.incrementAndGet();
        json(ctx, "{\"ok\":true}");
      });
    }).start("127.0.0.1", 0);
  }

  private static void usersInfo(io.javalin.http.Context ctx, String user) {
    String email = user == null ? null : USERS.get(user);
    if (email == null) {
      json(ctx, "{\"ok\":false,\"error\":\"user_not_found\"}");
      return;
    }
    json(ctx, "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"team_id\":\"T0001\",\"name\":\"" + user
        + "\",\"is_bot\":false,\"profile\":{\"email\":\"" + email + "\",\"real_name\":\"" + user + "\"}}}");
  }

  private static void json(io.javalin.http.Context ctx, String body) {
    ctx.contentType("application/json").result(body);
  }

  /** The Web API base, e.g. {@code http://127.0.0.1:PORT/api/}. */
  String apiBase() {
    return "http://127.0.0.1:" + app.port() + "/api/";
  }

  /** The stand-in's {@code host:port}, as {@code SLACK_RESPONSE_HOSTS} names it. */
  String responseHost() {
    return "127.0.0.1:" + app.port();
  }

  String responseUrl(int n) {
    return "http://127.0.0.1:" + app.port() + "/response/" + n;
  }

  @Override
  public void close() {
    app.stop();
  }
}
