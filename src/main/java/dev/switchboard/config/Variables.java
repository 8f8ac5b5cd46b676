package dev.switchboard.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every environment variable {@code serve} reads, with what it means: the one list that the deployment files
 * (Compose, Kubernetes, systemd) and their tests are checked against.
 */
public final class Variables {

  /**
   * One environment variable.
   *
   * @param name its name, e.g. {@code WEBEX_BOT_TOKEN}
   * @param meaning one line on what it holds
   * @param secret whether its value is a credential (a Kubernetes Secret, never a ConfigMap or a log)
   */
  public record Variable(String name, String meaning, boolean secret) {
    public Variable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(meaning, "meaning");
      if (!name.matches("[A-Z][A-Z0-9_]*")) throw new IllegalArgumentException("Not a variable name: " + name);
    }
  }

  /** All of them, in the order an operator fills them in. */
  public static final List<Variable> ALL = List.of(
      secret("WEBEX_BOT_TOKEN", "the Webex bot's access token (messages and webhooks); pairs with WEBEX_WEBHOOK_SECRET"),
      secret("WEBEX_WEBHOOK_SECRET", "the secret the bot's Webex webhooks are signed with (HMAC-SHA1)"),
      secret("WEBEX_ADMIN_TOKEN", "a fixed admin access token; or leave it unset and set the three refresh variables"),
      secret("WEBEX_CLIENT_ID", "the Service App's (or integration's) client id, for refreshing the admin token"),
      secret("WEBEX_CLIENT_SECRET", "the Service App's (or integration's) client secret"),
      secret("WEBEX_REFRESH_TOKEN", "the Service App's refresh token; a newer one is kept in the data directory"),
      plain("WEBEX_API_BASE", "the Webex REST base URL (default https://webexapis.com/v1; the simulator's for a trial)"),
      plain("WEBEX_ORG_ID", "the managed org's id, sent as orgId (default: the admin token's own org)"),
      plain("PORT", "the HTTP port serve listens on (default 8080)"),
      plain("SWITCHBOARD_POLICY", "path of the policy YAML: location admins, on-call and help-desk lists (optional)"),
      plain("SWITCHBOARD_DATA_DIR", "directory for the audit log and the newest refresh token (default ./data)"),
      plain("PUBLIC_URL", "the public base URL Webex and Slack reach serve at (used by webhooks register)"),
      plain("SWITCHBOARD_DEFAULT_REGION", "country for numbers typed without one, e.g. US or GB (default US)"),
      plain("SWITCHBOARD_REPORT_ROOM", "a Webex room id for the daily report of forgotten intercepts (optional)"),
      secret("SLACK_BOT_TOKEN", "the Slack app's bot token (xoxb-...); pairs with SLACK_SIGNING_SECRET"),
      secret("SLACK_SIGNING_SECRET", "the Slack app's signing secret, for verifying requests from Slack"),
      plain("SLACK_API_BASE", "the Slack Web API base URL (default https://slack.com/api)"));

  private Variables() {}

  /** The names of all variables. */
  public static Set<String> names() {
    return ALL.stream().map(Variable::name).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The variable of that name, if {@code serve} reads one. */
  public static Optional<Variable> named(String name) {
    return ALL.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  private static Variable secret(String name, String meaning) {
    return new Variable(name, meaning, true);
  }

  private static Variable plain(String name, String meaning) {
    return new Variable(name, meaning, false);
  }
}
