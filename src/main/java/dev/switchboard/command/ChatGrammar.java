package dev.switchboard.command;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chat lines that are no command word for word but ask for one: "what does transfer number 1 mean?" (help on it),
 * "which sites can I manage?" (whoami), "HQ status", "hq?" and "what's on at HQ?" (intercept status), "lookup bob"
 * and "what numbers does alice have?" (transfer numbers), "who turned intercept on at HQ?" (history).
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
          + "|^(?:show|list)\\s+(?:me\\s+)?(?:all\\s+)?my\\s+(?:sites|locations|offices|permissions|rights)$"
          // "which offices am I admin of", "which locations am I responsible for", "what can I do as on-call"
          + "|^(?:which|what)\\s+(?:sites|locations|offices|places)\\s+am\\s+i\\s+.*"
          + "|^what\\s+(?:can|may)\\s+i\\s+do\\s+as\\s+.*"
          // "do I have access to Austin", "am I allowed to change intercept at HQ", "why can't I change HQ"
          + "|^(?:do|have)\\s+i\\s+(?:have|got)\\s+(?:access|permission|permissions|rights?|the right)\\b.*"
          + "|^am\\s+i\\s+(?:allowed|permitted|able|authori[sz]ed)\\s+to\\s+.*"
          // "am I an admin?", "am I on call", "what role am I", "which roles do I have here"
          + "|^am\\s+i\\s+(?:an?\\s+|the\\s+)?(?:admin|administrator|on-?call|on\\s+call|help\\s*desk|helpdesk"
          + "|location\\s+admin|full\\s+admin|read-?only)(?:\\s+(?:here|for\\s+.*|at\\s+.*|of\\s+.*))?"
          + "|^(?:what|which)\\s+(?:role|roles)\\s+(?:am\\s+i|do\\s+i\\s+have(?:\\s+here)?|have\\s+i\\s+got)"
          + "|^(?:what(?:'s|\\s+is)\\s+)?my\\s+(?:access|role|roles)\\s+here"
          + "|^why\\s+(?:can't|cant|cannot|can not|couldn't|may not|am\\s+i\\s+not\\s+allowed\\s+to|was\\s+i\\s+"
          + "(?:denied|refused))\\b.*");
  /**
   * "who can change intercept?", "who may set transfer numbers": the help of that command, whose "Who:" line says
   * (once "who can change intercept" was read as history: who changed it).
   */
  private static final Pattern WHO_MAY_RUN = Pattern.compile(
      "(?i)^who\\s+(?:can|could|may|is allowed to|are allowed to|has the right to|gets to)\\s+(.+)$");
  /** "who is my admin", "who do I ask for access", "what can a help desk user do": what the asker may run. */
  private static final Pattern WHO_MAY = Pattern.compile(
      "(?i)^who(?:'s|\\s+is|\\s+are)\\s+(?:my|our|the)\\s+(?:admins?|administrators?|owners?)(?:\\s+.*)?"
          + "|^who\\s+(?:do|should|can)\\s+i\\s+(?:ask|contact|talk to|speak to)(?:\\s+.*)?"
          + "|^what\\s+(?:can|may|does)\\s+(?:an?\\s+|the\\s+)?(?:help ?desk|on-?call|location admin|read-?only admin"
          + "|user admin|full admin|admin)(?:s)?(?:\\s+(?:users?|persons?|people|staff|engineers?|admins?))?\\s+do$");
  private static final Pattern STATUS_OF = Pattern.compile(
      "(?i)^(?:what(?:'s| is| are)?|whats|show(?: me)?|get|check|give me|tell me)\\s+(?:the\\s+)?"
          + "(?:current\\s+|full\\s+)?(?:status|state|settings|config|configuration)"
          + "(?:\\s+(?:for|at|of|in|on|across))?(?:\\s+(.+))?$"
          + "|^(?:full\\s+)?(?:status|state)\\s+(?:of|for)\\s+(.+)$");
  /** "what's on at Denver?", "what is going on in HQ", "anything on across all sites", "what's on right now". */
  private static final Pattern WHAT_IS_ON = Pattern.compile(
      "(?i)^(?:what(?:'s|’s| is)?|whats|is anything|anything)\\s+(?:going\\s+|happening\\s+)?on"
          + "(?:\\s+(?:right\\s+)?now)?(?:\\s+(?:at|in|for|across)\\s+(.+?))?(?:\\s+(?:right\\s+)?now)?$"
          + "|^what(?:'s|’s| is)?\\s+happening\\s+(?:at|in)\\s+(.+?)(?:\\s+(?:right\\s+)?now)?$");
  /** "what's HQ's status", "check Austin's intercept settings": a place's status, said with its possessive. */
  private static final Pattern POSSESSIVE_STATUS = Pattern.compile(
      "(?i)^(?:what(?:'s| is| are)?|whats|how(?:'s| is)|show(?: me)?|get|check|give me|tell me)\\s+(?:the\\s+)?"
          + "(.+?)(?:'s|')\\s+(?:current\\s+)?(?:intercept\\s+)?(?:status|state|settings)$");
  /** "check HQ", "check on Austin": the state of that place. */
  private static final Pattern CHECK = Pattern.compile("(?i)^check(?:\\s+on)?\\s+(.+)$");
  private static final Pattern NAME_STATUS = Pattern.compile("(?i)^([\\p{L}\\p{N}][\\p{L}\\p{N} .'&,-]*?)\\s+"
      + "(?:status|state|settings)$");
  private static final Pattern LOOKUP = Pattern.compile(
      "(?i)^(?:look\\s*up|lookup|tns?(?:\\s+(?:for|of))?"
          + "|(?:(?:show|get|list|check|give)\\s+(?:me\\s+)?(?:the\\s+)?)?numbers?\\s+(?:for|of)"
          + "|find(?:\\s+me)?|search\\s+for)\\s+(?!(?:the\\s+)?(?:locations?|sites?|offices?)\\b)(.+)$"
          + "|^who\\s*(?:is|'s|’s)\\s+([^\\s@]+@[^\\s@]+\\.[^\\s@]+)$");
  /** "what locations are there", "which sites exist", "what offices do we have", "show me the offices". */
  private static final Pattern LOCATION_LIST = Pattern.compile(
      "(?i)^(?:what|which)\\s+(?:calling\\s+)?(?:locations|sites|offices|branches)\\s+"
          + "(?:are\\s+there|exist|do\\s+(?:we|you|i)\\s+(?:have|know(?:\\s+about)?|see)|have\\s+(?:we|you)\\s+got"
          + "|are\\s+(?:set\\s+up|configured|available|in\\s+webex))(?:\\s+(?:in\\s+webex|here|now))?$"
          + "|^(?:show|list|give)(?:\\s+me)?\\s+(?:the\\s+|all\\s+(?:the\\s+)?|our\\s+)?(?:offices|branches)$");
  /** Words of a change in a how-to question: "how do I set ..." is answered with the topic that has set and clear. */
  private static final Pattern CHANGE_WORDS = Pattern.compile(
      "\\b(?:set|change|update|add|put|clear|remove|delete|reset|edit|configure|make)\\b");
  /** "how's HQ looking", "how is Austin doing right now": the state of that place. */
  private static final Pattern HOW_IS = Pattern.compile(
      "(?i)^how(?:'s|’s|s|\\s+is|\\s+are)\\s+(?:things\\s+(?:at|in)\\s+)?(.+?)\\s+(?:looking|doing)"
          + "(?:\\s+(?:right\\s+)?now)?$"
          // "how's HQ", "what's the situation at HQ", "are calls getting through at Austin", "any issues at Denver"
          + "|^how(?:'s|’s|\\s+is)\\s+(?!it\\b|that\\b|this\\b)(.+)$"
          + "|^what(?:'s|’s|\\s+is)\\s+the\\s+(?:situation|picture|state\\s+of\\s+play|story)\\s+(?:at|in|for)\\s+(.+)$"
          + "|^(?:is|are)\\s+(?:everything|things|calls|phones|the\\s+phones)\\s+(?:normal|ok|okay|fine|working"
          + "|going\\s+through|getting\\s+through|ringing|coming\\s+in)\\s+(?:at|in|for)\\s+(.+)$"
          + "|^any\\s+(?:issues|problems|trouble)\\s+(?:at|in|with)\\s+(.+)$");
  /** "status report", "sitrep", "give me a status update": every location's status. */
  private static final Pattern STATUS_REPORT = Pattern.compile(
      "(?i)^(?:(?:give\\s+me\\s+)?(?:a\\s+|the\\s+)?(?:status\\s+(?:report|update)|sitrep|overview)|status\\s+of\\s+everything)$");
  /** "how do I set a transfer number", "how can we clear bob's transfer numbers": asking how to, which help tells. */
  private static final Pattern HOW_TO_TRANSFER = Pattern.compile(
      "(?i)^how\\s+(?:do|can|could|should|would|to)\\s+(?:i\\s+|we\\s+|you\\s+|one\\s+)?"
          + ".*\\b(?:transfer|xfer)\\s+(?:numbers?|#).*$");
  /**
   * A person's transfer numbers asked for as a question, "transfer" said or not: "what numbers does alice have",
   * "which transfer numbers has bob got", "what numbers are set for bob", "does bob have any transfer numbers",
   * "what are bob's numbers", "alice smith's numbers", "my numbers". The person is the first group that matched.
   * Only "numbers": "bob's number" may as well be his own phone number.
   */
  private static final Pattern PERSON_NUMBERS = Pattern.compile("(?i)"
      + "^(?:what|which)\\s+(?:(?:custom\\s+)?(?:transfer|xfer)\\s+)?numbers\\s+(?:does|do|did|has|have|is|are)\\s+(.+?)"
      + "\\s+(?:have|has|got|use|using|get)(?:\\s+(?:set|set up|configured|now|right now|at the moment))?$"
      + "|^(?:does|do|has|have)\\s+(.+?)\\s+(?:have|has|got)\\s+(?:any\\s+)?(?:(?:custom|transfer|xfer)\\s+)*numbers"
      + "(?:\\s+(?:set|set up|configured))?$"
      + "|^(?:what|which)\\s+(?:(?:transfer|xfer)\\s+)?numbers\\s+(?:are|is)\\s+(?:set\\s+(?:up\\s+)?|configured\\s+|used\\s+)?"
      + "(?:for|on|by)\\s+(.+)$"
      + "|^(?:what|which)\\s+(?:are|is)\\s+the\\s+numbers\\s+(?:for|of)\\s+(.+)$"
      // "who does bob transfer to", "what numbers does bob transfer to", "where do bob's calls transfer to"
      + "|^(?:who|where|what(?:\\s+numbers?)?|which\\s+numbers?)\\s+(?:does|do|did|would|will|can)\\s+(.+?)"
      + "(?:(?:'s|')\\s+(?:outgoing\\s+)?calls)?\\s+(?:transfer|xfer|get\\s+transferred)"
      + "(?:\\s+(?:calls|people|callers))?\\s+to$"
      + "|^(?:(?:what(?:'s| is| are)?|whats|show(?:\\s+me)?|get|check|give me|tell me|list|pull up|bring up"
      + "|(?:i\\s+)?(?:need|want))\\s+)?(?:the\\s+)?"
      + "(?:(.+?)(?:'s|')|(my))\\s+numbers$");
  /** "what's intercepted", "what's on intercept", "which sites are intercepted": where it is on. */
  private static final Pattern WHERE_ON = Pattern.compile(
      "(?i)^(?:what(?:'s|’s| is| are)?|whats|which(?:\\s+(?:sites|locations|offices))?\\s+(?:is|are))\\s+"
          + "(?:on\\s+(?:call\\s+)?intercept|(?:call\\s+)?intercepted|being\\s+intercepted)(?:\\s+(?:right\\s+)?now)?$");
  /** "is HQ on?", "is Austin off?": the state of a place, asked with no other word. */
  private static final Pattern IS_PLACE_ON = Pattern.compile("(?i)^(?:is|are)\\s+(.+?)\\s+(?:still\\s+)?(?:on|off)$");
  /** The words for the requester in a question about "my" numbers or what "I" have. */
  private static final Set<String> REQUESTER = Set.of("i", "me", "my", "myself");
  /** Who a question about numbers may be put to that is no person: "what numbers do you have?" asks the bot. */
  private static final Set<String> NOT_PEOPLE = Set.of("you", "u", "we", "they", "it", "this", "that", "anyone",
      "everyone", "people", "switchboard", "the bot");
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
    m = WHO_MAY_RUN.matcher(text);
    if (m.matches()) {
      Matcher term = TERM.matcher(m.group(1));
      return term.find() ? new Command.Help(topicOf(term.group().toLowerCase(Locale.ROOT))) : new Command.WhoAmI();
    }
    if (WHO_MAY.matcher(text).matches()) {
      return new Command.WhoAmI();
    }
    if (WHERE_ON.matcher(text).matches()) return new Command.InterceptStatus(new LocationTarget.All(), true);
    m = IS_PLACE_ON.matcher(text);
    if (m.matches() && said.question() && shortPlaceName(m.group(1)) && !anyIs(m.group(1), commandWord)) {
      return statusAt(m.group(1), said);
    }
    m = STATUS_OF.matcher(text);
    if (m.matches()) return statusIn(m, said);
    m = WHAT_IS_ON.matcher(text);
    if (m.matches()) return statusIn(m, said);
    m = POSSESSIVE_STATUS.matcher(text);
    if (m.matches() && !mentionsCommand(m.group(1))) return statusAt(m.group(1), said);
    m = CHECK.matcher(text);
    if (m.matches() && shortPlaceName(m.group(1)) && !anyIs(m.group(1), commandWord)) {
      return statusAt(m.group(1), said);
    }
    m = NAME_STATUS.matcher(text);
    if (m.matches() && !mentionsCommand(m.group(1)) && !anyIs(m.group(1), commandWord)) {
      return statusAt(m.group(1), said);
    }
    if (LOCATION_LIST.matcher(text).matches()) return new Command.ListLocations(null);
    if (STATUS_REPORT.matcher(text).matches()) return new Command.InterceptStatus(new LocationTarget.All());
    m = HOW_IS.matcher(text);
    if (m.matches() && !mentionsCommand(Groups.first(m)) && !anyIs(Groups.first(m), commandWord)
        && shortPlaceName(Groups.first(m))) {
      return statusAt(Groups.first(m), said);
    }
    if (HOW_TO_TRANSFER.matcher(text).matches()) {
      // "how do I set a transfer number": the topic with set and clear; "how do I see bob's": the look-up's
      String how = text.toLowerCase(Locale.ROOT);
      return new Command.Help(how.contains("custom") ? CommandTable.CUSTOM_TRANSFER_NUMBERS
          : CHANGE_WORDS.matcher(how).find() ? CommandTable.TRANSFER : CommandTable.TRANSFER_NUMBERS);
    }
    m = LOOKUP.matcher(text);
    if (m.matches()) {
      // "find alice's transfer numbers" says the command itself: looked up as "show alice's transfer numbers"
      String person = Groups.first(m);
      String line = TransferGrammar.KEYWORD.matcher(person).find() ? "show " + person
          : "transfer numbers for " + person;
      Matcher keyword = TransferGrammar.KEYWORD.matcher(line);
      return keyword.find() ? TransferGrammar.parse(line, keyword) : null;
    }
    Command question = InterceptQuestions.parse(said);
    if (question != null) return question;
    m = PERSON_NUMBERS.matcher(text);
    if (m.matches()) {
      String person = Groups.first(m);
      if (!mentionsCommand(person) && !NOT_PEOPLE.contains(person.toLowerCase(Locale.ROOT))
          && person.split(" ").length <= 5) {
        String line = "transfer numbers for " + (REQUESTER.contains(person.toLowerCase(Locale.ROOT)) ? "me" : person);
        Matcher keyword = TransferGrammar.KEYWORD.matcher(line);
        if (keyword.find()) return TransferGrammar.parse(line, keyword);
      }
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

  static Command statusAt(String where, Utterance said) {
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
