package dev.switchboard.command;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads spans and times from a position in a line's words, for {@link TimeGrammar}; stops with a {@link Problem}. */
final class TimeReader {

  static final String TIME_EXAMPLES = "`17:00`, `5pm`, `tomorrow 8am`, `tomorrow morning`, `end of day`, `Mon 08:00`, "
      + "`Dec 24 6pm` or `2026-12-24 18:00`, with a zone when it is not the location's own: `17:00 ET`, `17:00 UTC`, "
      + "`17:00 Europe/London`";
  static final String SPAN_EXAMPLES = "`2h`, `90m`, `two hours`, `3d` or `1h30m`";
  static final Set<String> UNTIL = Set.of("until", "till", "til", "'til", "'till", "untill", "through", "thru");
  static final Set<String> FROM_END = Set.of("to", "until", "till", "til", "untill", "through", "thru", "-");

  private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm|a\\.m\\.|p\\.m\\.)?");
  /** "5:30", "11:15": an hour of one half of the day, with no leading zero and no am or pm. */
  private static final Pattern TWELVE_HOUR_CLOCK = Pattern.compile("(?:[1-9]|1[01]):[0-5]\\d");
  private static final Pattern MERIDIEM = Pattern.compile("am|pm|a\\.m\\.?|p\\.m\\.?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DAY_NUMBER = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  /** Thrown inside the time grammar only, to stop at the first problem; {@link TimeGrammar} makes it a value. */
  static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  private final List<Token> tokens;
  /** The next word to read. */
  int i;

  TimeReader(List<Token> tokens, int i) {
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

  Token at(int k) {
    return k < tokens.size() ? tokens.get(k) : null;
  }

  /** Whether a span is meant here: a number, perhaps glued to a unit ("2h", "90 minutes", "two hours"). */
  boolean spanAhead() {
    return new SpanReader(this).ahead();
  }

  /** Whether a time is meant here: a clock time or day part, or a day followed by one (or alone, if {@code dayOnly}). */
  boolean timeAhead(boolean dayOnly) {
    Token t = at(i);
    if (t == null || t.quoted()) return false;
    int day = dayLength(i);
    if (day > 0) {
      int k = at(i + day) != null && at(i + day).is("at") ? i + day + 1 : i + day;
      return dayOnly || clockAhead(tokens, k, true) || t.is("tonight");
    }
    return !dayOnly && clockAhead(tokens, i, false);
  }

  /** A clock time or day part at {@code k}; a bare hour ("8") only after a day or before one. */
  static boolean clockAhead(List<Token> tokens, int k, boolean afterDay) {
    if (k >= tokens.size() || tokens.get(k).quoted()) return false;
    Token t = tokens.get(k);
    if (t.in(TimeWords.DAY_PARTS.keySet()) || TimeWords.endOfDayLength(tokens, k) > 0) return true;
    Matcher m = CLOCK.matcher(t.low());
    if (!m.matches()) return false;
    Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
    return m.group(2) != null || m.group(3) != null || (next != null && MERIDIEM.matcher(next.low()).matches())
        || (m.group(1).length() <= 2 && (afterDay || new TimeReader(tokens, k + 1).dayLength(k + 1) > 0
            || halfOfDayAt(tokens, k + 1)));
  }

  /** "in the morning", "in the evening" at {@code k}: a bare hour before it is a time ("until 7 in the evening"). */
  private static boolean halfOfDayAt(List<Token> tokens, int k) {
    return k + 2 < tokens.size() && tokens.get(k).is("in") && tokens.get(k + 1).is("the")
        && tokens.get(k + 2).is("morning", "afternoon", "evening", "night");
  }

  /** How many words from {@code k} name a day: tomorrow, (next) Monday, 12/24, Dec 24, 24 Dec 2026; else 0. */
  int dayLength(int k) {
    Token t = at(k);
    if (t == null || t.quoted()) return 0;
    Token next = at(k + 1);
    if (t.is("today", "tomorrow", "tmrw", "tonight") || TimeWords.WEEKDAYS.containsKey(t.low())
        || DATE.matcher(t.low()).matches() || DayNumbers.NUMERIC_DATE.matcher(t.low()).matches()) return 1;
    if (t.is("next", "this", "coming") && next != null && TimeWords.WEEKDAYS.containsKey(next.low())) return 2;
    if (t.is("this") && next != null && next.is("morning", "afternoon", "evening")) return 1;
    if (TimeWords.MONTHS.containsKey(t.low()) && next != null && DAY_NUMBER.matcher(next.low()).matches()) {
      return at(k + 2) != null && YEAR.matcher(at(k + 2).low()).matches() ? 3 : 2;
    }
    if (DAY_NUMBER.matcher(t.low()).matches() && next != null && TimeWords.MONTHS.containsKey(next.low())) {
      return at(k + 2) != null && YEAR.matcher(at(k + 2).low()).matches() ? 3 : 2;
    }
    return 0;
  }

  private Timing.Day day() {
    int length = dayLength(i);
    Token t = peek();
    Timing.Day day;
    if (length == 2 && t.is("next", "this", "coming")) {
      // "next Monday" is the coming Monday, as most people mean it; the reply shows the date it read
      day = new Timing.Day.Weekday(TimeWords.WEEKDAYS.get(at(i + 1).low()));
    } else if (t.is("today", "tonight", "this")) {
      day = new Timing.Day.Today();
    } else if (t.is("tomorrow", "tmrw")) {
      day = new Timing.Day.Tomorrow();
    } else if (TimeWords.WEEKDAYS.containsKey(t.low())) {
      day = new Timing.Day.Weekday(TimeWords.WEEKDAYS.get(t.low()));
    } else if (DATE.matcher(t.low()).matches()) {
      try {
        day = new Timing.Day.Date(LocalDate.parse(t.low()));
      } catch (DateTimeParseException e) {
        throw new Problem("`" + t.raw() + "` is not a date: say it as 2026-12-24.");
      }
    } else if (DayNumbers.NUMERIC_DATE.matcher(t.low()).matches()) {
      day = DayNumbers.numericDate(t);
    } else {
      boolean monthFirst = TimeWords.MONTHS.containsKey(t.low());
      Month month = TimeWords.MONTHS.get((monthFirst ? t : at(i + 1)).low());
      Matcher number = DAY_NUMBER.matcher((monthFirst ? at(i + 1) : t).low());
      number.matches();
      day = DayNumbers.date(Integer.parseInt(number.group(1)), month.getValue(), length == 3 ? at(i + 2).low() : null, t);
    }
    i += length;
    return day;
  }

  /** The span at the cursor, read past ({@link SpanReader}). */
  Duration span(String marker) {
    return new SpanReader(this).span(marker);
  }

  /**
   * A time: [on] [day [at]] clock [day] [zone]. A day part alone is the coming one for midnight, noon and morning,
   * today's for the others; a day alone ends at 08:00 after {@code until} ("until Monday": Monday morning) and at
   * 18:00 for {@code tonight}.
   */
  Timing.Moment.At time(String marker) {
    if (peekIs("on") || (peekIs("the") && at(i + 1) != null && at(i + 1).is("end", "close"))) i++;
    Timing.Day day = null;
    boolean tonight = false;
    boolean ending = UNTIL.contains(marker.toLowerCase(Locale.ROOT)) || FROM_END.contains(marker);
    if (dayLength(i) > 0) {
      tonight = peek().is("tonight");
      day = day();
      if (peekIs("at")) i++;
    }
    LocalTime clock;
    boolean coming = false;
    if (day != null && !clockAhead(tokens, i, true) && (tonight || ending)) {
      clock = tonight ? TimeWords.DAY_PARTS.get("tonight") : LocalTime.of(8, 0);
    } else {
      coming = !done() && peek().is("midnight", "noon", "midday", "morning");
      clock = clock(marker, day != null, tonight);
    }
    if (day == null && dayLength(i) > 0) {
      tonight = peek().is("tonight");
      day = day(); // "8am tomorrow"
    }
    clock = inHalfOfDay(clock);
    ZoneId zone = zone();
    Timing.Day on = day != null ? day : coming ? new Timing.Day.Coming() : new Timing.Day.Next();
    return new Timing.Moment.At(on, clock, zone);
  }

  /**
   * "9 tomorrow morning", "until 7 in the evening": a part of the day after a clock time says which half it is in;
   * read, it is taken out. One that contradicts the clock ("18:00 in the morning") is left, for the reply to name.
   */
  private LocalTime inHalfOfDay(LocalTime clock) {
    int words = peekIs("in") && at(i + 1) != null && at(i + 1).is("the") ? 2 : 0;
    Token part = at(i + words);
    if (part == null || part.quoted()) return clock;
    boolean morning = part.is("morning");
    boolean later = part.is("afternoon", "evening", "night");
    if (words == 0 && !morning && !later) return clock;
    int hour = clock.getHour();
    if (morning && hour >= 1 && hour < 12) {
      i += words + 1;
      return clock;
    }
    if (later && (hour == 12 || (hour >= 1 && hour < 12))) {
      i += words + 1;
      return hour == 12 ? clock : clock.plusHours(12);
    }
    if (later && hour > 12) {
      i += words + 1; // "19:00 in the evening": already said
      return clock;
    }
    return clock;
  }

  private LocalTime clock(String marker, boolean afterDay, boolean tonight) {
    if (done() || peek().quoted() || peek() == Token.COMMA) {
      throw new Problem(afterDay
          ? "Say a time of day too, as in `" + marker + " Mon 08:00`."
          : "`" + marker + "` needs a time: say " + TIME_EXAMPLES + ".");
    }
    Token t = peek();
    int endOfDay = TimeWords.endOfDayLength(tokens, i);
    if (endOfDay > 0) {
      i += endOfDay;
      return TimeWords.END_OF_DAY;
    }
    if (t.in(TimeWords.DAY_PARTS.keySet())) {
      i++;
      return TimeWords.DAY_PARTS.get(t.low());
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
    boolean bare = m.matches() && m.group(2) == null && meridiem == null;
    if (bare && !clockAhead(tokens, i, afterDay) && !tonight && !(at(i + 1) != null && at(i + 1).is("tonight"))) {
      int hour = Integer.parseInt(m.group(1));
      if (hour >= 13 && hour <= 23) {
        i++;
        return LocalTime.of(hour, 0); // "until 17": no other 17 o'clock
      }
      if (hour >= 1 && hour <= 12) {
        throw new Problem("`" + marker + " " + t.raw() + "` could be " + hour + "am or " + hour + "pm: say `" + marker
            + " " + hour + "am` or `" + marker + " " + hour + "pm`.");
      }
    }
    if (!m.matches() || (bare && !clockAhead(tokens, i, afterDay))) {
      throw new Problem("I can't read `" + t.raw() + "` as a time after `" + marker + "`: say " + TIME_EXAMPLES
          + ".");
    }
    i++;
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    if (meridiem != null) {
      if (hour < 1 || hour > 12) throw new Problem("`" + t.raw() + "` is not a time: with am or pm, hours go 1 to 12.");
      hour = hour % 12 + (meridiem.startsWith("p") ? 12 : 0);
    } else if ((tonight || peekIs("tonight")) && hour >= 1 && hour < 12) {
      hour += 12; // "until 8 tonight", "until 8:30 tonight"
    }
    if (hour > 23 || minute > 59) {
      throw new Problem("`" + t.raw() + "` is not a time of day: say " + TIME_EXAMPLES + ".");
    }
    boolean halfOfDaySaid = at(i) != null
        && at(i).is("in", "this", "tonight", "morning", "afternoon", "evening", "night");
    // "until 5:30" is 5:30am to some and 5:30pm to others, as "until 5" is; "05:30" and "17:30" are one time each
    boolean typedTwelveHour = meridiem == null && t.raw().indexOf(' ') < 0
        && TWELVE_HOUR_CLOCK.matcher(t.low()).matches() && !tonight;
    if ((typedTwelveHour && !halfOfDaySaid) || (meridiem == null && t.raw().indexOf(' ') > 0 && hour >= 1
        && hour <= 12 && !tonight && !halfOfDaySaid && dayLength(i) == 0)) {
      String clock = hour + ":" + (minute < 10 ? "0" : "") + minute;
      throw new Problem("`" + t.raw() + "` could be " + clock + "am or " + clock + "pm: say `" + marker + " " + clock
          + "am` or `" + marker + " " + clock + "pm`" + (typedTwelveHour ? " (or `" + marker + " "
          + String.format("%02d:%02d", hour + 12, minute) + "`)" : "") + ".");
    }
    return LocalTime.of(hour, minute);
  }

  private ZoneId zone() {
    if (done() || peek().quoted()) return null;
    TimeWords.SpelledZone spelled = TimeWords.spelledZone(tokens, i);
    if (spelled != null) {
      i += spelled.words();
      return spelled.zone();
    }
    String raw = peek().raw().replaceAll("^\\(|\\)$", "");
    String low = raw.toLowerCase(Locale.ROOT);
    ZoneId zone = TimeWords.zone(low);
    if (zone == null && TimeWords.ambiguousZone(low) != null) {
      throw new Problem("`" + raw + "` could be " + TimeWords.ambiguousZone(low) + " time: which? Name the zone, "
          + "as in `8am Asia/Kolkata`.");
    }
    if (zone == null && low.matches("(?:utc|gmt)[+-]\\d{1,2}(?::?\\d{2})?")) {
      try {
        zone = ZoneId.of(raw.toUpperCase(Locale.ROOT)).normalized();
      } catch (DateTimeException e) {
        throw new Problem("`" + raw + "` is not a time zone offset I know; say `UTC+1` or `UTC-05:00`.");
      }
    } else if (zone == null && low.contains("/") && !DayNumbers.NUMERIC_DATE.matcher(low).matches()) {
      throw new Problem("`" + raw + "` is not a time zone I know: use a name like `Europe/London` or "
          + "`America/Chicago`, or `UTC`, `ET`, `PT`, `CET`.");
    }
    if (zone != null) i++;
    return zone;
  }
}
