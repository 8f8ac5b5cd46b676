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
          + "|phones|operations))?|resume\\s+normal(?:\\s+(?:service|calling|calls|operations))?|re-?open|unlock"
          // "let calls through at HQ", "let calls ring at Austin again", "open the phones at Denver"
          + "|let\\s+(?:the\\s+)?calls\\s+(?:through|ring|in|back\\s+in)|(?:re-?open|turn\\s+on|switch\\s+on)\\s+the\\s+"
          + "(?:phones|lines)(?:\\s+again)?|turn\\s+the\\s+(?:phones|lines)\\s+back\\s+on|open\\s+the\\s+(?:phones|lines))"
          + AT + PLACE + "(?:\\s+again)?$"
          + "|^" + PLACE + "\\s+(?:is\\s+|are\\s+|'s\\s+)?(?:back\\s+to\\s+normal|all\\s+clear|back\\s+open|re-?opened"
          + "|open\\s+again|back\\s+up|fine\\s+now|ok\\s+now|okay\\s+now|(?:phones|lines)\\s+(?:are\\s+)?back(?:\\s+on)?)$");
  /** Trouble at a place: intercept is what is wanted there. */
  private static final Pattern TROUBLE = Pattern.compile(
      "(?i)^(?:close|shut(?:\\s+down)?|lock\\s*down|evacuate|evacuating)\\s+"
          + "(?:the\\s+(?:phones|lines)\\s+(?:at|in|for)\\s+)?" + PLACE + "(?:\\s+(?:now|asap))?$"
          + "|^(?:emergency|fire|flood(?:ing)?|evacuation|outage|power\\s+outage|lockdown|storm)\\s+(?:at|in)\\s+"
          + PLACE + "$"
          + "|^" + PLACE + "\\s+(?:(?:is|are|was|has\\s+been|'s)\\s+)?(?:closed|closing|flooded|flooding|evacuated|evacuating"
          + "|shut(?:\\s+down)?|down|on\\s+fire|snowed\\s+in|without\\s+power|out\\s+of\\s+power|locked\\s+down"
          + "|being\\s+evacuated)(?:\\s+(?:today|now|tonight|again))?$");
  /**
   * "turn Austin off", "switch HQ back on", "Denver on": on or off said of a place with no word for what. Intercept is
   * the only thing on or off at a location, so it is offered; a name that is no location is answered as such. Things
   * that are no place ("it", "that") are left to the follow-ups and undo.
   */
  private static final Pattern SWITCHED = Pattern.compile("(?i)^(?:(?:turn|switch|flip|put|set)\\s+)?+" + PLACE
      + "\\s+(?:back\\s+)?(on|off)((?:\\s+(?:for|until|till|til|from|in|at)\\s+.+)?)(?:\\s+(?:now|asap|please|again))?$");
  /** Said on or off, these are no place: they are what a follow-up, undo or another command is about. */
  private static final Set<String> NO_PLACE = Set.of("it", "that", "this", "them", "those", "these", "me", "him",
      "her", "timer", "schedule", "plan", "intercept", "transfer", "numbers", "custom", "number",
      "phone", "phones", "lines", "forwarding", "notifications", "alerts", "bot", "switchboard");
  /** "HQ is flooded, intercept on": the situation, a comma (or a dash, a colon, a full stop), then the command. */
  private static final Pattern BEFORE_COMMAND = Pattern.compile("^(.+?)\\s*(?:[,;:.!]+|\\s-)\\s*(\\S.*)$");

  /** The words of an intercept change before where it would say its place: "please turn intercept on". */
  private static final Pattern COMMAND_WORDS = Pattern.compile(
      "(?i)^((?:(?:please|turn|switch|put|set|the|call|enable|disable|activate|deactivate|start|stop|intercept|on"
          + "|off)\\s+)*(?:intercept|on|off))(\\s.*|)$");

  private static final Pattern QUESTION_START = Pattern.compile(
      "(?i)^(?:how|when|what|why|who|where|which|is|are|was|were|did|does|do|will|has|have|can|could|should)\\b");

  private Situations() {}

  /** The command a situation said alone likely asks for ("intercept off at HQ"), if it is one. */
  static Optional<String> meant(String text) {
    if (QUESTION_START.matcher(text).find()) return Optional.empty(); // "how long until HQ is back to normal"
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
    }
    return null;
  }
}
