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
          + "|what(?:'s|s| is) (?:scheduled|planned)"
          // "is there a timer on HQ", "any schedules?", "are there any plans for Austin"
          + "|(?:is there|are there|any)\\s+(?:a\\s+|any\\s+)?(?:timers?|schedules?|plans?|scheduled changes?)"
          + "|(?:is\\s+)?anything\\s+(?:scheduled|planned)|(?:list|show)(?:\\s+me)?(?:\\s+(?:all|the|my))*\\s+timers)"
          + "(?:\\s+(?:for|at|in|of|on|@))?(?:\\s+(.*))?$");
  /** Every plan, asked other ways: "schedule list", "my timers", "any timers running?", "what's coming up". */
  private static final Pattern EVERY_PLAN = Pattern.compile(
      "(?i)^(?:schedule\\s+list|list\\s+of\\s+schedules|scheds?|timers"
          + "|(?:my|our|pending|upcoming|active|current|running|open)\\s+(?:schedules|timers|plans|scheduled\\s+changes"
          + "|changes|intercept\\s+schedules)"
          + "|(?:is\\s+there|are\\s+there|any)\\s+(?:a\\s+|any\\s+)?(?:timers?|schedules?|plans?)\\s+(?:running|active|set|pending"
          + "|going|left|waiting|coming\\s+up)"
          + "|what(?:'s|s|\\s+is)\\s+(?:coming\\s+up|upcoming|pending|on\\s+the\\s+schedule)"
          + "|what\\s+did\\s+(?:i|we)\\s+(?:schedule|plan)|(?:what|which)\\s+(?:schedules|timers|plans)\\s+(?:are\\s+there"
          + "|are\\s+(?:running|active|set|pending)|do\\s+(?:we|i|you)\\s+have|exist|have\\s+i\\s+(?:set|made))"
          + "|is\\s+anything\\s+(?:scheduled|planned)|anything\\s+coming\\s+up|upcoming)$");
  private static final Pattern PRESETS = Pattern.compile(
      "(?i)^(?:(?:show|list|view|see|display|get|what are)(?:\\s+me)?(?:\\s+(?:the|all|my|our))*\\s+)?"
          + "(?:intercept\\s+)?presets?$"
          // "what's in the storm preset", "what does the storm preset do": the list says what each sets
          + "|^what(?:'s|\\s+is)\\s+in\\s+(?:the\\s+)?\\S+\\s+preset$|^what\\s+does\\s+(?:the\\s+)?\\S+\\s+preset\\s+(?:do|set)$"
          + "|^(?:what|which)\\s+(?:intercept\\s+)?presets\\s+(?:are there|exist|do (?:we|you|i) have|are (?:set up|available))$");
  /** Words that say an intercept by its time: "the weekend intercept", "tonight's intercept". */
  private static final String TIMED_INTERCEPT = "timed|scheduled|planned|temporary|weekend|weekend's|overnight"
      + "|nightly|night|tonight's|tonights|tonight|evening|holiday|holidays|after-?hours|today's";
  private static final Pattern CANCEL = Pattern.compile(
      "(?i)^(?:cancel|delete|remove|drop|abort|stop|kill|end|forget|clear|scrap|scratch|never ?mind|nvm)"
          + "\\s+(?:the\\s+|my\\s+|our\\s+)?"
          + "(?:schedule|scheduled change|scheduled intercept|plan|timer)(?:\\s+(.*))?$"
          // "cancel the intercept schedule at Denver", "drop the intercept timer at HQ", "cancel timed intercept at HQ":
          // the plan, not intercept itself (these once turned intercept off at a location "schedule at Denver")
          + "|^(?:cancel|delete|remove|drop|abort|kill|clear)\\s+(?:the\\s+|my\\s+|our\\s+)?"
          + "(?:(?:timed\\s+)?intercept(?:'s)?\\s+(?:schedule|timer|plan)|timed\\s+intercept)(?:\\s+(.*))?$"
          // "cancel the weekend intercept at London", "stop tonight's intercept at Austin": an intercept said by its
          // time is the plan (these once planned intercept OFF for the weekend); the reply says what stays on
          + "|^(?:cancel|delete|remove|drop|abort|kill|clear|stop|end|scrap|scratch|call\\s+off)\\s+"
          + "(?:the\\s+|my\\s+|our\\s+|this\\s+)?(?:" + TIMED_INTERCEPT + ")\\s+intercept(?:ion)?(?:\\s+(?:schedule|plan|timer))?"
          + "(?:\\s+(.*))?$"
          + "|^un-?schedule\\s+(?:the\\s+)?(?:intercept\\s+(?:at|in|for)\\s+)?(.+)$");
  /** "cancel the Denver schedule", "cancel HQ's schedule". */
  private static final Pattern CANCEL_NAMED = Pattern.compile(
      "(?i)^(?:cancel|delete|remove|drop|abort|stop|kill|end|forget|clear|scrap|never ?mind|nvm)\\s+(?:the\\s+)?"
          + "(.+?)(?:'s)?\\s+"
          + "(?:intercept\\s+)?(?:schedule|plan|scheduled change|timed intercept|timer)$");
  /** "cancel all schedules", "cancel my timers": more than one plan, which is cancelled one at a time. */
  private static final Pattern CANCEL_ALL = Pattern.compile(
      "(?i)^(?:cancel|delete|remove|drop|kill|clear|stop|scrap)\\s+(?:(?:all|every|each)(?:\\s+(?:of\\s+)?"
          + "(?:the|my|our))?\\s+(?:intercept\\s+)?(?:schedules?|timers?|plans?)"
          + "|(?:my|our|the)\\s+(?:intercept\\s+)?(?:schedules|timers|plans))$");
  /** "keep it on for another hour": an extension of the asker's one plan. */
  private static final Pattern KEEP_IT = Pattern.compile("(?i)^(?:keep|leave)\\s+it\\s+(?:on\\s+)?(?:for\\s+)?(.+)$");
  /** "keep HQ on for another hour", "leave the Austin intercept going 30 more minutes": an extension in other words. */
  private static final Pattern KEEP_MORE = Pattern.compile(
      "(?i)^(?:keep|leave)\\s+(?:the\\s+)?(?:intercept\\s+(?:on\\s+)?(?:at|in|for)\\s+)?(.+?)(?:'s)?(?:\\s+intercept)?"
          + "\\s+(?:on|intercepted|going|running)\\s+(?:for\\s+)?(.*\\b(?:another|more|extra|further)\\b.*)$");
  /**
   * "don't turn HQ back off", "keep HQ on, cancel the timer", "leave intercept on at HQ and drop the schedule": the
   * plan's end is not wanted, which is cancelling it.
   */
  private static final Pattern KEEP_ON = Pattern.compile(
      "(?i)^(?:don't|dont|do not)\\s+(?:turn|switch|set|put)\\s+(?:intercept\\s+)?(?:at\\s+)?(.+?)(?:'s)?"
          + "(?:\\s+intercept)?\\s+back\\s+off$"
          + "|^(?:don't|dont|do not)\\s+(?:turn|switch)\\s+(?:the\\s+)?intercept\\s+back\\s+off\\s+(?:at|in|for)\\s+(.+)$"
          + "|^(?:keep|leave)\\s+(?:intercept\\s+on\\s+(?:at|in|for)\\s+)?(.+?)(?:\\s+(?:intercepted|on))?\\s*,?"
          + "\\s+(?:and\\s+|but\\s+|just\\s+)?(?:cancel|drop|remove|kill|stop|forget|clear|scrap)\\s+(?:the\\s+)?"
          + "(?:intercept\\s+)?(?:timer|schedule|plan|end)$");
  /**
   * "push back the end at HQ to 8pm", "move the HQ end to 7pm", "change the end time at HQ to 7pm": the end moved,
   * which extend does (earlier too).
   */
  private static final Pattern MOVE_END = Pattern.compile(
      "(?i)^(?:push(?:\\s+back)?|move|change|set|shift|make|bring(?:\\s+forward)?)\\s+(?:the\\s+)?"
          + "(?:(.+?)(?:'s)?\\s+)?(?:intercept(?:'s)?\\s+)?end(?:\\s+time|ing)?"
          + "(?:\\s+(?:at|for|of|in)\\s+(.+?))?(?:\\s+(?:back|out|forward))?\\s+((?:to|until|till)\\s+.+)$");
  /**
   * "add 30 minutes to HQ", "make it 2 more hours (at HQ)": an extension by a span ("give HQ ..." is {@link #GIVE}).
   */
  private static final Pattern ADD_TIME = Pattern.compile(
      "(?i)^add\\s+(.+?)(?:\\s+(?:to|at|for|on)\\s+(.+))?$"
          + "|^(?:make\\s+it|keep\\s+it\\s+on(?:\\s+for)?)\\s+(.*?\\b(?:more|another|extra)\\b.*?)"
          + "(?:\\s+(?:at|for|in)\\s+(.+))?$");
  /**
   * When a place's plan ends: "when does HQ go back", "when will Austin come off intercept", "what time does the HQ
   * intercept end", "how long until HQ goes back to normal", "how much time is left on HQ", "is the timer still
   * running at HQ". The place is the first group that matched.
   */
  private static final Pattern WHEN_BACK = Pattern.compile(
      "(?i)^(?:when|what\\s+time)\\s+(?:does|will|do|is)\\s+(?:the\\s+)?(?!intercept\\b)(.+?)(?:'s)?(?:\\s+intercept)?\\s+"
          + "(?:go(?:es)?\\s+back(?:\\s+to\\s+normal)?|come\\s+off(?:\\s+intercept)?|end|ends|stop|finish|expire"
          + "|turn\\s+(?:back\\s+)?off|switch\\s+back|revert)$"
          + "|^how\\s+(?:long|much\\s+(?:longer|time))\\s+(?:until|till|before|is\\s+left\\s+(?:on|at|for))\\s+(?:the\\s+)?"
          + "(.+?)(?:'s\\s+intercept)?(?:\\s+(?:goes|comes|is|gets)\\s+(?:back(?:\\s+to\\s+normal)?|off(?:\\s+intercept)?))?$"
          + "|^is\\s+(?:the\\s+|a\\s+)?(?:timer|schedule)\\s+(?:still\\s+)?(?:running|on|active|set)\\s+(?:at|for|on|in)\\s+(.+)$");

  /** "another 30 minutes" is 30 minutes; "another hour" is 1 hour. */
  private static final Pattern GIVE = Pattern.compile("(?i)^give\\s+(.+)$");
  private static final Pattern ANOTHER_NUMBER = Pattern.compile("(?i)\\b(?:another|an? (?:extra|further))\\s+(?=\\d)");
  private static final Pattern ANOTHER = Pattern.compile("(?i)\\b(?:another|an? (?:extra|further))\\b");
  private static final Pattern MORE = Pattern.compile("(?i)\\s*\\b(?:more|extra|further)\\b");
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
  /** "schedule 1 and 2", "#3, #4": several plans named at once. */
  private static final String SEVERAL = "(?:(?:the\\s+)?(?:schedules?|timers?|plans?)\\s+)?(?:number\\s+|no\\.?\\s*)?"
      + "#?\\s*(\\d{1,9})(?:\\s*(?:,|&|\\+|and|,\\s*and)\\s*#?\\s*\\d{1,9})+";
  private static final Pattern SEVERAL_NUMBERS = Pattern.compile("(?i)" + SEVERAL);
  private static final Pattern CANCEL_SEVERAL = Pattern.compile("(?i)^(?:cancel|delete|remove|drop|stop|end)\\s+("
      + SEVERAL + ")$");
  private static final Set<String> EXTEND_BY = Set.of("by", "for");
  private static final Set<String> EXTEND_UNTIL = Set.of("until", "till", "til", "untill", "to");
  private static final Set<String> TARGET_FILLER = Set.of("the", "intercept", "intercepts", "at", "for", "in", "of",
      "@", "schedule", "number", "no", "no.", "it", "my", "our", "this", "that", "current", "timer", "plan");
  private static final Set<String> SPAN_FILLER = Set.of("more", "extra", "further", "longer");

  /** "use the storm preset at Austin", "apply preset storm to HQ for 2h": intercept on with the preset. */
  private static final Pattern PRESET_USE = Pattern.compile(
      "(?i)^(?:(?:use|apply|run|activate|enable|turn\\s+on|put\\s+on|set|start)\\s+)?(?:the\\s+)?"
          + "(?:preset\\s+(\"[^\"]+\"|\\S+)|(\"[^\"]+\"|\\S+)\\s+preset)\\s+(?:at|to|for|on|in|@)\\s+(.+)$");

  private ScheduleGrammar() {}

  /** The intercept line a preset said first stands for ("intercept on at Austin preset storm"), else null. */
  static String presetLine(String text) {
    Matcher m = PRESET_USE.matcher(text);
    if (!m.matches()) return null;
    String name = m.group(1) != null ? m.group(1) : m.group(2);
    if (name.equalsIgnoreCase("intercept")) return null;
    return "intercept on at " + m.group(3) + " preset " + name;
  }

  /** One of the schedule commands, or null when the text is none of them. */
  static Command parse(String text) {
    Matcher m = PRESETS.matcher(text);
    if (m.matches()) return new Command.ListPresets();
    m = CANCEL_NUMBER.matcher(text);
    if (m.matches()) return new Command.CancelSchedule(ScheduleRef.number(Integer.parseInt(m.group(1))));
    m = CANCEL_SEVERAL.matcher(text);
    if (m.matches()) return cancel(m.group(1));
    if (CANCEL_ALL.matcher(text).matches()) {
      return new Command.Invalid(CommandTable.CANCEL_SCHEDULE, "I cancel one schedule at a time, so that none is "
          + "cancelled by mistake: `schedules` lists them with their numbers, then say `cancel schedule 3`.",
          CommandTable.usage(CommandTable.CANCEL_SCHEDULE));
    }
    m = KEEP_IT.matcher(text);
    if (m.matches()) {
      Duration by = TimeGrammar.span(Token.split(amount(m.group(1))));
      if (by != null) return new Command.ExtendSchedule(ScheduleRef.implied(), by, null);
    }
    m = KEEP_MORE.matcher(text);
    if (m.matches() && !m.group(1).equalsIgnoreCase("it")) {
      String span = amount(m.group(2));
      if (TimeGrammar.span(Token.split(span)) != null) return extend(m.group(1) + " by " + span);
    }
    m = KEEP_ON.matcher(text);
    if (m.matches()) return cancel(Groups.first(m));
    m = MOVE_END.matcher(text);
    if (m.matches() && (m.group(1) != null || m.group(2) != null)) {
      return extend((m.group(1) != null ? m.group(1) : m.group(2)) + " " + m.group(3));
    }
    m = ADD_TIME.matcher(text);
    if (m.matches()) {
      String span = amount(m.group(1) != null ? m.group(1) : m.group(3));
      String place = m.group(1) != null ? m.group(2) : m.group(4);
      if (TimeGrammar.span(Token.split(span)) != null) return extend((place == null ? "" : place) + " by " + span);
    }
    m = GIVE.matcher(text);
    if (m.matches()) {
      // "give HQ another 30 minutes", "give schedule 4 an extra hour": the place, then the shortest span at the end
      String[] words = m.group(1).split(" ");
      for (int j = 1; j < words.length; j++) {
        String span = amount(String.join(" ", java.util.Arrays.copyOfRange(words, j, words.length)));
        if (TimeGrammar.span(Token.split(span)) != null) {
          return extend(String.join(" ", java.util.Arrays.copyOfRange(words, 0, j)) + " by " + span);
        }
      }
    }
    m = CANCEL.matcher(text);
    if (m.matches()) return cancel(Groups.first(m));
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
    m = WHEN_BACK.matcher(text);
    if (m.matches() && !CommandParser.ALL_WORDS.matcher(Groups.first(m)).matches()) {
      return new Command.ListSchedules(Groups.first(m));
    }
    if (EVERY_PLAN.matcher(text).matches()) return new Command.ListSchedules(null);
    m = SCHEDULES.matcher(text);
    if (m.matches()) {
      String location = m.group(1);
      if (location != null && TimeWords.namesTime(new Token(location, location.toLowerCase(), false))) {
        location = null; // "what's scheduled for tonight": the list is short enough to read
      }
      if (location != null && InterceptGrammar.KEYWORD.matcher(location.split("\\s+")[0].toLowerCase()).matches()) {
        return null; // "schedule intercept off at HQ at 17:00" is an intercept command
      }
      boolean all = location == null || CommandParser.ALL_WORDS.matcher(location).matches();
      return new Command.ListSchedules(all ? null : location);
    }
    return null;
  }

  /** A span said with "another" or "more": "another 30 minutes" and "30 more minutes" are 30m, "another hour" 1h. */
  private static String amount(String span) {
    String counted = ANOTHER.matcher(ANOTHER_NUMBER.matcher(span).replaceAll("")).replaceAll("1");
    return MORE.matcher(counted).replaceAll("").strip();
  }

  private static Command cancel(String rest) {
    Matcher several = rest == null ? null : SEVERAL_NUMBERS.matcher(rest.strip());
    if (several != null && several.matches()) {
      return new Command.Invalid(CommandTable.CANCEL_SCHEDULE, "I cancel one schedule at a time, so that none is "
          + "cancelled by mistake: say `cancel schedule " + several.group(1) + "`, then the next.",
          CommandTable.usage(CommandTable.CANCEL_SCHEDULE));
    }
    ScheduleRef ref = rest == null ? ScheduleRef.implied() : ref(Token.split(rest));
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
      // "extend HQ 1h", "extend it another hour": the span without "by", after what is extended (or nothing)
      for (int j = 0; j < tokens.size(); j++) {
        Duration by = TimeGrammar.span(Token.split(amount(Token.join(tokens.subList(j, tokens.size())))));
        ScheduleRef ref = ref(tokens.subList(0, j));
        if (by != null && ref != null) return new Command.ExtendSchedule(ref, by, null);
      }
    }
    ScheduleRef ref = ref(tokens.subList(0, marker < 0 ? tokens.size() : marker));
    if (ref == null || marker < 0) {
      String what = ref == null || ref.isImplied() ? "HQ" : ref.toString();
      return invalidExtend("Say what to extend and by how much: `extend " + what + " by 1h`, or until when: `extend "
          + what + " until 18:00`.");
    }
    List<Token> amount = new ArrayList<>(tokens.subList(marker + 1, tokens.size()));
    amount.removeIf(t -> t.in(SPAN_FILLER));
    amount.replaceAll(t -> t.is("another") ? new Token("an", "an", false) : t); // "for another hour"
    if (tokens.get(marker).in(EXTEND_BY)) {
      Duration by = TimeGrammar.span(amount);
      String meant = TimeWords.meantSpan(amount);
      if (by == null && meant != null) {
        return invalidExtend("I can't read `" + Token.join(amount) + "` as a span of time: did you mean `extend " + ref
            + " by " + meant + "`?");
      }
      if (by == null) {
        return invalidExtend("I can't read `" + Token.join(amount) + "` as a span of time: say "
            + TimeGrammar.SPAN_EXAMPLES + ", as in `extend " + ref + " by 1h`.");
      }
      return new Command.ExtendSchedule(ref, by, null);
    }
    Timing.Moment.At until;
    try {
      until = TimeGrammar.time(amount);
    } catch (TimeReader.Problem p) {
      return invalidExtend(p.getMessage());
    }
    if (until == null) {
      return invalidExtend("I can't read `" + Token.join(amount) + "` as a time: say " + TimeGrammar.TIME_EXAMPLES
          + ".");
    }
    return new Command.ExtendSchedule(ref, null, until);
  }

  private static Command.Invalid invalidExtend(String problem) {
    return new Command.Invalid(CommandTable.EXTEND, problem, CommandTable.usage(CommandTable.EXTEND));
  }

  /**
   * A schedule number ("3", "#3", "schedule 3"), a location name, or {@link ScheduleRef#implied()} when nothing is
   * named ("it", "my timer"); null for a number no schedule can have.
   */
  private static ScheduleRef ref(List<Token> tokens) {
    List<Token> words = new ArrayList<>(tokens);
    while (!words.isEmpty() && words.get(0).in(TARGET_FILLER)) words.remove(0);
    while (words.size() > 1 && words.get(words.size() - 1).in(TARGET_TAIL)) words.remove(words.size() - 1);
    if (words.isEmpty()) return ScheduleRef.implied();
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
