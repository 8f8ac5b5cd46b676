package dev.switchboard.ops.schedule;

import dev.switchboard.command.Timing;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads typed times in a time zone and says instants in words, as pure functions. */
final class ScheduleTimes {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

  private ScheduleTimes() {}

  /** A location's time zone: its own, else UTC. */
  static ZoneId zoneOf(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) return ZoneOffset.UTC;
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  /**
   * When {@code moment} falls, read in {@code zone} unless it names its own. A span, a weekday and a time without a
   * day count from {@code after} (now for a start, the start for an end: "from Thu 18:00 until Mon 08:00" is the
   * Monday after that Thursday), except that a time without a day read from now is today's, even when it has
   * passed (the caller refuses it); a {@link Timing.Day.Coming coming} time is the next one after {@code after},
   * even from now ("until midnight"); {@code today}, {@code tomorrow}, dates and days of the year ("Dec 24": the next
   * one, today included) are days as of {@code now}. An {@link Timing.Moment.Opening opening} is now when its period
   * is already open, else its next start. Whole days of a span are calendar days; a wall-clock time in a
   * daylight-saving gap moves forward by the gap, and one that happens twice is the earlier.
   */
  static Instant resolve(Timing.Moment moment, ZoneId zone, Instant now, Instant after) {
    if (moment instanceof Timing.Moment.After span) return later(after, zone, span.span());
    if (moment instanceof Timing.Moment.Opening opening) return opening(opening, zone, now);
    Timing.Moment.At at = (Timing.Moment.At) moment;
    ZoneId z = at.zone() != null ? at.zone() : zone;
    LocalDate today = now.atZone(z).toLocalDate();
    Timing.Day day = at.day();
    if (day instanceof Timing.Day.Today) return ZonedDateTime.of(today, at.time(), z).toInstant();
    if (day instanceof Timing.Day.Tomorrow) return ZonedDateTime.of(today.plusDays(1), at.time(), z).toInstant();
    if (day instanceof Timing.Day.Date date) return ZonedDateTime.of(date.date(), at.time(), z).toInstant();
    if (day instanceof Timing.Day.Annual annual) {
      LocalDate date = annual.date().atYear(today.getYear());
      return ZonedDateTime.of(date.isBefore(today) ? annual.date().atYear(today.getYear() + 1) : date, at.time(), z)
          .toInstant();
    }
    ZonedDateTime ref = after.atZone(z);
    LocalDate first = day instanceof Timing.Day.Weekday w
        ? ref.toLocalDate().with(TemporalAdjusters.nextOrSame(w.weekday()))
        : ref.toLocalDate();
    int step = day instanceof Timing.Day.Weekday ? 7 : 1;
    ZonedDateTime candidate = ZonedDateTime.of(first, at.time(), z);
    // A bare time read from now means today: once it has passed it is refused, not quietly taken as
    // tomorrow ("until 12:00" typed at 13:40 would otherwise keep intercept on for 22 hours).
    // From a start ("from Thu 18:00 until 08:00") it is the next one after that start.
    if (day instanceof Timing.Day.Next && after.equals(now)) return candidate.toInstant();
    if (!candidate.isAfter(ref)) candidate = ZonedDateTime.of(first.plusDays(step), at.time(), z);
    return candidate.toInstant();
  }

  /** Now when the period is open (its latest opening past, the close after it not), else its next opening. */
  private static Instant opening(Timing.Moment.Opening opening, ZoneId zone, Instant now) {
    Timing.Moment.At opens = opening.opens();
    ZoneId z = opens.zone() != null ? opens.zone() : zone;
    ZonedDateTime local = now.atZone(z);
    LocalDate day = opens.day() instanceof Timing.Day.Weekday w
        ? local.toLocalDate().with(TemporalAdjusters.previousOrSame(w.weekday()))
        : local.toLocalDate();
    int step = opens.day() instanceof Timing.Day.Weekday ? 7 : 1;
    ZonedDateTime latest = ZonedDateTime.of(day, opens.time(), z);
    if (latest.isAfter(local)) latest = ZonedDateTime.of(day.minusDays(step), opens.time(), z);
    Instant closes = resolve(opening.closes(), zone, now, latest.toInstant());
    if (closes.isAfter(now)) return now;
    Timing.Day next = opens.day() instanceof Timing.Day.Weekday ? opens.day() : new Timing.Day.Coming();
    return resolve(new Timing.Moment.At(next, opens.time(), opens.zone()), zone, now, now);
  }

  /** {@code span} after {@code from}: whole days as calendar days in {@code zone}, the rest as exact time. */
  static Instant later(Instant from, ZoneId zone, Duration span) {
    long days = span.toDays();
    return from.atZone(zone).plusDays(days).plus(span.minusDays(days)).toInstant();
  }

  /** "Thu 27 Nov 17:00 CST (America/Chicago)". */
  static String local(Instant instant, ZoneId zone) {
    String text = LOCAL.format(instant.atZone(zone));
    return zone instanceof ZoneOffset ? text : text + " (" + zone.getId() + ")";
  }

  /** "Thu 27 Nov 17:00 CST", without the zone's name. */
  static String time(Instant instant, ZoneId zone) {
    return LOCAL.format(instant.atZone(zone));
  }

  /** "Thu 27 Nov 17:00 CST (America/Chicago), in 2 h 5 min". */
  static String when(Instant instant, ZoneId zone, Instant now) {
    return local(instant, zone) + ", " + relative(instant, now);
  }

  /** "in 2 h 5 min", "in under a minute", "5 min ago". */
  static String relative(Instant instant, Instant now) {
    Duration d = Duration.between(now, instant);
    boolean past = d.isNegative();
    d = d.abs();
    if (d.compareTo(Duration.ofMinutes(1)) < 0) return past ? "just now" : "in under a minute";
    String span = span(d);
    return past ? span + " ago" : "in " + span;
  }

  /** "2 d 3 h", "2 h 5 min", "15 min" (rounded to the minute). */
  static String span(Duration d) {
    long minutes = (d.toSeconds() + 30) / 60;
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    List<String> parts = new ArrayList<>();
    if (days > 0) parts.add(days + " d");
    if (hours > 0) parts.add(hours + " h");
    if (mins > 0 && days == 0) parts.add(mins + " min");
    return parts.isEmpty() ? "0 min" : String.join(" ", parts);
  }
}
