package dev.switchboard.chat.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a Slack mention asks for its answer to be shown to the channel: a trailing {@code share} (or
 * {@code share it}, {@code publicly}, {@code for everyone}), taken off before the command is parsed. Without it, an
 * answer only the requester needs is posted to them alone.
 *
 * @param text the command without the sharing words
 * @param shared whether the answer goes to the channel
 */
record Sharing(String text, boolean shared) {

  private static final Pattern SHARE =
      Pattern.compile("(?i)[\\s,;]+(?:and\\s+)?(?:share(?:\\s+it)?|publicly|for\\s+everyone)\\s*[.!]*\\s*$");

  /** A channel mention: shared only when it says so. */
  static Sharing of(String text) {
    if (text == null) return new Sharing("", false);
    Matcher m = SHARE.matcher(text);
    return m.find() ? new Sharing(text.substring(0, m.start()), true) : new Sharing(text, false);
  }

  /** A direct message: the conversation is the requester's own, so there is nothing to share or hide. */
  static Sharing everyone(String text) {
    return new Sharing(text == null ? "" : text, true);
  }
}
