package dev.switchboard.command;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a chat line into a {@link Command}: a pure function of the text, tolerant of case, spacing, punctuation,
 * polite words, smart quotes and a leading bot mention. It never throws on any input.
 */
public final class CommandParser {

  /** Short forms of the command words, corrected like typos ("icept on hq"). */
  private static final java.util.Map<String, String> SHORT_FORMS = java.util.Map.of("icept", "intercept",
      "intcpt", "intercept", "intrcpt", "intercept", "xcept", "intercept", "int", "intercept");
  /** Typos of on and off right after "intercept": "intercept of at HQ", "intercept onn at HQ". */
  private static final java.util.Map<String, String> STATE_TYPOS = java.util.Map.of("of", "off", "onn", "on",
      "offf", "off", "0n", "on", "0ff", "off", "oon", "on", "ofd", "off", "ofg", "off", "om", "on");

  private static final Pattern UNDO = Pattern.compile("(?i)^(?:undo|revert|reverse|roll ?back|take back)(?:\\s+(.*))?$"
      + "|^(?:take|put|set|change|switch|roll|turn)\\s+(?:that|it|this|everything)\\s+back"
      + "(?:\\s+(?:the way it was|how it was|to how it was|as it was|to what it was|to before))?(?:\\s+(?:please|again))?$"
      + "|^(?:put|set|change|switch)\\s+(?:that|it|this|everything)\\s+(?:back\\s+)?(?:the way it was|how it was"
      + "|as it was|to how it was)$");
  private static final Pattern UNDO_REST = Pattern.compile(
      "(?i)^(?:(?:that|it|this|last|the last|my last|the previous|my previous|previous)"
          + "(?:\\s+(?:change|one|command|thing|action))?|everything i just did"
          + "|(?:the\\s+|my\\s+)?last\\s+(?:thing|change)\\s+i\\s+(?:just\\s+)?(?:did|made)|what\\s+i\\s+(?:just\\s+)?did"
          + "|my\\s+(?:last\\s+)?mistake|again|one\\s+more|once\\s+more|another|(?:my|the|that)\\s+change)$");
  private static final Pattern I_MEANT = Pattern.compile("(?i)^i\\s+mean(?:t)?(?:\\s+to\\s+say)?[,:]?\\s+(\\S.*)$");
  /** "how do I ...", "how can we ...": the rest is the command whose help is asked for. */
  private static final Pattern HOW_DO_I = Pattern.compile(
      "(?i)^how\\s+(?:do|can|could|would|should|shall)\\s+(?:i|we|you|one)\\s+(?!use\\b|get\\s+help\\b)(.+)$");
  /** "can I ...", "could we please get ...", "may I see ...": the rest is the command asked about. */
  private static final Pattern MAY_I = Pattern.compile(
      "(?i)^(?:can|could|may|might)\\s+(?:i|we)\\s+(?:please\\s+)?(?:just\\s+)?(?:(?:get|have|see)\\s+(?:the\\s+)?)?(.+)$");
  /** A transfer number said to be one, with no verb: "transfer number 1 for bob is +1…", "bob's transfer 2 is …". */
  private static final Pattern STATED = Pattern.compile(
      "(?i)^(?:\\S+'s\\s+)?(?:custom\\s+)?transfer\\s+(?:numbers?|#|no\\.?)?.*?\\s+is\\s+[+(]?\\d.*$");
  private static final Pattern BARE_STATUS = Pattern.compile("(?i)^status(?:\\s.*)?$");
  /** The words for every location, where a command takes one location or all of them. */
  static final Pattern ALL_WORDS = LocationGrammar.ALL;

  /** Words that end the command words of a line: after them come names and numbers, never corrected. */
  private static final Set<String> ARGUMENT_MARKERS = Set.of("at", "in", "for", "of", "from", "to", "matching",
      "=", "@", "with");
  private static final Set<String> EXTRA_WORDS = Set.of("enable", "disable", "turn", "switch", "show", "list",
      "remove", "delete", "unset", "revert", "commands", "activate", "deactivate", "start", "stop", "status",
      "number", "numbers", "custom", "who", "yes", "cancel", "confirm", "abort", "what", "intercepting");
  private static final List<String> HEAD_WORDS = List.of(CommandTable.INTERCEPT, "transfer", CommandTable.LOCATIONS,
      CommandTable.HISTORY, CommandTable.WHOAMI, CommandTable.UNDO, "custom", CommandTable.SCHEDULES,
      CommandTable.EXTEND, CommandTable.PRESETS);

  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L} ]+");
  private static final Pattern RUNS_OF_SPACE = Pattern.compile("\\s+");
  private static final Pattern NOT_WORD_CHARS = Pattern.compile("[^\\p{L}\\p{N}'@.+\\-]+");
  private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
  private static final Pattern NOT_WORD_LETTERS = Pattern.compile("[^\\p{L}'-]");
  private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

  private final String botName;
  /** The bot's name first on a line, lower-cased, for "switchboard thanks": compiled once, not per command. */
  private final Pattern leadingBotName;
  private final Pattern trailingBotName;
  private final Set<String> vocabulary;
  /** The words a typo is corrected to: the vocabulary without the little words ("foo" is not "for"). */
  private final Set<String> corrections;

  /** A parser for a bot called {@code botName}, e.g. "Switchboard", whose leading mention it ignores. */
  public CommandParser(String botName) {
    this.botName = Objects.requireNonNull(botName, "botName").strip();
    this.leadingBotName = Pattern.compile("^" + Pattern.quote(this.botName.toLowerCase(Locale.ROOT)) + " ");
    this.trailingBotName = Pattern.compile(" " + Pattern.quote(this.botName.toLowerCase(Locale.ROOT)) + "$");
    this.vocabulary = vocabulary();
    Set<String> corrections = new LinkedHashSet<>(vocabulary);
    corrections.removeAll(ARGUMENT_MARKERS);
    this.corrections = Set.copyOf(corrections);
  }

  /**
   * The line a follow-up of {@code text} builds on: the command itself when a situation was said before it ("HQ is
   * flooded, intercept on" is "intercept on at HQ"), else {@code text}.
   */
  public String commandLine(String text) {
    Utterance said = Utterance.of(text, botName);
    String line = Situations.commandLine(said.text(), l -> parse(Utterance.of(l, "")));
    return line == null ? text : line;
  }

  /** The command {@code text} asks for; never null, never throws. */
  public Command parse(String text) {
    Utterance said = Utterance.of(text, botName);
    String letters = NOT_LETTERS.matcher((text == null ? "" : text).toLowerCase(Locale.ROOT)).replaceAll(" ");
    String thanks = leadingBotName.matcher(RUNS_OF_SPACE.matcher(letters).replaceAll(" ").strip()).replaceFirst("");
    thanks = trailingBotName.matcher(thanks).replaceFirst(""); // "thank you switchboard"
    if (SmallTalk.thanks(thanks) || SmallTalk.greeting(thanks)) {
      return new Command.Hello(SmallTalk.thanks(thanks));
    }
    Command followUp = FollowUps.parse(text == null ? "" : text, said, vocabulary::contains);
    if (followUp != null) {
      return followUp;
    }
    Matcher correction = I_MEANT.matcher(said.text());
    if (correction.matches()) {
      return parse(correction.group(1)); // "I meant intercept off": a correction, read as the line it says
    }
    Command command = parse(said);
    if (said.question() && !said.request() && !(command instanceof Command.Invalid)
        && !(command instanceof Command.Unknown) && command.spec().access().changes()) {
      // "set transfer number 1 for bob to +1…?", "undo?": a change asked with a question mark is asked back, as
      // "intercept on at HQ?" is answered with the status; "can you …?" is a request, and runs
      return Command.Unknown.offering(said.asTyped(), said.text(), command.spec().usage());
    }
    if (!(command instanceof Command.Unknown) && !(command instanceof Command.Invalid)) {
      return command;
    }
    if (command instanceof Command.Unknown unknown && unknown.suggestion() != null) {
      return command; // "can I turn intercept on at HQ?": the command asked about, offered for yes
    }
    Optional<String> line = corrected(said);
    Command meant = line.map(l -> parse(Utterance.of(l, ""))).orElse(null);
    if (meant != null && !(meant instanceof Command.Unknown) && !(meant instanceof Command.Invalid)) {
      return new Command.Unknown(said.asTyped(), line.get(), meant.spec().usage());
    }
    if (command instanceof Command.Invalid) {
      return command;
    }
    if (meant instanceof Command.Invalid invalid) {
      // "intercpt on": the command is clear, its arguments are not. No line is offered for yes: an example with
      // other arguments is not what the user meant.
      return new Command.Invalid(invalid.topic(), "(I read that as `" + line.get() + "`.) " + invalid.problem(),
          invalid.usage());
    }
    return unknown(said);
  }

  private Command parse(Utterance said) {
    String text = said.text();
    if (text.isEmpty()) {
      return new Command.Help(null);
    }
    String simple = NOT_WORD_CHARS.matcher(said.lower()).replaceAll(" ").strip();
    Command answer = AnswerWords.parse(simple);
    if (answer != null) {
      return answer;
    }
    if (SmallTalk.whoAmI(simple)) {
      return new Command.WhoAmI();
    }
    if (SmallTalk.greeting(simple)) {
      return new Command.Hello(false);
    }
    if (HelpGrammar.isHelp(simple)) {
      return new Command.Help(null);
    }
    Command command = mayI(said);
    if (command == null) {
      command = HelpGrammar.parse(text);
    }
    if (command == null) {
      command = undo(text);
    }
    if (command == null) {
      command = Situations.withCommand(text, line -> parse(Utterance.of(line, "")));
    }
    if (command == null) {
      command = Situations.asked(text);
    }
    if (command == null) {
      String preset = ScheduleGrammar.presetLine(text);
      if (preset != null) command = keywordCommand(new Utterance(preset, said.question(), said.request()));
    }
    if (command == null) {
      command = ScheduleGrammar.parse(text);
    }
    if (command == null) {
      command = ListingGrammar.locations(text);
    }
    if (command == null) {
      command = ListingGrammar.history(text);
    }
    if (command == null) {
      command = ChatGrammar.parse(said, word -> vocabulary.contains(word)
          || Suggestions.closest(word, corrections, 4).isPresent());
    }
    if (command == null) {
      command = howDoI(text);
    }
    if (command == null) {
      command = keywordCommand(said);
    }
    if (command == null && BARE_STATUS.matcher(text).matches()) {
      // intercept is the only thing with a status: "status HQ" is "intercept status HQ"
      command = keywordCommand(new Utterance("intercept " + text, said.question(), said.request()));
    }
    return command != null ? command : new Command.Unknown(said.asTyped(), null, CommandTable.HELP_POINTER);
  }

  /**
   * "can I turn on intercept at HQ?", "could I get bob's transfer numbers": a read is answered; a change is asked
   * about, or asked for politely, so it is offered for yes and never run as said (the yes of someone who may not
   * is refused with who to ask). Null when the rest is no command.
   */
  private Command mayI(Utterance said) {
    Matcher m = MAY_I.matcher(said.text());
    if (!m.matches()) return null;
    Utterance rest = Utterance.of(m.group(1), "");
    Command meant = parse(new Utterance(rest.text(), false, true)); // "can I intercept Austin": asked to be done
    if (meant instanceof Command.Unknown) return null;
    if (meant instanceof Command.Invalid) return meant; // "can I turn on intercept?": where, it says
    if (meant.spec().access().changes()) {
      // the line offered must mean the same when yes runs it: "intercept Austin" alone asks on or off
      String line = meant.equals(parse(rest)) ? rest.text() : "please " + rest.text();
      return Command.Unknown.offering(said.asTyped(), line, meant.spec().usage());
    }
    return meant;
  }

  /**
   * "how do I cancel schedule 1", "how can I extend HQ": the help of that command (intercept's and transfer numbers'
   * own "how do I" questions are ChatGrammar's); null when the rest is no command.
   */
  private Command howDoI(String text) {
    Matcher m = HOW_DO_I.matcher(text);
    if (!m.matches()) return null;
    Command meant = parse(Utterance.of(m.group(1), ""));
    if (meant instanceof Command.Unknown || meant instanceof Command.Help) return null;
    return new Command.Help(meant instanceof Command.Invalid invalid ? invalid.topic() : meant.spec().topic());
  }

  private static Command undo(String text) {
    Matcher m = UNDO.matcher(text);
    if (!m.matches()) {
      return null;
    }
    if (m.group(1) == null || UNDO_REST.matcher(m.group(1)).matches()) {
      return new Command.Undo();
    }
    return new Command.Invalid(CommandTable.UNDO, "`undo` takes back your own last change and takes nothing after "
        + "it. To change something else, say what: `intercept off at HQ`, `clear transfer number 2 for "
        + "alice@example.com`.", CommandTable.usage(CommandTable.UNDO));
  }

  /** Intercept or transfer numbers, whichever keyword comes first. */
  private static Command keywordCommand(Utterance said) {
    String text = TransferWording.reordered(said.text());
    Command why = TransferGrammar.why(text); // "why does alice's international call go to the front desk?"
    if (why != null) {
      return why;
    }
    List<Token> tokens = InterceptGrammar.negationSplit(Token.split(text));
    int k = -1;
    for (int i = 0; i < tokens.size() && k < 0; i++) {
      if (!tokens.get(i).quoted() && InterceptGrammar.KEYWORD.matcher(tokens.get(i).low()).matches()) {
        k = i;
      }
    }
    Matcher transfer = TransferGrammar.KEYWORD.matcher(text);
    if (transfer.find()) {
      int interceptAt = k < 0 ? Integer.MAX_VALUE : text.toLowerCase(Locale.ROOT).indexOf(tokens.get(k).low());
      if (transfer.start() < interceptAt) {
        Command read = TransferGrammar.parse(text, transfer);
        if (read instanceof Command.SetTransferNumber set && !set.person().isRequester()
            && STATED.matcher(text).matches()) {
          // "transfer number 1 for bob is +1…": said as a fact, maybe a question; offered, never run as said
          return Command.Unknown.offering(said.asTyped(), "set transfer number " + set.slot() + " for "
              + set.person().query() + " to " + set.number().raw(), set.spec().usage());
        }
        return Everyone.oneAtATime(read);
      }
    }
    return k < 0 ? null : InterceptGrammar.parse(tokens, k, said);
  }

  /**
   * The line with typos in its command words corrected, when that is a command: the user's own arguments are
   * kept ("interecpt status at HQ": "intercept status at HQ"). Only words before the first name, number or
   * preposition are corrected.
   */
  private Optional<String> corrected(Utterance said) {
    String[] words = said.text().split(" ");
    boolean changed = false;
    boolean arguments = false;
    for (int i = 0; i < words.length; i++) {
      String low = words[i].toLowerCase(Locale.ROOT);
      boolean afterIntercept = i > 0 && InterceptGrammar.KEYWORD.matcher(words[i - 1].toLowerCase(Locale.ROOT))
          .matches();
      if (afterIntercept && STATE_TYPOS.containsKey(low)) {
        words[i] = STATE_TYPOS.get(low);
        changed = true;
        continue;
      }
      if (!arguments && SHORT_FORMS.containsKey(low)
          && (i == 0 || !InterceptGrammar.KEYWORD.matcher(words[0]).matches())) {
        words[i] = SHORT_FORMS.get(low);
        changed = true;
        continue;
      }
      arguments |= low.contains("@") || HAS_DIGIT.matcher(low).matches() || ARGUMENT_MARKERS.contains(low);
      String bare = NOT_WORD_LETTERS.matcher(low).replaceAll("");
      if (arguments) {
        // among names and numbers only option words are corrected ("HQ voicemial"), never a name
        Optional<String> near = bare.equals(low) && !OptionGrammar.OPTION_WORDS.contains(low)
            ? Suggestions.closest(low, OptionGrammar.OPTION_WORDS, 6) : Optional.empty();
        if (near.isPresent()) {
          words[i] = near.get();
          changed = true;
        }
        continue;
      }
      if (bare.equals(low) && !vocabulary.contains(low)) {
        Optional<String> near = Suggestions.closest(low, corrections, 3);
        if (near.isPresent()) {
          words[i] = near.get();
          changed = true;
        }
      }
    }
    return changed ? Optional.of(String.join(" ", words) + (said.question() ? "?" : "")) : Optional.empty();
  }

  /**
   * Not a command and no typo to fix: the usage of the closest command of the table, else of the command a known
   * word names, else a pointer to {@code help}.
   */
  private Command.Unknown unknown(Utterance said) {
    String typed = said.asTyped();
    Optional<String> situation = said.question() ? Optional.empty() : Situations.meant(said.text());
    if (situation.isEmpty() && !said.question()) situation = OptionChanges.meant(said.text());
    if (situation.isPresent()) {
      // "stand down HQ", "HQ is flooded": offered for yes, never run as said
      return Command.Unknown.offering(typed, situation.get(), CommandTable.usage(CommandTable.INTERCEPT));
    }
    String lower = typed.toLowerCase(Locale.ROOT);
    CommandSpec closest = null;
    double best = 0.34;
    for (CommandSpec spec : CommandTable.all()) {
      for (String example : spec.examples()) {
        double ratio = (double) EditDistance.of(lower, example.toLowerCase(Locale.ROOT))
            / Math.max(lower.length(), example.length());
        if (ratio < best) {
          best = ratio;
          closest = spec;
        }
      }
    }
    if (closest != null) {
      // the usage of the closest command, not one of its examples: an example has other people, numbers and
      // locations than the user's, so offering it for yes would run something the user never meant
      return new Command.Unknown(typed, null, closest.usage());
    }
    String[] words = typed.split(" ", 2);
    if (words.length == 2 && words[0].equalsIgnoreCase("transfer")) {
      // "transfer alice": the user's own person, in the command's words
      String line = "transfer numbers for " + words[1];
      Command meant = parse(Utterance.of(line, ""));
      if (meant instanceof Command.ShowTransferNumbers) {
        return new Command.Unknown(typed, line, meant.spec().usage());
      }
    }
    Set<String> said2 = new LinkedHashSet<>(Arrays.asList(NON_LETTERS.split(said.lower())));
    for (String head : HEAD_WORDS) {
      if (said2.contains(head)) {
        CommandSpec spec = CommandTable.all().stream().filter(s -> s.topic().startsWith(head)).findFirst()
            .orElseThrow();
        return new Command.Unknown(typed, null, spec.usage());
      }
    }
    return new Command.Unknown(typed, null, CommandTable.HELP_POINTER);
  }

  private static Set<String> vocabulary() {
    Set<String> words = new LinkedHashSet<>();
    for (CommandSpec spec : CommandTable.all()) {
      String plain = (spec.topic() + " " + spec.usage()).replaceAll("<[^>]*>", " ").toLowerCase(Locale.ROOT);
      for (String w : plain.split("[^a-z-]+")) {
        if (w.length() >= 3) {
          words.add(w);
        }
      }
    }
    words.addAll(EXTRA_WORDS);
    words.addAll(OptionGrammar.OPTION_WORDS);
    return Set.copyOf(words);
  }
}
