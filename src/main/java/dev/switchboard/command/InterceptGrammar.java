package dev.switchboard.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The intercept commands: {@code [verb] intercept [on|off|status] [at] <locations> [options]}, and the other
 * word orders people use ("turn intercept on for HQ", "intercept HQ on", "is intercept on at HQ?").
 */
final class InterceptGrammar {

  static final Pattern KEYWORD = Pattern.compile("(?:call-?)?intercept(?:s|ing|ed|ion)?");

  private static final Set<String> ON = Set.of("on", "enable", "enabled", "activate", "activated", "start");
  private static final Set<String> OFF = Set.of("off", "disable", "disabled", "deactivate", "deactivated", "stop");
  private static final Set<String> TURN = Set.of("turn", "switch", "set", "put", "flip", "schedule", "plan");
  private static final Set<String> ON_VERBS = Set.of("enable", "activate", "start", "begin", "resume");
  private static final Set<String> OFF_VERBS = Set.of("disable", "deactivate", "stop", "end", "pause");
  private static final Set<String> ASKING = Set.of("show", "get", "check", "display", "view", "see", "list", "what",
      "what's", "whats", "how", "how's", "hows", "is", "are", "status", "state", "tell", "give", "fetch", "read");
  private static final Set<String> FILLER = Set.of("the", "call", "calls", "me", "us", "of", "current", "a", "my");
  private static final Set<String> STATUS_NOUNS = Set.of("status", "state", "settings", "setting", "config",
      "configuration", "info", "details", "summary");
  private static final Set<String> PREPOSITIONS = Set.of("at", "in", "for", "on", "@", "of", "across", "from");
  private static final Set<String> SEPARATORS = Set.of("and", "&", "+", "plus");
  static final Set<String> OPTION_WORDS = Set.of("voicemail", "vm", "voice-mail", "announce", "announcement",
      "announcements", "zero", "zero-transfer", "outbound", "outgoing", "inbound", "incoming");
  private static final Set<String> OPTION_NEGATIONS = Set.of("no", "without");
  private static final Pattern ALL = Pattern.compile(
      "all(?: (?:the|of the|my|our))?(?: (?:calling )?(?:locations?|sites?|offices?|branches?))?"
          + "|every (?:calling )?(?:location|site|office|branch)|everywhere|all of them");

  static final String CHANGE_EXAMPLE = "intercept on at HQ";

  private InterceptGrammar() {}

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
    List<Token> suffix = timed.rest();
    Boolean state = null;
    boolean action = false;
    boolean asking = false;
    List<Token> leading = new ArrayList<>();

    Token previous = null;
    for (Token t : prefix) {
      Boolean named = null;
      if (t.in(TURN)) {
        action = true;
      } else if (t.in(ON_VERBS)) {
        action = true;
        named = true;
      } else if (t.in(OFF_VERBS)) {
        action = true;
        named = false;
      } else if (t.is("on", "off") && previous != null && previous.in(TURN)) {
        named = t.is("on");
      } else if (t.in(ASKING)) {
        asking = true;
      } else if (!t.in(FILLER)) {
        leading.add(t);
      }
      if (named != null) {
        if (state != null && !state.equals(named)) {
          return bothOnAndOff();
        }
        state = named;
      }
      previous = t;
    }

    int j = 0;
    while (j < suffix.size()) {
      Token t = suffix.get(j);
      if (t.in(STATUS_NOUNS)) {
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
          return bothOnAndOff();
        }
      } else if (!t.in(FILLER) || t.is("of")) {
        break;
      }
      j++;
    }
    if (j < suffix.size() && suffix.get(j).in(PREPOSITIONS)) {
      j++;
    }
    List<Token> rest = suffix.subList(j, suffix.size());
    int optionsAt = 0;
    while (optionsAt < rest.size() && !isOptionStart(rest, optionsAt)) {
      optionsAt++;
    }
    List<Token> where = new ArrayList<>(rest.subList(0, optionsAt));
    List<Token> options = rest.subList(optionsAt, rest.size());

    // "intercept HQ on", "intercept at HQ status"
    while (!where.isEmpty()) {
      Token last = where.get(where.size() - 1);
      if (last.in(STATUS_NOUNS)) {
        asking = true;
      } else if (last.in(ON) || last.in(OFF)) {
        boolean value = last.in(ON);
        if (state != null && state != value && !(asking && !action)) {
          break; // part of a name, as in "Drop Off"
        }
        if (!(asking && !action)) {
          state = value;
        }
      } else {
        break;
      }
      where.remove(where.size() - 1);
    }

    if (!leading.isEmpty()) {
      while (!leading.isEmpty() && leading.get(leading.size() - 1).is("on", "in", "at", "under", "for", "with")) {
        leading.remove(leading.size() - 1);
      }
      if (!where.isEmpty()) {
        return new Command.Invalid(CommandTable.INTERCEPT,
            "I don't understand `" + Token.join(leading) + "` before `intercept`. Try `intercept on at "
                + Token.join(where) + "`.",
            CommandTable.usage(CommandTable.INTERCEPT));
      }
      where = leading;
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
      String at = where.isEmpty() ? "HQ" : Token.join(where);
      return new Command.Invalid(CommandTable.INTERCEPT,
          "Say whether to turn intercept on or off, or ask for its status: `intercept on at " + at
              + "`, `intercept off at " + at + "` or `intercept status at " + at + "`.",
          CommandTable.usage(CommandTable.INTERCEPT));
    }

    String topic = change ? CommandTable.INTERCEPT : CommandTable.INTERCEPT_STATUS;
    Object target = target(where, topic);
    if (target instanceof Command.Invalid invalid) {
      return invalid;
    }
    if (!change) {
      if (timed.timing() != null || timed.preset() != null) {
        return new Command.Invalid(topic, "Times and presets go with `intercept on` or `intercept off`, as in "
            + "`intercept on at HQ for 2h`; `schedules` shows what is planned.", CommandTable.usage(topic));
      }
      if (!options.isEmpty()) {
        return new Command.Invalid(topic, "Options like `" + options.get(0).raw() + "` go with `intercept on` or "
            + "`intercept off`; `intercept status` shows them all.", CommandTable.usage(topic));
      }
      return new Command.InterceptStatus(target == null ? new LocationTarget.All() : (LocationTarget) target);
    }
    String onOff = state ? "on" : "off";
    if (target == null) {
      return new Command.Invalid(topic, "Say where to turn intercept " + onOff + ": `intercept " + onOff
          + " at HQ`, `intercept " + onOff + " at HQ, Austin and Denver` or `intercept " + onOff + " at all`.",
          CommandTable.usage(topic));
    }
    try {
      return new Command.InterceptChange(state, (LocationTarget) target, new OptionReader(options).read(),
          timed.preset(), timed.timing());
    } catch (BadOption bad) {
      return new Command.Invalid(topic, bad.getMessage(), CommandTable.usage(topic));
    }
  }

  private static Command.Invalid bothOnAndOff() {
    return new Command.Invalid(CommandTable.INTERCEPT, "Say either on or off, not both.",
        CommandTable.usage(CommandTable.INTERCEPT));
  }

  /** Reads intercept options written on their own; throws with the problem as a sentence when they are not. */
  static InterceptOptions readOptions(String text) {
    try {
      return new OptionReader(Token.split(text)).read();
    } catch (BadOption bad) {
      throw new IllegalArgumentException(bad.getMessage(), bad);
    }
  }

  private static boolean isOptionStart(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.in(OPTION_WORDS)) {
      return true;
    }
    boolean introduces = t.in(OPTION_NEGATIONS) || t.is("with");
    return introduces && i + 1 < tokens.size() && tokens.get(i + 1).in(OPTION_WORDS);
  }

  /** The locations named: null when none, a {@link LocationTarget}, or an {@link Command.Invalid}. */
  private static Object target(List<Token> where, String topic) {
    List<List<Token>> groups = new ArrayList<>();
    List<Token> group = new ArrayList<>();
    for (Token t : where) {
      if (t == Token.COMMA || t.in(SEPARATORS)) {
        if (!group.isEmpty()) {
          groups.add(group);
        }
        group = new ArrayList<>();
      } else {
        group.add(t);
      }
    }
    if (!group.isEmpty()) {
      groups.add(group);
    }
    if (groups.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    boolean all = false;
    for (List<Token> g : groups) {
      // "HQ. voicemail", "HQ - voicemail": punctuation around a name is not part of it
      String name = Token.join(g).replaceAll("^[\\s\\-.:!]+|[\\s\\-.:!]+$", "");
      if (name.isEmpty()) {
        continue;
      }
      boolean quoted = g.stream().anyMatch(Token::quoted);
      if (!quoted && ALL.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
        all = true;
        continue;
      }
      for (int i = 1; i < g.size(); i++) {
        String near = Suggestions.closest(g.get(i).low(), OPTION_WORDS, 4).orElse(null);
        if (near != null && !g.get(i).quoted()) {
          return new Command.Invalid(topic, "I don't understand `" + g.get(i).raw() + "`. Did you mean `" + near
              + "`? (A location whose name has that word goes in quotes: `\"" + name + "\"`.)",
              CommandTable.usage(topic));
        }
      }
      names.add(name);
    }
    if (all && !names.isEmpty()) {
      return new Command.Invalid(topic, "Say `all` on its own, or name the locations; not both.",
          CommandTable.usage(topic));
    }
    return all ? new LocationTarget.All() : new LocationTarget.Named(names);
  }

  /** Thrown inside the option reader only, to stop at the first problem; the parser turns it into a value. */
  private static final class BadOption extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadOption(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads options in any order, refusing one named twice with different values. */
  private static final class OptionReader {
    private static final Pattern NUMBERISH = Pattern.compile("[+0-9().\\-]*[0-9][+0-9().\\-]*");
    private static final Set<String> OFFISH = Set.of("off", "no", "none", "nothing", "disabled", "disable", "false");
    private static final Set<String> ONISH = Set.of("on", "yes", "enabled", "enable", "true");

    private final List<Token> tokens;
    private int i;
    private Boolean voicemail;
    private NumberOption announce;
    private NumberOption zero;
    private OutboundType outbound;
    private NumberOption outboundTransfer;
    private InboundType inbound;

    OptionReader(List<Token> tokens) {
      this.tokens = tokens;
    }

    InterceptOptions read() {
      while (i < tokens.size()) {
        Token t = tokens.get(i);
        if (t == Token.COMMA || t.is("and", "&", "with", "plus", "also")) {
          i++;
          continue;
        }
        boolean negated = false;
        if (t.in(OPTION_NEGATIONS)) {
          negated = true;
          i++;
          t = next("`" + t.raw() + "` what? Say `no voicemail`, `announce off`, `zero off` or `outbound to off`.");
        }
        i++;
        if (t.is("voicemail", "vm", "voice-mail")) {
          boolean value = !negated;
          if (!negated && peekIn(OFFISH)) {
            value = false;
            i++;
          } else if (!negated && peekIn(ONISH)) {
            i++;
          }
          voicemail = once(voicemail, value, "voicemail");
        } else if (t.is("announce", "announcement", "announcements")) {
          skip("to", "=", ":", "number");
          announce = once(announce, negated ? new NumberOption.Off() : numberOrOff("announce"), "announce");
        } else if (t.is("zero", "zero-transfer")) {
          skip("transfer");
          skip("to", "=", ":");
          zero = once(zero, negated ? new NumberOption.Off() : numberOrOff("zero"), "zero");
        } else if (t.is("outbound", "outgoing")) {
          skip("calls", "call");
          if (negated) {
            if (!peekIs("transfer", "to", "transfers")) {
              throw new BadOption("Say `outbound to off` to stop transferring outgoing calls, or `outbound "
                  + "local-only` / `outbound intercept-all` to say which outgoing calls are intercepted.");
            }
            i++;
            skip("to");
            outboundTransfer = once(outboundTransfer, new NumberOption.Off(), "outbound to");
          } else {
            outbound();
          }
        } else if (t.is("inbound", "incoming")) {
          skip("calls", "call");
          inbound();
        } else {
          throw new BadOption(notAnOption(t));
        }
      }
      return new InterceptOptions(voicemail, announce, zero, outbound, outboundTransfer, inbound);
    }

    private void outbound() {
      Token v = next("`outbound` needs `local-only`, `intercept-all`, or `to <number>`.");
      if (v.is("allow-all", "allow_all") || (v.is("allow", "allowed") && i + 1 < tokens.size() && tokens.get(i + 1).is("all"))) {
        throw new BadOption("Webex can't let every outgoing call through while a location is intercepted; the "
            + "most it allows is `outbound local-only`.");
      } else if (v.is("local-only", "local_only", "local", "allow-local", "allow-local-only", "allow_local_only")) {
        i++;
        skip("only");
        skip("calls");
        outbound = once(outbound, OutboundType.LOCAL_ONLY, "outbound");
      } else if (v.is("allow", "allowed")) {
        i++;
        skip("local");
        skip("only");
        skip("calls");
        outbound = once(outbound, OutboundType.LOCAL_ONLY, "outbound");
      } else if (v.is("intercept-all", "intercept_all", "all", "block", "block-all", "blocked", "intercept",
          "intercepted")) {
        i++;
        skip("all");
        skip("calls");
        outbound = once(outbound, OutboundType.INTERCEPT_ALL, "outbound");
      } else if (v.is("to", "transfer", "transfers", "forward", "=", "destination")) {
        i++;
        skip("to", "=", ":");
        outboundTransfer = once(outboundTransfer, numberOrOff("outbound to"), "outbound to");
      } else if (!v.quoted() && NUMBERISH.matcher(v.low()).matches()) {
        outboundTransfer = once(outboundTransfer, numberOrOff("outbound to"), "outbound to");
      } else {
        throw new BadOption("`outbound` takes `local-only`, `intercept-all`, or `to <number>`; not `" + v.raw()
            + "`.");
      }
    }

    private void inbound() {
      Token v = next("`inbound` needs `intercept-all` or `allow-all`.");
      if (v.is("allow-all", "allow_all", "allow", "allowed", "open")) {
        i++;
        skip("all");
        skip("calls");
        inbound = once(inbound, InboundType.ALLOW_ALL, "inbound");
      } else if (v.is("intercept-all", "intercept_all", "intercept", "intercepted", "block", "block-all",
          "blocked")) {
        i++;
        skip("all");
        skip("calls");
        inbound = once(inbound, InboundType.INTERCEPT_ALL, "inbound");
      } else {
        throw new BadOption("`inbound` takes `intercept-all` or `allow-all`; not `" + v.raw() + "`.");
      }
    }

    private NumberOption numberOrOff(String option) {
      String example = "`" + option + " +12147691003` or `" + option + " off`";
      if (peekIn(OFFISH)) {
        i++;
        return new NumberOption.Off();
      }
      List<String> parts = new ArrayList<>();
      while (i < tokens.size() && !tokens.get(i).quoted() && NUMBERISH.matcher(tokens.get(i).low()).matches()) {
        parts.add(tokens.get(i).raw());
        i++;
      }
      if (parts.isEmpty()) {
        if (i < tokens.size() && !isOptionStart(tokens, i)) {
          throw new BadOption("`" + option + "` needs a phone number or `off`, like " + example + "; `"
              + tokens.get(i).raw() + "` is not a phone number.");
        }
        throw new BadOption("`" + option + "` needs a phone number or `off`, like " + example + ".");
      }
      String number = String.join(" ", parts);
      if (!DialString.isWellFormed(number)) {
        throw new BadOption("`" + number + "` is not a phone number (for `" + option + "`): a phone number has "
            + DialString.MIN_DIGITS + " to " + DialString.MAX_DIGITS + " digits, like +12147691003.");
      }
      return new NumberOption.To(new DialString(number));
    }

    private <T> T once(T current, T value, String option) {
      if (current != null && !current.equals(value)) {
        throw new BadOption("`" + option + "` is given twice with different values; say it once.");
      }
      return value;
    }

    private Token next(String problemWhenMissing) {
      if (i >= tokens.size()) {
        throw new BadOption(problemWhenMissing);
      }
      return tokens.get(i);
    }

    private boolean peekIs(String... words) {
      return i < tokens.size() && tokens.get(i).is(words);
    }

    private boolean peekIn(Set<String> words) {
      return i < tokens.size() && tokens.get(i).in(words);
    }

    private void skip(String... words) {
      if (peekIs(words)) {
        i++;
      }
    }

    private static String notAnOption(Token t) {
      String near = Suggestions.closest(t.low(), OPTION_WORDS, 3).map(w -> " Did you mean `" + w + "`?").orElse("");
      return "I don't understand `" + t.raw() + "` in an intercept command." + near
          + " The options are `voicemail`, `announce`, `zero`, `outbound` and `inbound` (see `help intercept`).";
    }
  }
}
