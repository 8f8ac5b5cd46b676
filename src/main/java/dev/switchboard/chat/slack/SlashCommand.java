package dev.switchboard.chat.slack;

import java.util.Map;

/**
 * A slash command invocation as Slack POSTs it (form fields), reduced to what Switchboard uses.
 *
 * @see <a href="https://api.slack.com/interactivity/slash-commands">Slash commands</a>
 */
public record SlashCommand(
    String teamId, String enterpriseId, String channelId, String userId, String command, String text, String responseUrl,
    String triggerId) {

  /** The command from its form fields, or null when a field Switchboard needs is missing. */
  public static SlashCommand of(Map<String, String> form) {
    SlashCommand command = new SlashCommand(form.get("team_id"), form.get("enterprise_id"), form.get("channel_id"), form.get("user_id"),
        form.get("command"), form.getOrDefault("text", ""), form.get("response_url"), form.get("trigger_id"));
    return blank(command.userId) || blank(command.channelId) || blank(command.responseUrl) ? null : command;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
