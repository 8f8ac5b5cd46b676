package dev.switchboard.chat.webex;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the leading mention of the bot from a group-space message. Webex puts the mentioned
 * name into {@code text} as the sender's client showed it: the full display name, or a shortened
 * first name; {@code html} marks it with a {@code <spark-mention>} element.
 */
public final class MentionStripper {

  private static final Pattern MENTION = Pattern.compile(
      "^\\s*(?:<p>)?\\s*<spark-mention[^>]*data-object-id=\"([^\"]+)\"[^>]*>(.*?)</spark-mention>",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final String botPersonId;
  private final String botDisplayName;

  public MentionStripper(String botPersonId, String botDisplayName) {
    this.botPersonId = botPersonId;
    this.botDisplayName = botDisplayName == null ? "" : botDisplayName;
  }

  /** The command text without the bot's leading mention; other text is returned as it is. */
  public String strip(String text, String html) {
    if (text == null) return "";
    String trimmed = text.strip();
    if (html != null) {
      Matcher m = MENTION.matcher(html);
      if (m.find() && (botPersonId == null || m.group(1).equals(botPersonId))) {
        String shown = m.group(2).replaceAll("<[^>]+>", "").strip();
        if (!shown.isEmpty() && startsWithIgnoreCase(trimmed, shown)) return rest(trimmed, shown.length());
      }
    }
    for (String name : new String[] {botDisplayName, firstWord(botDisplayName)}) {
      if (!name.isEmpty() && startsWithIgnoreCase(trimmed, name)
          && (trimmed.length() == name.length() || !Character.isLetterOrDigit(trimmed.charAt(name.length())))) {
        return rest(trimmed, name.length());
      }
    }
    return trimmed;
  }

  private static String rest(String text, int from) {
    return text.substring(from).replaceFirst("^[\\s,:]+", "");
  }

  private static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /** "Switchboard Bot" is shown as "Switchboard" when a client shortens a mention to the first name. */
  private static String firstWord(String name) {
    int space = name.indexOf(' ');
    return space < 0 ? "" : name.substring(0, space);
  }
}
