package dev.switchboard.chat.webex.socket;

import dev.switchboard.chat.Backoff;
import dev.switchboard.chat.SocketStatus;
import dev.switchboard.chat.SocketTimers;
import dev.switchboard.calling.TokenProvider;
import dev.switchboard.chat.webex.WebhookEnvelope;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's Webex websocket (Mercury), kept open the way the Webex JS SDK keeps it: register or reuse the device,
 * connect to its {@code webSocketUrl}, authorize with the bot token, wait for {@code mercury.buffer_state}, ack every
 * frame, ping every 15 s and reconnect when a pong is missing or mismatched; on a close, do what {@link AfterClose}
 * says. Each activity is handed on as the webhook envelope it stands for; replays after a reconnect are the inbox's to
 * drop (it remembers message ids).
 *
 * @see <a href="https://github.com/webex/webex-js-sdk/tree/next/packages/@webex/internal-plugin-mercury">Mercury
 *     plugin</a>
 */
public final class MercurySocket implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MercurySocket.class);
  static final Duration PING_EVERY = Duration.ofSeconds(15);
  /** As the JS SDK's {@code pongTimeout}: a pong must come before the next ping is due. */
  static final Duration PONG_WAIT = Duration.ofSeconds(14);
  /** What the SDKs ask for: text frames, the buffer state once ready, HTTP-like status codes on close. */
  static final String QUERY = "outboundWireFormat=text&bufferStates=true&aliasHttpStatus=true";
  /** After a reconnect for a sequence gap, the next gaps for this long are only logged. */
  static final Duration GAP_COOLDOWN = Duration.ofMinutes(5);

  private final DeviceService devices;
  private final OkHttpClient http;
  private final TokenProvider tokens;
  private final Frames frames;
  private final Consumer<WebhookEnvelope> deliver;
  private final SocketTimers timers;
  private final Backoff backoff;
  private final SocketStatus status;

  // All guarded by this. A callback of a connection that is no longer `generation` is ignored.
  private int generation;
  private boolean stopped;
  private Device device;
  private WebSocket socket;
  private String token;
  private int attempt;
  private String pendingPing;
  private SocketTimers.Scheduled pingTimer;
  private SocketTimers.Scheduled pongTimer;
  private long expectedSequence; // the next activity's sequence number on this connection; 0 before the first
  private boolean gapRecentlyMended;

  /** Hands each message or card press to {@code deliver}, on the socket's reader thread: it must return at once. */
  public MercurySocket(DeviceService devices, OkHttpClient http, TokenProvider tokens,
      com.fasterxml.jackson.databind.ObjectMapper mapper, Consumer<WebhookEnvelope> deliver, SocketTimers timers,
      Backoff backoff, SocketStatus status) {
    this.devices = devices;
    this.http = http;
    this.tokens = tokens;
    this.frames = new Frames(mapper);
    this.deliver = deliver;
    this.timers = timers;
    this.backoff = backoff;
    this.status = status;
  }

  public SocketStatus status() {
    return status;
  }

  /** Connects in the background; failures are retried with backoff and shown in {@link #status()}. */
  public void start() {
    synchronized (this) {
      attempt = 0;
    }
    timers.after(Duration.ZERO, this::connect);
  }

  /**
   * Lets go of the connection for another replica to take, keeping the device (the replica that takes over uses
   * it): closed normally, nothing reconnects until {@link #start} again.
   */
  public void standBy(String why) {
    WebSocket ws;
    synchronized (this) {
      if (stopped) return;
      generation++; // the connection's callbacks from here on are ignored, and a pending reconnect does nothing
      cancel(pingTimer);
      cancel(pongTimer);
      pendingPing = null;
      ws = socket;
      socket = null;
      status.standingBy(why);
    }
    if (ws != null) ws.close(1000, "another replica takes over");
    log.info("The Webex websocket stands by: {}", why);
  }

  /** Whether it is connected, or connecting: not stood by, stopped or failed. */
  public boolean running() {
    SocketStatus.State state = status.state();
    return state != SocketStatus.State.STANDBY && !status.ended();
  }

  private void connect() {
    Device known;
    int gen;
    synchronized (this) {
      if (stopped) return;
      gen = ++generation;
      known = device;
    }
    Device current;
    try {
      // A reconnect refreshes the device: one Webex forgot (404) is registered again.
      current = known == null ? devices.register() : devices.refresh(known);
    } catch (DeviceException e) {
      synchronized (this) {
        if (gen != generation || stopped) return;
        if (e.refused()) {
          end(SocketStatus.State.FAILED, e.getMessage() + " (check WEBEX_BOT_TOKEN)");
        } else {
          retry(e.getMessage());
        }
      }
      return;
    }
    synchronized (this) {
      if (gen != generation || stopped) return;
      device = current;
      String url = current.webSocketUrl() + (current.webSocketUrl().contains("?") ? "&" : "?") + QUERY;
      expectedSequence = 0; // each connection numbers its frames afresh
      socket = http.newWebSocket(new Request.Builder().url(url).build(), new Listener(gen));
    }
  }

  private synchronized void opened(int gen, WebSocket ws) {
    if (gen != generation || stopped) return;
    token = tokens.token();
    ws.send(frames.authorization(UUID.randomUUID().toString(), token));
  }

  private void received(int gen, WebSocket ws, String text) {
    Frames.Frame frame = frames.read(text);
    synchronized (this) {
      if (gen != generation || stopped) return;
      if (frame.id() != null && !(frame instanceof Frames.Pong)) ws.send(frames.ack(frame.id()));
      if (frame instanceof Frames.Ready) ready();
      if (frame instanceof Frames.Pong pong) pong(pong.id());
      if (frame instanceof Frames.Activity activity) gap(gen, ws, activity.sequence());
    }
    // Outside the lock: the inbox only queues the work.
    if (frame instanceof Frames.Activity activity) {
      Activities.envelope(activity.activity(), devices.clusters()).ifPresent(deliver);
    }
  }

  /**
   * When {@code sequence} shows frames lost before it (as the JS SDK's sequence-mismatch): then this connection is
   * dropped and a new one made, and Webex sends again what was never acked. At most once in {@link #GAP_COOLDOWN}, so
   * a stream that numbers oddly cannot make it reconnect over and over; later gaps are only logged.
   */
  // guarded by this
  private void gap(int gen, WebSocket ws, long sequence) {
    if (sequence <= 0) return;
    long expected = expectedSequence;
    expectedSequence = Math.max(expectedSequence, sequence + 1);
    if (expected == 0 || sequence <= expected) return;
    String why = "sequence gap: " + (sequence - expected) + " frame(s) lost before " + sequence;
    if (gapRecentlyMended) {
      log.warn("The Webex websocket shows a {}; reconnected for one less than {} ago, so not again", why,
          GAP_COOLDOWN);
      return;
    }
    gapRecentlyMended = true;
    timers.after(GAP_COOLDOWN, this::gapCooled);
    log.warn("The Webex websocket shows a {}: reconnecting, for Webex to send them again", why);
    closed(gen, 1006, why);
    ws.cancel();
    // This frame itself is acked and still handed on; should Webex send it again, the inbox drops the duplicate.
  }

  private synchronized void gapCooled() {
    gapRecentlyMended = false;
  }

  // guarded by this
  private void ready() {
    if (status.state() != SocketStatus.State.CONNECTED) log.info("Connected to Webex over the websocket");
    attempt = 0;
    status.connected();
    schedulePing(generation);
  }

  private void schedulePing(int gen) {
    pingTimer = timers.after(PING_EVERY, () -> ping(gen));
  }

  private synchronized void ping(int gen) {
    if (gen != generation || stopped || socket == null) return;
    pendingPing = UUID.randomUUID().toString();
    socket.send(frames.ping(pendingPing));
    pongTimer = timers.after(PONG_WAIT, () -> lost(gen, "pong not received"));
  }

  // guarded by this
  private void pong(String id) {
    if (pendingPing == null || !pendingPing.equals(id)) {
      lost(generation, "pong mismatch");
      return;
    }
    pendingPing = null;
    cancel(pongTimer);
    schedulePing(generation);
  }

  /** A connection that no longer answers: dropped, and a new one made. */
  private synchronized void lost(int gen, String why) {
    if (gen != generation || stopped) return;
    WebSocket ws = socket;
    closed(gen, 1006, why);
    if (ws != null) ws.cancel();
  }

  private synchronized void closed(int gen, int code, String reason) {
    if (gen != generation || stopped) return;
    generation++; // the old connection's callbacks from here on are ignored
    cancel(pingTimer);
    cancel(pongTimer);
    pendingPing = null;
    socket = null;
    String why = AfterClose.describe(code) + (reason == null || reason.isBlank() ? "" : ": " + reason);
    switch (AfterClose.of(code)) {
      case STOP -> end(SocketStatus.State.STOPPED, why + "; another connection took this device's place, so this one"
          + " does not reconnect (is a second instance running with the same bot token?)");
      case FATAL -> end(SocketStatus.State.FAILED, why + "; reconnecting would not help");
      case REFRESH_TOKEN -> {
        if (token != null) tokens.invalidate(token);
        log.info("Webex closed the websocket ({}): reconnecting with a fresh token", why);
        timers.after(Duration.ZERO, this::connect);
        status.reconnecting(why); // after scheduling: whoever sees RECONNECTING finds the reconnect scheduled
      }
      case RECONNECT -> retry(why);
    }
  }

  // guarded by this
  private void retry(String why) {
    attempt++;
    Duration pause = backoff.before(attempt);
    log.warn("The Webex websocket is down ({}); reconnecting in {} ms (attempt {})", why, pause.toMillis(), attempt);
    timers.after(pause, this::connect);
    status.reconnecting(why);
  }

  // guarded by this
  private void end(SocketStatus.State end, String why) {
    status.ended(end, why);
    log.error("The Webex websocket {}: {}", end == SocketStatus.State.STOPPED ? "stopped" : "failed", why);
  }

  private static void cancel(SocketTimers.Scheduled scheduled) {
    if (scheduled != null) scheduled.cancel();
  }

  /** A clean stop: the socket closed normally and the device deleted, so Webex keeps no registration of ours. */
  @Override
  public void close() {
    WebSocket ws;
    Device registered;
    synchronized (this) {
      if (stopped) return;
      stopped = true;
      generation++;
      cancel(pingTimer);
      cancel(pongTimer);
      ws = socket;
      registered = device;
      socket = null;
    }
    timers.close();
    if (ws != null) ws.close(1000, "stopping");
    if (registered != null) devices.delete(registered);
    status.ended(SocketStatus.State.STOPPED, "stopped with the service");
  }

  /** One connection's callbacks, tagged with its generation. */
  private final class Listener extends WebSocketListener {
    private final int gen;

    Listener(int gen) {
      this.gen = gen;
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
      opened(gen, ws);
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      received(gen, ws, text);
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(1000, null);
      closed(gen, code, reason);
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
      closed(gen, 1006, response != null ? "the upgrade was answered " + response.code() : t.getMessage());
    }
  }
}
