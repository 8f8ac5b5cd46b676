package dev.switchboard.app;

import dev.switchboard.calling.TokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.chat.SocketTimers;
import dev.switchboard.chat.slack.socket.SocketMode;
import dev.switchboard.chat.webex.socket.MercurySocket;
import dev.switchboard.chat.slack.SlackFrontEnd;
import dev.switchboard.chat.slack.SlackTrust;
import dev.switchboard.ops.Operations;
import dev.switchboard.ops.Policy;
import dev.switchboard.store.Database;
import dev.switchboard.store.PgSessionLeader;
import io.javalin.Javalin;
import java.nio.file.Path;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.chat.Deliveries;
import dev.switchboard.chat.FloodGate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: its parts ({@link Wiring}), the HTTP server and its routes ({@link HttpServer}) and its
 * timers ({@link Housekeeping}). {@code serve} and {@code demo} both start one; only where Webex is differs.
 *
 * <pre>{@code
 * Service service = Service.start(Service.settings(client, http).webex(secret).dataDir(dir).build());
 * }</pre>
 */
final class Service implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Service.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(25);
  /** The advisory lock of the replica that holds the Webex websocket. */
  private static final int WEBEX_SOCKET_JOB = 1;

  /**
   * What a service is started with. The Webex front end is on when there is a {@code webhookSecret}, the
   * Slack front end when there is a {@code slack} app; the admin side of {@code client} is always needed.
   * {@code http} is the one HTTP client, the one {@code client} is built on.
   */
  record Settings(WebexClient client, OkHttpClient http, Optional<String> webhookSecret,
      Optional<WebexSocketSide> webexSocket, Optional<SlackSide> slack,
      Policy policy, Path dataDir, String host, int port, Operations.Settings ops, Metrics metrics,
      boolean keepWebhooksActive, Clock clock, Ticker ticker, Duration replayWindow, Optional<Database> database,
      SocketTime socketTime, int floodPerSecond) {
    Settings {
      Objects.requireNonNull(socketTime, "socketTime");
      Objects.requireNonNull(webexSocket, "webexSocket");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(ticker, "ticker");
      if (replayWindow.isNegative() || replayWindow.isZero()) throw new IllegalArgumentException("replayWindow");
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(http, "http");
      Objects.requireNonNull(webhookSecret, "webhookSecret");
      Objects.requireNonNull(slack, "slack");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(dataDir, "dataDir: where the audit log and schedules are kept");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(ops, "ops");
      Objects.requireNonNull(metrics, "metrics");
      Objects.requireNonNull(database, "database");
    }

    /** Whether the Webex front end is on: over webhooks, the websocket, or both. */
    boolean webexOn() {
      return webhookSecret.isPresent() || webexSocket.isPresent();
    }

    @Override
    public String toString() {
      return "Settings[webex=" + webhookSecret.isPresent() + ", webexSocket=" + webexSocket.isPresent()
          + ", slack=" + slack + ", dataDir=" + dataDir
          + ", host=" + host + ", port=" + port + "]";
    }
  }

  /**
   * The time the websockets (Webex's, Slack's Socket Mode) keep: their ping, pong and reconnect timers, named by the
   * thread they run on, and the jitter of their backoff. Real by default; tests move it by hand.
   */
  record SocketTime(java.util.function.Function<String, SocketTimers> timers, java.util.function.DoubleSupplier jitter) {
    SocketTime {
      Objects.requireNonNull(timers, "timers");
      Objects.requireNonNull(jitter, "jitter");
    }

    static SocketTime real() {
      return new SocketTime(SocketTimers::real, Math::random);
    }
  }

  /** Webex over its websocket: the service catalog's base URL and the bot token the socket authorizes with. */
  record WebexSocketSide(HttpUrl u2c, TokenProvider botTokens) {
    WebexSocketSide {
      Objects.requireNonNull(u2c, "u2c");
      Objects.requireNonNull(botTokens, "botTokens");
    }
  }

  /**
   * The Slack app: bot token, how Slack reaches us (the signing secret of its requests, or the app-level token Socket
   * Mode connects with: exactly one), Web API base URL, the workspace to trust (empty: ask {@code auth.test}) and the
   * hosts a {@code response_url} may point at.
   */
  record SlackSide(String botToken, Optional<String> signingSecret, Optional<String> appToken, HttpUrl apiBase,
      Optional<String> teamId, List<String> responseHosts) {
    SlackSide {
      Objects.requireNonNull(teamId, "teamId");
      if (signingSecret.isPresent() == appToken.isPresent()) {
        throw new IllegalArgumentException("a Slack side takes a signing secret or an app token, one of them");
      }
      responseHosts = List.copyOf(responseHosts);
    }

    /** Over Slack's signed requests. */
    SlackSide(String botToken, String signingSecret, HttpUrl apiBase, Optional<String> teamId,
        List<String> responseHosts) {
      this(botToken, Optional.of(signingSecret), Optional.empty(), apiBase, teamId, responseHosts);
    }

    /** Slack's own response host, and the workspace from {@code auth.test}. */
    SlackSide(String botToken, String signingSecret, HttpUrl apiBase) {
      this(botToken, signingSecret, apiBase, Optional.empty(), SlackTrust.SLACK_RESPONSE_HOSTS);
    }

    /** Over Socket Mode, connecting with {@code appToken}. */
    static SlackSide socketMode(String botToken, String appToken, HttpUrl apiBase, Optional<String> teamId,
        List<String> responseHosts) {
      return new SlackSide(botToken, Optional.empty(), Optional.of(appToken), apiBase, teamId, responseHosts);
    }

    @Override
    public String toString() {
      return "SlackSide[botToken=***, " + (appToken.isPresent() ? "appToken" : "signingSecret") + "=***, apiBase="
          + apiBase + ", teamId=" + teamId + ", responseHosts=" + responseHosts + "]";
    }
  }

  /**
   * Settings for a service acting through {@code client}, built on {@code http}. Both front ends are off until
   * set; by default it serves 127.0.0.1 on a free port with an empty policy and leaves the webhooks alone.
   */
  static Builder settings(WebexClient client, OkHttpClient http) {
    return new Builder(client, http);
  }

  /** Builds {@link Settings}; see {@link Service#settings}. */
  static final class Builder {
    private final WebexClient client;
    private final OkHttpClient http;
    private Optional<String> webhookSecret = Optional.empty();
    private Optional<WebexSocketSide> webexSocket = Optional.empty();
    private Optional<SlackSide> slack = Optional.empty();
    private Policy policy = Policy.empty();
    private Path dataDir;
    private String host = "127.0.0.1";
    private int port;
    private Operations.Settings ops = Operations.Settings.defaults();
    private Metrics metrics = new Metrics();
    private boolean keepWebhooksActive;
    private Clock clock = Clock.systemUTC();
    private Ticker ticker = Ticker.systemTicker();
    private Duration replayWindow = Deliveries.WINDOW;
    private Optional<Database> database = Optional.empty();
    private SocketTime socketTime = SocketTime.real();
    private int floodPerSecond = FloodGate.FLOOD_PER_SECOND;

    private Builder(WebexClient client, OkHttpClient http) {
      this.client = client;
      this.http = http;
    }

    /** Turns the Webex front end on: its webhooks are signed with {@code webhookSecret}. */
    Builder webex(String webhookSecret) {
      this.webhookSecret = Optional.of(webhookSecret);
      return this;
    }

    /** Turns the Webex front end on over the websocket, found through the catalog at {@code u2c}. */
    Builder webexSocket(HttpUrl u2c, TokenProvider botTokens) {
      this.webexSocket = Optional.of(new WebexSocketSide(u2c, botTokens));
      return this;
    }

    /** Turns the Slack front end on. */
    Builder slack(SlackSide slack) {
      this.slack = Optional.of(slack);
      return this;
    }

    Builder policy(Policy policy) {
      this.policy = policy;
      return this;
    }

    /** Where the audit log and the schedules are kept; required. */
    Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** The address and port to listen on; port 0 takes any free one. */
    Builder listen(String host, int port) {
      this.host = host;
      this.port = port;
      return this;
    }

    Builder ops(Operations.Settings ops) {
      this.ops = ops;
      return this;
    }

    Builder metrics(Metrics metrics) {
      this.metrics = metrics;
      return this;
    }

    /** Re-enables the bot's webhooks every few minutes should Webex disable them (production does). */
    Builder keepWebhooksActive() {
      this.keepWebhooksActive = true;
      return this;
    }

    /** The time the service reads (and, as {@code ticker}, its redelivery memory); the system's by default. */
    Builder time(Clock clock, Ticker ticker) {
      this.clock = clock;
      this.ticker = ticker;
      return this;
    }

    /**
     * How long a delivery id is remembered and how old a Webex message may be and still run: one setting, so a
     * delivery replayed after its id is forgotten is too old to run (default {@link Deliveries#WINDOW}).
     */
    Builder replayWindow(Duration window) {
      this.replayWindow = window;
      return this;
    }

    /** Keeps the shared state in {@code database} (migrated) rather than in the data directory's files. */
    Builder database(Database database) {
      this.database = Optional.of(database);
      return this;
    }

    /** The websockets' timers and backoff jitter (real ones by default). */
    Builder socketTime(SocketTime socketTime) {
      this.socketTime = socketTime;
      return this;
    }

    /**
     * Commands offered a second from which none starts (default {@link FloodGate#FLOOD_PER_SECOND}), counted in tenths
     * of a second of the settings' ticker: a test that holds a {@code TestClock} still offers all its commands in one
     * tenth, so one that sends a hundred should advance it or raise this.
     */
    Builder floodPerSecond(int perSecond) {
      this.floodPerSecond = perSecond;
      return this;
    }

    Settings build() {
      return new Settings(client, http, webhookSecret, webexSocket, slack, policy, dataDir, host, port, ops, metrics,
          keepWebhooksActive, clock, ticker, replayWindow, database, socketTime, floodPerSecond);
    }
  }

  private final Wiring wiring;
  private final Javalin http;
  private final Housekeeping housekeeping;

  private Service(Wiring wiring, Javalin http, Housekeeping housekeeping) {
    this.wiring = wiring;
    this.http = http;
    this.housekeeping = housekeeping;
  }

  static Service start(Settings s) {
    Wiring wiring = Wiring.build(s);
    Javalin http = HttpServer.start(s, wiring);
    Housekeeping housekeeping = Housekeeping.start(s, wiring, SHUTDOWN_GRACE);
    // Webex gives the websocket to one connection per bot: with replicas, the one leading it holds it.
    wiring.webex().flatMap(Wiring.WebexFrontEnd::socket).ifPresent(socket -> wiring.database().ifPresentOrElse(
        db -> new PgSessionLeader(db, WEBEX_SOCKET_JOB, "the Webex websocket", Duration.ofSeconds(2))
            .whenLeader(WebexSocketWiring.led(socket)),
        socket::start));
    // Slack gives each envelope to one of up to ten connections: every replica connects, the shared dedup runs it once.
    wiring.slackSocket().ifPresent(SocketMode::start);
    log.info("Switchboard is listening on {}:{}{}{}", s.host(), http.port(),
        wiring.webex().map(webex -> "; Webex as " + webex.bot().get().displayName() + " ("
            + webex.bot().get().email() + ")" + (webex.socket().isPresent() ? " over the websocket" : "")).orElse(""),
        wiring.slack().isPresent() ? "; Slack at " + String.join(", ", SlackFrontEnd.COMMANDS, SlackFrontEnd.EVENTS,
            SlackFrontEnd.INTERACTIVITY) : wiring.slackSocket().isPresent() ? "; Slack over Socket Mode" : "");
    return new Service(wiring, http, housekeeping);
  }

  /** Waits up to {@code timeout} for the Webex websocket, when there is one, to connect; whether it is connected. */
  boolean awaitWebexSocket(Duration timeout) throws InterruptedException {
    Optional<MercurySocket> socket = wiring.webex().flatMap(Wiring.WebexFrontEnd::socket);
    return socket.isEmpty() || socket.get().status().awaitSettled(timeout);
  }

  int port() {
    return http.port();
  }

  Operations operations() {
    return wiring.operations();
  }

  /**
   * Graceful stop: take no more webhooks, start no new bulk location, let commands in flight
   * finish (their intents are on disk before they write to Webex), force the audit log, then stop.
   */
  @Override
  public void close() {
    log.info("Shutting down: no new requests; waiting for {} command(s) in flight", wiring.pool().inFlight());
    wiring.operations().beginShutdown();
    wiring.webex().flatMap(Wiring.WebexFrontEnd::socket).ifPresent(MercurySocket::close);
    wiring.slackSocket().ifPresent(SocketMode::close);
    http.stop();
    if (!wiring.pool().shutdown(SHUTDOWN_GRACE)) {
      log.warn("Commands still running after {}; stopping anyway", SHUTDOWN_GRACE);
    }
    wiring.inbox().close();
    housekeeping.close();
    wiring.audit().close(); // forces what the last commands wrote
    wiring.database().ifPresent(Database::close);
    log.info("Switchboard stopped.");
  }
}
