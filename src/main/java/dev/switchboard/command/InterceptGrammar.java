package dev.switchboard.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The intercept commands: {@code [verb] intercept [on|off|status] [at] <locations> [options]}, and the other
 * word orders people use ("turn intercept on for HQ", "intercept HQ on", "is intercept on at HQ?"). The locations
 * are read by {@link LocationGrammar}, the options by {@link OptionGrammar} and times by {@link TimeGrammar}.
 */
final class InterceptGrammar {

  static final Pattern KEYWORD = Pattern.compile("(?:call-?)?intercept(?:s|ing|ed|ion)?");
  /** "unintercept HQ", "de-intercept Austin": said as one word, meant as "intercept off". */
  private static final Pattern NEGATED = Pattern.compile("(?:un|de)-?(?:call-?)?intercept(?:s|ing|ed)?");

  static final Set<String> ON = Set.of("on", "enable", "enabled", "activate", "activated", "start");
  static final Set<String> OFF = Set.of("off", "disable", "disabled", "deactivate", "deactivated", "stop");
  private static final Set<String> TURN = Set.of("turn", "switch", "set", "put", "flip", "schedule", "plan", "take",
      "place", "keep", "leave", "pull", "toggle");
  /** "stand down the intercept at HQ", "call off intercept at Austin": two words that end it. */
  private static final Set<String> OFF_PHRASES = Set.of("stand down", "call off", "wind down", "shut off",
      "get rid of", "do away with", "switch off", "turn off");
  private static final Set<String> ON_VERBS = Set.of("enable", "activate", "start", "begin", "resume");
  /** "kill intercept at HQ", "lift the intercept at Austin": each once drew "Try `intercept on at HQ`", the opposite. */
  private static final Set<String> OFF_VERBS = Set.of("disable", "deactivate", "stop", "end", "pause", "kill",
      "cancel", "remove", "drop", "release", "lift", "clear", "unset");
  static final Set<String> ASKING = Set.of("show", "get", "check", "display", "view", "see", "list", "what",
      "what's", "whats", "how", "how's", "hows", "is", "are", "status", "state", "tell", "give", "fetch", "read",
      "know");
  /** "can I turn on intercept", "should we intercept HQ": a first word that makes the line a question. */
  private static final Set<String> MODALS = Set.of("can", "could", "may", "might", "should", "shall", "must", "would",
      "will", "am", "do", "does", "did");
  /** Words only a question has before "intercept": none is a location's name, and a question changes nothing. */
  private static final Set<String> QUESTION_WORDS = Set.of("who", "who's", "whos", "whom", "whose", "why", "when",
      "where", "which", "if", "whether", "where's", "wheres", "when's", "whens", "why's");
  static final Set<String> FILLER = Set.of("the", "call", "calls", "me", "us", "of", "current", "a", "my",
      "we", "you", "any", "still", "again", "i", "need", "needs", "want", "wanna", "to", "please", "pls", "plz",
      "kindly", "let's", "lets", "gotta", "quickly", "just", "now", "be", "being", "currently", "mode", "active",
      "running", "live");
  /** Words before a bare "intercept" that make it a verb: "please intercept HQ", "we need to intercept Austin". */
  private static final Set<String> VERB_SIGNS = Set.of("to", "please", "pls", "plz", "kindly", "let's", "lets",
      "gotta", "need", "needs", "want", "wanna");
  private static final Set<String> STATUS_NOUNS = Set.of("status", "state", "settings", "setting", "config",
      "configuration", "info", "details", "summary", "like", "looking", "doing");
  static final Set<String> OPTION_JOINERS = Set.of("but", "and", "with", "plus", "then", "also", "a", "an");
  static final Set<String> PREPOSITIONS = Set.of("at", "in", "for", "on", "@", "of", "across", "from");

  /** "don't turn on intercept at HQ": said before the verb, what not to do. */
  private static final Set<String> NOT = Set.of("don't", "dont", "do not", "never", "not", "no");
  static final String CHANGE_EXAMPLE = "intercept on at HQ";

  private InterceptGrammar() {}

  /**
   * The tokens with a negated keyword read as two words, "intercept off": spelling correction once read
   * "unintercept HQ" as "intercept HQ" and asked whether on or off was meant.
   */
  static List<Token> negationSplit(List<Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.quoted() || !NEGATED.matcher(t.low()).matches()) continue;
      List<Token> read = new ArrayList<>(tokens.subList(0, i));
      read.add(new Token("intercept", "intercept", false));
      read.add(new Token("off", "off", false));
      read.addAll(tokens.subList(i + 1, tokens.size()));
      return read;
    }
    return tokens;
  }

  /** Parses a line whose word {@code k} is "intercept". */
  static Command parse(List<Token> words, int keywordAt, Utterance said) {
    List<Token> tokens = new ArrayList<>();
    int k = keywordAt;
    for (int i = 0; i < words.size(); i++) {
      Token t = words.get(i);
      if (!t.quoted() && t.raw().length() > 1 && t.raw().startsWith("@") && t.raw().indexOf('@', 1) < 0) {
        tokens.add(new Token("@", "@", false)); // "intercept on @HQ"
        t = new Token(t.raw().substring(1), t.low().substring(1), false);
        if (i < keywordAt) {
          k++;
        }
      }
      tokens.add(t);
    }
    List<Token> prefix = tokens.subList(0, k);
    // "for 2h", "until 17:00", "preset storm": read out first, the rest is an ordinary intercept command
    TimeGrammar.Extracted timed = TimeGrammar.extract(tokens.subList(k + 1, tokens.size()));
    if (timed.problem() != null) {
      return new Command.Invalid(CommandTable.TIMED_INTERCEPT, timed.problem(),
          CommandTable.usage(CommandTable.TIMED_INTERCEPT));
    }
    if (timed.timing() == null && !prefix.isEmpty()) {
      // "for 2 hours intercept on at HQ", "tomorrow at 7am turn intercept on at Austin": the time said first
      TimeGrammar.Extracted first = TimeGrammar.extractLeading(prefix);
      if (first.problem() == null && first.timing() != null && first.preset() == null) {
        prefix = first.rest();
        timed = new TimeGrammar.Extracted(timed.rest(), first.timing(), timed.preset(), null);
      }
    }
    List<Token> suffix = timed.rest();
    Boolean state = null;
    boolean action = false;
    boolean asking = false;
    boolean toIntercept = false;
    List<Token> leading = new ArrayList<>();

    Token previous = null;
    for (int p = 0; p < prefix.size(); p++) {
      Token t = prefix.get(p);
      Boolean named = null;
      int phrase = offPhraseLength(prefix, p);
      if (phrase > 0) {
        action = true;
        named = false;
        p += phrase - 1;
      } else if (t.in(TURN)) {
        action = true;
      } else if (t.in(ON_VERBS)) {
        action = true;
        named = true;
      } else if (t.in(OFF_VERBS)) {
        action = true;
        named = false;
      } else if (t.is("on", "off") && previous != null && previous.in(TURN)) {
        named = t.is("on");
      } else if (t.is("to") && previous != null && p == prefix.size() - 1 && firstWord(prefix).in(TURN)) {
        toIntercept = true; // "set HQ to intercept": on, unless "set HQ to intercept off" says otherwise
      } else if (t.is("on", "into", "in", "off") && previous != null && p == prefix.size() - 1
          && (firstWord(prefix).in(TURN) || t.is("on", "off"))) {
        // "put HQ on intercept", "take Austin off intercept", "HQ off intercept": the place is in between
        named = !t.is("off");
      } else if (t.is("on", "off") && prefix.size() == 1) {
        named = t.is("on"); // "on intercept HQ"
      } else if (t.in(ASKING) || (t.in(STATUS_NOUNS) && !t.is("like", "looking", "doing"))) {
        asking = true; // "details for HQ intercept"
      } else if (!t.in(FILLER) || t.is("my") && p + 1 < prefix.size()
          && prefix.get(p + 1).low().matches("(?:site|location|office|branch)(?:e?s)?")) {
        leading.add(t); // "is my site intercepted?": the asker's own ("site" alone was a location's name)
      }
      if (named != null) {
        if (state != null && !state.equals(named)) {
          return InterceptProblems.bothOnAndOff();
        }
        state = named;
      }
      previous = t;
    }
    if (leading.stream().anyMatch(t -> t.in(QUESTION_WORDS))
        || (!prefix.isEmpty() && prefix.get(0).in(MODALS) && !doNot(prefix))) {
      // "ok, who turned intercept on?": read word by word it turned intercept on at a location "ok who turned"
      asking = true;
      action = false;
      state = null;
      leading.clear();
    }

    if (state == null && !asking && !said.question() && tokens.get(k).low().endsWith("ed")
        && (action || prefix.stream().anyMatch(t -> t.in(VERB_SIGNS)))) {
      state = true; // "keep HQ intercepted until 9pm", "leave Austin intercepted", "need HQ intercepted asap"
      action = true;
    }

    int j = 0;
    int allCalls = allCallsLength(suffix);
    if (allCalls > 0 && state == null && !asking) {
      // "intercept all calls at HQ", "intercept everything at HQ now": the verb, with what it takes; asked with a
      // question mark, the words are skipped and the question is one of its state
      if (!said.question()) {
        state = true;
        action = true;
      }
      j = allCalls;
    } else if (state == null && !asking && !said.question() && suffix.size() > 2 && suffix.get(0).is("everything")
        && suffix.get(1).is("except", "but")) {
      state = true; // "intercept everything except Austin": the verb, at every location but those
      action = true;
    }
    while (j < suffix.size()) {
      Token t = suffix.get(j);
      if (t.in(STATUS_NOUNS) || j == 0 && t.is("stat", "stats", "stat?", "sts", "stus")) {
        // "intercept stat HQ": short for status, once offered as `intercept start HQ`, which turns it on
        asking = true;
      } else if (t.in(ON) || t.in(OFF)) {
        boolean value = t.in(ON);
        if (asking && !action) {
          // "is intercept on at HQ?": the state is what is asked about
        } else if (state == null || state == value) {
          state = value;
        } else if (t.is("on")) {
          break; // "disable intercept on HQ": a preposition
        } else {
          return InterceptProblems.bothOnAndOff();
        }
      } else if (t.is("back") && j + 1 < suffix.size() && (suffix.get(j + 1).in(ON) || suffix.get(j + 1).in(OFF))) {
        // "intercept back on at HQ"
      } else if (j == 0 && !action && t.is("is", "was", "still") && j + 1 < suffix.size()
          && (suffix.get(j + 1).in(ON) || suffix.get(j + 1).in(OFF) || suffix.get(j + 1).in(PREPOSITIONS))) {
        // "tell me if intercept is on at HQ", "intercept is on at HQ?": its state, asked or said, never a name
        asking = true;
      } else if (!t.in(FILLER) || t.is("of") || t.is("my") && j + 1 < suffix.size()
          && suffix.get(j + 1).low().matches("(?:site|location|office|branch)(?:e?s)?")) {
        break; // "intercept status my sites": the asker's own, not every site (the "my" once went as filler)
      }
      j++;
    }
    if (j < suffix.size() && suffix.get(j).in(PREPOSITIONS)) {
      j++;
    }
    List<Token> rest = OptionWording.plain(suffix.subList(j, suffix.size()));
    int optionsAt = 0;
    while (optionsAt < rest.size() && !OptionGrammar.isOptionStart(rest, optionsAt)) {
      optionsAt++;
    }
    List<Token> where = new ArrayList<>(rest.subList(0, optionsAt));
    List<Token> options = rest.subList(optionsAt, rest.size());
    if (!options.isEmpty()) {
      // "intercept on at HQ but allow outgoing calls": the word joining the options is no part of a name
      while (!where.isEmpty() && (where.get(where.size() - 1) == Token.COMMA
          || where.get(where.size() - 1).in(OPTION_JOINERS))) {
        where.remove(where.size() - 1);
      }
    }
    Command.Invalid forwarding = InterceptProblems.forwarding(where);
    if (forwarding != null) return forwarding;

    // "intercept HQ on", "intercept at HQ status"
    while (!where.isEmpty()) {
      Token last = where.get(where.size() - 1);
      if (last.in(STATUS_NOUNS)) {
        asking = true;
      } else if (last.is("yet", "still", "already") && where.size() > 1 && (asking || said.question())) {
        // "intercept off at HQ yet?", "intercept on in Denver still?": how the question is put, not the place
      } else if (last.in(ON) || last.in(OFF)) {
        boolean value = last.in(ON);
        if (state != null && state != value && !(asking && !action)) {
          break; // part of a name, as in "Drop Off"
        }
        if (!(asking && !action)) {
          state = value;
        }
        if (where.size() > 2 && where.get(where.size() - 2).is("to", "=", ":")) {
          where.remove(where.size() - 2); // "set intercept at Austin to on", "intercept at Austin = on"
        }
      } else {
        break;
      }
      where.remove(where.size() - 1);
    }

    if (leading.stream().anyMatch(t -> t.is("can't", "cant", "cannot", "couldn't", "couldnt", "unable"))) {
      return new Command.WhoAmI(); // "I can't turn on intercept": what the asker may do (was a change at "can't")
    }
    if (!leading.isEmpty()) {
      while (!leading.isEmpty() && leading.get(leading.size() - 1).is("on", "in", "at", "under", "for", "with")) {
        leading.remove(leading.size() - 1);
      }
      if (!where.isEmpty() && state != null && leading.stream().anyMatch(t -> t.in(NOT))) {
        return InterceptProblems.notToDo(state, InterceptProblems.nameIn(where)); // "don't turn on intercept at HQ"
      }
      if (!where.isEmpty()) {
        return new Command.Invalid(CommandTable.INTERCEPT,
            "I don't understand `" + Token.join(leading) + "` before `intercept`. Try "
                + InterceptProblems.tryLines(state, InterceptProblems.nameIn(where)) + ".",
            CommandTable.usage(CommandTable.INTERCEPT));
      }
      while (!leading.isEmpty() && leading.get(0).in(PREPOSITIONS)) {
        leading.remove(0); // "are calls at HQ being intercepted", "details for HQ intercept"
      }
      where = leading;
    }

    if (state == null && toIntercept && !asking) {
      state = true;
    }
    if (state == null && !asking && !said.question()
        && (timed.timing() != null || TimeGrammar.saysLasting(tokens.subList(k + 1, tokens.size())))
        && (where.isEmpty() || !where.get(0).in(PREPOSITIONS))) {
      // "intercept HQ for 2h", "intercept Austin until 6pm": only turning it on lasts for a time. Not "intercept of
      // at HQ for 2h", a typo of on or off the corrector offers to fix.
      state = true;
      action = true;
    }
    if (state == null && !action && !asking && !said.question() && tokens.get(k).is("intercept")
        && (said.request() || prefix.stream().anyMatch(t -> t.in(VERB_SIGNS)))) {
      state = true; // "please intercept HQ", "we need to intercept Austin now": the word is the verb
      action = true;
    }

    boolean change;
    if (state != null && action) {
      change = true;
    } else if (state != null) {
      // "intercept on at HQ?" asks; "can you ... intercept on at HQ?" is a polite request; a time asks for a change
      change = !asking && (timed.timing() != null || !(said.question() && !said.request()));
    } else if (asking || said.question()) {
      change = false;
    } else {
      String at = where.isEmpty() ? "HQ" : InterceptProblems.nameIn(where);
      return new Command.Invalid(CommandTable.INTERCEPT,
          "Say whether to turn intercept on or off, or ask for its status: `intercept on at " + at
              + "`, `intercept off at " + at + "` or `intercept status at " + at + "`.",
          CommandTable.usage(CommandTable.INTERCEPT));
    }

    String topic = change ? CommandTable.INTERCEPT : CommandTable.INTERCEPT_STATUS;
    int unread = LocationGrammar.unreadFrom(where);
    if (unread >= 0) {
      return InterceptProblems.notUnderstood(change ? "intercept " + (state ? "on" : "off") : "intercept status",
          where.subList(0, unread), where.subList(unread, where.size()), topic);
    }
    LocationGrammar.Read named = LocationGrammar.read(where, topic);
    if (named instanceof LocationGrammar.Refused refused) {
      return refused.invalid();
    }
    Optional<LocationTarget> target = named instanceof LocationGrammar.At at ? Optional.of(at.target())
        : Optional.empty();
    if (!change) {
      if (timed.timing() != null || timed.preset() != null) {
        return new Command.Invalid(topic, "Times and presets go with `intercept on` or `intercept off`, as in "
            + "`intercept on at HQ for 2h`; `schedules` shows what is planned.", CommandTable.usage(topic));
      }
      if (!options.isEmpty()) {
        return new Command.Invalid(topic, "Options like `" + options.get(0).raw() + "` go with `intercept on` or "
            + "`intercept off`; `intercept status` shows them all.", CommandTable.usage(topic));
      }
      return new Command.InterceptStatus(target.orElseGet(LocationTarget.All::new));
    }
    String onOff = state ? "on" : "off";
    if (target.isEmpty()) {
      return new Command.Invalid(topic, "Say where to turn intercept " + onOff + ": `intercept " + onOff
          + " at HQ`, `intercept " + onOff + " at HQ, Austin and Denver` or `intercept " + onOff + " at all`.",
          CommandTable.usage(topic));
    }
    try {
      return new Command.InterceptChange(state, target.get(), OptionGrammar.read(options),
          timed.preset(), timed.timing());
    } catch (OptionGrammar.BadOption bad) {
      return new Command.Invalid(topic, bad.getMessage(), CommandTable.usage(topic));
    }
  }

  /** The first word that is no filler: "please put Austin in intercept" is said with "put". */
  /** "do not turn on intercept at HQ": an order not to, where "do intercept ..." would open a question. */
  static boolean doNot(List<Token> words) {
    return words.size() > 1 && words.get(0).is("do") && words.get(1).is("not");
  }

  private static Token firstWord(List<Token> prefix) {
    for (Token t : prefix) {
      if (!t.in(FILLER)) return t;
    }
    return prefix.get(0);
  }

  /** How many words of an {@link #OFF_PHRASES} phrase start at {@code p}; else 0. */
  private static int offPhraseLength(List<Token> prefix, int p) {
    StringBuilder words = new StringBuilder();
    for (int j = p; j < prefix.size() && j < p + 3; j++) {
      if (prefix.get(j).quoted()) return 0;
      if (j > p) words.append(' ');
      words.append(prefix.get(j).low());
      if (j > p && OFF_PHRASES.contains(words.toString())) return j - p + 1;
    }
    return 0;
  }

  /** "all calls", "all the calls", "every call", "everything" before a preposition: how many words; else 0. */
  private static int allCallsLength(List<Token> suffix) {
    int k = 0;
    if (k < suffix.size() && suffix.get(k).is("everything")) {
      k = 1;
    } else if (k < suffix.size() && suffix.get(k).is("all", "every")) {
      k = 1;
      if (k < suffix.size() && suffix.get(k).is("the", "incoming")) k++;
      if (k >= suffix.size() || !suffix.get(k).is("calls", "call")) return 0;
      k++;
    }
    return k > 0 && k < suffix.size() && suffix.get(k).in(PREPOSITIONS) ? k : 0;
  }
}
