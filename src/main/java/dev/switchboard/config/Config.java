package dev.switchboard.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code serve} needs, read from the environment by {@link ConfigLoader}.
 *
 * @param webex the Webex front end (bot token and transport), or empty when it is off
 * @param slack the Slack front end (bot token, signing secret or app token, API base), or empty when it is off
 * @param admin the admin credentials Webex Calling calls are made with
 * @param apiBase Webex's REST base URL
 * @param orgId the managed org, or empty for the admin token's own
 * @param port the HTTP port
 * @param policyFile the policy file, or empty for none (only Webex admin roles then)
 * @param dataDir where the audit log and the refresh token live
 * @param publicUrl the URL Webex reaches us at, or empty
 * @param defaultRegion the region phone numbers are read in when a location has no country
 * @param reportRoom the Webex room the daily report of forgotten intercepts goes to, or empty
 * @param reportChannel the Slack channel it goes to, or empty (neither: no report)
 * @param database the PostgreSQL database that holds the shared state, or empty for the files in {@code dataDir}
 */
public record Config(
    Optional<WebexFrontEnd> webex, Optional<SlackApp> slack, AdminCredentials admin, URI apiBase,
    Optional<String> orgId, int port, Optional<Path> policyFile, Path dataDir, Optional<URI> publicUrl,
    String defaultRegion, Optional<String> reportRoom, Optional<String> reportChannel, Optional<Database> database) {

  public Config {
    Objects.requireNonNull(webex, "webex");
    Objects.requireNonNull(slack, "slack");
    if (webex.isEmpty() && slack.isEmpty()) throw new IllegalArgumentException("no front end is on");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(apiBase, "apiBase");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(database, "database");
  }

  /** The database of the shared state: a JDBC URL and, unless the URL carries them, a user and a password. */
  public record Database(String url, Optional<String> user, Optional<String> password) {
    public Database {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Database[url=" + url.replaceAll("(?i)password=[^&]*", "password=***") + ", user=" + user
          + ", password=" + password.map(p -> "***") + "]";
    }
  }

  /** The Webex bot: its token, and how Webex reaches it. */
  public record WebexFrontEnd(String botToken, Transport transport) {
    public WebexFrontEnd {
      Objects.requireNonNull(botToken, "botToken");
      Objects.requireNonNull(transport, "transport");
    }

    /** Over webhooks signed with {@code webhookSecret}. */
    public WebexFrontEnd(String botToken, String webhookSecret) {
      this(botToken, new Transport.Webhook(webhookSecret));
    }

    @Override
    public String toString() {
      return "WebexFrontEnd[botToken=***, transport=" + transport + "]";
    }
  }

  /** How Webex reaches the bot: webhooks to a public URL, or the websocket the bot opens itself. */
  public sealed interface Transport {
    /** {@code WEBEX_TRANSPORT=webhook}: Webex posts to our public URL, signing with {@code secret}. */
    record Webhook(String secret) implements Transport {
      public Webhook {
        Objects.requireNonNull(secret, "secret");
      }

      @Override
      public String toString() {
        return "Webhook[secret=***]";
      }
    }

    /** {@code WEBEX_TRANSPORT=websocket}: the bot connects out, finding the device service in the catalog at {@code u2c}. */
    record Websocket(URI u2c) implements Transport {
      public Websocket {
        Objects.requireNonNull(u2c, "u2c");
      }
    }
  }

  /**
   * The Slack app: its bot token, how Slack reaches it ({@link SlackTransport}), Slack's Web API base URL, the
   * workspace to accept requests from (empty: the bot token's, by {@code auth.test}) and the hosts a
   * {@code response_url} may point at.
   */
  public record SlackApp(String botToken, SlackTransport transport, URI apiBase, Optional<String> teamId,
      List<String> responseHosts) {
    public SlackApp {
      Objects.requireNonNull(botToken, "botToken");
      Objects.requireNonNull(transport, "transport");
      Objects.requireNonNull(apiBase, "apiBase");
      Objects.requireNonNull(teamId, "teamId");
      responseHosts = List.copyOf(responseHosts);
    }

    /** Over Slack's requests to our public URL, signed with {@code signingSecret}. */
    public SlackApp(String botToken, String signingSecret, URI apiBase, Optional<String> teamId,
        List<String> responseHosts) {
      this(botToken, new SlackTransport.Requests(signingSecret), apiBase, teamId, responseHosts);
    }

    @Override
    public String toString() {
      return "SlackApp[botToken=***, transport=" + transport + ", apiBase=" + apiBase + ", teamId=" + teamId
          + ", responseHosts=" + responseHosts + "]";
    }
  }

  /** How Slack reaches the bot. */
  public sealed interface SlackTransport {
    /** {@code SLACK_SIGNING_SECRET}: Slack posts to our public URL, signing with {@code signingSecret}. */
    record Requests(String signingSecret) implements SlackTransport {
      public Requests {
        Objects.requireNonNull(signingSecret, "signingSecret");
      }

      @Override
      public String toString() {
        return "Requests[signingSecret=***]";
      }
    }

    /** {@code SLACK_APP_TOKEN}: the bot connects out over Socket Mode with the app-level token. */
    record SocketMode(String appToken) implements SlackTransport {
      public SocketMode {
        Objects.requireNonNull(appToken, "appToken");
      }

      @Override
      public String toString() {
        return "SocketMode[appToken=***]";
      }
    }
  }

  /** How Switchboard gets an admin token: a fixed one, or a Service App / integration refresh. */
  public sealed interface AdminCredentials {
    record StaticToken(String token) implements AdminCredentials {
      @Override
      public String toString() {
        return "StaticToken[***]";
      }
    }

    record Refresh(String clientId, String clientSecret, String refreshToken) implements AdminCredentials {
      @Override
      public String toString() {
        return "Refresh[clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
      }
    }
  }
}
