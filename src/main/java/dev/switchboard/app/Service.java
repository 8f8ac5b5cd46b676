package dev.switchboard.app;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Identity;
import dev.switchboard.calling.Person;
import dev.switchboard.calling.Sleeper;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.chat.CommandPool;
import dev.switchboard.chat.Deliveries;
import dev.switchboard.chat.Fate;
import dev.switchboard.chat.Inbox;
import dev.switchboard.chat.slack.SlackAnnouncer;
import dev.switchboard.chat.slack.SlackClient;
import dev.switchboard.chat.slack.SlackFrontEnd;
import dev.switchboard.chat.slack.SlackInbox;
import dev.switchboard.chat.slack.SlackSignature;
import dev.switchboard.chat.webex.WebexAnnouncer;
import dev.switchboard.chat.webex.WebexBot;
import dev.switchboard.chat.webex.WebexInbox;
import dev.switchboard.chat.webex.WebexSignature;
import dev.switchboard.chat.webex.WebexWebhook;
import dev.switchboard.chat.webex.WebhookDefinitions;
import dev.switchboard.chat.webex.WebhookRegistrar;
import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.AuditLog;
import dev.switchboard.ops.Policy;
import dev.switchboard.ops.Operations;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: the operations, the front ends that are on (Webex, Slack), the HTTP server and its
 * housekeeping. {@code serve} and {@code demo} both start one; only where Webex is differs.
 */
final class Service implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Service.class);
  /** Webex envelopes are about a kilobyte; anything far larger is not one. */
  static final long MAX_BODY_BYTES = 64 * 1024;
  /**
   * A Slack interaction payload carries the whole message whose button was pressed (up to 50 blocks of
   * 3,000 characters, form-encoded), so the limit is higher when Slack is on.
   */
  static final long MAX_SLACK_BODY_BYTES = 1024 * 1024;
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(25);
  private static final Duration SCHEDULER_TICK = Duration.ofSeconds(5);

  /**
   * What a service is started with. The Webex front end is on when {@code webhookSecret} is set, the
   * Slack front end when {@code slack} is; the admin side of {@code client} is always needed.
   */
  record Settings(WebexClient client, String webhookSecret, SlackSide slack, Policy policy, Path dataDir,
      String host, int port, Operations.Settings ops, Metrics metrics, boolean keepWebhooksActive,
      Duration healthInterval) {}

  /** The Slack app: bot token, signing secret and Web API base URL. */
  record SlackSide(String botToken, String signingSecret, HttpUrl apiBase) {
    @Override
    public String toString() {
      return "SlackSide[botToken=***, signingSecret=***, apiBase=" + apiBase + "]";
    }
  }

  private final Javalin http;
  private final Operations operations;
  private final CommandPool pool;
  private final Inbox inbox;
  private final SlackFrontEnd slack;
  private final ScheduledExecutorService housekeeping;
  private final WebexBot bot;
  private final ScheduledExecutorService scheduling;

  private Service(Javalin http, Operations operations, CommandPool pool, Inbox inbox, SlackFrontEnd slack,
      ScheduledExecutorService housekeeping, WebexBot bot, ScheduledExecutorService scheduling) {
    this.scheduling = scheduling;
    this.http = http;
    this.operations = operations;
    this.pool = pool;
    this.inbox = inbox;
    this.slack = slack;
    this.housekeeping = housekeeping;
    this.bot = bot;
  }

  static Service start(Settings s) {
    Clock clock = Clock.systemUTC();
    WebexClient client = s.client();
    boolean webexOn = s.webhookSecret() != null;
    AtomicReference<WebexBot> bot = new AtomicReference<>();
    Operations.Settings ops = s.ops();
    if (webexOn) {
      bot.set(whoTheBotIs(client).orElseGet(() -> WebexBot.unknown(s.ops().botName())));
      ops = ops.withBotName(bot.get().displayName());
    }
    AuditLog audit = new AuditLog(s.dataDir().resolve("audit"), client.objectMapper(), clock);
    Metrics metrics = s.metrics();
    SlackClient slackClient = s.slack() == null ? null : slackClient(s.slack(), client);
    Operations operations = Operations.builder(client, s.policy(), audit)
        .settings(ops)
        .clock(clock)
        .observer((kind, reply, took) -> metrics.commandHandled(kind, reply.tone().name().toLowerCase()))
        .scheduleFile(s.dataDir().resolve("schedules.json"))
        .announcer(slackClient == null ? new WebexAnnouncer(client)
            : Announcer.all(new WebexAnnouncer(client), new SlackAnnouncer(slackClient)))
        .build();

    Deliveries deliveries = new Deliveries(Ticker.systemTicker());
    // A restart must not re-run a redelivered command (an `undo` replayed would revert a second change).
    Instant horizon = clock.instant().minus(Deliveries.WINDOW);
    deliveries.remember(audit.entries(e -> e.messageId() != null && e.platform() != null
            && e.time().isAfter(horizon)).stream()
        .map(e -> e.platform().toLowerCase(Locale.ROOT) + ":" + e.messageId()).distinct().toList());

    CommandPool pool = new CommandPool(64);
    metrics.queueDepth(pool::inFlight);
    Inbox inbox = new Inbox(deliveries, pool);
    WebexInbox webexInbox = webexOn ? new WebexInbox(client, operations, bot::get, inbox, id -> {}) : null;
    WebexWebhook webhook = webexOn
        ? new WebexWebhook(new WebexSignature(s.webhookSecret()), client.objectMapper(), webexInbox)
        : null;
    SlackFrontEnd slack = slackClient == null ? null
        : slackFrontEnd(s.slack(), slackClient, client, operations, inbox, clock);
    WebexHealth health = new WebexHealth(client, clock, webexOn);

    Javalin http = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(client.objectMapper(), false));
      config.http.maxRequestSize = slack == null ? MAX_BODY_BYTES : MAX_SLACK_BODY_BYTES;
      config.startup.showJavalinBanner = false;
      config.concurrency.useVirtualThreads = CommandPool.virtualThreads();
      if (webhook != null) {
        config.routes.post(WebhookRegistrar.PATH, timed(metrics, "webex", webhook::handle));
      }
      if (slack != null) {
        slack.routes().forEach((path, handler) ->
            config.routes.post(path, timed(metrics, "slack", handler)));
      }
      config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "alive")));
      config.routes.get("/readyz", ctx -> ctx.json(Map.of("status", "ready", "webex", health.last().asMap())));
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
          .result(metrics.scrape()));
    });
    http.start(s.host(), s.port());

    ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "switchboard-housekeeping");
      thread.setDaemon(true);
      return thread;
    });
    housekeeping.scheduleWithFixedDelay(health::check, 0, s.healthInterval().toMillis(), TimeUnit.MILLISECONDS);
    if (webexOn && bot.get().personId() == null) {
      // Webex did not answer at start: run anyway (people still get answers), and learn who the bot
      // is as soon as Webex answers; until then its own messages are recognised by their address.
      housekeeping.scheduleWithFixedDelay(() -> {
        if (bot.get().personId() == null) whoTheBotIs(client).ifPresent(bot::set);
      }, 15, 15, TimeUnit.SECONDS);
    }
    if (webexOn && s.keepWebhooksActive()) {
      WebhookRegistrar registrar = new WebhookRegistrar(client, WebhookDefinitions.load());
      housekeeping.scheduleWithFixedDelay(() -> {
        try {
          registrar.reactivateDisabled(s.webhookSecret());
        } catch (RuntimeException e) {
          log.warn("Could not check the webhooks: {}", e.getMessage());
        }
      }, 1, 5, TimeUnit.MINUTES);
    }
    // Timed intercept: one thread runs what is due (and, at start, what came due while the bot was down).
    ScheduledExecutorService scheduling = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "switchboard-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    scheduling.scheduleWithFixedDelay(operations.scheduler()::runDue, 0, SCHEDULER_TICK.toMillis(),
        TimeUnit.MILLISECONDS);
    log.info("Switchboard is listening on {}:{}{}{}", s.host(), http.port(),
        webexOn ? "; Webex as " + bot.get().displayName() + " (" + bot.get().email() + ")" : "",
        slack != null ? "; Slack at " + String.join(", ", slack.routes().keySet()) : "");
    return new Service(http, operations, pool, inbox, slack, housekeeping, bot.get(), scheduling);
  }

  /**
   * The bot's own identity from Webex. A refused token is a configuration error that stops the
   * start; Webex being unreachable or failing is not (empty, and the caller tries again later).
   */
  private static Optional<WebexBot> whoTheBotIs(WebexClient client) {
    try {
      Person me = client.me(Identity.BOT);
      return Optional.of(new WebexBot(me.id(), me.email(), me.displayName()));
    } catch (WebexException e) {
      if (e.status() == 401 || e.status() == 403) {
        throw new IllegalStateException("Webex refused WEBEX_BOT_TOKEN (" + e.status() + "): set it to the bot's "
            + "access token from developer.webex.com", e);
      }
      log.warn("Webex did not tell who the bot is ({}); starting anyway and asking again shortly", e.getMessage());
      return Optional.empty();
    }
  }

  private static SlackClient slackClient(SlackSide side, WebexClient client) {
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .build();
    return new SlackClient(side.apiBase(), http, side.botToken(), client.objectMapper(), Ticker.systemTicker(),
        Sleeper.REAL);
  }

  private static SlackFrontEnd slackFrontEnd(SlackSide side, SlackClient slackClient, WebexClient client,
      Operations operations, Inbox inbox, Clock clock) {
    SlackInbox slackInbox = new SlackInbox(slackClient, operations, inbox, id -> {});
    return new SlackFrontEnd(new SlackSignature(side.signingSecret(), clock), client.objectMapper(), slackInbox);
  }

  /** The handler, reporting what became of the request (its fate, else its status) and how long it took. */
  private static Handler timed(Metrics metrics, String platform, Handler handler) {
    return ctx -> {
      long start = System.nanoTime();
      try {
        handler.handle(ctx);
      } finally {
        String fate = ctx.attribute(Fate.ATTRIBUTE);
        metrics.webhookHandled(platform, fate != null ? fate : "http_" + ctx.statusCode(),
            Duration.ofNanos(System.nanoTime() - start));
      }
    };
  }

  int port() {
    return http.port();
  }

  Operations operations() {
    return operations;
  }

  /** The Webex bot, or null when the Webex front end is off. */
  WebexBot bot() {
    return bot;
  }

  /**
   * Graceful stop: take no more webhooks, start no new bulk location, let commands in flight
   * finish (their audit lines are on disk before they reply), then stop.
   */
  @Override
  public void close() {
    log.info("Shutting down: no new requests; waiting for {} command(s) in flight", pool.inFlight());
    operations.beginShutdown();
    http.stop();
    if (!pool.shutdown(SHUTDOWN_GRACE)) log.warn("Commands still running after {}; stopping anyway", SHUTDOWN_GRACE);
    inbox.close();
    housekeeping.shutdownNow();
    scheduling.shutdown(); // a round in progress finishes; one cut short is settled at the next start
    try {
      if (!scheduling.awaitTermination(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS)) scheduling.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("Switchboard stopped.");
  }
}
