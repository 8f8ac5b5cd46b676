package dev.switchboard.command;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Days written in numbers for {@link TimeReader}: "12/24", "24/12/2026", and a day and month read from words. */
final class DayNumbers {

  static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?");

  private DayNumbers() {}

  /** "12/24", "24/12/2026": the date, or a question when either order could be meant ("3/4"). */
  static Timing.Day numericDate(Token t) {
    Matcher m = NUMERIC_DATE.matcher(t.low());
    m.matches();
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(2));
    if (a <= 12 && b <= 12 && a != b) {
      String first = Month.of(a).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      String second = Month.of(b).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      throw new TimeReader.Problem("Is `" + t.raw() + "` " + first + " " + b + " or " + second + " " + a + "? Say `" + first + " "
          + b + "` or `" + second + " " + a + "`, or the date as 2026-12-24.");
    }
    return a > 12 ? date(a, b, m.group(3), t) : date(b, a, m.group(3), t);
  }

  /** The day of the month and the month, in the year said or every year; a problem when there is no such day. */
  static Timing.Day date(int day, int month, String year, Token t) {
    try {
      if (year == null) return new Timing.Day.Annual(MonthDay.of(month, day));
      int y = Integer.parseInt(year);
      return new Timing.Day.Date(LocalDate.of(y < 100 ? 2000 + y : y, month, day));
    } catch (DateTimeException e) {
      throw new TimeReader.Problem("`" + t.raw() + "` is not a date I can read: say it as `Dec 24` or 2026-12-24.");
    }
  }
}
