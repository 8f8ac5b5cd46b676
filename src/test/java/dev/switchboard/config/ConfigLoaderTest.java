package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {

  @TempDir Path dir;

  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("WEBEX_BOT_TOKEN", "bot-token");
    env.put("WEBEX_WEBHOOK_SECRET", "secret");
    env.put("WEBEX_ADMIN_TOKEN", "admin-token");
    return env;
  }

  private static Config loaded(Map<String, String> env) {
    ConfigLoader.Result result = ConfigLoader.load(env);
    assertThat(result).isInstanceOf(ConfigLoader.Result.Loaded.class);
    return ((ConfigLoader.Result.Loaded) result).config();
  }

  private static String problems(Map<String, String> env) {
    ConfigLoader.Result result = ConfigLoader.load(env);
    assertThat(result).isInstanceOf(ConfigLoader.Result.Problems.class);
    return String.join("\n", ((ConfigLoader.Result.Problems) result).problems());
  }

  @Test
  void load_minimal_appliesDefaults() {
    Config config = loaded(minimal());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.apiBase().toString()).isEqualTo("https://webexapis.com/v1");
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.defaultRegion()).isEqualTo("US");
    assertThat(config.orgId()).isEmpty();
    assertThat(config.admin()).isEqualTo(new Config.AdminCredentials.StaticToken("admin-token"));
  }

  @Test
  void load_nothingSet_namesEveryMissingVariableOnItsOwnLine() {
    ConfigLoader.Result result = ConfigLoader.load(Map.of());
    var lines = ((ConfigLoader.Result.Problems) result).problems();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("WEBEX_BOT_TOKEN").contains("WEBEX_WEBHOOK_SECRET");
    assertThat(lines.get(1)).contains("WEBEX_ADMIN_TOKEN").contains("WEBEX_REFRESH_TOKEN");
  }

  @Test
  void load_secretWithoutToken_namesTheOther() {
    Map<String, String> env = minimal();
    env.remove("WEBEX_BOT_TOKEN");
    assertThat(problems(env)).startsWith("WEBEX_BOT_TOKEN is not set, but WEBEX_WEBHOOK_SECRET is");
  }

  @Test
  void load_refreshCredentials_allThreeRequired() {
    Map<String, String> env = minimal();
    env.remove("WEBEX_ADMIN_TOKEN");
    env.put("WEBEX_CLIENT_ID", "id");
    env.put("WEBEX_REFRESH_TOKEN", "refresh");
    assertThat(problems(env)).contains("WEBEX_CLIENT_SECRET is not set").doesNotContain("WEBEX_CLIENT_ID is not");
    env.put("WEBEX_CLIENT_SECRET", "s");
    assertThat(loaded(env).admin()).isEqualTo(new Config.AdminCredentials.Refresh("id", "s", "refresh"));
  }

  @Test
  void load_tokenAndRefreshTogether_isAmbiguous() {
    Map<String, String> env = minimal();
    env.put("WEBEX_CLIENT_ID", "id");
    assertThat(problems(env)).contains("either the token or the three refresh variables");
  }

  @Test
  void load_malformedValues_eachNamed() {
    Map<String, String> env = minimal();
    env.put("PORT", "eighty");
    env.put("WEBEX_API_BASE", "webexapis.com");
    env.put("PUBLIC_URL", "ftp://bot.example.com");
    env.put("SWITCHBOARD_DEFAULT_REGION", "XX");
    env.put("SWITCHBOARD_POLICY", dir.resolve("missing.yaml").toString());
    String problems = problems(env);
    assertThat(problems.lines()).hasSize(5);
    assertThat(problems).contains("PORT is 'eighty'").contains("WEBEX_API_BASE is 'webexapis.com'")
        .contains("PUBLIC_URL is 'ftp://bot.example.com'").contains("SWITCHBOARD_DEFAULT_REGION is 'XX'")
        .contains("SWITCHBOARD_POLICY is");
  }

  @Test
  void load_invalidPolicyFile_isAProblem() throws Exception {
    Path policy = Files.writeString(dir.resolve("policy.yaml"), "onCal: [a@example.com]");
    Map<String, String> env = minimal();
    env.put("SWITCHBOARD_POLICY", policy.toString());
    assertThat(problems(env)).contains("SWITCHBOARD_POLICY").contains("onCal");
  }

  private static Map<String, String> slackOnly() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-slack-token");
    env.put("SLACK_SIGNING_SECRET", "slack-signing-secret");
    env.put("WEBEX_ADMIN_TOKEN", "admin-token");
    return env;
  }

  @Test
  void load_webexPairOnly_slackOff() {
    Config config = loaded(minimal());
    assertThat(config.webex()).contains(new Config.WebexFrontEnd("bot-token", "secret"));
    assertThat(config.slack()).isEmpty();
  }

  @Test
  void load_websocketTransport_needsNoWebhookSecret_andDefaultsTheCatalog() {
    Map<String, String> env = minimal();
    env.remove("WEBEX_WEBHOOK_SECRET");
    env.put("WEBEX_TRANSPORT", "websocket");
    Config.WebexFrontEnd webex = loaded(env).webex().orElseThrow();
    assertThat(webex.transport()).isEqualTo(new Config.Transport.Websocket(
        java.net.URI.create("https://u2c.wbx2.com/u2c/api/v1")));

    env.put("WEBEX_U2C_URL", "http://127.0.0.1:9000/u2c/api/v1");
    assertThat(loaded(env).webex().orElseThrow().transport()).isEqualTo(new Config.Transport.Websocket(
        java.net.URI.create("http://127.0.0.1:9000/u2c/api/v1")));
  }

  @Test
  void load_websocketTransport_withoutBotToken_orWithABadCatalogUrl_namesTheVariable() {
    Map<String, String> env = minimal();
    env.remove("WEBEX_BOT_TOKEN");
    env.put("WEBEX_TRANSPORT", "websocket");
    env.put("WEBEX_U2C_URL", "u2c.wbx2.com");
    assertThat(problems(env)).contains("WEBEX_BOT_TOKEN is not set, but WEBEX_TRANSPORT is websocket")
        .contains("WEBEX_U2C_URL is 'u2c.wbx2.com'");
  }

  @Test
  void load_unknownTransport_namesTheVariableAndTheChoices() {
    Map<String, String> env = minimal();
    env.put("WEBEX_TRANSPORT", "carrier-pigeon");
    assertThat(problems(env)).startsWith("WEBEX_TRANSPORT is 'carrier-pigeon'").contains("webhook")
        .contains("websocket").hasLineCount(1);
  }

  @Test
  void load_webhookTransportSaidOutright_isTheDefault() {
    Map<String, String> env = minimal();
    env.put("WEBEX_TRANSPORT", "Webhook");
    assertThat(loaded(env).webex()).contains(new Config.WebexFrontEnd("bot-token", "secret"));
  }

  @Test
  void load_slackPairOnly_webexOffAndSlackApiBaseDefaulted() {
    Config config = loaded(slackOnly());
    assertThat(config.webex()).isEmpty();
    assertThat(config.slack()).contains(new Config.SlackApp("xoxb-slack-token", "slack-signing-secret",
        java.net.URI.create("https://slack.com/api"), java.util.Optional.empty(), List.of("hooks.slack.com")));
  }

  @Test
  void load_slackTeamAndResponseHosts_readAndChecked() {
    Map<String, String> env = slackOnly();
    env.put("SLACK_TEAM_ID", "T0OURS");
    env.put("SLACK_RESPONSE_HOSTS", "hooks.slack.com, 127.0.0.1:8089");
    Config.SlackApp slack = loaded(env).slack().orElseThrow();
    assertThat(slack.teamId()).contains("T0OURS");
    assertThat(slack.responseHosts()).containsExactly("hooks.slack.com", "127.0.0.1:8089");

    env.put("SLACK_TEAM_ID", "not a team");
    env.put("SLACK_RESPONSE_HOSTS", "https://evil.example/x");
    assertThat(ConfigLoader.load(env)).isInstanceOfSatisfying(ConfigLoader.Result.Problems.class, p ->
        assertThat(p.problems()).anyMatch(line -> line.startsWith("SLACK_TEAM_ID"))
            .anyMatch(line -> line.startsWith("SLACK_RESPONSE_HOSTS")));
  }

  @Test
  void load_bothPairs_bothOn() {
    Map<String, String> env = slackOnly();
    env.putAll(minimal());
    env.put("SLACK_API_BASE", "http://127.0.0.1:9999/api");
    Config config = loaded(env);
    assertThat(config.webex()).isPresent();
    assertThat(config.slack().orElseThrow().apiBase().toString()).isEqualTo("http://127.0.0.1:9999/api");
  }

  @Test
  void load_slackSigningSecretWithoutToken_namesTheOther() {
    Map<String, String> env = minimal();
    env.put("SLACK_SIGNING_SECRET", "s");
    assertThat(problems(env)).isEqualTo("SLACK_BOT_TOKEN is not set, but SLACK_SIGNING_SECRET is: set it to the "
        + "Slack app's bot token (xoxb-..., under OAuth & Permissions).");
  }

  @Test
  void load_slackTokenWithoutSigningSecret_namesTheOther() {
    Map<String, String> env = slackOnly();
    env.remove("SLACK_SIGNING_SECRET");
    assertThat(problems(env)).startsWith("SLACK_SIGNING_SECRET is not set, but SLACK_BOT_TOKEN is")
        .doesNotContain("No front end");
  }

  @Test
  void load_noFrontEnd_oneProblemNamingBothPairs() {
    Map<String, String> env = new HashMap<>();
    env.put("WEBEX_ADMIN_TOKEN", "admin-token");
    assertThat(problems(env)).startsWith("No front end is configured").contains("WEBEX_BOT_TOKEN")
        .contains("WEBEX_WEBHOOK_SECRET").contains("SLACK_BOT_TOKEN").contains("SLACK_SIGNING_SECRET")
        .hasLineCount(1);
  }

  @Test
  void load_slackOnlyWithoutAdminCredentials_adminStillRequired() {
    Map<String, String> env = slackOnly();
    env.remove("WEBEX_ADMIN_TOKEN");
    assertThat(problems(env)).contains("WEBEX_ADMIN_TOKEN is not set");
  }

  @Test
  void load_malformedSlackApiBase_named() {
    Map<String, String> env = slackOnly();
    env.put("SLACK_API_BASE", "slack.com/api");
    assertThat(problems(env)).isEqualTo("SLACK_API_BASE is 'slack.com/api': set it to an http or https URL.");
  }

  @Test
  void toString_slack_neverShowsSecrets() {
    Config config = loaded(slackOnly());
    assertThat(config.toString()).doesNotContain("xoxb-slack-token").doesNotContain("slack-signing-secret");
  }

  @Test
  void load_reportRoom_isOptional() {
    assertThat(loaded(minimal()).reportRoom()).isEmpty();

    Map<String, String> env = minimal();
    env.put("SWITCHBOARD_REPORT_ROOM", " Y2lzY29zcGFyazovL3VzL1JPT00vb3Bz ");
    assertThat(loaded(env).reportRoom()).contains("Y2lzY29zcGFyazovL3VzL1JPT00vb3Bz");
  }

  @Test
  void toString_neverShowsSecrets() {
    Config config = loaded(minimal());
    assertThat(config.toString()).doesNotContain("bot-token").doesNotContain("admin-token").doesNotContain("secret]");
  }

  @Test
  void load_withoutDatabaseUrl_keepsTheFileStore() {
    assertThat(loaded(minimal()).database()).isEmpty();
  }

  @Test
  void load_databaseUrlUserAndPassword_areTheDatabase_andThePasswordIsNeverPrinted() {
    Map<String, String> env = minimal();
    env.put("SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://db:5432/switchboard");
    env.put("SWITCHBOARD_DATABASE_USER", "switchboard");
    env.put("SWITCHBOARD_DATABASE_PASSWORD", "hunter2");
    Config.Database db = loaded(env).database().orElseThrow();
    assertThat(db.url()).isEqualTo("jdbc:postgresql://db:5432/switchboard");
    assertThat(db.user()).contains("switchboard");
    assertThat(db.password()).contains("hunter2");
    assertThat(db.toString()).doesNotContain("hunter2");
  }

  @Test
  void load_passwordFile_isReadFromItsFirstLine() throws Exception {
    Path file = dir.resolve("db-password");
    Files.writeString(file, "from-file\n");
    Map<String, String> env = minimal();
    env.put("SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://db:5432/switchboard");
    env.put("SWITCHBOARD_DATABASE_PASSWORD_FILE", file.toString());
    assertThat(loaded(env).database().orElseThrow().password()).contains("from-file");
  }

  @Test
  void load_badDatabaseSettings_sayHowToFixEach() {
    Map<String, String> notJdbc = minimal();
    notJdbc.put("SWITCHBOARD_DATABASE_URL", "postgres://db/switchboard?password=hunter2");
    assertThat(problems(notJdbc)).contains("SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://").doesNotContain("hunter2");

    Map<String, String> both = minimal();
    both.put("SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://db:5432/switchboard");
    both.put("SWITCHBOARD_DATABASE_PASSWORD", "x");
    both.put("SWITCHBOARD_DATABASE_PASSWORD_FILE", dir.resolve("p").toString());
    assertThat(problems(both)).contains("both set");

    Map<String, String> missingFile = minimal();
    missingFile.put("SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://db:5432/switchboard");
    missingFile.put("SWITCHBOARD_DATABASE_PASSWORD_FILE", dir.resolve("absent").toString());
    assertThat(problems(missingFile)).contains("SWITCHBOARD_DATABASE_PASSWORD_FILE", "cannot be read");

    Map<String, String> userWithoutUrl = minimal();
    userWithoutUrl.put("SWITCHBOARD_DATABASE_USER", "switchboard");
    assertThat(problems(userWithoutUrl)).contains("SWITCHBOARD_DATABASE_URL is not set");
  }

  @Test
  void loadDatabase_withoutUrl_isAProblemNamingIt() {
    ConfigLoader.DatabaseResult result = ConfigLoader.loadDatabase(Map.of());
    assertThat(result).isInstanceOf(ConfigLoader.DatabaseResult.Problems.class);
    assertThat(((ConfigLoader.DatabaseResult.Problems) result).problems()).singleElement().asString()
        .contains("SWITCHBOARD_DATABASE_URL");
  }

  // ---- Slack over Socket Mode (SLACK_APP_TOKEN instead of SLACK_SIGNING_SECRET)

  private static Map<String, String> slackSocketOnly() {
    Map<String, String> env = slackOnly();
    env.remove("SLACK_SIGNING_SECRET");
    env.put("SLACK_APP_TOKEN", "xapp-1-A1-socket");
    return env;
  }

  @Test
  void load_slackAppToken_selectsSocketMode_withNoSigningSecret() {
    Config.SlackApp slack = loaded(slackSocketOnly()).slack().orElseThrow();
    assertThat(slack.transport()).isEqualTo(new Config.SlackTransport.SocketMode("xapp-1-A1-socket"));
    assertThat(slack.toString()).doesNotContain("xapp-1-A1-socket");
  }

  @Test
  void load_slackSocketMode_withWebexOverWebhooks_bothOn() {
    Map<String, String> env = slackSocketOnly();
    env.putAll(minimal());
    Config config = loaded(env);
    assertThat(config.webex()).contains(new Config.WebexFrontEnd("bot-token", "secret"));
    assertThat(config.slack().orElseThrow().transport()).isInstanceOf(Config.SlackTransport.SocketMode.class);
  }

  @Test
  void load_botTokenAsAppToken_isRefused_namingWhatItIs() {
    Map<String, String> env = slackSocketOnly();
    env.put("SLACK_APP_TOKEN", "xoxb-123-the-bot-token");
    assertThat(problems(env)).startsWith("SLACK_APP_TOKEN is a bot token (xoxb-...)").contains("xapp-")
        .contains("connections:write").doesNotContain("the-bot-token").hasLineCount(1);

    env.put("SLACK_APP_TOKEN", "hunter2");
    assertThat(problems(env)).startsWith("SLACK_APP_TOKEN does not look like an app-level token")
        .doesNotContain("hunter2");
  }

  @Test
  void load_appTokenAsBotToken_isRefused() {
    Map<String, String> env = slackSocketOnly();
    env.put("SLACK_BOT_TOKEN", "xapp-1-A1-socket");
    assertThat(problems(env)).startsWith("SLACK_BOT_TOKEN is an app-level token (xapp-...)")
        .contains("SLACK_APP_TOKEN");
  }

  @Test
  void load_signingSecretAndAppTokenBoth_isRefused_namingBoth() {
    Map<String, String> env = slackSocketOnly();
    env.put("SLACK_SIGNING_SECRET", "slack-signing-secret");
    assertThat(problems(env)).startsWith("SLACK_SIGNING_SECRET and SLACK_APP_TOKEN are both set").hasLineCount(1);
  }

  @Test
  void load_appTokenWithoutBotToken_namesTheBotToken() {
    Map<String, String> env = slackSocketOnly();
    env.remove("SLACK_BOT_TOKEN");
    assertThat(problems(env)).isEqualTo("SLACK_BOT_TOKEN is not set, but SLACK_APP_TOKEN is: set it to the Slack "
        + "app's bot token (xoxb-..., under OAuth & Permissions).");
  }

  @Test
  void load_botTokenAlone_namesBothWaysIn() {
    Map<String, String> env = slackSocketOnly();
    env.remove("SLACK_APP_TOKEN");
    assertThat(problems(env)).startsWith("SLACK_SIGNING_SECRET is not set, but SLACK_BOT_TOKEN is")
        .contains("SLACK_APP_TOKEN");
  }
}
