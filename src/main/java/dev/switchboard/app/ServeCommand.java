package dev.switchboard.app;

import dev.switchboard.calling.FileRefreshTokenStore;
import dev.switchboard.calling.Organization;
import dev.switchboard.calling.RefreshTokenStore;
import dev.switchboard.calling.RefreshingTokenProvider;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.TokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.ops.Policy;
import dev.switchboard.ops.PolicyFile;
import dev.switchboard.ops.schedule.ScheduleSettings;
import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.Operations;
import dev.switchboard.ops.Requester;
import dev.switchboard.store.Database;
import dev.switchboard.store.PgRefreshTokenStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code serve}: the bot for a real organisation, configured from the environment. */
final class ServeCommand {

  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  private ServeCommand() {}

  static int run(Map<String, String> env, PrintStream err) {
    ConfigLoader.Result result = ConfigLoader.load(env);
    if (result instanceof ConfigLoader.Result.Problems problems) {
      err.println("switchboard serve: not starting, the configuration is incomplete:");
      problems.problems().forEach(p -> err.println("  " + p));
      return 2;
    }
    Config config = ((ConfigLoader.Result.Loaded) result).config();
    Service service;
    try {
      service = start(config, "0.0.0.0");
    } catch (RuntimeException e) {
      err.println("switchboard serve: could not start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "switchboard-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Builds and starts the service a configuration describes. */
  static Service start(Config config, String host) {
    return start(config, host, settings -> settings);
  }

  /** As {@link #start(Config, String)}, with {@code adjust} given the settings last (tests: the websockets' timers). */
  static Service start(Config config, String host, java.util.function.UnaryOperator<Service.Builder> adjust) {
    Metrics metrics = new Metrics();
    OkHttpClient http = Wiring.httpClient();
    Optional<Database> database = config.database().map(ServeCommand::openDatabase);
    WebexClient unresolved = client(config, metrics, http, database);
    String orgId = config.orgId().map(id -> resolveOrg(unresolved, id)).orElse(null);
    WebexClient client = unresolved.withOrgId(orgId);
    Policy policy = config.policyFile().map(PolicyFile::read).orElse(Policy.empty());
    Service.Builder settings = Service.settings(client, http)
        .policy(policy)
        .dataDir(config.dataDir())
        .listen(host, config.port())
        .ops(Operations.Settings.defaults().withOrgId(orgId)
            .withDefaultRegion(config.defaultRegion())
            .withSchedules(reportRooms(config)))
        .metrics(metrics)
        .keepWebhooksActive();
    database.ifPresent(settings::database);
    config.webex().ifPresent(webex -> {
      if (webex.transport() instanceof Config.Transport.Webhook webhook) {
        settings.webex(webhook.secret());
      } else if (webex.transport() instanceof Config.Transport.Websocket socket) {
        settings.webexSocket(HttpUrl.get(socket.u2c().toString()), new StaticTokenProvider(webex.botToken()));
      }
    });
    config.slack().ifPresent(app -> {
      HttpUrl slackApi = HttpUrl.get(app.apiBase().toString());
      if (app.transport() instanceof Config.SlackTransport.Requests requests) {
        settings.slack(new Service.SlackSide(app.botToken(), requests.signingSecret(), slackApi, app.teamId(),
            app.responseHosts()));
      } else if (app.transport() instanceof Config.SlackTransport.SocketMode socketMode) {
        settings.slack(Service.SlackSide.socketMode(app.botToken(), socketMode.appToken(), slackApi, app.teamId(),
            app.responseHosts()));
      }
    });
    Service service = Service.start(adjust.apply(settings).build());
    warnAboutPolicy(client, policy);
    return service;
  }

  /** The shared state's database, its schema brought up to date (a no-op when another replica did). */
  private static Database openDatabase(Config.Database settings) {
    Database database = Database.connect(settings.url(), settings.user(), settings.password());
    try {
      int applied = database.migrate();
      if (applied > 0) log.info("Applied {} database migration(s)", applied);
      log.info("Shared state is in the database (audit, dedup, locks, refresh token, previews, card ids, schedules):"
          + " replicas may run side by side");
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The Webex client for this configuration, on the service's one HTTP client. */
  private static WebexClient client(Config config, Metrics metrics, OkHttpClient http, Optional<Database> database) {
    HttpUrl base = HttpUrl.get(config.apiBase().toString());
    TokenProvider admin;
    if (config.admin() instanceof Config.AdminCredentials.Refresh refresh) {
      admin = new RefreshingTokenProvider(base, http, refresh.clientId(), refresh.clientSecret(),
          refresh.refreshToken(), database.<RefreshTokenStore>map(PgRefreshTokenStore::new)
              .orElseGet(() -> new FileRefreshTokenStore(config.dataDir())), Clock.systemUTC());
    } else {
      admin = new StaticTokenProvider(((Config.AdminCredentials.StaticToken) config.admin()).token());
    }
    return WebexClient.builder()
        .baseUrl(base)
        .httpClient(http)
        // Without the Webex front end there is no bot token: only admin calls are made.
        .botTokens(config.webex().map(w -> (TokenProvider) new StaticTokenProvider(w.botToken())).orElse(null))
        .adminTokens(admin)
        .listener(metrics)
        .build();
  }

  /**
   * {@code WEBEX_ORG_ID} as Webex writes it: Control Hub shows the bare uuid, the API wants (and the People API
   * answers with) the base64 id, so the value is looked up once with {@code GET /organizations/{id}}, as wxcadm does
   * for a 36-character org id. A value Webex does not know stops the start, naming the variable.
   */
  static String resolveOrg(WebexClient client, String configured) {
    try {
      Organization org = client.organization(configured);
      log.info("Managing {} ({})", org.displayName(), org.id());
      return org.id();
    } catch (WebexException e) {
      String why = e.status() == 404 || e.status() == 400 || e.status() == 403
          ? "Webex knows no organisation with that id that the admin token may manage"
          : "it could not be checked with Webex";
      throw new IllegalStateException("WEBEX_ORG_ID is '" + configured + "': " + why + " (" + e.getMessage()
          + "). Set it to the organisation id Control Hub shows, or leave it unset to manage the admin token's own.",
          e);
    }
  }

  /** A policy naming a location that does not exist grants nothing: say so at start. */
  private static void warnAboutPolicy(WebexClient client, Policy policy) {
    try {
      List<String> names = client.callingLocations().stream().map(l -> l.name()).toList();
      for (String unknown : policy.unknownLocations(names)) {
        log.warn("The policy names location '{}', which matches no calling location: it grants nothing", unknown);
      }
    } catch (RuntimeException e) {
      log.warn("Could not check the policy's location names against Webex: {}", e.getMessage());
    }
  }

  /** The daily report goes to the Webex room and the Slack channel that are set; neither: no report. */
  private static ScheduleSettings reportRooms(Config config) {
    ScheduleSettings schedules = ScheduleSettings.defaults();
    if (config.reportRoom().isPresent()) {
      schedules = schedules.withReportRoom(new Announcer.Room(Requester.Platform.WEBEX, config.reportRoom().get()));
    }
    if (config.reportChannel().isPresent()) {
      schedules = schedules.withReportRoom(new Announcer.Room(Requester.Platform.SLACK,
          config.reportChannel().get()));
    }
    return schedules;
  }
}
