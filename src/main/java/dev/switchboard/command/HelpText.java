package dev.switchboard.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The text of {@code help} and {@code help <topic>}, in light markdown, made from {@link CommandTable}. */
public final class HelpText {

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("yes", "confirm"), Map.entry("y", "confirm"), Map.entry("ok", "confirm"),
      Map.entry("confirmation", "confirm"), Map.entry("confirmations", "confirm"), Map.entry("preview", "confirm"),
      Map.entry("no", "cancel"), Map.entry("abort", "cancel"),
      Map.entry("who am i", "whoami"), Map.entry("who", "whoami"), Map.entry("me", "whoami"),
      Map.entry("roles", "whoami"), Map.entry("role", "whoami"), Map.entry("permissions", "whoami"),
      Map.entry("options", "intercept"), Map.entry("option", "intercept"), Map.entry("intercept options", "intercept"),
      Map.entry("intercept on", "intercept"), Map.entry("intercept off", "intercept"), Map.entry("on", "intercept"),
      Map.entry("off", "intercept"), Map.entry("voicemail", "intercept"), Map.entry("announce", "intercept"),
      Map.entry("zero", "intercept"), Map.entry("outbound", "intercept"), Map.entry("inbound", "intercept"),
      Map.entry("call intercept", "intercept"),
      Map.entry("timed", "timed intercept"), Map.entry("times", "timed intercept"), Map.entry("time", "timed intercept"),
      Map.entry("for", "timed intercept"), Map.entry("until", "timed intercept"),
      Map.entry("scheduled intercept", "timed intercept"), Map.entry("schedule intercept", "timed intercept"),
      Map.entry("reminders", "timed intercept"), Map.entry("reminder", "timed intercept"),
      Map.entry("scheduled", "schedules"), Map.entry("preset", "presets"),
      Map.entry("audit", "history"), Map.entry("log", "history"), Map.entry("changes", "history"),
      Map.entry("revert", "undo"), Map.entry("rollback", "undo"), Map.entry("sites", "locations"),
      Map.entry("auto transfer numbers", "transfer numbers"), Map.entry("transfer number", "transfer numbers"));

  private HelpText() {}

  /**
   * The short list of topics, one line each; topics of which {@code mayRun} allows nothing are named once at the end,
   * so the requester sees what is theirs to run and what needs a role.
   */
  public static String overview(Predicate<CommandSpec> mayRun) {
    List<String> lines = new ArrayList<>();
    List<String> closed = new ArrayList<>();
    lines.add("Type `help <topic>` for one topic, e.g. `help intercept`:");
    for (CommandTable.Topic topic : CommandTable.topics()) {
      boolean open = topic.specs().stream().map(CommandTable::spec).anyMatch(mayRun);
      if (open) lines.add("- `" + topic.name() + "`: " + topic.line());
      else closed.add("`" + topic.name() + "`");
    }
    if (!closed.isEmpty()) lines.add("Needs a role you don't have: " + String.join(", ", closed) + ".");
    return String.join("\n", lines);
  }

  /**
   * Help on one topic (e.g. {@code intercept}, {@code transfer}, {@code intercept status}), one screen: what it
   * means, then each command's summary, usage and examples, and who may run it; empty if there is no such topic.
   */
  public static Optional<String> topic(String topic) {
    List<CommandSpec> specs = specsFor(topic);
    if (specs.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    String meaning = CommandTable.GLOSSARY.get(specs.get(0).topic());
    if (meaning != null) lines.add(meaning);
    for (CommandSpec spec : specs) {
      lines.add("**" + spec.topic() + "**: " + spec.summary());
      lines.add("Usage: " + spec.usage());
      lines.add("Examples: " + String.join(", ", spec.examples().stream().map(e -> "`" + e + "`").toList()));
      if (specs.stream().map(CommandSpec::access).distinct().count() > 1) lines.add(who(spec.access()));
    }
    if (specs.stream().map(CommandSpec::access).distinct().count() == 1) lines.add(who(specs.get(0).access()));
    String name = specs.get(0).topic();
    if (specs.size() == 1 && name.equals(CommandTable.INTERCEPT)) {
      lines.add(CommandTable.INTERCEPT_OPTIONS);
      lines.add("See also `help intercept status` and `help timed intercept`.");
    } else if (specs.size() == 1 && name.equals(CommandTable.TIMED_INTERCEPT)) {
      lines.add(CommandTable.TIMES);
    }
    return Optional.of(String.join("\n", lines));
  }

  private static String who(Access access) {
    return "Who: " + (access == Access.ANYONE ? "anyone." : "needs " + access.needs() + ".");
  }

  /** The topics {@code help} knows, for "no such topic" replies. */
  static List<String> topics() {
    return CommandTable.all().stream().map(CommandSpec::topic).collect(Collectors.toList());
  }

  /**
   * The specs a help topic covers: a topic of the short list or a command by its exact name, else every spec whose
   * name has all the topic's words ("transfer": four).
   */
  static List<CommandSpec> specsFor(String topic) {
    String query = normalise(topic);
    if (query.isEmpty()) {
      return List.of();
    }
    query = ALIASES.getOrDefault(query, query);
    for (CommandTable.Topic listed : CommandTable.topics()) {
      if (listed.name().equals(query)) return listed.specs().stream().map(CommandTable::spec).toList();
    }
    Optional<CommandSpec> exact = CommandTable.topic(query);
    if (exact.isPresent()) return List.of(exact.get());
    Set<String> wanted = words(query);
    List<CommandSpec> found = new ArrayList<>();
    for (CommandSpec spec : CommandTable.all()) {
      if (words(spec.topic()).containsAll(wanted)) {
        found.add(spec);
      }
    }
    return found;
  }

  static String normalise(String topic) {
    if (topic == null) {
      return "";
    }
    String s = topic.toLowerCase(Locale.ROOT).replaceAll("[`?!.\"']", " ").replaceAll("\\s+", " ").strip();
    return s.replaceFirst("^(?:the|about|on|with|for|using) ", "").replaceFirst(" (?:command|commands)$", "");
  }

  private static Set<String> words(String text) {
    return Arrays.stream(text.split(" "))
        .map(w -> w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
        .collect(Collectors.toSet());
  }
}
