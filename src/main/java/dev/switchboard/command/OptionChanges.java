package dev.switchboard.command;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One intercept setting changed with no word of intercept itself: "turn off voicemail at HQ", "disable the
 * announcement at Austin", "voicemail on at Denver", "announce +1… at HQ". The settings are intercept's, and setting
 * them turns intercept on, so the line is only offered as the intercept change it means, for {@code yes}.
 */
final class OptionChanges {

  private static final String SETTING = "(voicemail|voice\\s+mail|vm|the\\s+voicemail|announcements?|the\\s+announcements?"
      + "|announce(?:ment)?\\s+number|the\\s+announce(?:ment)?\\s+number|zero(?:\\s+transfer)?|the\\s+zero\\s+transfer)";
  private static final String AT = "\\s+(?:at|in|for|on|@)\\s+(.+)";
  private static final Pattern VERB_FIRST = Pattern.compile("(?i)^(?:(?:turn|switch)\\s+(on|off)|(enable|disable"
      + "|activate|deactivate|remove|drop|stop|clear|add|start))\\s+" + SETTING + AT + "$");
  private static final Pattern SETTING_FIRST = Pattern.compile("(?i)^" + SETTING + "\\s+(on|off)" + AT + "$");
  private static final Pattern ANNOUNCE = Pattern.compile(
      "(?i)^(?:announce|play)\\s+((?:tel:)?[+(]?\\d[\\d\\s().\\-]{3,}?)" + AT + "$");

  private OptionChanges() {}

  /** The intercept change such a line means ("intercept on at HQ no voicemail"), if it is one. */
  static Optional<String> meant(String text) {
    Matcher m = VERB_FIRST.matcher(text);
    if (m.matches()) {
      boolean on = m.group(1) != null ? m.group(1).equalsIgnoreCase("on")
          : m.group(2).toLowerCase(Locale.ROOT).matches("enable|activate|add|start");
      return line(m.group(4), setting(m.group(3), on));
    }
    m = SETTING_FIRST.matcher(text);
    if (m.matches()) return line(m.group(3), setting(m.group(1), m.group(2).equalsIgnoreCase("on")));
    m = ANNOUNCE.matcher(text);
    if (m.matches()) return line(m.group(2), "announce " + m.group(1).strip());
    return Optional.empty();
  }

  /** The option words of the grammar; null when the setting is only turned on with a number ("enable zero"). */
  private static String setting(String said, boolean on) {
    String word = said.toLowerCase(Locale.ROOT).replaceFirst("^the\\s+", "");
    if (word.startsWith("v")) return on ? "voicemail" : "no voicemail";
    if (on) return null; // an announcement or zero transfer is turned on by giving its number
    return word.startsWith("z") ? "zero off" : "announce off";
  }

  private static Optional<String> line(String place, String option) {
    if (option == null || place.isBlank()) return Optional.empty();
    return Optional.of("intercept on at " + place.strip() + " " + option);
  }
}
