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
   * Every command with its usage and summary; a command {@code mayRun} refuses is marked with what it needs,
   * e.g. "_(needs an admin or help-desk role)_".
   */
  public static String overview(Predicate<CommandSpec> mayRun) {
    StringBuilder out = new StringBuilder("**What I can do** (type `help <topic>` for examples, "
        + "e.g. `help intercept` or `help transfer`):\n");
    for (CommandSpec spec : CommandTable.all()) {
      out.append("- ").append(spec.usage()).append(": ").append(spec.summary());
      if (!mayRun.test(spec)) {
        out.append(" _(needs ").append(spec.access().needs()).append(")_");
      }
      out.append('\n');
    }
    return out.toString().stripTrailing();
  }

  /** Help on one topic (e.g. {@code intercept}, {@code transfer}, {@code intercept status}); empty if none. */
  public static Optional<String> topic(String topic) {
    List<CommandSpec> specs = specsFor(topic);
    if (specs.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    String meaning = CommandTable.GLOSSARY.get(specs.get(0).topic());
    if (meaning != null) {
      out.append(meaning).append("\n\n");
    }
    for (CommandSpec spec : specs) {
      if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
        out.append("\n\n");
      }
      out.append("**").append(spec.topic()).append("**: ").append(spec.summary()).append('\n');
      out.append("Usage: ").append(spec.usage()).append('\n');
      out.append("Examples:\n");
      for (String example : spec.examples()) {
        out.append("- `").append(example).append("`\n");
      }
      out.append("Who: ").append(spec.access() == Access.ANYONE ? "anyone" : "needs " + spec.access().needs())
          .append('.');
      if (spec.topic().equals(CommandTable.INTERCEPT)) {
        out.append("\n").append(CommandTable.INTERCEPT_OPTIONS);
      } else if (spec.topic().equals(CommandTable.TIMED_INTERCEPT)) {
        out.append("\n").append(CommandTable.TIMES);
      }
    }
    return Optional.of(out.toString());
  }

  /** The topics {@code help} knows, for "no such topic" replies. */
  static List<String> topics() {
    return CommandTable.all().stream().map(CommandSpec::topic).collect(Collectors.toList());
  }

  /** The specs a help topic covers: every spec whose name has all the topic's words ("transfer": four). */
  static List<CommandSpec> specsFor(String topic) {
    String query = normalise(topic);
    if (query.isEmpty()) {
      return List.of();
    }
    query = ALIASES.getOrDefault(query, query);
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
