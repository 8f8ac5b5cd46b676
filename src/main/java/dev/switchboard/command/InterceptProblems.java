package dev.switchboard.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The answers of {@link InterceptGrammar} to a line it cannot read as asked: words that would forward calls, time
 * words it could not read among the names, on and off both said, and the lines to try instead.
 */
final class InterceptProblems {

  /** "transfer to", "forward to", "route calls to", "redirect to" a number: what intercept does not do. */
  private static final Set<String> FORWARD_VERBS = Set.of("transfer", "forward", "route", "redirect", "divert",
      "reroute", "send");

  private InterceptProblems() {}

  /**
   * "intercept on at HQ forward to +1…": intercept sends no call on, so the words are answered with what it can do
   * instead of being read as part of a location's name. Null when no such words follow a name.
   */
  static Command.Invalid forwarding(List<Token> where) {
    for (int i = 1; i < where.size(); i++) {
      if (!where.get(i).in(FORWARD_VERBS) || where.get(i).quoted()) continue;
      int k = i + 1;
      while (k < where.size() && where.get(k).is("calls", "call", "callers", "them", "all", "the", "incoming")) k++;
      if (k < where.size() && where.get(k).is("to", "into")) {
        int end = i;
        while (end > 1 && (where.get(end - 1) == Token.COMMA
            || where.get(end - 1).in(InterceptGrammar.OPTION_JOINERS))) {
          end--;
        }
        String place = Token.join(where.subList(0, end));
        return new Command.Invalid(CommandTable.INTERCEPT, "Intercept does not pass calls on: it answers them with a "
            + "message, and can announce a new number to callers (`announce +12147691004`), send those who press 0 "
            + "to a number (`zero +12147691004`) and send them to voicemail (`voicemail`). For example `intercept "
            + "on at " + place + " zero +12147691004`.", CommandTable.usage(CommandTable.INTERCEPT));
      }
    }
    return null;
  }

  /**
   * Words among the location names that name a time the time grammar could not read ("London over the weekend",
   * "HQ EST"): they are named as the problem, never taken as part of a location's name.
   */
  static Command.Invalid notUnderstood(String command, List<Token> read, List<Token> unread, String topic) {
    String understood = read.isEmpty() ? command : command + " at " + Token.join(read);
    List<Token> whole = new ArrayList<>(read);
    whole.addAll(unread);
    boolean change = topic.equals(CommandTable.INTERCEPT);
    String hint = change
        ? " For a time, say it as `for 2h`, `until tomorrow 8am`, `until Mon 08:00 ET` or `over the weekend` "
            + "(`help timed intercept`)."
        : " `intercept status` shows how things are now; `schedules` shows what is planned.";
    return new Command.Invalid(change ? CommandTable.TIMED_INTERCEPT : topic, "I understood `" + understood
        + "`, but not `" + Token.join(unread) + "`." + hint + " A location whose name has such a word goes in "
        + "quotes: `" + command + " at \"" + Token.join(whole) + "\"`.",
        CommandTable.usage(change ? CommandTable.TIMED_INTERCEPT : topic));
  }

  /** The words of {@code where} from the first that may be a name: "is on at HQ" suggests HQ, not "is on at HQ". */
  static String nameIn(List<Token> where) {
    int from = 0;
    for (int i = 0; i < where.size() - 1; i++) {
      if (where.get(i).is("at", "in", "@")) {
        return Token.join(where.subList(i + 1, where.size())); // "intercept no at HQ": HQ, not "no at HQ"
      }
    }
    while (from < where.size() - 1 && skipped(where.get(from))) {
      from++;
    }
    return Token.join(where.subList(from, where.size()));
  }

  /** A word before a name that is none: "is on at HQ" suggests HQ. */
  private static boolean skipped(Token t) {
    return t.in(InterceptGrammar.ASKING) || t.in(InterceptGrammar.ON) || t.in(InterceptGrammar.OFF)
        || t.in(InterceptGrammar.PREPOSITIONS) || t.in(InterceptGrammar.FILLER);
  }

  /** The lines to try: the state the user named, or both when they named none (never a guess of one). */
  static String tryLines(Boolean state, String where) {
    if (state == null) return "`intercept on at " + where + "` or `intercept off at " + where + "`";
    return "`intercept " + (state ? "on" : "off") + " at " + where + "`";
  }

  /**
   * "don't turn on intercept at HQ": nothing to do, since nothing changes unless asked; the opposite is named, not
   * offered (it may not be what was meant).
   */
  static Command.Invalid notToDo(boolean state, String where) {
    String opposite = state ? "off" : "on";
    return new Command.Invalid(CommandTable.INTERCEPT, "I change nothing unless asked, so intercept at " + where
        + " stays as it is. To turn it " + opposite + ", say `intercept " + opposite + " at " + where + "`.",
        CommandTable.usage(CommandTable.INTERCEPT));
  }

  /** "turn on intercept off at HQ". */
  static Command.Invalid bothOnAndOff() {
    return new Command.Invalid(CommandTable.INTERCEPT, "Say either on or off, not both.",
        CommandTable.usage(CommandTable.INTERCEPT));
  }
}
