package dev.switchboard.chat.slack.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.chat.Backoff;
import dev.switchboard.chat.SocketStatus;
import dev.switchboard.chat.SocketTimers;
import java.io.IOException;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack over Socket Mode, with the app-level token ({@code xapp-}, scope {@code connections:write}): a URL from
 * {@code apps.connections.open}, {@code hello}, every envelope acked before its work starts (a slash command's ack
 * carries its first answer, once the command is queued), and a {@code disconnect}
 * ({@code warning}, {@code refresh_requested}) met by opening the next connection before the old one is let go. One
 * connection at a time otherwise, and reconnects spaced 1 s to 32 s (a 429 on opening waits its {@code Retry-After}):
 * Bolt's eager reconnect on close caused 429 storms, so nothing here reconnects in a loop.
 *
 * @see <a href="https://api.slack.com/apis/socket-mode">Socket Mode</a>
 */
public final class SocketMode implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SocketMode.class);

  private final HttpUrl apiBase;
  private final String appToken;
  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final Envelopes envelopes;
  private final SocketTimers timers;
  private final Backoff backoff;
  private final SocketStatus status;

  // Guarded by this. `current` takes envelopes; `leaving` is the one a disconnect asked us to replace.
  private WebSocket current;
  private WebSocket leaving;
  private WebSocket pending; // opened, no hello yet
  private boolean opening;
  private boolean stopped;
  private int attempt;

  public SocketMode(HttpUrl apiBase, String appToken, OkHttpClient http, ObjectMapper mapper, Envelopes envelopes,
      SocketTimers timers, Backoff backoff, SocketStatus status) {
    this.apiBase = apiBase;
    this.appToken = appToken;
    this.http = http;
    this.mapper = mapper;
    this.envelopes = envelopes;
    this.timers = timers;
    this.backoff = backoff;
    this.status = status;
  }

  public SocketStatus status() {
    return status;
  }

  public void start() {
    synchronized (this) {
      opening = true;
    }
    timers.after(Duration.ZERO, this::open);
  }

  /** {@code apps.connections.open}, then the websocket; failures wait their backoff (or Retry-After). */
  private void open() {
    synchronized (this) {
      if (stopped) return;
    }
    Request request = new Request.Builder().url(apiBase.newBuilder().addPathSegment("apps.connections.open").build())
        .header("Authorization", "Bearer " + appToken).post(new FormBody.Builder().build()).build();
    String url;
    try (Response response = http.newCall(request).execute()) {
      if (response.code() == 429) {
        long seconds = retryAfter(response.header("Retry-After"));
        later("apps.connections.open answered 429", Duration.ofSeconds(seconds));
        return;
      }
      JsonNode body = mapper.readTree(response.body().byteStream());
      if (!response.isSuccessful() || !body.path("ok").asBoolean()) {
        String error = body.path("error").asText("http_" + response.code());
        if (error.equals("invalid_auth") || error.equals("not_authed") || error.equals("not_allowed_token_type")
            || error.equals("missing_scope")) {
          synchronized (this) {
            end(SocketStatus.State.FAILED, "apps.connections.open: " + error
                + " (set SLACK_APP_TOKEN to the app-level token, xapp-..., with connections:write)");
          }
          return;
        }
        later("apps.connections.open: " + error, null);
        return;
      }
      url = body.path("url").asText();
    } catch (IOException e) {
      later("apps.connections.open: " + e.getMessage(), null);
      return;
    }
    synchronized (this) {
      if (stopped) return;
      pending = http.newWebSocket(new Request.Builder().url(url).build(), new Listener());
    }
  }

  private static long retryAfter(String header) {
    try {
      return header == null ? 1 : Math.max(1, Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private void later(String why, Duration wait) {
    synchronized (this) {
      if (stopped) return;
      attempt++;
      Duration pause = wait != null ? wait : backoff.before(attempt);
      log.warn("Slack Socket Mode is not connected ({}); trying again in {} ms", why, pause.toMillis());
      timers.after(pause, this::open);
      status.reconnecting(why);
    }
  }

  private void received(WebSocket ws, String text) {
    JsonNode frame;
    try {
      frame = mapper.readTree(text);
    } catch (IOException e) {
      return;
    }
    String type = frame.path("type").asText("");
    switch (type) {
      case "hello" -> hello(ws);
      case "disconnect" -> disconnect(ws, frame.path("reason").asText(""));
      case "events_api", "interactive" -> {
        // 1. Ack first: Slack redelivers an envelope not acked within 3 s.
        ack(ws, frame.path("envelope_id").asText(null), null);
        // 2. Then the work, which only queues: a redelivery (retry_attempt > 0) is dropped by its event id.
        JsonNode payload = frame.path("payload");
        try {
          if (type.equals("events_api")) {
            envelopes.event(payload, frame.path("retry_attempt").asInt(0));
          } else {
            envelopes.interactive(payload);
          }
        } catch (RuntimeException e) {
          // Thrown on the socket's reader it would fail the connection: one bad envelope costs only itself.
          log.error("A Socket Mode {} envelope could not be handed on", type, e);
        }
      }
      // Handing a command on only queues it, so the ack can carry its first answer ("Working on it…", busy) as the
      // HTTP acknowledgement does, well within the 3 s.
      case "slash_commands" -> ack(ws, frame.path("envelope_id").asText(null), commandAnswer(frame.path("payload")));
      default -> { }
    }
  }

  /** The command's first answer; a failure to hand it on still gets its ack (an empty one), or Slack sends it again. */
  private JsonNode commandAnswer(JsonNode payload) {
    try {
      return envelopes.command(payload);
    } catch (RuntimeException e) {
      log.error("A slash command over Socket Mode could not be handed on", e);
      return null;
    }
  }

  private void ack(WebSocket ws, String envelopeId, JsonNode payload) {
    if (envelopeId == null) return;
    ObjectNode ack = mapper.createObjectNode().put("envelope_id", envelopeId);
    if (payload != null) ack.set("payload", payload);
    ws.send(ack.toString());
  }

  private synchronized void hello(WebSocket ws) {
    if (stopped) {
      ws.close(1000, null);
      return;
    }
    WebSocket old = current;
    current = ws;
    if (ws == pending) pending = null;
    opening = false;
    attempt = 0;
    status.connected();
    log.info("Connected to Slack over Socket Mode");
    // The replaced connection goes only now that the new one takes envelopes.
    if (old != null && old != ws) old.close(1000, "replaced");
    if (leaving != null && leaving != ws) leaving.close(1000, "replaced");
    leaving = null;
  }

  private synchronized void disconnect(WebSocket ws, String reason) {
    if (stopped || ws != current) return;
    if (reason.equals("link_disabled")) {
      end(SocketStatus.State.STOPPED, "Socket Mode was turned off for the app (link_disabled)");
      ws.close(1000, null);
      return;
    }
    // warning, refresh_requested: the next connection first, this one until it says hello.
    leaving = ws;
    if (!opening) {
      opening = true;
      timers.after(Duration.ZERO, this::open);
    }
  }

  private synchronized void closed(WebSocket ws, String why) {
    if (ws == leaving) {
      leaving = null;
      return;
    }
    if (stopped) return;
    if (ws == pending) {
      pending = null; // refused before its hello (an eleventh socket, say): the next try waits its backoff
    } else if (ws == current) {
      current = null;
      if (opening) return; // a connection is already on its way
    } else {
      return;
    }
    opening = true;
    attempt++;
    Duration pause = backoff.before(attempt);
    log.warn("Slack Socket Mode connection closed ({}); reconnecting in {} ms", why, pause.toMillis());
    timers.after(pause, this::open);
    status.reconnecting(why);
  }

  // guarded by this
  private void end(SocketStatus.State end, String why) {
    stopped = end != SocketStatus.State.CONNECTED;
    status.ended(end, why);
    log.error("Slack Socket Mode {}: {}", end == SocketStatus.State.STOPPED ? "stopped" : "failed", why);
  }

  @Override
  public void close() {
    WebSocket a;
    WebSocket b;
    WebSocket c;
    synchronized (this) {
      stopped = true;
      a = current;
      b = leaving;
      c = pending;
      current = null;
      leaving = null;
      pending = null;
    }
    timers.close();
    for (WebSocket ws : new WebSocket[] {a, b, c}) {
      if (ws != null) ws.close(1000, "stopping");
    }
    status.ended(SocketStatus.State.STOPPED, "stopped with the service");
  }

  private final class Listener extends WebSocketListener {
    @Override
    public void onMessage(WebSocket ws, String text) {
      received(ws, text);
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(1000, null);
      closed(ws, code + (reason == null || reason.isBlank() ? "" : " " + reason));
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
      closed(ws, response != null ? "the upgrade was answered " + response.code() : String.valueOf(t.getMessage()));
    }
  }
}
