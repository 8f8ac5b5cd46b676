package dev.switchboard.command;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chat lines that are no command word for word but ask for one: "what does transfer number 1 mean?" (help on it),
 * "which sites can I manage?" (whoami), "HQ status", "hq?" and "what's on at HQ?" (intercept status), "lookup bob"
 * (transfer numbers).
 * Each is rewritten to the line it stands for, or answered with the command it asks for.
 */
final class ChatGrammar {

  private static final Pattern GLOSSARY = Pattern.compile(
      "(?i)^(?:what(?:'s| is| are| does| do)?|whats|explain|define|describe|tell me about|meaning of"
          + "|what do you mean by|what is meant by|help me understand)\\s+(?:an?\\s+|the\\s+)?(.+?)"
          + "(?:\\s+(?:mean|means|do|does|for|stand for|is))?$");
  private static final Pattern TERM = Pattern.compile(
      "(?i)(?:call[- ]?)?intercept(?:ion)?|(?:custom |auto |automatic |own )?transfer (?:numbers?|#)(?: [1-3])?"
          + "|transfer number (?:one|two|three)|custom (?:transfer )?numbers?|presets?|schedules?|timed intercept"
          + "|zero(?:[- ]transfer)?|announce(?:ment)?|(?:outbound|outgoing|inbound|incoming)(?: calls?)?"
          + "|voicemail|undo|history");
  private static final Pattern RIGHTS = Pattern.compile(
      "(?i)^(?:which|what)\\s+(?:sites|locations|offices|places)\\s+(?:can|may|do)\\s+i\\s+.*"
          + "|^(?:my|our)\\s+(?:sites|locations|offices|permissions|rights|access|roles?)"
          + "|^what\\s+(?:can|may)\\s+i\\s+(?:manage|change|administer|control|touch|edit)(?:\\s+.*)?"
          + "|^where\\s+(?:can|may)\\s+i\\s+.*|^what\\s+am\\s+i\\s+allowed\\s+to\\s+(?:do|change)(?:\\s+.*)?"
          + "|^(?:what|which)\\s+(?:are\\s+)?my\\s+(?:sites|locations|permissions|rights)"
          + "|^(?:show|list)\\s+(?:me\\s+)?my\\s+(?:sites|locations|permissions|rights)$");
  private static final Pattern STATUS_OF = Pattern.compile(
      "(?i)^(?:what(?:'s| is)?|whats|show(?: me)?|get|check|give me|tell me)\\s+(?:the\\s+)?(?:current\\s+)?"
          + "(?:status|state)(?:\\s+(?:for|at|of|in|on|across))?(?:\\s+(.+))?$"
          + "|^(?:status|state)\\s+(?:of|for)\\s+(.+)$");
  /** "what's on at Denver?", "what is going on in HQ", "anything on across all sites", "what's on right now". */
  private static final Pattern WHAT_IS_ON = Pattern.compile(
      "(?i)^(?:what(?:'s|’s| is)?|whats|is anything|anything)\\s+(?:going\\s+|happening\\s+)?on"
          + "(?:\\s+(?:right\\s+)?now)?(?:\\s+(?:at|in|for|across)\\s+(.+?))?(?:\\s+(?:right\\s+)?now)?$"
          + "|^what(?:'s|’s| is)?\\s+happening\\s+(?:at|in)\\s+(.+?)(?:\\s+(?:right\\s+)?now)?$");
  private static final Pattern NAME_STATUS = Pattern.compile("(?i)^([\\p{L}\\p{N}][\\p{L}\\p{N} .'&,-]*?)\\s+"
      + "(?:status|state|settings)$");
  private static final Pattern LOOKUP = Pattern.compile(
      "(?i)^(?:look\\s*up|lookup|tns?(?:\\s+(?:for|of))?|numbers?\\s+(?:for|of))\\s+(.+)$");
  private static final Pattern TERM_MARKS = Pattern.compile("[?`\"]");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}'-]+");
  private static final Pattern COMMAND_WORD = Pattern.compile(
      ".*\\b(?:intercept\\w*|transfer|schedules?|history|locations?|undo|presets?|custom)\\b.*");
  private static final Pattern NOT_A_NAME_CHAR = Pattern.compile(".*[\\d@/=:].*");
  /** Words that are no location: a short question of them is not "what is intercept at …?". */
  private static final Set<String> NOT_PLACES = Set.of("why", "what", "how", "who", "when", "where", "huh", "eh",
      "really", "sure", "ok", "okay", "anyone", "anybody", "hello", "hi", "hey", "you", "there", "this", "that", "it",
      "done", "ready", "yes", "no", "well", "so", "and", "now", "me", "is", "are", "again", "seriously", "what's",
      "whats", "which", "can", "could", "wait", "sorry", "right", "correct", "working", "help", "up", "alive");

  private ChatGrammar() {}

  /**
   * The command a chat line asks for, or null when it asks for none of these; {@code commandWord} says whether a
   * word is (or is a typo of) a command word, so "intrecept status" is left to the typo corrector.
   */
  static Command parse(Utterance said, Predicate<String> commandWord) {
    String text = said.text();
    Matcher m = GLOSSARY.matcher(text);
    if (m.matches() && TERM.matcher(TERM_MARKS.matcher(m.group(1)).replaceAll("").strip()).matches()) {
      String term = TERM_MARKS.matcher(m.group(1).toLowerCase(Locale.ROOT)).replaceAll("").strip();
      return new Command.Help(topicOf(term));
    }
    if (RIGHTS.matcher(text).matches()) {
      return new Command.WhoAmI();
    }
    m = STATUS_OF.matcher(text);
    if (m.matches()) return statusIn(m, said);
    m = WHAT_IS_ON.matcher(text);
    if (m.matches()) return statusIn(m, said);
    m = NAME_STATUS.matcher(text);
    if (m.matches() && !mentionsCommand(m.group(1)) && !anyIs(m.group(1), commandWord)) {
      return statusAt(m.group(1), said);
    }
    m = LOOKUP.matcher(text);
    if (m.matches()) {
      String line = "transfer numbers for " + m.group(1);
      Matcher keyword = TransferGrammar.KEYWORD.matcher(line);
      return keyword.find() ? TransferGrammar.parse(line, keyword) : null;
    }
    if (said.question() && shortPlaceName(text) && !anyIs(text, commandWord)) {
      return statusAt(text, said); // "hq?"
    }
    return null;
  }

  /** The help topic a glossary term is explained under. */
  private static String topicOf(String term) {
    if (term.contains("custom") || term.contains("own")) return CommandTable.CUSTOM_TRANSFER_NUMBERS;
    if (term.contains("transfer")) return CommandTable.TRANSFER_NUMBERS;
    if (term.startsWith("preset")) return CommandTable.PRESETS;
    if (term.startsWith("schedule") || term.startsWith("timed")) return CommandTable.TIMED_INTERCEPT;
    if (term.equals("undo")) return CommandTable.UNDO;
    if (term.equals("history")) return CommandTable.HISTORY;
    return CommandTable.INTERCEPT;
  }

  /**
   * The status a status question asks for: of the place its first or second group names, else of every location;
   * null when that "place" names a command ("status of intercept at Austin"), for the other grammars to read.
   */
  private static Command statusIn(Matcher question, Utterance said) {
    String where = question.group(1) != null ? question.group(1) : question.group(2);
    if (where != null && mentionsCommand(where)) return null;
    return where == null ? new Command.InterceptStatus(new LocationTarget.All()) : statusAt(where, said);
  }

  private static Command statusAt(String where, Utterance said) {
    Command command = InterceptGrammar.parse(Token.split("intercept status at " + where), 0,
        new Utterance("intercept status at " + where, true, said.request()));
    return command instanceof Command.InterceptStatus ? command : null;
  }

  private static boolean anyIs(String words, Predicate<String> test) {
    for (String w : NOT_WORD.split(words.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty() && test.test(w)) return true;
    }
    return false;
  }

  private static boolean mentionsCommand(String words) {
    String low = words.toLowerCase(Locale.ROOT);
    return COMMAND_WORD.matcher(low).matches();
  }

  /** One to three words, none a question word or a command word, no digits: most likely a location's name. */
  private static boolean shortPlaceName(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split(" ");
    if (words.length > 3 || NOT_A_NAME_CHAR.matcher(text).matches() || mentionsCommand(text)) return false;
    for (String w : words) {
      if (NOT_PLACES.contains(w) || w.isEmpty()) return false;
    }
    return true;
  }
}
