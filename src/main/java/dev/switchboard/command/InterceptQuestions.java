package dev.switchboard.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question about intercept that opens with a question word ("who turned intercept on at HQ?", "why is intercept
 * on", "when does intercept end at Denver", "which sites have intercept on?"): history, schedules, help or status,
 * never a change. Read word by word, "who turned intercept on" had turned it on at a location named "who turned".
 */
final class InterceptQuestions {

  /** "is anything intercepted", "are any sites on intercept": the words after is/are that ask where it is on. */
  private static final Set<String> ANY = Set.of("anything", "any", "anywhere", "somewhere", "something");
  /**
   * The place a question about intercept names ("... at HQ", "... in Denver right now"): after its last "at", "in",
   * "for" or "across", without the words of time after it.
   */
  private static final Pattern QUESTION_PLACE = Pattern.compile("(?i)(?:^|\\s)(?:at|in|for|across|@)\\s+(.+)$");
  /** "when will intercept at HQ turn off": the words of its end after the place, no part of the place's name. */
  private static final Pattern QUESTION_END = Pattern.compile("(?i)\\s+(?:(?:turn|go|switch|come|be)\\s+(?:back\\s+)?"
      + "(?:off|on)|end|ends|stop|stops|finish|finishes|expire|expires|last|run out|for|be over)$");
  /** How long: "is", "longer is" before the place in "how long is HQ intercepted", "how much longer is HQ on ...". */
  private static final Set<String> HOW_LONG_WORDS = Set.of("long", "much", "longer", "is", "will", "does", "the",
      "stay", "be", "are");
  private static final Pattern QUESTION_TIME = Pattern.compile("(?i)\\s*\\b(?:right now|now|at the moment|at present"
      + "|currently|today|tonight|yesterday|last night|this morning|earlier|again|already)$");
  /** "what sites have intercept on?": a question about locations, not a location's name. */
  private static final Set<String> PLACE_NOUNS = Set.of("site", "sites", "location", "locations", "office",
      "offices", "place", "places", "branch", "branches", "building", "buildings");
  /** "when was ...", "when did ...": the past, which history tells; "when does ... end" is a plan. */
  private static final Set<String> PAST = Set.of("was", "were", "did", "had", "has");
  /** "how do I ...", "how can we ...": asking how to, which help tells; "how is intercept at HQ" asks its state. */
  private static final Set<String> HOW_TO = Set.of("do", "does", "can", "could", "should", "would", "will", "to");
  /** What makes a "which sites ..." question not one of where intercept is on. */
  private static final Pattern NOT_ON = Pattern.compile(
      "\\b(?:off|disabled?|deactivated|not|no|without|dont|doesnt|isnt|arent|havent|hasnt)\\b|n't");
  /** "is intercept on anywhere", "is intercept on at any site": asks where it is on now. */
  private static final Pattern ON_ANYWHERE = Pattern.compile(
      "(?i)on\\s+(?:anywhere|somewhere|(?:at|in)\\s+(?:any|some)\\s+(?:site|location|office|branch)s?)");
  /** "who has intercept on", "which sites have intercept on": asks where it is on now. */
  private static final Set<String> HAS = Set.of("has", "have", "got", "is", "are", "uses", "use");
  /** The verbs of a state asked about: "has HQ come off", "did Austin go on", "was Denver put on". */
  private static final Set<String> STATE_VERBS = Set.of("come", "came", "go", "gone", "went", "turn", "turned",
      "switch", "switched", "been", "be", "get", "got", "put", "still", "off", "on", "of", "at", "in", "under",
      "the", "really", "already", "finally", "actually", "anyone", "someone", "somebody", "anybody", "you", "we",
      "they", "i", "just", "have", "has", "had");
  /** "did intercept go off?", "was intercept on at Denver?": asks the state now. */
  private static final Set<String> YES_NO = Set.of("did", "does", "do", "was", "were", "has");

  private InterceptQuestions() {}

  /**
   * A question about intercept that starts with a question word: "who turned intercept on at HQ?" and "why is
   * intercept on" (history: who changed it, with which command), "when does intercept end at Denver" (schedules),
   * "how do I turn intercept off" (help), "did intercept go off at Austin", "which sites have intercept on" and
   * "who has intercept on" (status). Never a change: read word by
   * word, "who turned intercept on" had turned it on at a location named "who turned". Null for other lines.
   */
  static Command parse(Utterance said) {
    String[] words = said.text().split(" ");
    int keyword = -1;
    for (int i = 1; i < words.length && keyword < 0; i++) {
      if (InterceptGrammar.KEYWORD.matcher(words[i].toLowerCase(Locale.ROOT)).matches()) keyword = i;
    }
    if (keyword < 0) return null;
    String first = words[0].toLowerCase(Locale.ROOT);
    String second = words[1].toLowerCase(Locale.ROOT);
    if (first.equals("do") && second.equals("not")) return null; // "do not turn on intercept at HQ": an order
    String after = String.join(" ", java.util.Arrays.copyOfRange(words, keyword + 1, words.length));
    Matcher at = QUESTION_PLACE.matcher(QUESTION_END.matcher(QUESTION_TIME.matcher(after).replaceFirst(""))
        .replaceFirst(""));
    String place = at.find() && !CommandParser.ALL_WORDS.matcher(at.group(1)).matches() ? at.group(1) : null;
    String third = words.length > 2 ? words[2].toLowerCase(Locale.ROOT) : "";
    boolean has = HAS.contains(second) && !third.endsWith("ed"); // "who has intercept on", not "who has turned"
    // "which sites have intercept on?" asks where it is on: the answer lists only those. Not "... off?", not "... not".
    boolean whereOn = !NOT_ON.matcher(said.lower()).find();
    return switch (first) {
      case "why" -> new Command.History(place != null ? place : whyPlace(words, keyword));
      case "who", "whom", "whose" -> has ? statusOf(place, said, whereOn) : new Command.History(place);
      case "who's", "whos" -> second.equals("got") || second.startsWith("intercept") ? statusOf(place, said, whereOn)
          : new Command.History(place);
      case "where", "which" -> statusOf(place, said, whereOn);
      case "what" -> PLACE_NOUNS.contains(second) ? statusOf(place, said, whereOn) : null;
      case "when" -> PAST.contains(second) ? new Command.History(place) : new Command.ListSchedules(place);
      case "how" -> HOW_TO.contains(second) ? new Command.Help(CommandTable.INTERCEPT)
          : second.equals("long") || second.equals("much") ? new Command.ListSchedules(placeBefore(words, keyword,
              place)) : null;
      // "is anything intercepted right now?", "are any sites on intercept?", "any sites on intercept?"
      case "is", "are" -> ANY.contains(second) || (keyword == 1 && ON_ANYWHERE.matcher(after).matches())
          ? statusOf(place, said, whereOn) : null; // "is intercept on anywhere?"
      case "any", "anything", "anywhere" -> statusOf(place, said, whereOn);
      // "list intercepted sites", "show intercepted locations": only those it is on at
      // "show me everything that's intercepted", "list the sites that are intercepted"
      case "list", "show" -> words[keyword].toLowerCase(Locale.ROOT).endsWith("ed")
          && (keyword == 1 ? CommandParser.ALL_WORDS.matcher(after).matches()
              : after.isEmpty() && CommandParser.ALL_WORDS.matcher(String.join(" ",
                  java.util.Arrays.copyOfRange(words, second.equals("me") ? 2 : 1, keyword))).matches())
          ? statusOf(null, said, whereOn) : null;
      // "has HQ come off intercept yet", "did Austin go on intercept": the place between the first word and intercept
      default -> YES_NO.contains(first) ? statusOf(place != null ? place : placeBetween(words, keyword), said) : null;
    };
  }

  /**
   * The place named between "how long is" and "intercept" ("how long is HQ intercepted for"), else {@code after}'s
   * place; null when neither names one.
   */
  /** "why is Denver on intercept?": the place before "intercept" after is/are/was; else null (every location). */
  private static String whyPlace(String[] words, int keyword) {
    if (!Set.of("is", "are", "was", "were").contains(words[1].toLowerCase(Locale.ROOT))) return null;
    String place = placeBefore(words, keyword, null);
    if (place == null) return null;
    for (String word : place.split(" ")) {
      if (Set.of("it", "this", "that", "there", "everything").contains(word.toLowerCase(Locale.ROOT))) return null;
    }
    return place;
  }

  private static String placeBefore(String[] words, int keyword, String after) {
    int from = 1;
    while (from < keyword && HOW_LONG_WORDS.contains(words[from].toLowerCase(Locale.ROOT))) from++;
    int to = keyword;
    while (to > from && (words[to - 1].toLowerCase(Locale.ROOT).matches("on|in|under|at|remain")
        || HOW_LONG_WORDS.contains(words[to - 1].toLowerCase(Locale.ROOT)))) to--;
    String place = String.join(" ", java.util.Arrays.copyOfRange(words, from, to));
    return place.isBlank() || CommandParser.ALL_WORDS.matcher(place).matches() ? after : place;
  }

  /** The words between a question's first word and "intercept" without its verbs: the place, or null. */
  private static String placeBetween(String[] words, int keyword) {
    List<String> place = new ArrayList<>();
    for (int i = 1; i < keyword; i++) {
      if (!STATE_VERBS.contains(words[i].toLowerCase(Locale.ROOT))) place.add(words[i]);
    }
    return place.isEmpty() || place.size() > 4 ? null : String.join(" ", place);
  }

  private static Command statusOf(String place, Utterance said) {
    return statusOf(place, said, false);
  }

  private static Command statusOf(String place, Utterance said, boolean onlyOn) {
    return place == null ? new Command.InterceptStatus(new LocationTarget.All(), onlyOn) : ChatGrammar.statusAt(place, said);
  }
}
