package dev.switchboard.app;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Identity;
import dev.switchboard.calling.Person;
import dev.switchboard.calling.Sleeper;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.chat.CommandPool;
import dev.switchboard.chat.Deliveries;
import dev.switchboard.chat.webex.WebexAnnouncer;
import dev.switchboard.chat.webex.WebexBot;
import dev.switchboard.chat.webex.WebexInbox;
import dev.switchboard.chat.webex.WebexSignature;
import dev.switchboard.chat.webex.WebexWebhook;
import dev.switchboard.chat.webex.WebhookDefinitions;
import dev.switchboard.chat.webex.WebhookRegistrar;
import dev.switchboard.ops.AuditLog;
import dev.switchboard.ops.Policy;
import dev.switchboard.ops.Switchboard;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: the operations, the Webex front end, the HTTP server and its housekeeping.
 * {@code serve} and {@code demo} both start one; only where Webex is differs.
 */
final class Service implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Service.class);
  /** Webex envelopes are about a kilobyte; anything far larger is not one. */
  static final long MAX_BODY_BYTES = 64 * 1024;
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(25);
  private static final Duration SCHEDULER_TICK = Duration.ofSeconds(5);

  /** What a service is started with. */
  record Settings(WebexClient client, String webhookSecret, Policy policy, Path dataDir, String host, int port,
      Switchboard.Settings ops, Metrics metrics, boolean keepWebhooksActive, Duration healthInterval) {}

  private final Javalin http;
  private final Switchboard switchboard;
  private final CommandPool pool;
  private final WebexInbox inbox;
  private final ScheduledExecutorService housekeeping;
  private final WebexBot bot;
  private final ScheduledExecutorService scheduling;

  private Service(Javalin http, Switchboard switchboard, CommandPool pool, WebexInbox inbox,
      ScheduledExecutorService housekeeping, WebexBot bot, ScheduledExecutorService scheduling) {
    this.scheduling = scheduling;
    this.http = http;
    this.switchboard = switchboard;
    this.pool = pool;
    this.inbox = inbox;
    this.housekeeping = housekeeping;
    this.bot = bot;
  }

  static Service start(Settings s) {
    Clock clock = Clock.systemUTC();
    WebexClient client = s.client();
    Person me = client.me(Identity.BOT);
    WebexBot bot = new WebexBot(me.id(), me.email(), me.displayName());
    AuditLog audit = new AuditLog(s.dataDir().resolve("audit"), client.objectMapper(), clock);
    Metrics metrics = s.metrics();
    Switchboard switchboard = new Switchboard(client, s.policy(), audit,
        s.ops().withBotName(bot.displayName()), clock, Ticker.systemTicker(), Sleeper.REAL,
        (kind, reply, took) -> metrics.commandHandled(kind, reply.tone().name().toLowerCase()),
        s.dataDir().resolve("schedules.json"), new WebexAnnouncer(client));

    Deliveries deliveries = new Deliveries(Ticker.systemTicker());
    // A restart must not re-run a redelivered command (an `undo` replayed would revert a second change).
    Instant horizon = clock.instant().minus(Deliveries.WINDOW);
    deliveries.remember(audit.entries(e -> e.messageId() != null && e.time().isAfter(horizon)).stream()
        .map(e -> "webex:" + e.messageId()).distinct().toList());

    CommandPool pool = new CommandPool(64);
    metrics.queueDepth(pool::inFlight);
    WebexInbox inbox = new WebexInbox(client, switchboard, bot, deliveries, pool, id -> {});
    WebexWebhook webhook = new WebexWebhook(new WebexSignature(s.webhookSecret()), client.objectMapper(), inbox);
    WebexHealth health = new WebexHealth(client, clock);

    Javalin http = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(client.objectMapper(), false));
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.startup.showJavalinBanner = false;
      config.concurrency.useVirtualThreads = CommandPool.virtualThreads();
      config.routes.post(WebhookRegistrar.PATH, ctx -> {
        long start = System.nanoTime();
        try {
          webhook.handle(ctx);
        } finally {
          String fate = ctx.attribute(WebexWebhook.FATE);
          metrics.webhookHandled("webex", fate != null ? fate : "http_" + ctx.statusCode(),
              Duration.ofNanos(System.nanoTime() - start));
        }
      });
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
    if (s.keepWebhooksActive()) {
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
    scheduling.scheduleWithFixedDelay(switchboard.scheduler()::runDue, 0, SCHEDULER_TICK.toMillis(),
        TimeUnit.MILLISECONDS);
    log.info("Switchboard is listening on {}:{} as {} ({})", s.host(), http.port(), bot.displayName(), bot.email());
    return new Service(http, switchboard, pool, inbox, housekeeping, bot, scheduling);
  }

  int port() {
    return http.port();
  }

  Switchboard switchboard() {
    return switchboard;
  }

  WebexBot bot() {
    return bot;
  }

  /**
   * Graceful stop: take no more webhooks, start no new bulk location, let commands in flight
   * finish (their audit lines are on disk before they reply), then stop.
   */
  @Override
  public void close() {
    log.info("Shutting down: no new webhooks; waiting for {} command(s) in flight", pool.inFlight());
    switchboard.beginShutdown();
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
