package dev.switchboard.command;

import dev.switchboard.command.TimeReader.Problem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a span of time at a {@link TimeReader}'s cursor, moving it past: "2h", "90 minutes", "two hours", "1h30",
 * "an hour and a half", "2hrs 30"; a misspelt unit is named back ("did you mean `for 2 hours`?"), never guessed.
 */
final class SpanReader {

  private static final Pattern SPAN_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-z]+)");
  private static final Pattern COMPACT_SPAN = Pattern.compile("(?:\\d+(?:\\.\\d+)?[a-z]+)+");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  /** "1h30": hours, then minutes with no unit after them. */
  private static final Pattern HOURS_MINUTES = Pattern.compile("(\\d+)h([0-5]?\\d)");
  private static final Pattern SPANNISH = Pattern.compile("\\d[a-z0-9.]*");

  private final TimeReader r;

  SpanReader(TimeReader reader) {
    this.r = reader;
  }

  /** Whether a span is meant here: a number, perhaps glued to a unit ("2h", "90 minutes", "two hours"). */
  boolean ahead() {
    Token t = r.at(r.i);
    if (t == null || t.quoted()) return false;
    if (SPANNISH.matcher(t.low()).matches() || t.low().matches("-\\d.*")) return true;
    Token unit = r.at(r.i + 1);
    if (t.is("half") && unit != null && unit.is("a", "an")) unit = r.at(r.i + 2);
    if (t.is("a") && unit != null && unit.is("couple")) return true;
    return TimeWords.NUMBERS.containsKey(t.low()) && unit != null
        && (unit.in(TimeWords.UNITS.keySet()) || TimeWords.misspeltUnit(unit.low()) != null);
  }

  /** The span at the cursor, the cursor moved past it; a {@link Problem} when what is there is no span. */
  Duration span(String marker) {
    Duration total = Duration.ZERO;
    Duration last = null;
    String lastUnit = null;
    int parts = 0;
    while (!r.done()) {
      Token t = r.peek();
      if (t.quoted()) break;
      String low = t.low();
      Token next = r.at(r.i + 1);
      if (parts == 0 && low.matches("-\\d.*")) {
        throw new Problem("A span of time can't be negative: say how long, as in `" + marker + " 1h`.");
      }
      Matcher hoursMinutes = HOURS_MINUTES.matcher(low);
      if (hoursMinutes.matches()) {
        total = total.plus(amount(hoursMinutes.group(1), "h", t.raw(), marker))
            .plus(last = amount(hoursMinutes.group(2), "m", t.raw(), marker));
        r.i++;
      } else if (COMPACT_SPAN.matcher(low).matches()) {
        Matcher m = SPAN_PART.matcher(low);
        while (m.find()) {
          total = total.plus(last = amount(m.group(1), m.group(2), t.raw(), marker));
          lastUnit = m.group(2);
        }
        r.i++;
      } else if (t.is("half") && next != null && next.is("a", "an") && unitAt(r.i + 2)) {
        total = total.plus(last = amount("0.5", r.at(r.i + 2).low(), t.raw(), marker));
        r.i += 3;
      } else if (t.is("a") && next != null && next.is("couple")) {
        int unit = r.at(r.i + 2) != null && r.at(r.i + 2).is("of") ? r.i + 3 : r.i + 2;
        if (!unitAt(unit)) break;
        total = total.plus(last = amount("2", r.at(unit).low(), t.raw(), marker));
        r.i = unit + 1;
      } else if ((NUMBER.matcher(low).matches() || TimeWords.NUMBERS.containsKey(low)) && unitAt(r.i + 1)) {
        String number = NUMBER.matcher(low).matches() ? low : TimeWords.NUMBERS.get(low).toPlainString();
        total = total.plus(last = amount(number, next.low(), t.raw(), marker));
        lastUnit = next.low();
        r.i += 2;
      } else if (next != null && TimeWords.meantSpan(List.of(t, next)) != null) {
        throw misspelt(marker, t.raw() + " " + next.raw(), TimeWords.meantSpan(List.of(t, next))); // "2 horus"
      } else if (parts == 0 && SPANNISH.matcher(low).matches()) {
        throw new Problem("I can't read `" + t.raw() + "` as a span of time after `" + marker + "`: say "
            + TimeReader.SPAN_EXAMPLES + ".");
      } else {
        break;
      }
      parts++;
      if (lastUnit != null && Duration.ofHours(1).equals(TimeWords.UNITS.get(lastUnit)) && minutesAlone(r.i)) {
        total = total.plus(Duration.ofMinutes(Integer.parseInt(r.at(r.i).low()))); // "for 2hrs 30": its minutes
        r.i++;
        break;
      }
      if (r.peekIs("and") && r.at(r.i + 1) != null && r.at(r.i + 1).is("a") && r.at(r.i + 2) != null && r.at(r.i + 2).is("half")) {
        total = total.plus(last.dividedBy(2)); // "an hour and a half"
        r.i += 3;
      }
      if (r.peekIs("and") && r.at(r.i + 1) != null && (SPANNISH.matcher(r.at(r.i + 1).low()).matches()
          || TimeWords.NUMBERS.containsKey(r.at(r.i + 1).low()) && unitAt(r.i + 2))) r.i++;
    }
    if (parts == 0) {
      throw new Problem("`" + marker + "` needs a span of time: say " + TimeReader.SPAN_EXAMPLES + ".");
    }
    if (total.isZero()) throw new Problem("A span of time must be more than zero.");
    if (total.compareTo(Duration.ofDays(3650)) > 0) throw new Problem("That is far too long a span of time.");
    return total;
  }

  /**
   * A bare 1-59 at {@code k} that ends the words or a comma's part: the minutes after hours ("2 hours 30", "1h 15"),
   * once read into the place's name ("hq 30", whose "did you mean HQ?" then set 2 hours).
   */
  private boolean minutesAlone(int k) {
    Token t = r.at(k);
    if (t == null || t.quoted() || !t.low().matches("[1-5]?\\d") || t.low().equals("0")) return false;
    Token after = r.at(k + 1);
    return after == null || after == Token.COMMA;
  }

  /** "for 2 horus": the typo named, with what was probably meant; nothing is read from it. */
  private static Problem misspelt(String marker, String said, String meant) {
    return new Problem("I can't read `" + said + "` as a span of time after `" + marker + "`: did you mean `"
        + marker + " " + meant + "`?");
  }

  private boolean unitAt(int k) {
    return r.at(k) != null && !r.at(k).quoted() && TimeWords.UNITS.containsKey(r.at(k).low());
  }

  private static Duration amount(String number, String unit, String raw, String marker) {
    Duration one = TimeWords.UNITS.get(unit);
    if (one == null && raw.equalsIgnoreCase(number + unit) && TimeWords.misspeltUnit(unit) != null) {
      throw misspelt(marker, raw, number + " " + TimeWords.misspeltUnit(unit)); // "2horus"
    }
    if (one == null) {
      throw new Problem("I can't read `" + raw + "` as a span of time after `" + marker + "`: say "
          + TimeReader.SPAN_EXAMPLES + ".");
    }
    BigDecimal seconds = new BigDecimal(number).multiply(BigDecimal.valueOf(one.getSeconds()));
    // Far beyond any allowed span; checked here so a huge number is an answer, not an overflow.
    if (seconds.compareTo(BigDecimal.valueOf(Duration.ofDays(3650).getSeconds())) > 0) {
      throw new Problem("`" + raw + "` is far too long a span of time.");
    }
    return Duration.ofSeconds(seconds.longValue());
  }
}
