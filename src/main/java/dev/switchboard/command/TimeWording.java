package dev.switchboard.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times said in other words, rewritten to {@link TimeGrammar}'s before it reads them: phrases ("for the rest of the
 * day" is "until eod", "until lunch" is "until noon") and clocks written other ways ("17.30", "until 1730", "6pm-8am",
 * "2 and a half hours", "on Friday from 5pm").
 */
final class TimeWording {

  private TimeWording() {}

  /** Phrases said for a time, and the words of it this grammar reads: "for the rest of the day" is "until eod". */
  private static final List<Map.Entry<List<String>, List<String>>> PHRASES = List.of(
      Map.entry(List.of("for", "the", "rest", "of", "the", "day"), List.of("until", "eod")),
      Map.entry(List.of("for", "the", "rest", "of", "today"), List.of("until", "eod")),
      Map.entry(List.of("for", "rest", "of", "day"), List.of("until", "eod")),
      Map.entry(List.of("for", "the", "day"), List.of("until", "eod")),
      Map.entry(List.of("for", "today"), List.of("until", "eod")),
      Map.entry(List.of("for", "all", "of", "today"), List.of("until", "eod")),
      Map.entry(List.of("all", "day", "today"), List.of("until", "eod")),
      Map.entry(List.of("all", "day"), List.of("until", "eod")),
      Map.entry(List.of("for", "the", "rest", "of", "the", "night"), List.of("until", "morning")),
      Map.entry(List.of("for", "the", "night"), List.of("until", "morning")),
      Map.entry(List.of("until", "next", "week"), List.of("until", "monday")),
      Map.entry(List.of("till", "next", "week"), List.of("until", "monday")),
      Map.entry(List.of("for", "the", "rest", "of", "the", "week"), List.of("until", "monday")),
      Map.entry(List.of("until", "close", "of", "business"), List.of("until", "close", "of", "business")),
      Map.entry(List.of("till", "close", "of", "business"), List.of("until", "close", "of", "business")),
      Map.entry(List.of("until", "close"), List.of("until", "eod")),
      Map.entry(List.of("till", "close"), List.of("until", "eod")),
      Map.entry(List.of("until", "closing"), List.of("until", "eod")),
      Map.entry(List.of("until", "after", "lunch"), List.of("until", "afternoon")),
      Map.entry(List.of("until", "lunch"), List.of("until", "noon")),
      Map.entry(List.of("till", "lunch"), List.of("until", "noon")),
      Map.entry(List.of("until", "lunchtime"), List.of("until", "noon")),
      Map.entry(List.of("tonight", "only"), List.of("tonight")),
      Map.entry(List.of("tonight", "at"), List.of("tonight")), // "tonight at 7pm" is one start, not two
      Map.entry(List.of("until", "the", "morning"), List.of("until", "morning")),
      Map.entry(List.of("till", "the", "morning"), List.of("until", "morning")),
      Map.entry(List.of("until", "first", "thing", "in", "the", "morning"), List.of("until", "morning")),
      Map.entry(List.of("till", "first", "thing", "in", "the", "morning"), List.of("until", "morning")),
      Map.entry(List.of("until", "first", "thing"), List.of("until", "morning")),
      Map.entry(List.of("till", "first", "thing"), List.of("until", "morning")),
      Map.entry(List.of("first", "thing", "in", "the", "morning"), List.of("at", "morning")),
      Map.entry(List.of("first", "thing", "tomorrow", "morning"), List.of("tomorrow", "morning")),
      Map.entry(List.of("first", "thing", "tomorrow"), List.of("tomorrow", "morning")),
      Map.entry(List.of("first", "thing"), List.of("at", "morning")),
      // the coming January 1st at 00:00, in the location's zone
      Map.entry(List.of("new", "year's", "day"), List.of("jan", "1", "00:00")),
      Map.entry(List.of("new", "years", "day"), List.of("jan", "1", "00:00")),
      Map.entry(List.of("new", "year's", "eve"), List.of("dec", "31", "18:00")),
      Map.entry(List.of("new", "years", "eve"), List.of("dec", "31", "18:00")),
      Map.entry(List.of("new", "year's"), List.of("jan", "1", "00:00")),
      Map.entry(List.of("new", "years"), List.of("jan", "1", "00:00")),
      Map.entry(List.of("new", "year"), List.of("jan", "1", "00:00")),
      Map.entry(List.of("the", "new", "year"), List.of("jan", "1", "00:00")),
      // "for like 2 hours", "for about an hour": the span is what is set, the hedge around it changes nothing
      Map.entry(List.of("for", "like"), List.of("for")),
      Map.entry(List.of("for", "about"), List.of("for")),
      Map.entry(List.of("for", "around"), List.of("for")),
      Map.entry(List.of("for", "roughly"), List.of("for")),
      Map.entry(List.of("for", "approximately"), List.of("for")),
      Map.entry(List.of("for", "approx"), List.of("for")),
      Map.entry(List.of("until", "the", "afternoon"), List.of("until", "afternoon")),
      Map.entry(List.of("till", "the", "afternoon"), List.of("until", "afternoon")),
      Map.entry(List.of("until", "the", "evening"), List.of("until", "evening")),
      Map.entry(List.of("till", "the", "evening"), List.of("until", "evening")),
      Map.entry(List.of("until", "after", "the", "weekend"), List.of("until", "monday")),
      Map.entry(List.of("or", "so"), List.of()), // "for an hour or so"
      Map.entry(List.of("or", "thereabouts"), List.of()));
  /** "half past", "quarter past", "quarter to": minutes to add to the hour after them (-15: the hour before). */
  private static final Map<List<String>, Integer> PAST_AND_TO = Map.of(List.of("half", "past"), 30,
      List.of("quarter", "past"), 15, List.of("a", "quarter", "past"), 15, List.of("quarter", "to"), -15,
      List.of("a", "quarter", "to"), -15, List.of("quarter", "til"), -15, List.of("quarter", "till"), -15);
  /** An hour said with its half of the day or without: "5", "5pm", "five", "11am". */
  private static final Pattern HOUR = Pattern.compile("(\\d{1,2})(am|pm)?");
  private static final Set<String> O_CLOCK = Set.of("o'clock", "oclock", "o’clock");
  /** "17.30" said for 17:30, "5.30pm" for 5:30pm. */
  private static final Pattern DOTTED_CLOCK = Pattern.compile("([01]?\\d|2[0-3])\\.([0-5]\\d)(am|pm)?");
  /** Slips and short forms of "tomorrow" typed in a hurry: "until tomorow 8am" was no time, "tomorow" a place. */
  private static final Set<String> TOMORROW_SLIPS = Set.of("tomorow", "tommorow", "tommorrow", "tomorrw", "tomoro",
      "tomorro", "tomrrow", "tomrow", "tmrow", "tmr", "tmw", "2morrow", "2moro", "2mrw", "tommorw", "tomorrrow");
  /** ... and of "tonight": "intercept on at HQ tonite" was a place "HQ tonite". */
  private static final Set<String> TONIGHT_SLIPS = Set.of("tonite", "2nite", "tonigh", "tonihgt", "toningt", "tonght");
  /** "until 8a", "til 6:30p": the half of the day by its first letter, after a word that leads into a clock. */
  private static final Pattern SHORT_HALF = Pattern.compile("(\\d{1,2}(?::[0-5]\\d)?)([ap])");
  /** "1730" after "until", "at", "from": 17:30. */
  private static final Pattern MILITARY_CLOCK = Pattern.compile("([01]\\d|2[0-3])([0-5]\\d)");
  /** "6pm-8am", "18:00-08:00": from one until the other. */
  private static final Pattern CLOCK_RANGE = Pattern.compile(
      "(\\d{1,2}(?::\\d{2})?(?:am|pm)|\\d{1,2}:\\d{2})-(\\d{1,2}(?::\\d{2})?(?:am|pm)|\\d{1,2}:\\d{2})");
  private static final Set<String> BEFORE_A_CLOCK = Set.of("until", "till", "til", "at", "from", "to", "by");
  private static final Set<String> START_WORDS = Set.of("from", "at", "starting");
  private static final Pattern WHOLE = Pattern.compile("\\d{1,3}");
  /** "2h", "90m", "1.5hrs", "1h30m": a number and its unit in one word. */
  private static final Pattern COMPACT_SPAN = Pattern.compile("\\d+(?:\\.\\d+)?([a-z]+)(?:\\d+([a-z]+))?");
  private static final Pattern DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?");
  /** A word a name may end with: letters, digits, a dash (not "+1214...", not a clock). */
  private static final Pattern LEADS_A_NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_.-]*");
  /** Typos of "for" seen before a span: "fro 2h", "fr 30m". */
  private static final Set<String> FOR_TYPOS = Set.of("fro", "fr", "fo", "foe", "fpr", "forr", "fot", "ofr");
  /** Words after which a span already has its lead, or is no span of intercept ("extend HQ by 1h", "in 2h"). */
  private static final Set<String> NOT_BEFORE_BARE_SPAN = Set.of("for", "in", "by", "at", "until", "till", "til",
      "to", "from", "within", "after", "before", "over", "than", "and", "or", "every", "per", "another", "next",
      "zero", "press", "announce", "extend", "add", "plus", "more", "only", "about", "around", "like", "last", "past",
      "the", "a", "an", "coming", "following", "further", "extra", "additional");

  /** The words with {@link #PHRASES} in their plain words, and the clocks of {@link #clocksInPlainerWords}. */
  static List<Token> plain(List<Token> said) {
    List<Token> tokens = clocksInPlainerWords(said);
    List<Token> read = null;
    for (int i = 0; i < tokens.size(); i++) {
      List<String> plain = null;
      int length = 0;
      for (Map.Entry<List<String>, List<String>> phrase : PHRASES) {
        if (startsWith(tokens, i, phrase.getKey())) {
          plain = phrase.getValue(); // the first that matches: a longer phrase is listed before its start
          length = phrase.getKey().size();
          break;
        }
      }
      if (plain == null) {
        if (read != null) read.add(tokens.get(i));
        continue;
      }
      if (read == null) read = new ArrayList<>(tokens.subList(0, i));
      for (String w : plain) read.add(word(w));
      i += length - 1;
    }
    return forBeforeBareSpans(read == null ? tokens : read);
  }

  /**
   * "intercept on at HQ 2h", "HQ 2 hours", "HQ fro 30m": a span with its unit right after a name, or after a typo of
   * "for", is read as "for" it (the location "HQ 2h" was refused). Not after a word that already leads a span or a
   * time ("in 2h", "by 30m", "until"), nor after a number ("press 0 ...").
   */
  private static List<Token> forBeforeBareSpans(List<Token> tokens) {
    List<Token> read = new ArrayList<>(tokens.size() + 1);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean spanNext = i + 1 < tokens.size() && unitSpanLength(tokens, i + 1) > 0;
      if (spanNext && t.in(FOR_TYPOS)) {
        read.add(word("for"));
        continue;
      }
      read.add(t);
      if (spanNext && t != Token.COMMA && !t.in(NOT_BEFORE_BARE_SPAN) && !TimeWords.UNITS.containsKey(t.low())
          && !TimeWords.NUMBERS.containsKey(t.low()) && (t.quoted() || LEADS_A_NAME.matcher(t.low()).matches())) {
        read.add(word("for"));
      }
    }
    return read.size() == tokens.size() && read.equals(tokens) ? tokens : read;
  }

  /** A span that says its unit at {@code i} ("2h", "1h30m", "90 minutes", "two hours"): how many words; else 0. */
  private static int unitSpanLength(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.quoted()) return 0;
    Matcher m = COMPACT_SPAN.matcher(t.low());
    if (m.matches() && TimeWords.UNITS.containsKey(m.group(1)) && (m.group(2) == null
        || TimeWords.UNITS.containsKey(m.group(2)))) {
      return 1;
    }
    boolean number = DECIMAL.matcher(t.low()).matches()
        || (TimeWords.NUMBERS.containsKey(t.low()) && !t.is("a", "an", "half", "zero"));
    return number && i + 1 < tokens.size() && !tokens.get(i + 1).quoted()
        && TimeWords.UNITS.containsKey(tokens.get(i + 1).low()) && tokens.get(i + 1).low().length() > 1 ? 2 : 0;
  }

  private static boolean startsWith(List<Token> tokens, int i, List<String> words) {
    if (i + words.size() > tokens.size()) return false;
    for (int w = 0; w < words.size(); w++) {
      Token t = tokens.get(i + w);
      if (t.quoted() || !t.low().equals(words.get(w))) return false;
    }
    return true;
  }

  /**
   * The words of a time written other ways: "17.30" and "1730" (after "until", "at", ...) as 17:30, "6pm-8am" as
   * "from 6pm until 8am", "2 and a half hours" as 2.5 hours, "on Friday from 5pm" as "from Friday 5pm".
   */
  private static List<Token> clocksInPlainerWords(List<Token> tokens) {
    List<Token> read = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token previous = i > 0 ? tokens.get(i - 1) : null;
      if (t.quoted()) {
        read.add(t);
        continue;
      }
      Matcher m;
      int past = pastOrToLength(tokens, i);
      if (past > 0) {
        // the words stay the token's raw text: a clock said in words with no am or pm is asked about (TimeReader)
        read.add(new Token(Token.join(tokens.subList(i, i + past)), pastOrTo(tokens, i, past), false));
        i += past - 1;
        continue;
      }
      if (t.in(O_CLOCK) && previous != null && hour(previous) != null) {
        continue; // "until 5 o'clock": the hour says it
      }
      if (t.is("am", "pm") && previous != null && !previous.quoted()
          && (TimeWords.WEEKDAYS.containsKey(previous.low()) || previous.is("tomorrow", "today"))) {
        read.add(word(t.is("am") ? "morning" : "afternoon")); // "until Monday am"
        continue;
      }
      if (t.in(TOMORROW_SLIPS) || t.in(TONIGHT_SLIPS)) {
        read.add(word(t.in(TONIGHT_SLIPS) ? "tonight" : "tomorrow"));
      } else if (previous != null && previous.in(BEFORE_A_CLOCK) && (m = SHORT_HALF.matcher(t.low())).matches()) {
        read.add(word(m.group(1) + m.group(2) + "m"));
      } else if ((m = DOTTED_CLOCK.matcher(t.low())).matches()) {
        read.add(word(m.group(1) + ":" + m.group(2) + (m.group(3) == null ? "" : m.group(3))));
      } else if (previous != null && previous.in(BEFORE_A_CLOCK) && (m = MILITARY_CLOCK.matcher(t.low())).matches()) {
        read.add(word(m.group(1) + ":" + m.group(2)));
      } else if ((m = CLOCK_RANGE.matcher(t.low())).matches()) {
        read.addAll(List.of(word("from"), word(m.group(1)), word("until"), word(m.group(2))));
      } else if (i + 4 < tokens.size() && tokens.get(i + 1).is("and") && tokens.get(i + 2).is("a")
          && tokens.get(i + 3).is("half") && number(t) != null && TimeWords.UNITS.containsKey(tokens.get(i + 4).low())) {
        read.add(word(number(t).add(new BigDecimal("0.5")).toPlainString())); // "2 and a half hours", "two and ..."
        i += 3;
      } else if (t.is("on") && i + 2 < tokens.size() && tokens.get(i + 2).in(START_WORDS)
          && (TimeWords.WEEKDAYS.containsKey(tokens.get(i + 1).low()) || tokens.get(i + 1).is("tomorrow", "today"))) {
        read.add(tokens.get(i + 2)); // "on Friday from 5pm": from Friday 5pm
        read.add(tokens.get(i + 1));
        i += 2;
      } else if (i + 1 < tokens.size() && tokens.get(i + 1).is("from") && previous != null && !previous.is("on")
          && (TimeWords.WEEKDAYS.containsKey(t.low()) || t.is("tomorrow", "today"))) {
        read.add(tokens.get(i + 1)); // "tomorrow from 9am to 5pm": from tomorrow 9am
        read.add(t);
        i += 1;
      } else {
        read.add(t);
      }
    }
    return read.equals(tokens) ? tokens : read;
  }

  /**
   * "half past 5", "quarter to six pm", "until half 5" (British for 5:30): how many words, counting the hour, make
   * such a clock at {@code i}; else 0.
   */
  private static int pastOrToLength(List<Token> tokens, int i) {
    for (Map.Entry<List<String>, Integer> words : PAST_AND_TO.entrySet()) {
      int n = words.getKey().size();
      if (startsWith(tokens, i, words.getKey()) && i + n < tokens.size() && hour(tokens.get(i + n)) != null) {
        return n + 1;
      }
    }
    boolean afterClockWord = i > 0 && tokens.get(i - 1).in(BEFORE_A_CLOCK);
    return afterClockWord && tokens.get(i).is("half") && i + 1 < tokens.size() && hour(tokens.get(i + 1)) != null
        && !TimeWords.UNITS.containsKey(i + 2 < tokens.size() ? tokens.get(i + 2).low() : "") ? 2 : 0;
  }

  /** The clock of the {@code length} words at {@code i} that {@link #pastOrToLength} found: "5:30pm", "5:45". */
  private static String pastOrTo(List<Token> tokens, int i, int length) {
    List<String> words = tokens.subList(i, i + length - 1).stream().map(Token::low).toList();
    int minutes = PAST_AND_TO.getOrDefault(words, 30); // "half 5" alone is half past
    String[] hour = hour(tokens.get(i + length - 1));
    int h = Integer.parseInt(hour[0]);
    if (minutes < 0) h = h == 1 ? 12 : h == 0 ? 23 : h - 1;
    return h + ":" + (minutes < 0 ? 60 + minutes : minutes) + hour[1];
  }

  /** An hour of the clock, as its number and its am or pm ("" when not said); else null. */
  private static String[] hour(Token t) {
    if (t.quoted()) return null;
    Matcher m = HOUR.matcher(t.low());
    if (m.matches() && Integer.parseInt(m.group(1)) <= 23) {
      return new String[] {m.group(1), m.group(2) == null ? "" : m.group(2)};
    }
    BigDecimal number = TimeWords.NUMBERS.get(t.low());
    return number != null && number.scale() <= 0 && number.intValue() >= 1 && number.intValue() <= 12
        ? new String[] {number.toPlainString(), ""} : null;
  }

  /** A whole number of up to three digits, or one in words; else null. */
  private static BigDecimal number(Token t) {
    if (WHOLE.matcher(t.low()).matches()) return new BigDecimal(t.low());
    return TimeWords.NUMBERS.get(t.low());
  }

  private static Token word(String w) {
    return new Token(w, w.toLowerCase(Locale.ROOT), false);
  }
}
