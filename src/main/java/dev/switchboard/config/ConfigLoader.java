package dev.switchboard.config;

import static dev.switchboard.config.Variable.PORT;
import static dev.switchboard.config.Variable.PUBLIC_URL;
import static dev.switchboard.config.Variable.SLACK_API_BASE;
import static dev.switchboard.config.Variable.SLACK_APP_TOKEN;
import static dev.switchboard.config.Variable.SLACK_BOT_TOKEN;
import static dev.switchboard.config.Variable.SLACK_RESPONSE_HOSTS;
import static dev.switchboard.config.Variable.SLACK_TEAM_ID;
import static dev.switchboard.config.Variable.SLACK_SIGNING_SECRET;
import static dev.switchboard.config.Variable.SWITCHBOARD_DATABASE_PASSWORD;
import static dev.switchboard.config.Variable.SWITCHBOARD_DATABASE_PASSWORD_FILE;
import static dev.switchboard.config.Variable.SWITCHBOARD_DATABASE_URL;
import static dev.switchboard.config.Variable.SWITCHBOARD_DATABASE_USER;
import static dev.switchboard.config.Variable.SWITCHBOARD_DATA_DIR;
import static dev.switchboard.config.Variable.SWITCHBOARD_DEFAULT_REGION;
import static dev.switchboard.config.Variable.SWITCHBOARD_POLICY;
import static dev.switchboard.config.Variable.SLACK_REPORT_CHANNEL;
import static dev.switchboard.config.Variable.SWITCHBOARD_REPORT_ROOM;
import static dev.switchboard.config.Variable.WEBEX_ADMIN_TOKEN;
import static dev.switchboard.config.Variable.WEBEX_API_BASE;
import static dev.switchboard.config.Variable.WEBEX_BOT_TOKEN;
import static dev.switchboard.config.Variable.WEBEX_CLIENT_ID;
import static dev.switchboard.config.Variable.WEBEX_CLIENT_SECRET;
import static dev.switchboard.config.Variable.WEBEX_ORG_ID;
import static dev.switchboard.config.Variable.WEBEX_REFRESH_TOKEN;
import static dev.switchboard.config.Variable.WEBEX_TRANSPORT;
import static dev.switchboard.config.Variable.WEBEX_U2C_URL;
import static dev.switchboard.config.Variable.WEBEX_WEBHOOK_SECRET;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.switchboard.ops.PolicyFile;
import java.net.URI;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link Config} from the environment variables ({@link Variable}). It checks everything and reports every problem
 * at once, one line per variable, each saying how to fix it: {@code serve} refuses to start rather
 * than half-work.
 */
public final class ConfigLoader {

  public static final String DEFAULT_API_BASE = "https://webexapis.com/v1";
  public static final String DEFAULT_SLACK_API_BASE = "https://slack.com/api";
  public static final String DEFAULT_U2C_URL = "https://u2c.wbx2.com/u2c/api/v1";

  /** The outcome: a configuration, or the problems that stop one. */
  public sealed interface Result {
    record Loaded(Config config) implements Result {}

    record Problems(List<String> problems) implements Result {}
  }

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  public static Result load(Map<String, String> env) {
    return new ConfigLoader(env).load();
  }

  /** The database settings alone, for {@code migrate} and {@code import}: they need no front end. */
  public sealed interface DatabaseResult {
    record Loaded(Config.Database database) implements DatabaseResult {}

    record Problems(List<String> problems) implements DatabaseResult {}
  }

  /** Reads only the {@code SWITCHBOARD_DATABASE_} variables; the URL is required here. */
  public static DatabaseResult loadDatabase(Map<String, String> env) {
    ConfigLoader loader = new ConfigLoader(env);
    Optional<Config.Database> database = loader.database();
    if (!loader.problems.isEmpty()) return new DatabaseResult.Problems(List.copyOf(loader.problems));
    return database.<DatabaseResult>map(DatabaseResult.Loaded::new).orElseGet(() -> new DatabaseResult.Problems(
        List.of("SWITCHBOARD_DATABASE_URL is not set: set it to the JDBC URL of the database, such as "
            + "jdbc:postgresql://db:5432/switchboard.")));
  }

  private Result load() {
    Optional<Config.WebexFrontEnd> webex = webex();
    Optional<Config.SlackApp> slack = slack();
    Config.AdminCredentials admin = admin();
    URI apiBase = url(WEBEX_API_BASE, Optional.ofNullable(value(WEBEX_API_BASE)).orElse(DEFAULT_API_BASE));
    Optional<String> orgId = Optional.ofNullable(value(WEBEX_ORG_ID));
    int port = port();
    Optional<Path> policy = policy();
    Path dataDir = Path.of(Optional.ofNullable(value(SWITCHBOARD_DATA_DIR)).orElse("data"));
    Optional<URI> publicUrl = Optional.ofNullable(value(PUBLIC_URL)).map(v -> url(PUBLIC_URL, v));
    String region = region();
    Optional<String> reportRoom = Optional.ofNullable(value(SWITCHBOARD_REPORT_ROOM)); // optional: no report
    Optional<String> reportChannel = Optional.ofNullable(value(SLACK_REPORT_CHANNEL));
    Optional<Config.Database> database = database();
    if (!problems.isEmpty()) return new Result.Problems(List.copyOf(problems));
    return new Result.Loaded(new Config(webex, slack, admin, apiBase, orgId, port, policy, dataDir, publicUrl,
        region, reportRoom, reportChannel, database));
  }

  /**
   * The database when {@code SWITCHBOARD_DATABASE_URL} is set; its password from the variable or from a file (a
   * mounted secret), not both. Nothing connects here: {@code serve} and {@code migrate} do, and say so when they
   * cannot.
   */
  private Optional<Config.Database> database() {
    String url = value(SWITCHBOARD_DATABASE_URL);
    String user = value(SWITCHBOARD_DATABASE_USER);
    String password = value(SWITCHBOARD_DATABASE_PASSWORD);
    String passwordFile = value(SWITCHBOARD_DATABASE_PASSWORD_FILE);
    if (url == null) {
      if (user != null || password != null || passwordFile != null) {
        problems.add("SWITCHBOARD_DATABASE_URL is not set, but the database's user or password is: set it to the "
            + "JDBC URL (jdbc:postgresql://host:5432/switchboard), or unset the other SWITCHBOARD_DATABASE_ variables.");
      }
      return Optional.empty();
    }
    if (!url.startsWith("jdbc:postgresql://")) {
      problems.add("SWITCHBOARD_DATABASE_URL is '" + url.replaceAll("(?i)password=[^&]*", "password=***")
          + "': set it to a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/switchboard.");
      return Optional.empty();
    }
    if (password != null && passwordFile != null) {
      problems.add("SWITCHBOARD_DATABASE_PASSWORD and SWITCHBOARD_DATABASE_PASSWORD_FILE are both set: set one.");
      return Optional.empty();
    }
    if (passwordFile != null) password = readPassword(passwordFile);
    return Optional.of(new Config.Database(url, Optional.ofNullable(user), Optional.ofNullable(password)));
  }

  /** The first line of the password file; a missing or unreadable file is a problem that names it. */
  private String readPassword(String file) {
    try {
      String first = Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
      if (!first.isEmpty()) return first;
      problems.add("SWITCHBOARD_DATABASE_PASSWORD_FILE is '" + file + "', which is empty: put the password in it.");
    } catch (IOException | RuntimeException e) {
      problems.add("SWITCHBOARD_DATABASE_PASSWORD_FILE is '" + file + "', which cannot be read: point it at a "
          + "readable file holding the database password.");
    }
    return null;
  }

  /**
   * Over webhooks: on when both variables are set, one alone names the other. Over the websocket: on with the bot token
   * alone. Neither is fine when Slack is on.
   */
  private Optional<Config.WebexFrontEnd> webex() {
    String botToken = value(WEBEX_BOT_TOKEN);
    String secret = value(WEBEX_WEBHOOK_SECRET);
    String transport = Optional.ofNullable(value(WEBEX_TRANSPORT)).orElse("webhook").toLowerCase(Locale.ROOT);
    if (transport.equals("websocket")) {
      URI u2c = url(WEBEX_U2C_URL, Optional.ofNullable(value(WEBEX_U2C_URL)).orElse(DEFAULT_U2C_URL));
      if (botToken == null) {
        problems.add("WEBEX_BOT_TOKEN is not set, but WEBEX_TRANSPORT is websocket: set it to the bot's access token.");
      }
      return botToken == null || u2c == null ? Optional.empty()
          : Optional.of(new Config.WebexFrontEnd(botToken, new Config.Transport.Websocket(u2c)));
    }
    if (!transport.equals("webhook")) {
      problems.add("WEBEX_TRANSPORT is '" + value(WEBEX_TRANSPORT) + "': set it to webhook (Webex posts to a public "
          + "URL) or websocket (the bot connects out; no public URL), or leave it unset for webhook.");
      return Optional.empty();
    }
    if (botToken == null && secret == null) {
      if (value(SLACK_BOT_TOKEN) == null && value(SLACK_SIGNING_SECRET) == null && value(SLACK_APP_TOKEN) == null) {
        problems.add("No front end is configured: set WEBEX_BOT_TOKEN and WEBEX_WEBHOOK_SECRET (the bot's access "
            + "token and the secret its webhooks are signed with; `switchboard webhooks register` uses the same "
            + "secret) for Webex, or WEBEX_BOT_TOKEN and WEBEX_TRANSPORT=websocket for Webex without a public URL, "
            + "or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET for Slack (or SLACK_BOT_TOKEN and SLACK_APP_TOKEN for Slack "
            + "over Socket Mode, without a public URL), or both platforms.");
      }
      return Optional.empty();
    }
    if (botToken == null) {
      problems.add("WEBEX_BOT_TOKEN is not set, but WEBEX_WEBHOOK_SECRET is: set it to the bot's access token.");
    } else if (secret == null) {
      problems.add("WEBEX_WEBHOOK_SECRET is not set, but WEBEX_BOT_TOKEN is: set it to the secret the bot's "
          + "webhooks are signed with, or set WEBEX_TRANSPORT=websocket to receive over the websocket instead.");
    }
    return botToken == null || secret == null ? Optional.empty()
        : Optional.of(new Config.WebexFrontEnd(botToken, secret));
  }

  /**
   * On with the bot token and one way in: the signing secret (Slack posts to our public URL) or the app-level token
   * (Socket Mode, outbound only). A token of the wrong kind in either variable is named as such.
   */
  private Optional<Config.SlackApp> slack() {
    String botToken = value(SLACK_BOT_TOKEN);
    String secret = value(SLACK_SIGNING_SECRET);
    String appToken = value(SLACK_APP_TOKEN);
    URI apiBase = url(SLACK_API_BASE, Optional.ofNullable(value(SLACK_API_BASE)).orElse(DEFAULT_SLACK_API_BASE));
    if (botToken == null && secret == null && appToken == null) return Optional.empty();
    String wayIn = secret != null ? "SLACK_SIGNING_SECRET" : "SLACK_APP_TOKEN";
    boolean fine = true;
    if (botToken == null) {
      problems.add("SLACK_BOT_TOKEN is not set, but " + wayIn + " is: set it to the Slack app's bot token "
          + "(xoxb-..., under OAuth & Permissions).");
      fine = false;
    } else if (botToken.startsWith("xapp-")) {
      problems.add("SLACK_BOT_TOKEN is an app-level token (xapp-...): set it to the bot token (xoxb-..., under OAuth "
          + "& Permissions); the app-level token goes in SLACK_APP_TOKEN.");
      fine = false;
    } else if (secret == null && appToken == null) {
      problems.add("SLACK_SIGNING_SECRET is not set, but SLACK_BOT_TOKEN is: set it to the Slack app's signing "
          + "secret (under Basic Information, App Credentials), or set SLACK_APP_TOKEN to the app-level token "
          + "(xapp-...) to use Socket Mode instead, with no public URL.");
      fine = false;
    }
    if (secret != null && appToken != null) {
      problems.add("SLACK_SIGNING_SECRET and SLACK_APP_TOKEN are both set: set SLACK_SIGNING_SECRET for Slack's "
          + "requests to a public URL, or SLACK_APP_TOKEN for Socket Mode (outbound only), not both.");
      fine = false;
    }
    if (appToken != null && !appToken.startsWith("xapp-")) {
      problems.add(appToken.startsWith("xox")
          ? "SLACK_APP_TOKEN is a " + (appToken.startsWith("xoxb-") ? "bot" : "user") + " token (" + appToken.substring(0, 5)
              + "...): set it to the app-level token (xapp-..., under Basic Information, App-Level Tokens, with the "
              + "connections:write scope)."
          : "SLACK_APP_TOKEN does not look like an app-level token: set it to the xapp-... token under Basic "
              + "Information, App-Level Tokens (scope connections:write).");
      fine = false;
    }
    Optional<String> teamId = Optional.ofNullable(value(SLACK_TEAM_ID));
    teamId.filter(id -> !id.matches("[TE][A-Z0-9]{2,}")).ifPresent(id -> problems.add("SLACK_TEAM_ID is '" + id
        + "': set it to the workspace's team id (T..., from auth.test or the workspace URL), or leave it unset."));
    List<String> hosts = responseHosts();
    if (!fine || apiBase == null) return Optional.empty();
    Config.SlackTransport transport = secret != null ? new Config.SlackTransport.Requests(secret)
        : new Config.SlackTransport.SocketMode(appToken);
    return Optional.of(new Config.SlackApp(botToken, transport, apiBase, teamId, hosts));
  }

  /** Slack's own host unless {@code SLACK_RESPONSE_HOSTS} names others, each {@code host} or {@code host:port}. */
  private List<String> responseHosts() {
    String raw = value(SLACK_RESPONSE_HOSTS);
    if (raw == null) return List.of("hooks.slack.com");
    List<String> hosts = new ArrayList<>();
    for (String part : raw.split(",")) {
      String host = part.strip().toLowerCase(Locale.ROOT);
      if (host.isEmpty()) continue;
      if (!host.matches("[a-z0-9.\\-]+(:[0-9]{1,5})?")) {
        problems.add("SLACK_RESPONSE_HOSTS has '" + part.strip() + "': list host or host:port entries, "
            + "comma-separated (e.g. hooks.slack.com).");
      } else {
        hosts.add(host);
      }
    }
    return hosts;
  }

  private Config.AdminCredentials admin() {
    String token = value(WEBEX_ADMIN_TOKEN);
    String clientId = value(WEBEX_CLIENT_ID);
    String clientSecret = value(WEBEX_CLIENT_SECRET);
    String refresh = value(WEBEX_REFRESH_TOKEN);
    boolean anyRefresh = clientId != null || clientSecret != null || refresh != null;
    if (token != null && anyRefresh) {
      problems.add("WEBEX_ADMIN_TOKEN is set together with WEBEX_CLIENT_ID/WEBEX_CLIENT_SECRET/WEBEX_REFRESH_TOKEN: "
          + "set either the token or the three refresh variables, not both.");
      return null;
    }
    if (token != null) return new Config.AdminCredentials.StaticToken(token);
    if (!anyRefresh) {
      problems.add("WEBEX_ADMIN_TOKEN is not set: set it to an admin access token, or set WEBEX_CLIENT_ID, "
          + "WEBEX_CLIENT_SECRET and WEBEX_REFRESH_TOKEN of a Service App or integration instead.");
      return null;
    }
    if (clientId == null) problems.add("WEBEX_CLIENT_ID is not set: set it to the Service App's client id.");
    if (clientSecret == null) {
      problems.add("WEBEX_CLIENT_SECRET is not set: set it to the Service App's client secret.");
    }
    if (refresh == null) problems.add("WEBEX_REFRESH_TOKEN is not set: set it to the Service App's refresh token.");
    return clientId == null || clientSecret == null || refresh == null ? null
        : new Config.AdminCredentials.Refresh(clientId, clientSecret, refresh);
  }

  private int port() {
    String raw = value(PORT);
    if (raw == null) return 8080;
    try {
      int port = Integer.parseInt(raw);
      if (port >= 1 && port <= 65535) return port;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problems.add("PORT is '" + raw + "': set it to a port number from 1 to 65535.");
    return -1;
  }

  private Optional<Path> policy() {
    String raw = value(SWITCHBOARD_POLICY);
    if (raw == null) return Optional.empty();
    Path path = Path.of(raw);
    if (!Files.isReadable(path)) {
      problems.add("SWITCHBOARD_POLICY is '" + raw + "', which is not a readable file: point it at the policy YAML.");
      return Optional.empty();
    }
    try {
      PolicyFile.read(path);
    } catch (RuntimeException e) {
      problems.add("SWITCHBOARD_POLICY is '" + raw + "': " + e.getMessage());
    }
    return Optional.of(path);
  }

  private String region() {
    String raw = value(SWITCHBOARD_DEFAULT_REGION);
    if (raw == null) return "US";
    String region = raw.toUpperCase(Locale.ROOT);
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
      problems.add("SWITCHBOARD_DEFAULT_REGION is '" + raw + "': set it to a two-letter country code such as US or GB.");
    }
    return region;
  }

  private URI url(Variable name, String raw) {
    try {
      URI uri = new URI(raw);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
    } catch (URISyntaxException ignored) {
      // reported below
    }
    problems.add(name + " is '" + raw + "': set it to an http or https URL.");
    return null;
  }

  /** A variable's value, or null when it is unset or blank. */
  private String value(Variable variable) {
    String value = variable.in(env);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
