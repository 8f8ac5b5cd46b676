package dev.switchboard.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The commands about what is planned: {@code schedules}, {@code extend}, {@code cancel schedule}, {@code presets}. */
final class ScheduleGrammar {

  private static final Pattern SCHEDULES = Pattern.compile(
      "(?i)^(?:(?:show|list|view|see|display|get|check)(?:\\s+me)?(?:\\s+(?:the|all|my|our))*\\s+)?"
          + "(?:schedules|schedule|scheduled(?:\\s+(?:changes|intercepts?))?|planned changes|plans"
          + "|what(?:'s|s| is) (?:scheduled|planned))"
          + "(?:\\s+(?:for|at|in|of|on|@))?(?:\\s+(.*))?$");
  private static final Pattern PRESETS = Pattern.compile(
      "(?i)^(?:(?:show|list|view|see|display|get|what are)(?:\\s+me)?(?:\\s+(?:the|all|my|our))*\\s+)?"
          + "(?:intercept\\s+)?presets?$");
  private static final Pattern CANCEL = Pattern.compile(
      "(?i)^(?:cancel|delete|remove|drop|abort|stop)\\s+(?:the\\s+)?(?:schedule|scheduled change|scheduled intercept"
          + "|plan)(?:\\s+(.*))?$"
          // "cancel the intercept schedule at Denver", "drop the intercept timer at HQ", "cancel timed intercept at HQ":
          // the plan, not intercept itself (these once turned intercept off at a location "schedule at Denver")
          + "|^(?:cancel|delete|remove|drop|abort|kill|clear)\\s+(?:the\\s+|my\\s+|our\\s+)?(?:(?:timed\\s+)?intercept(?:'s)?"
          + "\\s+(?:schedule|timer|plan)|timed\\s+intercept)(?:\\s+(.*))?$");
  /** "cancel the Denver schedule", "cancel HQ's schedule". */
  private static final Pattern CANCEL_NAMED = Pattern.compile(
      "(?i)^(?:cancel|delete|remove|drop|abort|stop)\\s+(?:the\\s+)?(.+?)(?:'s)?\\s+(?:schedule|plan|scheduled change"
          + "|timed intercept)$");
  private static final Pattern CANCEL_NUMBER = Pattern.compile("(?i)^(?:cancel|delete|remove|drop)\\s+#\\s*(\\d+)$");
  private static final Pattern EXTEND = Pattern.compile("(?i)^(?:extend|prolong|lengthen)(?:\\s+(.*))?$");
  private static final Pattern NUMBER = Pattern.compile("#?\\s*(\\d{1,9})");
  private static final Set<String> EXTEND_BY = Set.of("by", "for");
  private static final Set<String> EXTEND_UNTIL = Set.of("until", "till", "til", "untill", "to");
  private static final Set<String> TARGET_FILLER = Set.of("the", "intercept", "intercepts", "at", "for", "in", "of",
      "@", "schedule", "number", "no", "no.", "it");
  private static final Set<String> SPAN_FILLER = Set.of("more", "extra", "further", "longer");

  private ScheduleGrammar() {}

  /** One of the schedule commands, or null when the text is none of them. */
  static Command parse(String text) {
    Matcher m = PRESETS.matcher(text);
    if (m.matches()) return new Command.ListPresets();
    m = CANCEL_NUMBER.matcher(text);
    if (m.matches()) return new Command.CancelSchedule(ScheduleRef.number(Integer.parseInt(m.group(1))));
    m = CANCEL.matcher(text);
    if (m.matches()) return cancel(m.group(1) != null ? m.group(1) : m.group(2));
    m = CANCEL_NAMED.matcher(text);
    if (m.matches()) return cancel(m.group(1));
    m = EXTEND.matcher(text);
    if (m.matches()) return extend(m.group(1));
    m = SCHEDULES.matcher(text);
    if (m.matches()) {
      String location = m.group(1);
      if (location != null && InterceptGrammar.KEYWORD.matcher(location.split("\\s+")[0].toLowerCase()).matches()) {
        return null; // "schedule intercept off at HQ at 17:00" is an intercept command
      }
      boolean all = location == null || CommandParser.ALL_WORDS.matcher(location).matches();
      return new Command.ListSchedules(all ? null : location);
    }
    return null;
  }

  private static Command cancel(String rest) {
    ScheduleRef ref = rest == null ? null : ref(Token.split(rest));
    if (ref == null) {
      return new Command.Invalid(CommandTable.CANCEL_SCHEDULE, "Say which schedule, by its number: `cancel schedule 3` "
          + "(`schedules` lists them with their numbers).", CommandTable.usage(CommandTable.CANCEL_SCHEDULE));
    }
    return new Command.CancelSchedule(ref);
  }

  private static Command extend(String rest) {
    List<Token> tokens = rest == null ? List.of() : Token.split(rest);
    int marker = -1;
    for (int i = 0; i < tokens.size() && marker < 0; i++) {
      if (tokens.get(i).in(EXTEND_BY) || tokens.get(i).in(EXTEND_UNTIL)) marker = i;
    }
    ScheduleRef ref = ref(tokens.subList(0, marker < 0 ? tokens.size() : marker));
    if (ref == null || marker < 0) {
      String what = ref == null ? "HQ" : ref.toString();
      return invalidExtend("Say what to extend and by how much: `extend " + what + " by 1h`, or until when: `extend "
          + what + " until 18:00`.");
    }
    List<Token> amount = new ArrayList<>(tokens.subList(marker + 1, tokens.size()));
    amount.removeIf(t -> t.in(SPAN_FILLER));
    amount.replaceAll(t -> t.is("another") ? new Token("an", "an", false) : t); // "for another hour"
    if (tokens.get(marker).in(EXTEND_BY)) {
      Duration by = TimeGrammar.span(amount);
      if (by == null) {
        return invalidExtend("I can't read `" + Token.join(amount) + "` as a span of time: say "
            + TimeGrammar.SPAN_EXAMPLES + ", as in `extend " + ref + " by 1h`.");
      }
      return new Command.ExtendSchedule(ref, by, null);
    }
    Timing.Moment.At until = TimeGrammar.time(amount);
    if (until == null) {
      return invalidExtend("I can't read `" + Token.join(amount) + "` as a time: say " + TimeGrammar.TIME_EXAMPLES
          + ".");
    }
    return new Command.ExtendSchedule(ref, null, until);
  }

  private static Command.Invalid invalidExtend(String problem) {
    return new Command.Invalid(CommandTable.EXTEND, problem, CommandTable.usage(CommandTable.EXTEND));
  }

  /** A schedule number ("3", "#3", "schedule 3") or a location name; null when nothing is named. */
  private static ScheduleRef ref(List<Token> tokens) {
    List<Token> words = new ArrayList<>(tokens);
    while (!words.isEmpty() && words.get(0).in(TARGET_FILLER)) words.remove(0);
    if (words.isEmpty()) return null;
    String name = Token.join(words).strip();
    Matcher number = NUMBER.matcher(name);
    if (number.matches()) {
      int id = Integer.parseInt(number.group(1));
      return id < 1 ? null : ScheduleRef.number(id);
    }
    return ScheduleRef.at(name);
  }
}
