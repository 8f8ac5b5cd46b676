package dev.switchboard.config;

import java.util.Map;

/**
 * Every environment variable {@code serve} and its helpers read, with what it means: declared here once, read
 * through these constants, and the one list the deployment files (Compose, Kubernetes, systemd) are checked
 * against. In the order an operator fills them in.
 */
public enum Variable {
  WEBEX_BOT_TOKEN(true, "the Webex bot's access token (messages, webhooks, websocket); pairs with WEBEX_WEBHOOK_SECRET "
      + "unless WEBEX_TRANSPORT=websocket"),
  WEBEX_WEBHOOK_SECRET(true, "the secret the bot's Webex webhooks are signed with (HMAC-SHA1); not needed with "
      + "WEBEX_TRANSPORT=websocket"),
  WEBEX_TRANSPORT(false, "how Webex reaches the bot: webhook (default; needs a public URL and WEBEX_WEBHOOK_SECRET) or "
      + "websocket (outbound only, as the Webex apps connect)"),
  WEBEX_U2C_URL(false, "the Webex service catalog the websocket is found through (default "
      + "https://u2c.wbx2.com/u2c/api/v1; the simulator's {base}/u2c/api/v1 for a trial)"),
  WEBEX_ADMIN_TOKEN(true, "a fixed admin access token; or leave it unset and set the three refresh variables"),
  WEBEX_CLIENT_ID(true, "the Service App's (or integration's) client id, for refreshing the admin token"),
  WEBEX_CLIENT_SECRET(true, "the Service App's (or integration's) client secret"),
  WEBEX_REFRESH_TOKEN(true, "the Service App's refresh token; a newer one is kept in the data directory"),
  WEBEX_API_BASE(false, "the Webex REST base URL (default https://webexapis.com/v1; the simulator's for a trial)"),
  WEBEX_ORG_ID(false, "the managed org: its id as Control Hub shows it (a uuid) or its Webex id, resolved at start and "
      + "sent as orgId (default: the admin token's own org)"),
  PORT(false, "the HTTP port serve listens on (default 8080)"),
  SWITCHBOARD_POLICY(false, "path of the policy YAML: location admins, on-call and help-desk lists (optional)"),
  SWITCHBOARD_DATA_DIR(false, "directory for the audit log and the newest refresh token (default ./data)"),
  PUBLIC_URL(false, "the public base URL Webex and Slack reach serve at (used by webhooks register)"),
  SWITCHBOARD_DEFAULT_REGION(false, "country for numbers typed without one, e.g. US or GB (default US)"),
  SWITCHBOARD_REPORT_ROOM(false, "a Webex room id for the daily report of forgotten intercepts (optional)"),
  SLACK_BOT_TOKEN(true, "the Slack app's bot token (xoxb-...); pairs with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN"),
  SLACK_SIGNING_SECRET(true, "the Slack app's signing secret, for verifying requests from Slack"),
  SLACK_APP_TOKEN(true, "the Slack app-level token (xapp-..., scope connections:write): Slack over Socket Mode, outbound "
      + "only, instead of SLACK_SIGNING_SECRET and a public URL"),
  SLACK_API_BASE(false, "the Slack Web API base URL (default https://slack.com/api)"),
  SLACK_REPORT_CHANNEL(false, "a Slack channel id for the daily report of forgotten intercepts (optional)"),
  SLACK_TEAM_ID(false, "the Slack workspace (team id, T...) requests are accepted from (default: auth.test's)"),
  SLACK_RESPONSE_HOSTS(false, "comma-separated host[:port] a response_url may point at (default hooks.slack.com)"),
  SWITCHBOARD_DATABASE_URL(false, "a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db) for the shared state of two or "
      + "more replicas; unset: the files in the data directory (one instance)"),
  SWITCHBOARD_DATABASE_USER(false, "the database user (optional: the URL may name it)"),
  SWITCHBOARD_DATABASE_PASSWORD(true, "the database user's password; or set SWITCHBOARD_DATABASE_PASSWORD_FILE"),
  SWITCHBOARD_DATABASE_PASSWORD_FILE(false, "a file holding the database password (a mounted secret), instead of "
      + "SWITCHBOARD_DATABASE_PASSWORD");

  private final boolean secret;
  private final String meaning;

  Variable(boolean secret, String meaning) {
    this.secret = secret;
    this.meaning = meaning;
  }

  /** Whether its value is a credential (a Kubernetes Secret, never a ConfigMap or a log). */
  public boolean secret() {
    return secret;
  }

  /** One line on what it holds. */
  public String meaning() {
    return meaning;
  }

  /** Its value in {@code env} exactly as set, or null when unset. */
  public String in(Map<String, String> env) {
    return env.get(name());
  }
}
