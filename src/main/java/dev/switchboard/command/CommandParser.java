package dev.switchboard.command;

import java.util.ArrayList;
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

  private static final Set<String> CONFIRM = Set.of("yes", "y", "yep", "yeah", "yup", "ya", "sure", "confirm",
      "confirmed", "ok", "okay", "k", "go", "go ahead", "do it", "proceed", "yes do it", "yes go ahead", "yes confirm",
      "apply", "confirm it", "ok go", "ok do it", "go for it", "approve", "approved", "yes i'm sure", "yes im sure");
  private static final Set<String> CANCEL = Set.of("cancel", "no", "n", "nope", "nah", "abort", "stop", "nevermind",
      "never mind", "cancel that", "cancel it", "forget it", "don't", "dont", "do not", "no cancel", "don't do it",
      "dont do it", "abort it", "stop it");
  private static final Set<String> WHOAMI = Set.of("whoami", "who am i", "who's this", "me", "my roles",
      "what are my roles", "what roles do i have", "what is my role", "what's my role", "whats my role");
  private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "yo", "hiya", "howdy", "good morning",
      "morning", "good afternoon", "good evening", "hi there", "hello there");
  private static final Set<String> HELP = Set.of("help", "commands", "command list", "list commands",
      "show commands", "usage", "menu", "what can you do", "what can i do", "what can i ask", "how does this work",
      "help me", "what commands are there", "options", "man");

  private static final Pattern HELP_TOPIC = Pattern.compile(
      "(?i)^(?:help|usage|man)(?:\\s+me)?(?:\\s+(?:with|on|for|about|using))?\\s+(.+)$");
  private static final Pattern TOPIC_HELP = Pattern.compile("(?i)^(?:how do i use |how to use )?(.+?)\\s+help$");
  private static final Pattern UNDO = Pattern.compile("(?i)^(?:undo|revert|roll ?back|take back)(?:\\s+(.*))?$");
  private static final Pattern UNDO_REST = Pattern.compile(
      "(?i)^(?:(?:that|it|this|last|the last|my last|the previous|my previous|previous)"
          + "(?:\\s+(?:change|one|command|thing|action))?|everything i just did)$");
  private static final Pattern LOCATIONS = Pattern.compile(
      "(?i)^(?:(?:list|show|get|display|view|see|what are|which are|give me|find)(?:\\s+me)?"
          + "(?:\\s+(?:all|the|my|our|of))*(?:\\s+calling)?\\s+)?(?:locations?|location list|sites)"
          + "(?:\\s+(?:matching|containing|like|with|named|called|filtered by|filter|that match|which match|in|at"
          + "|starting with|that contain|with names? like|whose names? contains?))?(?:\\s+(.*))?$");
  private static final Pattern HISTORY = Pattern.compile(
      "(?i)^(?:(?:show|get|view|see|display|list)(?:\\s+me)?(?:\\s+the)?\\s+)?(?:change\\s+|audit\\s+|recent\\s+)?"
          + "(?:history|audit log|audit|changes)(?:\\s+(?:for|of|at|in|on|@))?(?:\\s+(.*))?$");
  private static final Pattern BARE_STATUS = Pattern.compile("(?i)^status(?:\\s.*)?$");
  private static final Pattern ALL_WORDS = Pattern.compile(
      "(?i)all|\\*|everything|all locations|everywhere|all of them");

  /** Words that end the command words of a line: after them come names and numbers, never corrected. */
  private static final Set<String> ARGUMENT_MARKERS = Set.of("at", "in", "for", "of", "from", "to", "matching",
      "=", "@", "with");
  private static final Set<String> EXTRA_WORDS = Set.of("enable", "disable", "turn", "switch", "show", "list",
      "remove", "delete", "unset", "revert", "commands", "activate", "deactivate", "start", "stop", "status",
      "number", "numbers", "custom", "who", "yes", "cancel", "confirm", "abort", "what", "intercepting");
  private static final List<String> HEAD_WORDS = List.of(CommandTable.INTERCEPT, "transfer", CommandTable.LOCATIONS,
      CommandTable.HISTORY, CommandTable.WHOAMI, CommandTable.UNDO, "custom", CommandTable.SCHEDULES,
      CommandTable.EXTEND, CommandTable.PRESETS);

  private final String botName;
  private final Set<String> vocabulary;

  /** A parser for a bot called {@code botName}, e.g. "Switchboard", whose leading mention it ignores. */
  public CommandParser(String botName) {
    this.botName = Objects.requireNonNull(botName, "botName").strip();
    this.vocabulary = vocabulary();
  }

  /** The command {@code text} asks for; never null, never throws. */
  public Command parse(String text) {
    Utterance said = Utterance.of(text, botName);
    Command command = parse(said);
    if (!(command instanceof Command.Unknown) && !(command instanceof Command.Invalid)) {
      return command;
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
      // "intercpt on": the command is clear, its arguments are not; show an example of it
      CommandSpec spec = invalid.spec();
      return new Command.Unknown(said.asTyped(), spec.examples().get(0), spec.usage());
    }
    return unknown(said);
  }

  private Command parse(Utterance said) {
    String text = said.text();
    if (text.isEmpty()) {
      return new Command.Help(null);
    }
    String simple = said.lower().replaceAll("[^\\p{L}\\p{N}'@.+\\-]+", " ").strip();
    if (CONFIRM.contains(simple)) {
      return new Command.Confirm();
    }
    if (CANCEL.contains(simple)) {
      return new Command.Cancel();
    }
    if (WHOAMI.contains(simple)) {
      return new Command.WhoAmI();
    }
    if (GREETINGS.contains(simple) || HELP.contains(simple)) {
      return new Command.Help(null);
    }
    Command command = help(text);
    if (command == null) {
      command = undo(text);
    }
    if (command == null) {
      command = ScheduleGrammar.parse(text);
    }
    if (command == null) {
      command = locations(text);
    }
    if (command == null) {
      command = history(text);
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

  private static Command help(String text) {
    Matcher m = HELP_TOPIC.matcher(text);
    if (m.matches()) {
      String topic = HelpText.normalise(m.group(1));
      if (HELP.contains(topic) || ALL_WORDS.matcher(topic).matches()) {
        return new Command.Help(null);
      }
      return helpTopic(topic).orElseGet(() -> noSuchTopic(topic));
    }
    m = TOPIC_HELP.matcher(text);
    if (m.matches()) {
      return helpTopic(HelpText.normalise(m.group(1))).orElse(null);
    }
    return null;
  }

  /** The longest leading run of words that is a help topic ("help intercept on at HQ" is help on intercept). */
  private static Optional<Command> helpTopic(String topic) {
    List<String> words = new ArrayList<>(Arrays.asList(topic.split(" ")));
    while (!words.isEmpty()) {
      String candidate = String.join(" ", words);
      if (!HelpText.specsFor(candidate).isEmpty()) {
        return Optional.of(new Command.Help(candidate));
      }
      words.remove(words.size() - 1);
    }
    return Optional.empty();
  }

  private static Command noSuchTopic(String topic) {
    String near = Suggestions.closest(topic, HelpText.topics(), 3)
        .or(() -> Suggestions.closest(topic.split(" ")[0], List.of("intercept", "transfer", "locations", "history",
            "undo", "whoami", "confirm", "cancel", "custom", "schedules", "extend", "presets"), 3))
        .map(t -> " Did you mean `help " + t + "`?").orElse("");
    return new Command.Invalid(CommandTable.HELP, "I have no help on `" + topic + "`." + near
        + " Topics: " + String.join(", ", HelpText.topics()) + ".", CommandTable.usage(CommandTable.HELP));
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

  private static Command locations(String text) {
    Matcher m = LOCATIONS.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String filter = m.group(1);
    return new Command.ListLocations(filter == null || ALL_WORDS.matcher(filter).matches() ? null : filter);
  }

  private static Command history(String text) {
    Matcher m = HISTORY.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String location = m.group(1);
    return new Command.History(location == null || ALL_WORDS.matcher(location).matches() ? null : location);
  }

  /** Intercept or transfer numbers, whichever keyword comes first. */
  private static Command keywordCommand(Utterance said) {
    String text = said.text();
    List<Token> tokens = Token.split(text);
    int k = -1;
    for (int i = 0; i < tokens.size() && k < 0; i++) {
      if (!tokens.get(i).quoted() && InterceptGrammar.KEYWORD.matcher(tokens.get(i).low()).matches()) {
        k = i;
      }
    }
    Matcher transfer = TransferGrammar.KEYWORD.matcher(text);
    if (transfer.find()) {
      int interceptAt = k < 0 ? Integer.MAX_VALUE : said.lower().indexOf(tokens.get(k).low());
      if (transfer.start() < interceptAt) {
        return TransferGrammar.parse(text, transfer);
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
    for (int i = 0; i < words.length; i++) {
      String low = words[i].toLowerCase(Locale.ROOT);
      if (low.contains("@") || low.matches(".*\\d.*") || ARGUMENT_MARKERS.contains(low)) {
        break;
      }
      String bare = low.replaceAll("[^\\p{L}'-]", "");
      if (bare.equals(low) && !vocabulary.contains(low)) {
        Optional<String> near = Suggestions.closest(low, vocabulary, 3);
        if (near.isPresent()) {
          words[i] = near.get();
          changed = true;
        }
      }
    }
    return changed ? Optional.of(String.join(" ", words) + (said.question() ? "?" : "")) : Optional.empty();
  }

  /**
   * Not a command and no typo to fix: suggest the closest example from the table, else the command a known word
   * names, else point to {@code help}.
   */
  private Command.Unknown unknown(Utterance said) {
    String typed = said.asTyped();
    String lower = typed.toLowerCase(Locale.ROOT);
    CommandSpec closest = null;
    String closestExample = null;
    double best = 0.34;
    for (CommandSpec spec : CommandTable.all()) {
      for (String example : spec.examples()) {
        double ratio = (double) Suggestions.distance(lower, example.toLowerCase(Locale.ROOT))
            / Math.max(lower.length(), example.length());
        if (ratio < best) {
          best = ratio;
          closest = spec;
          closestExample = example;
        }
      }
    }
    if (closest != null) {
      return new Command.Unknown(typed, closestExample, closest.usage());
    }
    Set<String> said2 = new LinkedHashSet<>(Arrays.asList(said.lower().split("[^\\p{L}]+")));
    for (String head : HEAD_WORDS) {
      if (said2.contains(head)) {
        CommandSpec spec = CommandTable.all().stream().filter(s -> s.topic().startsWith(head)).findFirst()
            .orElseThrow();
        return new Command.Unknown(typed, spec.examples().get(0), spec.usage());
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
