package dev.switchboard.chat.webex;

import dev.switchboard.ops.Reply;
import java.util.Objects;

/**
 * Where a Webex reply is shown, for the words that ask for a confirmation: in a direct space a typed {@code yes}
 * reaches the bot; in a group space only a message that mentions it does, so the instruction names the bot.
 *
 * @param group whether the space is a group space (or not known to be a direct one)
 * @param botName the bot's display name in Webex, shown as typed, never as a mention
 */
public record WebexSpace(boolean group, String botName) {

  public WebexSpace {
    Objects.requireNonNull(botName, "botName");
  }

  /** The space of a message whose {@code roomType} is {@code roomType}; anything but "direct" reads as a group. */
  public static WebexSpace of(String roomType, String botName) {
    return new WebexSpace(!"direct".equals(roomType), botName == null ? "Switchboard" : botName);
  }

  /** How to answer a preview here, in light markdown: one line. */
  String confirmLine(int minutes) {
    String yes = group ? "@" + Reply.literal(botName) + " yes" : "yes";
    String cancel = group ? "@" + Reply.literal(botName) + " cancel" : "cancel";
    return "Reply **" + yes + "** within " + minutes + " minutes to go ahead, or **" + cancel + "**.";
  }
}
