package dev.switchboard.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ways of asking for help: the whole list ("what can you do"), or one topic's ("help intercept"). */
final class HelpGrammar {

  /** Lines, normalised, that ask for the whole list of commands. */
  private static final Set<String> WHOLE_LINES = Set.of("help", "commands", "command list", "list commands",
      "show commands", "usage", "menu", "what can you do", "what can i do", "what can i ask", "how does this work",
      "help me", "what commands are there", "options", "man", "what can i do here", "what can you do here",
      "what do you do", "what is this", "how do i use this", "what can you do for me", "what else can you do",
      "how does this bot work", "what are the commands", "list of commands", "help please", "i need help");
  private static final Pattern HELP_TOPIC = Pattern.compile(
      "(?i)^(?:help|usage|man)(?:\\s+me)?(?:\\s+(?:with|on|for|about|using))?\\s+(.+)$");
  private static final Pattern TOPIC_HELP = Pattern.compile("(?i)^(?:how do i use |how to use )?(.+?)\\s+help$");

  private HelpGrammar() {}

  /** Whether {@code simple}, normalised, asks for the whole list of commands. */
  static boolean isHelp(String simple) {
    return WHOLE_LINES.contains(simple);
  }

  /** "help intercept", "man undo", "transfer help": help on that topic; null when the line asks no help. */
  static Command parse(String text) {
    Matcher m = HELP_TOPIC.matcher(text);
    if (m.matches()) {
      String topic = HelpText.normalise(m.group(1));
      if (!HelpText.specsFor(topic).isEmpty()) return new Command.Help(topic); // "help locations" is a topic
      if ((WHOLE_LINES.contains(topic) && !topic.equals("options")) || LocationGrammar.ALL.matcher(topic).matches()) {
        return new Command.Help(null);
      }
      return helpTopic(topic).or(() -> topicWithin(topic)).orElseGet(() -> noSuchTopic(topic));
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

  /** "help me turn intercept on", "help with setting a transfer number": the first topic the words name. */
  private static Optional<Command> topicWithin(String topic) {
    String[] words = topic.split(" ");
    for (int start = 1; start < words.length; start++) {
      Optional<Command> found = helpTopic(String.join(" ", Arrays.copyOfRange(words, start, words.length)));
      if (found.isPresent()) return found;
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
}
