package dev.switchboard.command;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

  static final String TIME_EXAMPLES = TimeReader.TIME_EXAMPLES;
  static final String SPAN_EXAMPLES = TimeReader.SPAN_EXAMPLES;
  private static final Set<String> UNTIL = TimeReader.UNTIL;
  private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_-]*");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
  private static final Pattern DASHES = Pattern.compile("-{1,2}");
  private static final Pattern NUMBER_START = Pattern.compile("[+(]?\\d.*");
  private static final Pattern DIGIT_START = Pattern.compile("\\d.*");
  private static final Set<String> FROM_END = TimeReader.FROM_END;

  private static final Set<String> FROM = Set.of("from", "starting", "beginning");
  private static final Set<String> PRESET_LEADS = Set.of("with", "using", "use");
  private static final Set<String> WEEKEND_LEADS = Set.of("over", "for", "during", "through", "thru", "all", "on",
      "this", "next");

  /** The tokens left for the intercept grammar, and what was read out of them; {@code problem} non-null on error. */
  record Extracted(List<Token> rest, Timing timing, String preset, String problem) {}


  private TimeGrammar() {}

  /** Reads the timing and preset phrases out of the words after "intercept". */
  static Extracted extract(List<Token> said) {
    return extract(said, false);
  }

  /**
   * Reads them out of the words before "intercept" ("tomorrow at 7am turn intercept on at Austin"), where a day and
   * a time may open the line: after "intercept", a first word that is a day is read as a location's name.
   */
  static Extracted extractLeading(List<Token> said) {
    return extract(said, true);
  }

  private static Extracted extract(List<Token> said, boolean leading) {
    List<Token> tokens = withoutSpanFillers(TimeWording.plain(said));
    List<Token> rest = new ArrayList<>();
    Timing.Moment start = null;
    Timing.Moment end = null;
    // "tonight" and "over the weekend" say an end of their own (08:00, Mon 08:00) that one said after them replaces:
    // "tonight until 6am", "this weekend until Sunday 8pm"
    boolean impliedEnd = false;
    String preset = null;
    try {
      int i = 0;
      while (i < tokens.size()) {
        Token t = tokens.get(i);
        TimeReader c = new TimeReader(tokens, i + 1);
        int weekend = weekendLength(tokens, i);
        if (t.is("preset") || (t.in(PRESET_LEADS) && c.peekIs("preset"))) {
          if (!t.is("preset")) c.i++;
          if (c.done() || c.peek() == Token.COMMA) {
            throw new TimeReader.Problem("Name the preset, as in `preset storm` (type `presets` to see them).");
          }
          if (preset != null) throw new TimeReader.Problem("Name one preset only.");
          preset = c.peek().raw();
          i = c.i + 1;
        } else if (presetNamedBefore(tokens, i) > 0) {
          // "with the storm preset", "storm preset", "with storm" (a lone word after with that is no option)
          if (preset != null) throw new TimeReader.Problem("Name one preset only.");
          int length = presetNamedBefore(tokens, i);
          Token name = tokens.get(tokens.get(i + length - 1).is("preset") ? i + length - 2 : i + length - 1);
          preset = name.raw();
          i += length;
        } else if ((t.in(TimeWords.URGENT) || t.in(TimeWords.OPEN_ENDED)) && !(i == 0 && !leading && t.is("stat"))) {
          // not "intercept stat HQ": right after the keyword "stat" is short for status, as urgency it comes last
          i++; // "INTERCEPT ON HQ NOW": a change without a time happens at once and lasts
          if (i + 1 < tokens.size() && tokens.get(i) == Token.COMMA && remarkAfterComma(tokens, i + 1)) {
            // "asap, flooding": after the urgency, words in lower case that are no option, number or time
            i++;
            while (i < tokens.size() && tokens.get(i) != Token.COMMA) i++;
          }
        } else if ((t.is("right") && c.peekIs("now", "away")) || (t.is("at") && c.peekIs("once"))
            || (t.is("for") && c.peekIs("good", "now")) || (t.in(FROM) && c.peekIs("now"))) {
          i += 2; // "from now until 6pm" starts now, as a change with no start does
        } else if (t.in(UNTIL) && c.peekIs("further") && c.at(c.i + 1) != null && c.at(c.i + 1).is("notice")) {
          i += 3;
        } else if (t.in(UNTIL) && untilToldLength(tokens, i + 1) > 0) {
          i += 1 + untilToldLength(tokens, i + 1); // "until I say so", "till told otherwise": no end
        } else if (i > 0 && namedBefore(rest) && forAReason(tokens, i)) {
          // "intercept on at HQ for the storm": why, up to the next comma ("Center for the Arts" is a name)
          while (i < tokens.size() && tokens.get(i) != Token.COMMA) i++;
        } else if (i > 0 && namedBefore(rest) && isRemark(tokens, i)) {
          // "Austin - storm coming, voicemail": a reason given in passing, up to the next comma
          while (i < tokens.size() && tokens.get(i) != Token.COMMA) i++;
        } else if (weekend > 0) {
          boolean next = tokens.subList(i, i + weekend).stream().anyMatch(w -> w.is("next"));
          Timing.Moment.At monday = new Timing.Moment.At(new Timing.Day.Weekday(DayOfWeek.MONDAY),
              TimeWords.WEEKEND_ENDS, null);
          Timing.Moment.At friday = new Timing.Moment.At(new Timing.Day.Weekday(DayOfWeek.FRIDAY),
              TimeWords.WEEKEND_STARTS, null);
          start = once(start, next ? friday : new Timing.Moment.Opening(friday, monday), "start");
          end = once(end, monday, "end");
          impliedEnd = true;
          i += weekend;
        } else if (tonightLength(tokens, i) > 0) {
          Timing.Moment.At morning = new Timing.Moment.At(new Timing.Day.Coming(), LocalTime.of(8, 0), null);
          start = once(start, new Timing.Moment.Opening(new Timing.Moment.At(new Timing.Day.Next(),
              TimeWords.DAY_PARTS.get("tonight"), null), morning), "start");
          end = once(end, morning, "end");
          impliedEnd = true;
          i += tonightLength(tokens, i);
        } else if (t.in(SPAN_MARKERS) && TimeWords.vagueSpanLength(tokens, i + 1) > 0) {
          String vague = Token.join(tokens.subList(i, i + 1 + TimeWords.vagueSpanLength(tokens, i + 1)));
          throw new TimeReader.Problem("How long is `" + vague + "`? Say it in numbers, as in `" + t.raw()
              + " 3h` or `until 6pm`; `extend` adds more later.");
        } else if (t.is("for") && c.spanAhead() && !(i > 0 && tokens.get(i - 1).is("0", "zero"))) {
          // not "press 0 for 2147691004": where the caller goes
          end = once(impliedEnd ? null : end, new Timing.Moment.After(c.span("for")), "end");
          impliedEnd = false;
          i = c.i;
        } else if (t.is("for") && !c.done() && !c.spanAhead() && new TimeReader(tokens, i + 1).dayLength(i + 1) > 0
            && c.timeAhead(false)) {
          start = once(start, c.time("for"), "start"); // "schedule intercept on at HQ for tomorrow 8am"
          i = c.i;
        } else if (t.is("in") && c.spanAhead()) {
          start = once(start, new Timing.Moment.After(c.span("in")), "start");
          i = c.i;
        } else if (t.is("through", "thru") && i > 0 && tokens.get(i - 1).is("calls", "call") && !c.timeAhead(true)) {
          rest.add(t); // "let outbound calls through": an option's words, no end
          i++;
        } else if (t.in(UNTIL)) {
          Timing.Moment.At until = c.time(t.raw());
          if (impliedEnd && start instanceof Timing.Moment.Opening opening) {
            // "tonight until 6am": open from 18:00 to the coming 06:00 (a bare time that has passed today is otherwise
            // refused as passed), not to 08:00
            until = coming(until);
            start = new Timing.Moment.Opening(opening.opens(), until);
          }
          end = once(impliedEnd ? null : end, until, "end");
          impliedEnd = false;
          i = c.i;
        } else if (t.in(FROM) && !t.is("from") && (c.peekIs("at", "from", "on")
            && new TimeReader(tokens, i + 2).timeAhead(c.peekIs("on"))
            || c.peekIs("in") && new TimeReader(tokens, i + 2).spanAhead())) {
          i++; // "starting at 18:00", "beginning on Monday 8am", "starting in an hour": the second word reads it
        } else if (t.is("between") && c.timeAhead(false)) {
          // "between 6pm and 8am" is "from 6pm to 8am"
          start = once(start, c.time(t.raw()), "start");
          if (!c.peekIs("and")) {
            throw new TimeReader.Problem("Say both ends, as in `between 6pm and 8am`.");
          }
          c.i++;
          end = once(end, c.time("and"), "end");
          i = c.i;
        } else if ((t.in(FROM) || t.is("at") || (t.is("on") && i > 0)) && c.timeAhead(t.is("on"))) {
          start = once(start, c.time(t.raw()), "start");
          if (!c.done() && c.peek().in(FROM_END)) {
            String marker = c.peek().raw();
            c.i++;
            end = once(end, c.time(marker), "end");
          }
          i = c.i;
        } else if ((leading || (i > 0 && !rest.isEmpty())) && new TimeReader(tokens, i).dayLength(i) > 0
            && new TimeReader(tokens, i).timeAhead(false)) {
          // "intercept off at HQ tomorrow 8am": a day and a time with no word before them start the change
          TimeReader at = new TimeReader(tokens, i);
          start = once(start, at.time(t.raw()), "start");
          if (!at.done() && at.peek().in(FROM_END) && end == null) {
            String marker = at.peek().raw(); // "Fri 6pm - Mon 8am", "Friday 18:00 to Monday 08:00"
            at.i++;
            end = once(end, at.time(marker), "end");
          }
          i = at.i;
        } else {
          rest.add(t);
          i++;
        }
      }
    } catch (TimeReader.Problem p) {
      return new Extracted(tokens, null, null, p.getMessage());
    }
    Timing timing = start == null && end == null ? null : new Timing(start, end);
    return new Extracted(rest, timing, preset, null);
  }

  /**
   * "for the next 3 hours", "for another hour", "for a further 30 minutes": the words between "for" and a span say
   * nothing more, and are taken out ("another"/"a further" before a bare unit stand for one of it).
   */
  /** Words before a span. */
  private static final Set<String> SPAN_MARKERS = Set.of("for", "in");

  private static List<Token> withoutSpanFillers(List<Token> tokens) {
    List<Token> read = new ArrayList<>(tokens.size());
    boolean changed = false;
    for (int i = 0; i < tokens.size(); i++) {
      read.add(tokens.get(i));
      int words = tokens.get(i).is("for") ? spanFillerLength(tokens, i + 1) : 0;
      if (words == 0) continue;
      Token after = tokens.get(i + 1 + words);
      if (TimeWords.UNITS.containsKey(after.low())) read.add(new Token("an", "an", false));
      i += words;
      changed = true;
    }
    return changed ? read : tokens;
  }

  /** How many filler words start at {@code k} before a span (a number or a unit); else 0. */
  private static int spanFillerLength(List<Token> tokens, int k) {
    if (k + 1 >= tokens.size() || tokens.get(k).quoted()) return 0;
    Token a = tokens.get(k);
    Token b = tokens.get(k + 1);
    int words = a.is("the") && b.is("next", "coming", "following") ? 2
        : a.is("another", "next") ? 1
        : a.is("a", "an") && b.is("further", "extra", "additional") ? 2 : 0;
    if (words == 0 || k + words >= tokens.size()) return 0;
    Token span = tokens.get(k + words);
    boolean spanFollows = !span.quoted() && (TimeWords.UNITS.containsKey(span.low())
        || TimeWords.NUMBERS.containsKey(span.low()) || DIGIT_START.matcher(span.low()).matches());
    return spanFollows ? words : 0;
  }

  /**
   * Whether the words say the change lasts ("indefinitely", "for good", "until further notice", "until I say so"):
   * only turning intercept on is said so, as with a time.
   */
  static boolean saysLasting(List<Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (t.in(TimeWords.OPEN_ENDED) || (t.is("for") && next != null && next.is("good"))
          || (t.in(UNTIL) && next != null && (next.is("further") || untilToldLength(tokens, i + 1) > 0))) {
        return true;
      }
    }
    return false;
  }

  /** "I say so", "I say otherwise", "told otherwise", "we say": after "until", how many words; else 0. */
  private static int untilToldLength(List<Token> tokens, int k) {
    int j = k;
    if (j < tokens.size() && tokens.get(j).is("i", "we", "someone", "you're", "youre")) j++;
    if (j >= tokens.size() || !tokens.get(j).is("say", "says", "told", "tell")) return 0;
    j++;
    if (j < tokens.size() && tokens.get(j).is("so", "otherwise", "you")) j++;
    return j - k;
  }

  /** "over the weekend", "for the weekend", "this weekend", "next weekend", "weekend": how many words; else 0. */
  private static int weekendLength(List<Token> tokens, int i) {
    int k = i;
    if (k < tokens.size() && tokens.get(k).in(WEEKEND_LEADS)) k++;
    if (k < tokens.size() && tokens.get(k).is("the", "this", "next")) k++;
    return k < tokens.size() && tokens.get(k).is("weekend", "wknd", "weekend's") ? k + 1 - i : 0;
  }

  /** "tonight", "overnight", "for tonight", "over night" with no clock time after: how many words; else 0. */
  private static int tonightLength(List<Token> tokens, int i) {
    int k = i;
    if (k < tokens.size() && tokens.get(k).is("for", "over", "through", "thru") && k + 1 < tokens.size()
        && tokens.get(k + 1).is("tonight", "overnight", "night")) k++;
    if (k < tokens.size() && tokens.get(k).is("for", "through", "thru") && k + 2 < tokens.size()
        && tokens.get(k + 1).is("the") && tokens.get(k + 2).is("night")) k += 2; // "for the night"
    if (k >= tokens.size() || !tokens.get(k).is("tonight", "overnight") && !(k > i && tokens.get(k).is("night"))) {
      return 0;
    }
    TimeReader after = new TimeReader(tokens, k + 1);
    return after.done() || !TimeReader.clockAhead(tokens, k + 1, true) ? k + 1 - i : 0;
  }

  /**
   * A preset named before the word preset ("storm preset", "with the storm preset") or alone after "with" at the end
   * of a part ("with storm"): how many words; else 0.
   */
  private static int presetNamedBefore(List<Token> tokens, int i) {
    int k = i;
    boolean lead = tokens.get(k).in(PRESET_LEADS);
    if (lead) k++;
    if (k < tokens.size() && tokens.get(k).is("the")) k++;
    if (k >= tokens.size() || !plainWord(tokens.get(k)) || OptionGrammar.isOptionStart(tokens, k)) return 0;
    if (k + 1 < tokens.size() && tokens.get(k + 1).is("preset")) {
      // "HQ preset storm" is the preset storm at HQ: a name before "preset" needs a lead or nothing after it
      boolean ends = k + 2 == tokens.size() || tokens.get(k + 2) == Token.COMMA || !plainWord(tokens.get(k + 2));
      boolean afterName = i > 0 && !tokens.get(i - 1).is("at", "in", "@", "for", "to", "on", "off");
      return lead || k > i || (ends && afterName) ? k + 2 - i : 0;
    }
    boolean last = k + 1 == tokens.size() || tokens.get(k + 1) == Token.COMMA || tokens.get(k + 1).in(UNTIL)
        || tokens.get(k + 1).is("for", "from", "in");
    return lead && tokens.get(i).is("with") && k == i + 1 && last && !tokens.get(k).in(TimeWords.URGENT) ? 2 : 0;
  }

  private static boolean plainWord(Token t) {
    return t != Token.COMMA && !t.quoted() && PLAIN_WORD.matcher(t.low()).matches() && !t.is("preset");
  }

  /** Lower-case words after "now," that are no option, number, time or quoted name: a remark, not a location. */
  private static boolean remarkAfterComma(List<Token> tokens, int i) {
    Token next = tokens.get(i);
    return next != Token.COMMA && !next.quoted() && next.raw().equals(next.low())
        && LETTERS.matcher(next.low()).matches()
        && !OptionGrammar.isOptionStart(tokens, i) && !new TimeReader(tokens, i).timeAhead(false)
        && !next.in(UNTIL) && !next.is("for", "from", "at", "in", "and", "with", "all", "everywhere");
  }

  /** Whether a place may have been named before: "intercept on - HQ" has none, so its dash starts no remark. */
  private static boolean namedBefore(List<Token> rest) {
    return rest.stream().anyMatch(t -> t != Token.COMMA && !t.is("on", "off", "at", "in", "for", "@", "to", "status"));
  }

  /** A dash or "because" starting words that are no option, number or time: a remark. */
  /** "for the storm", "for the flood": "for the" and a word in lower case that says no time. */
  private static boolean forAReason(List<Token> tokens, int i) {
    if (!tokens.get(i).is("for") || i + 2 >= tokens.size() || !tokens.get(i + 1).is("the")) return false;
    Token why = tokens.get(i + 2);
    return !why.quoted() && why.raw().equals(why.low()) && !TimeWords.namesTime(why)
        && !why.is("weekend", "rest", "next", "coming", "following") && !NUMBER_START.matcher(why.low()).matches();
  }

  private static boolean isRemark(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    boolean lead = !t.quoted() && (DASHES.matcher(t.raw()).matches() || t.in(TimeWords.REMARK_LEADS));
    if (!lead || i + 1 >= tokens.size() || tokens.get(i + 1) == Token.COMMA) return false;
    Token next = tokens.get(i + 1);
    return next.quoted() || !(OptionGrammar.isOptionStart(tokens, i + 1) || NUMBER_START.matcher(next.low()).matches()
        || new TimeReader(tokens, i + 1).timeAhead(false) || next.in(UNTIL) || next.is("for", "from", "at", "in"));
  }

  /** A clock time alone as the coming one, as "tonight" ends at the coming 08:00; a named day stays as said. */
  private static Timing.Moment.At coming(Timing.Moment.At until) {
    return until.day() instanceof Timing.Day.Next
        ? new Timing.Moment.At(new Timing.Day.Coming(), until.time(), until.zone()) : until;
  }

  private static Timing.Moment once(Timing.Moment current, Timing.Moment value, String which) {
    if (current != null) {
      throw new TimeReader.Problem(which.equals("end")
          ? "Say one end, as in `for 2h` or `until 17:00`, not two."
          : "Say one start, as in `at 17:00` or `from Thu 18:00`, not two.");
    }
    return value;
  }

  /** A span typed on its own, e.g. after {@code extend HQ by}; null when the words are not one. */
  static Duration span(List<Token> tokens) {
    TimeReader c = new TimeReader(tokens, 0);
    try {
      Duration span = c.span("by");
      return c.done() ? span : null;
    } catch (TimeReader.Problem p) {
      return null;
    }
  }

  /**
   * The time the words say, read as after "until" ("7pm", "half past 5pm", "tomorrow 8am"); null when words are left
   * over. Throws {@link TimeReader.Problem}, saying what is wrong, when they are no time ("7" alone could be 7am or 7pm).
   */
  static Timing.Moment.At time(List<Token> tokens) {
    TimeReader c = new TimeReader(TimeWording.plain(tokens), 0);
    Timing.Moment.At at = c.time("until");
    return c.done() ? at : null;
  }
}
