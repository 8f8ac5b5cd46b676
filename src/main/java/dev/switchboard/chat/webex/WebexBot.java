package dev.switchboard.chat.webex;

import java.util.Locale;

/**
 * Who the bot is on Webex, read once at start from {@code GET /people/me} with the bot token.
 *
 * @param personId the bot's person id: its own messages carry it
 * @param email the bot's address, e.g. {@code switchboard@webex.bot}
 * @param displayName the name people mention it by
 */
public record WebexBot(String personId, String email, String displayName) {

  /** Who the bot is before Webex has said: no id or address yet, only the name people use. */
  public static WebexBot unknown(String displayName) {
    return new WebexBot(null, null, displayName);
  }

  /** Bots, this one and others, have addresses at webex.bot; their messages are never commands. */
  public boolean isBotSender(String senderId, String senderEmail) {
    if (personId != null && personId.equals(senderId)) return true;
    return senderEmail != null && senderEmail.toLowerCase(Locale.ROOT).endsWith("@webex.bot");
  }
}
