package dev.switchboard.bench.bolt;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jetty.SlackAppServer;

/**
 * Bolt for Java on its own Jetty adapter, acknowledging the benchmark's signed slash command with an
 * ephemeral message: the baseline Switchboard's Slack front end is measured against.
 *
 * <p>Arguments: {@code PORT SLACK_API_PREFIX}; the signing secret and bot token come from
 * {@code SLACK_SIGNING_SECRET} and {@code SLACK_BOT_TOKEN}. Bolt calls {@code auth.test} at start: the
 * prefix points it at the benchmark's local Slack stand-in.
 */
public final class BoltBaseline {

  private BoltBaseline() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(args[1]);
    App app = new App(AppConfig.builder()
        .signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
        .singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
        .slack(Slack.getInstance(slackConfig))
        .build());
    app.command("/switchboard", (req, ctx) -> ctx.ack(r -> r.responseType("ephemeral").text("Working on it…")));
    new SlackAppServer(app, "/slack/commands", port).start();
  }
}
