package dev.switchboard.command;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people say about a situation instead of a command: "stand down HQ", "all clear at Austin", "HQ is back to
 * normal" mean intercept off there; "HQ is flooded", "close the Austin office", "emergency at Denver" mean intercept on.
 * Said alone, such a line is only offered as the command it likely means, for {@code yes}: the words say what happened,
 * not what to do. Said before a command that names no location ("HQ is flooded, intercept on"), it names the place.
 */
final class Situations {

  private static final String PLACE = "(?:the\\s+)?(.+?)(?:\\s+(?:office|site|branch|building))?";
  private static final String AT = "(?:\\s+(?:at|in|for|on|@))?\\s+";
  /** Over at a place: intercept can come off. */
  private static final Pattern OVER = Pattern.compile(
      "(?i)^(?:stand\\s+down|all\\s+clear|back\\s+to\\s+normal|restore(?:\\s+normal)?(?:\\s+(?:service|calling|calls"
          + "|phones|operations|routing|call\\s+routing))?|resume\\s+normal(?:\\s+(?:service|calling|calls|operations))?|re-?open|unlock"
          // "let calls through at HQ", "let calls ring at Austin again", "open the phones at Denver"
          + "|let\\s+(?:the\\s+)?calls\\s+(?:through|ring|in|back\\s+in)|(?:re-?open|turn\\s+on|switch\\s+on)\\s+the\\s+"
          + "(?:phones|lines)(?:\\s+again)?|turn\\s+the\\s+(?:phones|lines)\\s+back\\s+on|open\\s+the\\s+(?:phones|lines))"
          + AT + PLACE + "(?:\\s+again)?$"
          // "put HQ back to normal", "set Austin back to normal": the verb is no part of the place
          + "|^(?:(?:put|set|get|bring|take|switch|turn)\\s+)?" + PLACE + "\\s+(?:is\\s+|are\\s+|'s\\s+)?(?:back\\s+to\\s+normal|all\\s+clear|back\\s+open|re-?opened"
          + "|open\\s+again|back\\s+up|fine\\s+now|ok\\s+now|okay\\s+now|(?:phones|lines)\\s+(?:are\\s+)?back(?:\\s+on)?)$");
  /** Trouble at a place: intercept is what is wanted there. */
  private static final Pattern TROUBLE = Pattern.compile(
      "(?i)^(?:close|shut(?:\\s+down)?|lock\\s*down|evacuate|evacuating)\\s+"
          + "(?:the\\s+(?:phones|lines)\\s+(?:at|in|for)\\s+)?" + PLACE + "(?:\\s+(?:now|asap))?$"
          + "|^(?:(?:there(?:'s|\\s+is|\\s+was)|we\\s+have|we've\\s+got|we\\s+got)\\s+(?:an?\\s+)?)?"
          + "(?:emergency|fire(?:\\s+alarm)?|flood(?:ing)?|evacuation|(?:power\\s+|network\\s+|phone\\s+)?outage"
          + "|power\\s+cut|lockdown|storm|snow(?:\\s+day|\\s+storm)?|snowstorm|blizzard|hurricane|tornado|gas\\s+leak"
          + "|bomb\\s+threat|incident)(?:\\s+(?:coming|warning|watch|alert|incoming))?\\s+(?:at|in)\\s+"
          + PLACE + "$"
          // "power is out at Austin", "phones down at HQ", "the network is down in Denver"
          + "|^(?:the\\s+)?(?:power|phones|phone\\s+lines|lines|network|internet|electricity)\\s+(?:is\\s+|are\\s+)?"
          + "(?:out|down|off)\\s+(?:at|in)\\s+" + PLACE + "$"
          + "|^" + PLACE + "\\s+(?:lost|has\\s+lost|has\\s+no|have\\s+no|is\\s+without)\\s+(?:power|electricity)$"
          + "|^" + PLACE + "\\s+(?:(?:is|are|was|has\\s+been|'s)\\s+)?(?:closed|closing|flooded|flooding|evacuated|evacuating"
          + "|shut(?:\\s+down)?|down|on\\s+fire|snowed\\s+in|without\\s+power|out\\s+of\\s+power|locked\\s+down"
          + "|being\\s+evacuated)(?:\\s+(?:today|now|tonight|again))?$");
  /**
   * "turn Austin off", "switch HQ back on", "Denver on": on or off said of a place with no word for what. Intercept is
   * the only thing on or off at a location, so it is offered; a name that is no location is answered as such. Things
   * that are no place ("it", "that") are left to the follow-ups and undo.
   */
  private static final Pattern SWITCHED = Pattern.compile("(?i)^(?:(?:turn|switch|flip|put|set|keep|leave)\\s+)?+" + PLACE
      + "\\s+(?:back\\s+)?(on|off)((?:\\s+(?:for|until|till|til|from|in|at)\\s+.+)?)(?:\\s+(?:now|asap|please|again))?$");
  /** "isn't", "no longer", "don't": a line that denies the situation or the switch it names. */
  private static final Pattern DENIED = Pattern.compile(
      "(?i)\\b(?:not|don't|dont|isn't|isnt|aren't|arent|wasn't|wasnt|weren't|no\\s+longer|never|won't|wont|anymore|any\\s+more)\\b");
  /** Words that start a next step in a conversation, no part of a place: "now", "and", "also", "then", "ok". */
  private static final Pattern THEN = Pattern.compile("(?i)^(?:(?:now|and|also|then|ok|okay|next)[,]?\\s+)+(?=\\S)");
  /** "turn it off at Denver", "off at Austin", "switch on at HQ": on or off, then the place. */
  private static final Pattern SWITCHED_AT = Pattern.compile("(?i)^(?:(?:turn|switch|flip|put|set)\\s+)?"
      + "(?:(?:it|intercept)\\s+)?(?:back\\s+)?(on|off)\\s+(?:at|in|for|@)\\s+" + PLACE + "(?:\\s+(?:now|asap|please|again))?$");
  private static final Pattern STAND_DOWN = Pattern.compile("(?i)^(?:stand\\s+down|all\\s+clear)(?:\\s+(?:now|please))?$");
  /** A situation, then how long it lasts: "HQ closed until Monday", "Austin is flooded for the day". */
  private static final Pattern LASTING = Pattern.compile("(?i)^(.+?)\\s+((?:for|until|till|til|through|thru)\\s+.+)$");
  /** Said on or off, these are no place: they are what a follow-up, undo or another command is about. */
  private static final Set<String> NO_PLACE = Set.of("it", "that", "this", "them", "those", "these", "me", "him",
      "her", "timer", "schedule", "plan", "intercept", "transfer", "numbers", "custom", "number",
      "phone", "phones", "lines", "forwarding", "notifications", "alerts", "bot", "switchboard", "you", "u", "ya",
      "we", "us", "i", "things", "everyone", "everybody", "life", "work", "back", "now", "then");
  /** "HQ is flooded, intercept on": the situation, a comma (or a dash, a colon, a full stop), then the command. */
  private static final Pattern BEFORE_COMMAND = Pattern.compile("^(.+?)\\s*(?:[,;:.!]+|\\s-)\\s*(\\S.*)$");

  /** The words of an intercept change before where it would say its place: "please turn intercept on". */
  private static final Pattern COMMAND_WORDS = Pattern.compile(
      "(?i)^((?:(?:please|turn|switch|put|set|the|call|enable|disable|activate|deactivate|start|stop|intercept|on"
          + "|off)\\s+)*(?:intercept|on|off))(\\s.*|)$");

  private static final Pattern QUESTION_START = Pattern.compile(
      "(?i)^(?:how|when|what|why|who|where|which|is|are|was|were|did|does|do|will|has|have|can|could|should)\\b");

  /** How a place is said to be, asked about: "back to normal", "still closed", "going through". */
  private static final String HOW_IT_IS = "(?:still\\s+|back\\s+)?(?:back\\s+to\\s+normal|normal(?:\\s+again)?|open"
      + "(?:\\s+again)?|closed|shut|back\\s+up|up|down|working|fine|ok|okay|all\\s+clear|back|going\\s+through"
      + "|getting\\s+through|ringing|coming\\s+through)(?:\\s+(?:yet|now|again|already))?";
  private static final String WHAT = "(?:everything|things|it|all|calls|the\\s+calls|phones|the\\s+phones|lines"
      + "|the\\s+lines)";
  /**
   * "is Austin back to normal?", "is everything back to normal at Austin?", "are calls at HQ going through?", "what's
   * up with Denver": how a place is, which for the bot is its intercept status.
   */
  private static final Pattern ASKED = Pattern.compile(
      "(?i)^(?:is|are)\\s+" + WHAT + "\\s+" + HOW_IT_IS + "\\s+(?:at|in|for)\\s+" + PLACE + "$"
          + "|^(?:is|are)\\s+(?:" + WHAT + "\\s+)?(?:at|in)\\s+" + PLACE + "\\s+" + HOW_IT_IS + "$"
          + "|^(?:is|are)\\s+(?!" + WHAT + "\\s)" + PLACE + "\\s+" + HOW_IT_IS + "$"
          + "|^(?:what's|whats|what\\s+is)\\s+(?:up|going\\s+on|happening|the\\s+story|the\\s+situation)\\s+"
          + "(?:with|at|in)\\s+" + PLACE + "$"
          + "|^how(?:'s|s|\\s+is|\\s+are)\\s+(?:things\\s+(?:at|in)\\s+)?" + PLACE
          + "(?:\\s+(?:looking|doing|going))?$"
          + "|^(?:is|are)\\s+(everything|all\\s+(?:the\\s+)?(?:locations|sites|offices))\\s+" + HOW_IT_IS + "$");

  /** "right now", "at the moment": said of a question about how a place is, no part of its name. */
  private static final Pattern NOW = Pattern.compile("(?i)\\s+(?:right\\s+now|now|at\\s+the\\s+moment|currently|atm)$");

  private Situations() {}

  /** "is Austin back to normal?": the status of the place asked about, or null when the line is no such question. */
  static Command asked(String text) {
    Matcher m = ASKED.matcher(NOW.matcher(text).replaceFirst(""));
    if (!m.matches()) return null;
    String place = Groups.first(m);
    if (LocationGrammar.ALL.matcher(place).matches()) return new Command.InterceptStatus(new LocationTarget.All());
    if (!isPlace(place)) return null;
    LocationGrammar.Read read = LocationGrammar.read(Token.split(place), CommandTable.INTERCEPT_STATUS);
    return read instanceof LocationGrammar.At at ? new Command.InterceptStatus(at.target()) : null;
  }

  /** The command a situation said alone likely asks for ("intercept off at HQ"), if it is one. */
  static Optional<String> meant(String text) {
    if (QUESTION_START.matcher(text).find()) return Optional.empty(); // "how long until HQ is back to normal"
    // "HQ is no longer flooded", "HQ isn't closed": read as trouble, the "not" went into the place's name and intercept
    // on was offered there, the opposite of what was said; what a denial means is left to the user to say
    if (DENIED.matcher(text).find()) return Optional.empty();
    text = THEN.matcher(text).replaceFirst(""); // "now Austin off", "and off at Denver": a next step, said as one
    if (STAND_DOWN.matcher(text).matches()) return Optional.empty(); // "stand down": over, with no place (was "Stand" down)
    // "HQ closed until Monday", "storm at Denver for 2h": the trouble, then how long; the time goes with the offer
    Matcher lasting = LASTING.matcher(text);
    if (lasting.matches() && readsAsTime(lasting.group(2))) {
      Matcher trouble = TROUBLE.matcher(lasting.group(1));
      if (trouble.matches()) return Optional.of("intercept on at " + Groups.first(trouble) + " " + lasting.group(2));
    }
    Matcher at = SWITCHED_AT.matcher(text);
    if (at.matches() && isPlace(at.group(2))) {
      String place = LocationGrammar.ALL.matcher(at.group(2)).matches() ? "all" : at.group(2);
      return Optional.of("intercept " + at.group(1).toLowerCase(Locale.ROOT) + " at " + place);
    }
    Matcher m = OVER.matcher(text);
    if (m.matches()) return Optional.of("intercept off at " + Groups.first(m));
    m = TROUBLE.matcher(text);
    if (m.matches()) return Optional.of("intercept on at " + Groups.first(m));
    m = SWITCHED.matcher(text);
    if (m.matches() && isPlace(m.group(1))) {
      String place = LocationGrammar.ALL.matcher(m.group(1)).matches() ? "all" : m.group(1); // "turn everything off"
      return Optional.of("intercept " + m.group(2).toLowerCase(Locale.ROOT) + " at " + place + m.group(3));
    }
    return Optional.empty();
  }

  /** "until Monday", "for 2h": a time the intercept grammar reads whole; not "for snow", a reason. */
  private static boolean readsAsTime(String words) {
    TimeGrammar.Extracted read = TimeGrammar.extract(Token.split(words));
    return read.problem() == null && read.timing() != null && read.rest().isEmpty() && read.preset() == null;
  }

  private static boolean isPlace(String words) {
    for (String word : words.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
      if (NO_PLACE.contains(word) || OptionGrammar.OPTION_WORDS.contains(word)) return false;
    }
    return true;
  }

  /**
   * "HQ is flooded, intercept on", "all clear at Austin - intercept off": the command after the situation, at its
   * place when the command names none; null when the line is not of that shape, or the command is no intercept
   * change. {@code parse} reads a line.
   */
  static Command withCommand(String text, Function<String, Command> parse) {
    String line = commandLine(text, parse);
    return line == null ? null : parse.apply(line);
  }

  /** The line of the command {@link #withCommand} reads in {@code text} ("intercept on at HQ"), or null. */
  static String commandLine(String text, Function<String, Command> parse) {
    Matcher m = BEFORE_COMMAND.matcher(text);
    if (!m.matches()) return null;
    Matcher situation = OVER.matcher(m.group(1).strip());
    if (!situation.matches()) situation = TROUBLE.matcher(m.group(1).strip());
    if (!situation.matches()) return null;
    String place = Groups.first(situation);
    Command command = parse.apply(m.group(2));
    if (command instanceof Command.InterceptChange) return m.group(2);
    if (command instanceof Command.Invalid invalid && invalid.topic().equals(CommandTable.INTERCEPT)) {
      // the place goes after the command's words, before its options: "intercept on at Denver with voicemail"
      Matcher words = COMMAND_WORDS.matcher(m.group(2));
      String line = words.matches() ? words.group(1) + " at " + place + words.group(2) : m.group(2) + " at " + place;
      if (parse.apply(line) instanceof Command.InterceptChange) return line;
      // "HQ is closed, intercept calls", "fire alarm at HQ, intercept everything": after trouble, the bare verb
      String asked = "please " + m.group(2) + " at " + place;
      if (situation.pattern() == TROUBLE && parse.apply(asked) instanceof Command.InterceptChange change
          && change.enable()) {
        return asked;
      }
    }
    return null;
  }
}
