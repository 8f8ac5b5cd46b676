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
 * {@code disconnect} messages on demand.
 */
final class SocketModeFake implements AutoCloseable {

  static final String APP_TOKEN = "xapp-1-test";
  private static final int MOST_CONNECTIONS = 10;
  private final ObjectMapper json = new ObjectMapper();
  private final Javalin app;
  // guarded by this
  private final List<WsContext> open = new ArrayList<>();
  private final Map<String, ObjectNode> unacked = new LinkedHashMap<>();
  private final List<String> acks = new ArrayList<>();
  private int opens;
  private int refused;
  int burst = 5;
  private int sinceCalm;

  SocketModeFake() {
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
          }
          ctx.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"}}");
        });
        ws.onMessage(ctx -> {
          JsonNode ack = json.readTree(ctx.message());
          synchronized (this) {
            acks.add(ack.path("envelope_id").asText());
            unacked.remove(ack.path("envelope_id").asText());
          }
        });
        ws.onClose(ctx -> {
          synchronized (this) {
            open.removeIf(o -> o.sessionId().equals(ctx.sessionId()));
          }
        });
      });
    }).start("127.0.0.1", 0);
  }

  int port() {
    return app.port();
  }

  String apiBase() {
    return "http://127.0.0.1:" + port() + "/api";
  }

  /** Sends an envelope of {@code type} on the newest connection; it stays due for redelivery until acked. */
  String send(String type, ObjectNode payload) {
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
  void redeliverUnacked() {
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
  void redeliver(String id, ObjectNode original) {
    ObjectNode again = json.createObjectNode().put("envelope_id", id).put("type", "events_api")
        .put("retry_attempt", 1).put("retry_reason", "timeout");
    again.set("payload", original);
    connections().get(connections().size() - 1).send(again.toString());
  }

  /** Slack's {@code disconnect} on every connection, with {@code reason} (warning, refresh_requested, link_disabled). */
  void disconnect(String reason) {
    for (WsContext ctx : connections()) {
      ctx.send("{\"type\":\"disconnect\",\"reason\":\"" + reason + "\",\"debug_info\":{\"host\":\"fake\"}}");
    }
  }

  /** Drops every connection without a disconnect message. */
  void drop() {
    connections().forEach(ctx -> ctx.closeSession(1011, "server error"));
  }

  /** Fills the connection slots with {@code n} sockets of someone else's (another instance of the app). */
  void occupy(int n) throws IOException {
    okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
    for (int i = 0; i < n; i++) {
      client.newWebSocket(new okhttp3.Request.Builder().url("ws://127.0.0.1:" + port() + "/link").build(),
          new okhttp3.WebSocketListener() { });
    }
  }

  synchronized List<WsContext> connections() {
    return List.copyOf(open);
  }

  synchronized int opens() {
    return opens;
  }

  synchronized int refused() {
    return refused;
  }

  synchronized List<String> acks() {
    return List.copyOf(acks);
  }

  synchronized void calm() {
    sinceCalm = 0;
  }

  ObjectMapper json() {
    return json;
  }

  @Override
  public void close() {
    app.stop();
  }
}
