package dev.switchboard.command;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times, spans and presets inside an intercept command: {@code for 2h}, {@code until tomorrow 8am},
 * {@code from Thu 18:00 until Mon 08:00}, {@code at 17:00 UTC}, {@code in 30m}, {@code preset storm}. They are read
 * out of the line first; what is left is parsed as an ordinary intercept command.
 *
 * <p>{@code until} always starts a time. {@code at}, {@code from} and {@code on} start one only when a time follows
 * ({@code at HQ} is a location); {@code for} and {@code in} start a span only when a number follows
 * ({@code for HQ} is a location).
 */
final class TimeGrammar {

  static final String TIME_EXAMPLES = "`17:00`, `5pm`, `tomorrow 8am`, `Mon 08:00` or `2026-12-24 18:00`, with a zone "
      + "when it is not the location's own: `17:00 UTC`, `17:00 Europe/London`";
  static final String SPAN_EXAMPLES = "`2h`, `90m`, `3d` or `1h30m`";

  private static final Set<String> UNTIL = Set.of("until", "till", "til", "untill", "through", "thru");
  private static final Set<String> FROM = Set.of("from", "starting", "beginning");
  private static final Set<String> FROM_END = Set.of("to", "until", "till", "til", "untill", "through", "thru", "-");
  private static final Set<String> PRESET_LEADS = Set.of("with", "using", "use");
  private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm|a\\.m\\.|p\\.m\\.)?");
  private static final Pattern MERIDIEM = Pattern.compile("am|pm|a\\.m\\.?|p\\.m\\.?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern SPAN_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-z]+)");
  private static final Pattern COMPACT_SPAN = Pattern.compile("(?:\\d+(?:\\.\\d+)?[a-z]+)+");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern SPANNISH = Pattern.compile("\\d[a-z0-9.]*");
  private static final Map<String, Duration> UNITS = units();
  private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();
  private static final Map<String, String> ZONES = zones();

  /** The tokens left for the intercept grammar, and what was read out of them; {@code problem} non-null on error. */
  record Extracted(List<Token> rest, Timing timing, String preset, String problem) {}

  /** Thrown inside this grammar only, to stop at the first problem; {@link #extract} makes it a value. */
  private static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  private TimeGrammar() {}

  /** Reads the timing and preset phrases out of the words after "intercept". */
  static Extracted extract(List<Token> tokens) {
    List<Token> rest = new ArrayList<>();
    Timing.Moment start = null;
    Timing.Moment end = null;
    String preset = null;
    try {
      int i = 0;
      while (i < tokens.size()) {
        Token t = tokens.get(i);
        Cursor c = new Cursor(tokens, i + 1);
        if (t.is("preset") || (t.in(PRESET_LEADS) && c.peekIs("preset"))) {
          if (!t.is("preset")) c.i++;
          if (c.done() || c.peek() == Token.COMMA) {
            throw new Problem("Name the preset, as in `preset storm` (type `presets` to see them).");
          }
          if (preset != null) throw new Problem("Name one preset only.");
          preset = c.peek().raw();
          i = c.i + 1;
        } else if (t.is("for") && c.spanAhead()) {
          end = once(end, new Timing.Moment.After(c.span("for")), "end");
          i = c.i;
        } else if (t.is("in") && c.spanAhead()) {
          start = once(start, new Timing.Moment.After(c.span("in")), "start");
          i = c.i;
        } else if (t.in(UNTIL)) {
          end = once(end, c.time(t.raw()), "end");
          i = c.i;
        } else if ((t.in(FROM) || t.is("at") || (t.is("on") && i > 0)) && c.timeAhead(t.is("on"))) {
          start = once(start, c.time(t.raw()), "start");
          if (!c.done() && c.peek().in(FROM_END)) {
            String marker = c.peek().raw();
            c.i++;
            end = once(end, c.time(marker), "end");
          }
          i = c.i;
        } else if (i > 0 && !rest.isEmpty() && isDay(t) && new Cursor(tokens, i).timeAhead(false)) {
          // "intercept off at HQ tomorrow 8am": a day and a time with no word before them start the change
          Cursor at = new Cursor(tokens, i);
          start = once(start, at.time(t.raw()), "start");
          i = at.i;
        } else {
          rest.add(t);
          i++;
        }
      }
    } catch (Problem p) {
      return new Extracted(tokens, null, null, p.getMessage());
    }
    Timing timing = start == null && end == null ? null : new Timing(start, end);
    return new Extracted(rest, timing, preset, null);
  }

  private static Timing.Moment once(Timing.Moment current, Timing.Moment value, String which) {
    if (current != null) {
      throw new Problem(which.equals("end")
          ? "Say one end, as in `for 2h` or `until 17:00`, not two."
          : "Say one start, as in `at 17:00` or `from Thu 18:00`, not two.");
    }
    return value;
  }

  /** A span typed on its own, e.g. after {@code extend HQ by}; null when the words are not one. */
  static Duration span(List<Token> tokens) {
    Cursor c = new Cursor(tokens, 0);
    try {
      Duration span = c.span("by");
      return c.done() ? span : null;
    } catch (Problem p) {
      return null;
    }
  }

  /** A time typed on its own, e.g. after {@code extend HQ until}; null when the words are not one. */
  static Timing.Moment.At time(List<Token> tokens) {
    Cursor c = new Cursor(tokens, 0);
    try {
      Timing.Moment.At at = c.time("until");
      return c.done() ? at : null;
    } catch (Problem p) {
      return null;
    }
  }

  private static boolean isDay(Token t) {
    return !t.quoted() && (t.is("today", "tomorrow", "tmrw", "tonight") || WEEKDAYS.containsKey(t.low())
        || DATE.matcher(t.low()).matches());
  }

  /** Reads from a position in the token list. */
  private static final class Cursor {
    private final List<Token> tokens;
    private int i;

    Cursor(List<Token> tokens, int i) {
      this.tokens = tokens;
      this.i = i;
    }

    boolean done() {
      return i >= tokens.size();
    }

    Token peek() {
      return tokens.get(i);
    }

    boolean peekIs(String... words) {
      return !done() && peek().is(words);
    }

    private Token at(int k) {
      return k < tokens.size() ? tokens.get(k) : null;
    }

    /** Whether a span is meant here: a number, perhaps glued to a unit ("2h", "90 minutes", "an hour"). */
    boolean spanAhead() {
      Token t = at(i);
      if (t == null || t.quoted()) return false;
      if (SPANNISH.matcher(t.low()).matches()) return true;
      Token unit = at(i + 1);
      return t.is("a", "an", "one") && unit != null && UNITS.containsKey(unit.low());
    }

    /** Whether a time is meant here: a clock time, noon or midnight, or a day followed by a time. */
    boolean timeAhead(boolean dayOnly) {
      Token t = at(i);
      if (t == null || t.quoted()) return false;
      if (isDay(t)) {
        int k = at(i + 1) != null && at(i + 1).is("at") ? i + 2 : i + 1;
        return dayOnly || (at(k) != null && clockAhead(at(k), at(k + 1)));
      }
      return !dayOnly && clockAhead(t, at(i + 1));
    }

    private static boolean clockAhead(Token t, Token next) {
      if (t.quoted()) return false;
      if (t.is("noon", "midday", "midnight")) return true;
      Matcher m = CLOCK.matcher(t.low());
      if (!m.matches()) return false;
      return m.group(2) != null || m.group(3) != null || (next != null && MERIDIEM.matcher(next.low()).matches());
    }

    Duration span(String marker) {
      Duration total = Duration.ZERO;
      int parts = 0;
      while (!done()) {
        Token t = peek();
        if (t.quoted()) break;
        String low = t.low();
        if (COMPACT_SPAN.matcher(low).matches()) {
          Matcher m = SPAN_PART.matcher(low);
          while (m.find()) total = total.plus(amount(m.group(1), m.group(2), t.raw(), marker));
          i++;
        } else if ((NUMBER.matcher(low).matches() || t.is("a", "an", "one")) && at(i + 1) != null
            && !at(i + 1).quoted() && UNITS.containsKey(at(i + 1).low())) {
          String number = NUMBER.matcher(low).matches() ? low : "1";
          total = total.plus(amount(number, at(i + 1).low(), t.raw(), marker));
          i += 2;
        } else if (parts == 0 && SPANNISH.matcher(low).matches()) {
          throw new Problem("I can't read `" + t.raw() + "` as a span of time after `" + marker + "`: say "
              + SPAN_EXAMPLES + ".");
        } else {
          break;
        }
        parts++;
        if (peekIs("and") && at(i + 1) != null && SPANNISH.matcher(at(i + 1).low()).matches()) i++;
      }
      if (parts == 0) {
        throw new Problem("`" + marker + "` needs a span of time: say " + SPAN_EXAMPLES + ".");
      }
      if (total.isZero()) throw new Problem("A span of time must be more than zero.");
      if (total.compareTo(Duration.ofDays(3650)) > 0) throw new Problem("That is far too long a span of time.");
      return total;
    }

    private static Duration amount(String number, String unit, String raw, String marker) {
      Duration one = UNITS.get(unit);
      if (one == null) {
        throw new Problem("I can't read `" + raw + "` as a span of time after `" + marker + "`: say "
            + SPAN_EXAMPLES + ".");
      }
      BigDecimal seconds = new BigDecimal(number).multiply(BigDecimal.valueOf(one.getSeconds()));
      // Far beyond any allowed span; checked here so a huge number is an answer, not an overflow.
      if (seconds.compareTo(BigDecimal.valueOf(Duration.ofDays(3650).getSeconds())) > 0) {
        throw new Problem("`" + raw + "` is far too long a span of time.");
      }
      return Duration.ofSeconds(seconds.longValue());
    }

    Timing.Moment.At time(String marker) {
      if (peekIs("on")) i++;
      Timing.Day day = null;
      if (!done() && isDay(peek())) {
        day = day(peek());
        i++;
        if (peekIs("at")) i++;
      }
      LocalTime clock = clock(marker, day != null);
      if (day == null && !done() && isDay(peek())) {
        day = day(peek()); // "8am tomorrow"
        i++;
      }
      ZoneId zone = zone();
      return new Timing.Moment.At(day == null ? new Timing.Day.Next() : day, clock, zone);
    }

    private LocalTime clock(String marker, boolean afterDay) {
      if (done() || peek().quoted() || peek() == Token.COMMA) {
        throw new Problem(afterDay
            ? "Say a time of day too, as in `" + marker + " Mon 08:00`."
            : "`" + marker + "` needs a time: say " + TIME_EXAMPLES + ".");
      }
      Token t = peek();
      if (t.is("noon", "midday")) {
        i++;
        return LocalTime.NOON;
      }
      if (t.is("midnight")) {
        i++;
        return LocalTime.MIDNIGHT;
      }
      Matcher m = CLOCK.matcher(t.low());
      String meridiem = null;
      if (m.matches()) {
        meridiem = m.group(3);
        if (meridiem == null && at(i + 1) != null && MERIDIEM.matcher(at(i + 1).low()).matches()) {
          meridiem = at(i + 1).low();
          i++;
        }
      }
      if (!m.matches() || (m.group(2) == null && meridiem == null)) {
        throw new Problem("I can't read `" + t.raw() + "` as a time after `" + marker + "`: say " + TIME_EXAMPLES
            + ".");
      }
      i++;
      int hour = Integer.parseInt(m.group(1));
      int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      if (meridiem != null) {
        if (hour < 1 || hour > 12) throw new Problem("`" + t.raw() + "` is not a time: with am or pm, hours go 1 to 12.");
        hour = hour % 12 + (meridiem.startsWith("p") ? 12 : 0);
      }
      if (hour > 23 || minute > 59) {
        throw new Problem("`" + t.raw() + "` is not a time of day: say " + TIME_EXAMPLES + ".");
      }
      return LocalTime.of(hour, minute);
    }

    private ZoneId zone() {
      if (done() || peek().quoted()) return null;
      String raw = peek().raw().replaceAll("^\\(|\\)$", "");
      String low = raw.toLowerCase(Locale.ROOT);
      ZoneId zone = null;
      if (low.equals("utc") || low.equals("gmt") || low.equals("z")) {
        zone = ZoneOffset.UTC;
      } else if (low.matches("(?:utc|gmt)[+-]\\d{1,2}(?::?\\d{2})?")) {
        try {
          zone = ZoneId.of(raw.toUpperCase(Locale.ROOT)).normalized();
        } catch (DateTimeException e) {
          throw new Problem("`" + raw + "` is not a time zone offset I know; say `UTC+1` or `UTC-05:00`.");
        }
      } else if (low.contains("/")) {
        String id = ZONES.get(low);
        if (id == null) {
          throw new Problem("`" + raw + "` is not a time zone I know: use a name like `Europe/London` or "
              + "`America/Chicago`, or `UTC`.");
        }
        zone = ZoneId.of(id);
      }
      if (zone != null) i++;
      return zone;
    }
  }

  private static Timing.Day day(Token t) {
    String low = t.low();
    if (t.is("today", "tonight")) return new Timing.Day.Today();
    if (t.is("tomorrow", "tmrw")) return new Timing.Day.Tomorrow();
    if (WEEKDAYS.containsKey(low)) return new Timing.Day.Weekday(WEEKDAYS.get(low));
    try {
      return new Timing.Day.Date(LocalDate.parse(low));
    } catch (DateTimeParseException e) {
      throw new Problem("`" + t.raw() + "` is not a date: say it as 2026-12-24.");
    }
  }

  private static Map<String, Duration> units() {
    Map<String, Duration> units = new HashMap<>();
    for (String m : List.of("m", "min", "mins", "minute", "minutes")) units.put(m, Duration.ofMinutes(1));
    for (String h : List.of("h", "hr", "hrs", "hour", "hours")) units.put(h, Duration.ofHours(1));
    for (String d : List.of("d", "day", "days")) units.put(d, Duration.ofDays(1));
    for (String w : List.of("w", "wk", "wks", "week", "weeks")) units.put(w, Duration.ofDays(7));
    return Map.copyOf(units);
  }

  private static Map<String, DayOfWeek> weekdays() {
    Map<String, DayOfWeek> days = new HashMap<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      String name = d.name().toLowerCase(Locale.ROOT);
      days.put(name, d);
      days.put(name.substring(0, 3), d);
    }
    days.put("tues", DayOfWeek.TUESDAY);
    days.put("weds", DayOfWeek.WEDNESDAY);
    days.put("thur", DayOfWeek.THURSDAY);
    days.put("thurs", DayOfWeek.THURSDAY);
    return Map.copyOf(days);
  }

  private static Map<String, String> zones() {
    Map<String, String> zones = new HashMap<>();
    ZoneId.getAvailableZoneIds().forEach(id -> zones.put(id.toLowerCase(Locale.ROOT), id));
    return Map.copyOf(zones);
  }
}
