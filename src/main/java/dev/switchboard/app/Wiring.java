package dev.switchboard.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Sleeper;
import dev.switchboard.calling.TimeoutPacer;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.chat.CommandPool;
import dev.switchboard.chat.Deliveries;
import dev.switchboard.chat.DeliveryLog;
import dev.switchboard.chat.FloodGate;
import dev.switchboard.chat.Inbox;
import dev.switchboard.chat.PostedCardStore;
import dev.switchboard.chat.Rejections;
import dev.switchboard.chat.slack.SlackAnnouncer;
import dev.switchboard.chat.slack.SlackClient;
import dev.switchboard.chat.slack.SlackFrontEnd;
import dev.switchboard.chat.slack.SlackInbox;
import dev.switchboard.chat.slack.SlackSignature;
import dev.switchboard.chat.webex.PostedCards;
import dev.switchboard.chat.slack.SlackTrust;
import dev.switchboard.chat.slack.socket.SocketMode;
import dev.switchboard.chat.webex.CardMemory;
import dev.switchboard.chat.webex.WebexAnnouncer;
import dev.switchboard.chat.webex.WebexInbox;
import dev.switchboard.chat.webex.WebexSignature;
import dev.switchboard.chat.webex.WebexWebhook;
import dev.switchboard.chat.webex.socket.MercurySocket;
import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.AuditLog;
import dev.switchboard.ops.Operations;
import dev.switchboard.ops.OperationsBuilder;
import dev.switchboard.store.Database;
import dev.switchboard.store.PgAuditStore;
import dev.switchboard.store.PgDeliveries;
import dev.switchboard.store.PgLocationLocks;
import dev.switchboard.store.PgFollowUps;
import dev.switchboard.store.PgPendingStore;
import dev.switchboard.store.PgPostedCards;
import dev.switchboard.store.PgScheduleBook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The service's parts, each built once from its {@link Service.Settings}: the operations, the one inbox and
 * command pool, and the front ends that are on. They share one {@link OkHttpClient} (the settings', which the
 * Webex client is built on too) and one {@link ObjectMapper} (the Webex client's).
 */
record Wiring(WebexClient client, Metrics metrics, AuditLog audit, Operations operations, CommandPool pool,
    Inbox inbox, Optional<WebexFrontEnd> webex, Optional<SlackFrontEnd> slack, WebexHealth health,
    Optional<Database> database, Optional<SocketMode> slackSocket) {

  /** At most this many commands run at once; more are told the bot is busy. */
  private static final int COMMANDS_AT_ONCE = 64;

  /** The Webex front end, when on: who the bot is, and the webhook Webex posts to and/or the websocket the bot opens. */
  record WebexFrontEnd(BotIdentity bot, Optional<WebexWebhook> webhook, Optional<MercurySocket> socket) {}

  /** The HTTP client everything shares: one connection pool, the timeouts Webex and Slack calls need. */
  static OkHttpClient httpClient() {
    TimeoutPacer.start();
    // As many idle connections kept as commands run at once: with OkHttp's default of 5, a burst of commands opened
    // (and Webex had to accept) a new TCP connection for most of its calls, a few per cent of the bot's CPU.
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(COMMANDS_AT_ONCE, 5, TimeUnit.MINUTES))
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .build();
  }

  static Wiring build(Service.Settings s) {
    Clock clock = s.clock();
    WebexClient client = s.client();
    ObjectMapper mapper = client.objectMapper();
    Optional<BotIdentity> bot = s.webexOn() ? Optional.of(BotIdentity.ask(client, s.ops().botName())) : Optional.empty();
    Operations.Settings ops = bot.map(me -> s.ops().withBotName(me.get().displayName())).orElse(s.ops());
    AuditLog audit = new AuditLog(s.dataDir().resolve("audit"), mapper, clock);
    Optional<SlackClient> slackClient = s.slack().map(side -> new SlackClient(side.apiBase(), s.http(),
        side.botToken(), mapper, s.ticker(), Sleeper.REAL));
    // Shared by the inbox and the announcer: a press on any card the bot posted is checked against it.
    CardMemory cards = new CardMemory(s.database().<PostedCardStore>map(db -> new PgPostedCards(db, clock))
        .orElseGet(() -> PostedCards.open(s.dataDir().resolve("webex-cards"))));
    Announcer webexAnnouncer = new WebexAnnouncer(client, cards);
    OperationsBuilder builder = Operations.builder(client, s.policy(), audit);
    s.database().ifPresent(db -> builder.auditStore(new PgAuditStore(db, mapper))
        .replicaLocks(new PgLocationLocks(db)).scheduleBook(new PgScheduleBook(db, mapper, clock))
        .pendingStore(new PgPendingStore(db)).followUpStore(new PgFollowUps(db)));
    Operations operations = builder
        .settings(ops)
        .clock(clock)
        .observer((kind, reply, took) -> s.metrics().commandHandled(kind, reply.tone().name().toLowerCase()))
        .scheduleFile(s.dataDir().resolve("schedules.json"))
        .announcer(slackClient.map(slack -> Announcer.all(webexAnnouncer, new SlackAnnouncer(slack)))
            .orElse(webexAnnouncer))
        .build();

    FloodGate flood = new FloodGate(s.floodPerSecond(), s.ticker()::read);
    s.metrics().commandsOffered(flood::perSecond);
    CommandPool pool = new CommandPool(COMMANDS_AT_ONCE, flood);
    s.metrics().queueDepth(pool::inFlight);
    Inbox inbox = new Inbox(s.database().<DeliveryLog>map(db -> new PgDeliveries(db, clock, s.replayWindow()))
        .orElseGet(() -> deliveries(audit, s)), pool);
    Optional<WebexFrontEnd> webex = bot.map(me -> {
      Rejections rejections = s.metrics().rejections(new Rejections("webex", clock));
      // One inbox for both transports: a message that came both ways is run once.
      WebexInbox webexInbox = new WebexInbox(client, operations, me, inbox, cards,
          new WebexInbox.Freshness(clock, s.replayWindow(), rejections));
      return new WebexFrontEnd(me,
          s.webhookSecret().map(secret -> new WebexWebhook(new WebexSignature(secret), mapper, webexInbox, rejections)),
          s.webexSocket().map(side -> WebexSocketWiring.socket(side, s, mapper, webexInbox)));
    });
    Optional<SlackInbox> slackInbox = s.slack().flatMap(side -> slackClient.map(slackApi -> {
      Rejections rejections = s.metrics().rejections(new Rejections("slack", clock));
      SlackTrust trust = SlackTrust.asking(slackApi, side.teamId(), side.responseHosts());
      return new SlackInbox(slackApi, operations, inbox, trust, rejections);
    }));
    // Slack's request URLs with a signing secret; Socket Mode with an app token instead. One inbox either way.
    Optional<SlackFrontEnd> slack = s.slack().flatMap(side -> side.signingSecret().flatMap(secret -> slackInbox.map(
        in -> new SlackFrontEnd(new SlackSignature(secret, clock), mapper, in, s.metrics().rejectionsOf("slack")))));
    Optional<SocketMode> slackSocket = s.slack().filter(side -> side.appToken().isPresent())
        .flatMap(side -> slackInbox.map(in -> SlackSocketWiring.socket(side, s, mapper, in)));
    return new Wiring(client, s.metrics(), audit, operations, pool, inbox, webex, slack,
        new WebexHealth(client, clock, webex.isPresent()), s.database(), slackSocket);
  }

  /** A restart must not re-run a redelivered command (an `undo` replayed would revert a second change). */
  private static Deliveries deliveries(AuditLog audit, Service.Settings s) {
    Deliveries deliveries = new Deliveries(s.ticker(), s.replayWindow());
    Instant horizon = s.clock().instant().minus(s.replayWindow());
    deliveries.remember(audit.entries(e -> e.messageId() != null && e.platform() != null
            && e.time().isAfter(horizon)).stream()
        .map(e -> e.platform().toLowerCase(Locale.ROOT) + ":" + e.messageId()).distinct().toList());
    return deliveries;
  }
}
