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
      "(?i)^(?:cancel|delete|remove|drop|abort|stop|kill|end|forget|clear)\\s+(?:the\\s+|my\\s+|our\\s+)?"
          + "(?:schedule|scheduled change|scheduled intercept|plan|timer)(?:\\s+(.*))?$"
          // "cancel the intercept schedule at Denver", "drop the intercept timer at HQ", "cancel timed intercept at HQ":
          // the plan, not intercept itself (these once turned intercept off at a location "schedule at Denver")
          + "|^(?:cancel|delete|remove|drop|abort|kill|clear)\\s+(?:the\\s+|my\\s+|our\\s+)?"
          + "(?:(?:timed\\s+)?intercept(?:'s)?\\s+(?:schedule|timer|plan)|timed\\s+intercept)(?:\\s+(.*))?$");
  /** "cancel the Denver schedule", "cancel HQ's schedule". */
  private static final Pattern CANCEL_NAMED = Pattern.compile(
      "(?i)^(?:cancel|delete|remove|drop|abort|stop|kill|end|forget|clear)\\s+(?:the\\s+)?(.+?)(?:'s)?\\s+"
          + "(?:intercept\\s+)?(?:schedule|plan|scheduled change|timed intercept|timer)$");
  private static final Pattern CANCEL_NUMBER = Pattern.compile("(?i)^(?:cancel|delete|remove|drop)\\s+#\\s*(\\d+)$");
  private static final Pattern EXTEND = Pattern.compile("(?i)^(?:extend|prolong|lengthen)(?:\\s+(.*))?$");
  /** "make the HQ intercept last until 8pm", "push the HQ intercept out another hour": an extension in other words. */
  private static final Pattern EXTEND_LAST = Pattern.compile(
      "(?i)^(?:make|let)\\s+(?:the\\s+)?(.+?)(?:'s)?\\s+intercept\\s+(?:last|run|stay(?:\\s+on)?|go\\s+on)"
          + "\\s+((?:until|till|til|to|for|by)\\s+.+)$");
  private static final Pattern EXTEND_PUSH = Pattern.compile(
      "(?i)^(?:push|move)\\s+(?:the\\s+)?(.+?)(?:'s)?\\s+intercept(?:'s)?\\s+(?:end\\s+)?(?:out|back|on)"
          + "(?:\\s+by)?\\s+(.+)$");
  /** Words after the name of what is extended or cancelled that are no part of it: "the HQ intercept". */
  private static final Set<String> TARGET_TAIL = Set.of("intercept", "intercepts", "schedule", "timer", "plan");
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
    m = EXTEND_LAST.matcher(text);
    if (m.matches()) return extend(m.group(1) + " " + m.group(2));
    m = EXTEND_PUSH.matcher(text);
    if (m.matches()) {
      // "out to 9pm" says until when, as extend's own words do; "out another hour" is by how much
      boolean until = Token.split(m.group(2)).get(0).in(EXTEND_UNTIL);
      return extend(m.group(1) + (until ? " " : " by ") + m.group(2));
    }
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
    if (marker < 0) {
      // "extend HQ 1h": the span without "by"
      for (int j = 1; j < tokens.size(); j++) {
        Duration by = TimeGrammar.span(tokens.subList(j, tokens.size()));
        ScheduleRef ref = ref(tokens.subList(0, j));
        if (by != null && ref != null) return new Command.ExtendSchedule(ref, by, null);
      }
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
    while (words.size() > 1 && words.get(words.size() - 1).in(TARGET_TAIL)) words.remove(words.size() - 1);
    if (words.isEmpty()) return null;
    Token last = words.get(words.size() - 1);
    if (!last.quoted() && last.low().endsWith("'s") && last.low().length() > 2) {
      words.set(words.size() - 1, new Token(last.raw().substring(0, last.raw().length() - 2),
          last.low().substring(0, last.low().length() - 2), false)); // "extend HQ's intercept"
    }
    String name = Token.join(words).strip();
    Matcher number = NUMBER.matcher(name);
    if (number.matches()) {
      int id = Integer.parseInt(number.group(1));
      return id < 1 ? null : ScheduleRef.number(id);
    }
    return ScheduleRef.at(name);
  }
}
