package dev.switchboard.chat.slack.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Slack's Socket Mode side, as its docs describe it: {@code apps.connections.open} (the app token only; 429 once more
 * than {@link #burst} opens come without a {@link #calm()} between), a {@code hello} per connection, at most ten
 * connections (the eleventh is closed at once), envelopes redelivered with {@code retry_attempt} until acked, and
 * {@code disconnect} messages on demand. Beside it, the few Web API methods a bot answering over the socket calls
 * ({@code auth.test}, {@code users.info}, {@code chat.postMessage}, {@code chat.postEphemeral}) and
 * {@code response_url}s under {@code /response/}, every post recorded, so {@code serve} runs against it end to end.
 */
public final class SocketModeFake implements AutoCloseable {

  public static final String APP_TOKEN = "xapp-1-test";
  public static final String BOT_TOKEN = "xoxb-socket-test";
  /** The workspace {@code auth.test} names, and the bot's own user. */
  public static final String TEAM = "T0SOCK";
  public static final String BOT_USER = "U0BOT";

  /** A post the bot made: the Web API method or {@code response/N}, and its JSON body. */
  public record Post(String path, JsonNode body) {}

  private static final int MOST_CONNECTIONS = 10;
  private final ObjectMapper json = new ObjectMapper();
  private final Javalin app;
  // guarded by this
  private final List<WsContext> open = new ArrayList<>();
  private final Map<String, ObjectNode> unacked = new LinkedHashMap<>();
  private final List<String> acks = new ArrayList<>();
  private final List<JsonNode> ackFrames = new ArrayList<>();
  private final List<Post> posts = new ArrayList<>();
  private final List<String> timeline = new ArrayList<>();
  private final Map<String, Integer> numbers = new java.util.HashMap<>(); // session id -> connection number
  private final List<okhttp3.WebSocket> occupiers = new ArrayList<>();
  private final Map<String, String> emails;
  private int opens;
  private int refused;
  public volatile int burst = 5;
  private int sinceCalm;

  public SocketModeFake() {
    this(Map.of());
  }

  /** {@code emails}: Slack user id to the email {@code users.info} shows. */
  public SocketModeFake(Map<String, String> emails) {
    this.emails = Map.copyOf(emails);
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/api/apps.connections.open", ctx -> {
        if (!("Bearer " + APP_TOKEN).equals(ctx.header("Authorization"))) {
          ctx.json(Map.of("ok", false, "error", "invalid_auth"));
          return;
        }
        synchronized (this) {
          opens++;
          if (++sinceCalm > burst) {
            ctx.status(429).header("Retry-After", "3").json(Map.of("ok", false, "error", "ratelimited"));
            return;
          }
        }
        ctx.json(Map.of("ok", true, "url", "ws://127.0.0.1:" + port() + "/link?ticket=" + UUID.randomUUID()));
      });
      config.routes.ws("/link", ws -> {
        ws.onConnect(ctx -> {
          synchronized (this) {
            if (open.size() >= MOST_CONNECTIONS) {
              refused++;
              ctx.closeSession(1008, "too many websockets");
              return;
            }
            open.add(ctx);
            numbers.put(ctx.sessionId(), numbers.size() + 1);
            timeline.add("open " + numbers.get(ctx.sessionId()));
          }
          ctx.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"}}");
        });
        ws.onMessage(ctx -> {
          JsonNode ack = json.readTree(ctx.message());
          synchronized (this) {
            acks.add(ack.path("envelope_id").asText());
            ackFrames.add(ack);
            unacked.remove(ack.path("envelope_id").asText());
          }
        });
        ws.onClose(ctx -> {
          synchronized (this) {
            if (open.removeIf(o -> o.sessionId().equals(ctx.sessionId()))) {
              timeline.add("close " + numbers.get(ctx.sessionId()));
            }
          }
        });
      });
      config.routes.post("/api/auth.test", ctx -> ctx.json(Map.of("ok", true, "team_id", TEAM, "user_id", BOT_USER)));
      config.routes.get("/api/users.info", ctx -> {
        String user = ctx.queryParam("user");
        String email = emails.get(user);
        if (!("Bearer " + BOT_TOKEN).equals(ctx.header("Authorization")) || email == null) {
          ctx.json(Map.of("ok", false, "error", email == null ? "user_not_found" : "not_authed"));
          return;
        }
        ctx.json(Map.of("ok", true, "user", Map.of("id", user, "team_id", TEAM, "is_bot", false,
            "profile", Map.of("email", email))));
      });
      config.routes.post("/api/chat.postMessage", ctx -> {
        record(ctx);
        ctx.json(Map.of("ok", true, "channel", "C0OPS", "ts", "1700000100." + UUID.randomUUID().hashCode()));
      });
      config.routes.post("/api/chat.postEphemeral", ctx -> {
        record(ctx);
        ctx.json(Map.of("ok", true, "message_ts", "1700000200.000100"));
      });
      config.routes.post("/response/{n}", ctx -> {
        record(ctx);
        ctx.result("ok");
      });
    }).start("127.0.0.1", 0);
  }

  private void record(io.javalin.http.Context ctx) throws IOException {
    JsonNode body = json.readTree(ctx.body());
    synchronized (this) {
      posts.add(new Post(ctx.path().substring(ctx.path().startsWith("/api/") ? 5 : 1), body));
    }
  }

  public int port() {
    return app.port();
  }

  public String apiBase() {
    return "http://127.0.0.1:" + port() + "/api";
  }

  /** Sends an envelope of {@code type} on the newest connection; it stays due for redelivery until acked. */
  public String send(String type, ObjectNode payload) {
    String id = UUID.randomUUID().toString();
    ObjectNode envelope = json.createObjectNode().put("envelope_id", id).put("type", type)
        .put("accepts_response_payload", type.equals("slash_commands")).put("retry_attempt", 0);
    envelope.set("payload", payload);
    WsContext target;
    synchronized (this) {
      unacked.put(id, envelope);
      target = open.get(open.size() - 1);
    }
    target.send(envelope.toString());
    return id;
  }

  /** Sends again, with {@code retry_attempt} one higher and {@code retry_reason: timeout}, what was not acked. */
  public void redeliverUnacked() {
    List<ObjectNode> due;
    WsContext target;
    synchronized (this) {
      due = List.copyOf(unacked.values());
      target = open.get(open.size() - 1);
    }
    for (ObjectNode envelope : due) {
      envelope.put("retry_attempt", envelope.path("retry_attempt").asInt() + 1).put("retry_reason", "timeout");
      target.send(envelope.toString());
    }
  }

  /** Sends envelope {@code id} again as if its ack had been lost on the way: {@code retry_attempt} one higher. */
  public void redeliver(String id, ObjectNode original) {
    ObjectNode again = json.createObjectNode().put("envelope_id", id).put("type", "events_api")
        .put("retry_attempt", 1).put("retry_reason", "timeout");
    again.set("payload", original);
    connections().get(connections().size() - 1).send(again.toString());
  }

  /** Slack's {@code disconnect} on every connection, with {@code reason} (warning, refresh_requested, link_disabled). */
  public void disconnect(String reason) {
    for (WsContext ctx : connections()) {
      ctx.send("{\"type\":\"disconnect\",\"reason\":\"" + reason + "\",\"debug_info\":{\"host\":\"fake\"}}");
    }
  }

  /** Drops every connection without a disconnect message. */
  public void drop() {
    connections().forEach(ctx -> ctx.closeSession(1011, "server error"));
  }

  /** Fills the connection slots with {@code n} sockets of someone else's (another instance of the app). */
  public void occupy(int n) throws IOException {
    okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
    for (int i = 0; i < n; i++) {
      okhttp3.WebSocket ws = client.newWebSocket(new okhttp3.Request.Builder().url("ws://127.0.0.1:" + port()
          + "/link").build(), new okhttp3.WebSocketListener() { });
      synchronized (this) {
        occupiers.add(ws);
      }
    }
  }

  /** Closes the sockets {@link #occupy} opened: the slots are free again. */
  public void release() {
    List<okhttp3.WebSocket> them;
    synchronized (this) {
      them = List.copyOf(occupiers);
      occupiers.clear();
    }
    them.forEach(ws -> ws.close(1000, "done"));
  }

  /** The base of the {@code response_url}s, {@code http://127.0.0.1:PORT/response/}. */
  public String responseUrl(int n) {
    return "http://127.0.0.1:" + port() + "/response/" + n;
  }

  /** The {@code host:port} {@code SLACK_RESPONSE_HOSTS} names for the fake's {@code response_url}s. */
  public String responseHost() {
    return "127.0.0.1:" + port();
  }

  /** What the bot posted, oldest first. */
  public synchronized List<Post> posts() {
    return List.copyOf(posts);
  }

  /** Connections opened and closed, in order: {@code open 1}, {@code open 2}, {@code close 1}, ... */
  public synchronized List<String> timeline() {
    return List.copyOf(timeline);
  }

  /** The ack frames, each with its {@code envelope_id} and, for a slash command, its answer under {@code payload}. */
  public synchronized List<JsonNode> ackFrames() {
    return List.copyOf(ackFrames);
  }

  public synchronized List<WsContext> connections() {
    return List.copyOf(open);
  }

  public synchronized int opens() {
    return opens;
  }

  public synchronized int refused() {
    return refused;
  }

  public synchronized List<String> acks() {
    return List.copyOf(acks);
  }

  public synchronized void calm() {
    sinceCalm = 0;
  }

  public ObjectMapper json() {
    return json;
  }

  @Override
  public void close() {
    app.stop();
  }
}
