package dev.switchboard.command;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to say instead of a time without a day that has already passed today: the user's own words with
 * {@code tomorrow} put in ({@code until 17:00} becomes {@code until tomorrow 17:00}, a start {@code at 5pm} becomes
 * {@code at tomorrow 5pm}), so the hint fits the word they used.
 */
public final class PassedTime {

  private static final String CLOCK = "\\d{1,2}(?::\\d{2})?(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.))?(?![\\d:])";
  private static final Pattern START = Pattern.compile(
      "(?i)(?<![\\w-])(at|from|starting(?:\\s+at)?|beginning(?:\\s+at)?|after)\\s+(?:today\\s+(?:at\\s+)?)?(" + CLOCK
          + ")(?:\\s+([\\w/+-]+))?");
  private static final Pattern END = Pattern.compile(
      "(?i)(?<![\\w-])(until|till|til|'til|by|to|through|thru)\\s+(?:today\\s+(?:at\\s+)?)?(" + CLOCK
          + ")(?:\\s+([\\w/+-]+))?");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private PassedTime() {}

  /**
   * The phrase to type instead, for the start or the end of {@code timing} as typed in {@code typed}; empty when that
   * moment is not a time on today (a span, a weekday or a date never passes this way).
   */
  public static Optional<String> tomorrowInstead(String typed, Timing timing, boolean start) {
    Timing.Moment moment = start ? timing.start() : timing.end();
    if (!(moment instanceof Timing.Moment.At at)
        || !(at.day() instanceof Timing.Day.Next || at.day() instanceof Timing.Day.Today)) {
      return Optional.empty();
    }
    Matcher m = (start ? START : END).matcher(typed == null ? "" : typed);
    String found = null;
    while (m.find()) {
      found = m.group(1).toLowerCase(Locale.ROOT) + " tomorrow " + m.group(2).strip();
      String after = m.group(3);
      if (at.zone() != null && after != null && TimeWords.zone(after.toLowerCase(Locale.ROOT)) != null) {
        found += " " + after; // the zone as they typed it: "EST"
      }
      if (!start) break; // the first "until" is the end; a start's "at" comes after "at HQ"
    }
    if (found == null) {
      // not in the words (a card's button, a reworded line): the plain form
      found = (start ? "at" : "until") + " tomorrow " + HH_MM.format(at.time())
          + (at.zone() == null ? "" : " " + at.zone().getId());
    }
    return Optional.of(found);
  }
}
