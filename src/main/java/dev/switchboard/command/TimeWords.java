package dev.switchboard.command;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of times as people type them: units, weekdays, months, number words, day parts and zone abbreviations.
 * Day parts and abbreviations follow the product decisions: morning 08:00, noon 12:00, afternoon 13:00, end of day
 * 17:00, evening and tonight 18:00; ET/EST/EDT is America/New_York and so on; an ambiguous abbreviation is asked about.
 */
final class TimeWords {

  static final Map<String, Duration> UNITS = units();
  static final Map<String, DayOfWeek> WEEKDAYS = weekdays();
  static final Map<String, Month> MONTHS = months();
  /** Numbers as words, for spans ("two hours", "half an hour"). */
  static final Map<String, BigDecimal> NUMBERS = numbers();
  /** One-word day parts; "end of day" and its kin are read as phrases by {@link #endOfDayLength}. */
  static final Map<String, LocalTime> DAY_PARTS = Map.of("morning", LocalTime.of(8, 0), "noon", LocalTime.NOON,
      "midday", LocalTime.NOON, "afternoon", LocalTime.of(13, 0), "evening", LocalTime.of(18, 0),
      "tonight", LocalTime.of(18, 0), "midnight", LocalTime.MIDNIGHT, "eod", LocalTime.of(17, 0),
      "cob", LocalTime.of(17, 0), "eob", LocalTime.of(17, 0));
  static final LocalTime END_OF_DAY = LocalTime.of(17, 0);
  /** How long without a number: "for a bit", "for a few hours". Asked about, never guessed. */
  private static final List<List<String>> VAGUE_SPANS = List.of(List.of("a", "bit"), List.of("a", "little", "bit"),
      List.of("a", "while"), List.of("a", "little", "while"), List.of("a", "little"), List.of("some", "time"),
      List.of("a", "few"), List.of("a", "few", "more"), List.of("few"), List.of("several"), List.of("some"),
      List.of("a", "number", "of"), List.of("many"), List.of("a", "good", "while"), List.of("ages"));
  static final LocalTime WEEKEND_STARTS = LocalTime.of(18, 0);
  static final LocalTime WEEKEND_ENDS = LocalTime.of(8, 0);
  /** Words that start a remark, not part of any name: "because of the storm", "due to the storm". */
  static final Set<String> REMARK_LEADS = Set.of("because", "due", "since", "cause", "coz", "bc");
  /** Urgency: they ask for nothing the plain command does not already do at once. */
  static final Set<String> URGENT = Set.of("now", "asap", "immediately", "urgently", "urgent", "quickly", "fast",
      "straightaway", "pronto", "stat");
  /** "until further notice": no end, which is what a change without a time already does. */
  static final Set<String> OPEN_ENDED = Set.of("indefinitely", "permanently");

  private static final Map<String, String> ZONE_ABBREVIATIONS = zoneAbbreviations();
  private static final Map<String, String> AMBIGUOUS_ZONES = Map.of(
      "ist", "India (Asia/Kolkata), Ireland (Europe/Dublin) or Israel (Asia/Jerusalem)",
      "ast", "Atlantic (America/Halifax) or Arabia (Asia/Riyadh)",
      "sst", "Samoa (Pacific/Pago_Pago) or Singapore (Asia/Singapore)");
  private static final Map<String, String> ZONE_IDS = zoneIds();
  private static final Pattern CLOCKISH = Pattern.compile("\\d{1,2}(?::\\d{2})?(?:am|pm|a\\.m\\.|p\\.m\\.)|\\d{1,2}:\\d{2}");
  private static final Pattern NUMERIC_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,!?]+$");
  /** Words that name a time when they stand among location words ("London over the weekend", "HQ EST"). */
  private static final Set<String> OTHER_TIME_WORDS = Set.of("today", "tomorrow", "tmrw", "tonight", "weekend",
      "overnight", "later", "soon", "week", "month", "year", "holiday", "holidays", "christmas", "tomorrow's",
      "sharp", "o'clock", "oclock", "noonish");

  private TimeWords() {}

  /** The zone an abbreviation or an IANA area/city name stands for; null when the word is neither. */
  static ZoneId zone(String low) {
    String id = ZONE_ABBREVIATIONS.get(low);
    if (id != null) return id.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(id);
    // Only area/city names: a bare "Japan" or "Cuba" among them is a location's name, not a zone.
    id = low.contains("/") ? ZONE_IDS.get(low) : null;
    return id == null ? null : ZoneId.of(id);
  }

  /** US zones said in words after a clock: "8am Eastern", "9am Pacific time". */
  private static final Map<String, String> US_ZONE_WORDS = Map.of("eastern", "America/New_York",
      "central", "America/Chicago", "mountain", "America/Denver", "pacific", "America/Los_Angeles");
  /** Places whose time is said as "UK time", "Sydney time": only with "time" after them. */
  private static final Map<String, String> PLACE_TIMES = Map.ofEntries(Map.entry("uk", "Europe/London"),
      Map.entry("british", "Europe/London"), Map.entry("london", "Europe/London"), Map.entry("india", "Asia/Kolkata"),
      Map.entry("indian", "Asia/Kolkata"), Map.entry("bangalore", "Asia/Kolkata"), Map.entry("sydney", "Australia/Sydney"),
      Map.entry("paris", "Europe/Paris"), Map.entry("tokyo", "Asia/Tokyo"), Map.entry("japan", "Asia/Tokyo"),
      Map.entry("singapore", "Asia/Singapore"), Map.entry("dallas", "America/Chicago"),
      Map.entry("chicago", "America/Chicago"), Map.entry("denver", "America/Denver"),
      Map.entry("austin", "America/Chicago"), Map.entry("new york", "America/New_York"),
      Map.entry("east coast", "America/New_York"), Map.entry("west coast", "America/Los_Angeles"));

  /** A zone said in words after a clock, and how many words say it. */
  record SpelledZone(ZoneId zone, int words) {}

  /**
   * "Eastern", "Pacific time", "UK time", "local time" at {@code k}: the zone (null for "local", the location's own)
   * and how many words; null when the words there say no zone.
   */
  static SpelledZone spelledZone(List<Token> tokens, int k) {
    Token first = k < tokens.size() ? tokens.get(k) : null;
    if (first == null || first.quoted()) return null;
    int time = timeWords(tokens, k + 1);
    if (first.is("local")) return new SpelledZone(null, 1 + time);
    if (US_ZONE_WORDS.containsKey(first.low())) return new SpelledZone(ZoneId.of(US_ZONE_WORDS.get(first.low())), 1 + time);
    if (PLACE_TIMES.containsKey(first.low()) && time > 0) {
      return new SpelledZone(ZoneId.of(PLACE_TIMES.get(first.low())), 1 + time);
    }
    Token second = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
    String two = second == null || second.quoted() ? null : first.low() + " " + second.low();
    int after = timeWords(tokens, k + 2);
    if (two != null && PLACE_TIMES.containsKey(two) && after > 0) {
      return new SpelledZone(ZoneId.of(PLACE_TIMES.get(two)), 2 + after);
    }
    return null;
  }

  /** "time", "standard time", "daylight time" at {@code k}: how many words; else 0. */
  private static int timeWords(List<Token> tokens, int k) {
    if (k < tokens.size() && tokens.get(k).is("time")) return 1;
    if (k + 1 < tokens.size() && tokens.get(k).is("standard", "daylight") && tokens.get(k + 1).is("time")) return 2;
    return 0;
  }

  /** For an abbreviation that names several zones, the zones it may mean, in words; else null. */
  static String ambiguousZone(String low) {
    return AMBIGUOUS_ZONES.get(low);
  }

  /** Whether an unquoted word names a time, a day or a zone: then it is no part of a location name. */
  static boolean namesTime(Token t) {
    if (t.quoted()) return false;
    String low = TRAILING_PUNCTUATION.matcher(t.low()).replaceAll("");
    return WEEKDAYS.containsKey(low) || (MONTHS.containsKey(low) && low.length() > 3) || DAY_PARTS.containsKey(low)
        || OTHER_TIME_WORDS.contains(low) || ZONE_ABBREVIATIONS.containsKey(low) || AMBIGUOUS_ZONES.containsKey(low)
        || UNITS.containsKey(low) && low.length() > 2 || CLOCKISH.matcher(low).matches()
        || NUMERIC_DATE.matcher(low).matches() || URGENT.contains(low) || (low.contains("/") && ZONE_IDS.containsKey(low));
  }

  /**
   * How many words from {@code k} say "end of (the) day" and its kin (17:00): "eod", "close of business", "end of the
   * business day"; 0 when they do not.
   */
  static int endOfDayLength(List<Token> tokens, int k) {
    if (k >= tokens.size() || tokens.get(k).quoted()) return 0;
    Token first = tokens.get(k);
    if (!first.is("end", "close") || k + 1 >= tokens.size() || !tokens.get(k + 1).is("of")) return 0;
    int i = k + 2;
    if (i < tokens.size() && tokens.get(i).is("the")) i++;
    if (i < tokens.size() && tokens.get(i).is("business", "work", "working")) {
      i++;
      if (i < tokens.size() && tokens.get(i).is("day")) i++;
      return i - k;
    }
    if (i < tokens.size() && tokens.get(i).is("day", "play", "today")) return i + 1 - k;
    return 0;
  }

  /**
   * The unit a typo after a number stands for ("horus", "mintues", "dyas"), or null: same first letter, one slip in
   * a short word, two in a longer one. Only ever named back as a question; a span is never read from a guess.
   */
  static String misspeltUnit(String low) {
    if (low.length() < 4 || UNITS.containsKey(low)) return null;
    for (String unit : List.of("hours", "minutes", "days", "weeks", "hour", "minute", "day", "week")) {
      int allowed = low.length() <= 4 ? 1 : 2;
      if (low.charAt(0) == unit.charAt(0) && EditDistance.of(low, unit) <= allowed) return unit;
    }
    return null;
  }

  /** "2 horus" as "2 hours", or null when {@code words} are not a number and a misspelt unit. */
  static String meantSpan(List<Token> words) {
    if (words.size() != 2 || words.get(1).quoted()) return null;
    String number = words.get(0).low();
    String unit = misspeltUnit(words.get(1).low());
    return unit != null && (number.matches("\\d+(?:\\.\\d+)?") || NUMBERS.containsKey(number))
        ? words.get(0).raw() + " " + unit : null;
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

  private static Map<String, Month> months() {
    Map<String, Month> months = new HashMap<>();
    for (Month m : Month.values()) {
      String name = m.name().toLowerCase(Locale.ROOT);
      months.put(name, m);
      months.put(name.substring(0, 3), m);
    }
    months.put("sept", Month.SEPTEMBER);
    return Map.copyOf(months);
  }

  private static Map<String, BigDecimal> numbers() {
    Map<String, BigDecimal> numbers = new HashMap<>();
    List<String> words = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve");
    for (int n = 0; n < words.size(); n++) numbers.put(words.get(n), BigDecimal.valueOf(n));
    numbers.put("fifteen", BigDecimal.valueOf(15));
    numbers.put("twenty", BigDecimal.valueOf(20));
    numbers.put("thirty", BigDecimal.valueOf(30));
    numbers.put("forty-five", BigDecimal.valueOf(45));
    numbers.put("ninety", BigDecimal.valueOf(90));
    numbers.put("a", BigDecimal.ONE);
    numbers.put("an", BigDecimal.ONE);
    numbers.put("half", new BigDecimal("0.5"));
    return Map.copyOf(numbers);
  }

  private static Map<String, String> zoneAbbreviations() {
    Map<String, String> zones = new HashMap<>();
    for (String a : List.of("et", "est", "edt")) zones.put(a, "America/New_York");
    for (String a : List.of("ct", "cst", "cdt")) zones.put(a, "America/Chicago");
    for (String a : List.of("mt", "mst", "mdt")) zones.put(a, "America/Denver");
    for (String a : List.of("pt", "pst", "pdt")) zones.put(a, "America/Los_Angeles");
    for (String a : List.of("gmt", "utc", "z")) zones.put(a, "UTC");
    zones.put("bst", "Europe/London");
    for (String a : List.of("cet", "cest")) zones.put(a, "Europe/Paris");
    for (String a : List.of("aest", "aedt")) zones.put(a, "Australia/Sydney");
    return Map.copyOf(zones);
  }

  private static Map<String, String> zoneIds() {
    Map<String, String> zones = new HashMap<>();
    ZoneId.getAvailableZoneIds().forEach(id -> zones.put(id.toLowerCase(Locale.ROOT), id));
    return Map.copyOf(zones);
  }

  /**
   * How many words at {@code k} say a span with no number ("a bit", "a few hours", "several minutes"), counting the
   * unit after them when there is one; else 0.
   */
  static int vagueSpanLength(List<Token> tokens, int k) {
    int best = 0;
    for (List<String> words : VAGUE_SPANS) {
      if (k + words.size() > tokens.size() || words.size() <= best) continue;
      boolean same = true;
      for (int w = 0; w < words.size() && same; w++) {
        Token t = tokens.get(k + w);
        same = !t.quoted() && t.low().equals(words.get(w));
      }
      if (!same) continue;
      boolean unit = k + words.size() < tokens.size() && UNITS.containsKey(tokens.get(k + words.size()).low());
      boolean alone = words.size() >= 2 && !words.get(words.size() - 1).equals("few")
          && !words.get(words.size() - 1).equals("of") && !words.get(words.size() - 1).equals("more")
          && (k + words.size() == tokens.size() || tokens.get(k + words.size()) == Token.COMMA);
      if (unit || alone) best = words.size() + (unit ? 1 : 0);
    }
    return best;
  }
}
