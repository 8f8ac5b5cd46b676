package dev.switchboard.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Intercept options said in other words, rewritten to {@link OptionGrammar}'s before it reads them: "w/ voicemail",
 * "send calls to voicemail", "play the new number +1…", "let local calls out", "clear the announcement".
 */
final class OptionWording {

  private static final Set<String> ANNOUNCE = Set.of("announce", "announcement", "announcements");
  /** The options a verb of removal turns off: "clear the announcement", "remove voicemail", "drop zero". */
  private static final Set<String> OFFABLE = Set.of("announce", "announcement", "announcements", "voicemail", "vm",
      "voice-mail", "zero", "zero-transfer");

  private OptionWording() {}

  /**
   * The words with the options said in other words rewritten to the grammar's own: "w/ voicemail", "voice mail",
   * "send calls to voicemail", "new number +1…" (the status table's label), "allow outbound", "block incoming".
   */
  static List<Token> plain(List<Token> tokens) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      int skip = 1;
      int negator = negatorAt(tokens, i);
      if (negator > 0) {
        // "don't send calls to voicemail", "do not block outbound": the option said after a "not" is its opposite;
        // word by word the "not" was part of the place's name and the option read as asked for
        List<Token> after = plain(tokens.subList(i + negator, tokens.size()));
        List<Token> negated = negated(after);
        if (negated != null) {
          out.addAll(negated);
          return out;
        }
      }
      if (t.quoted()) {
        out.add(t);
      } else if (t.is("w", "wiht", "wth", "whit", "wtih", "iwth") && i + 1 < tokens.size()
          && (tokens.get(i + 1).in(OptionGrammar.OPTION_WORDS) || tokens.get(i + 1).in(OptionGrammar.VOICEMAIL_WORDS)
          || tokens.get(i + 1).is("voice", "no"))) {
        out.add(word("with")); // "HQ w vm", "HQ wiht voicemail": shorthand and slips of "with", no part of the name
      } else if (t.low().startsWith("w/") && !t.low().startsWith("w//")) {
        out.add(word("with")); // "w/ voicemail", "w/voicemail"
        if (t.low().length() > 2) out.add(word(t.raw().substring(2)));
      } else if (t.in(OptionGrammar.VOICEMAIL_WORDS)) {
        out.add(word("voicemail"));
      } else if (t.is("enable", "activate") && at(tokens, i + 1, "voicemail", "vm", "voice-mail", "vmail")
          || t.is("turn", "switch") && at(tokens, i + 1, "on") && at(tokens, i + 2, "voicemail", "vm", "voice-mail",
          "vmail")) {
        out.add(word("voicemail")); // "and enable voicemail", "turn on voicemail"
        skip = t.is("enable", "activate") ? 2 : 3;
      } else if (t.is("voice") && at(tokens, i + 1, "mail", "mailbox")) {
        out.add(word("voicemail"));
        skip = 2;
      } else if ((skip = toVoicemail(tokens, i)) > 0) {
        out.add(word("voicemail"));
      } else if ((skip = playedNumberAt(tokens, i)) > 0) {
        out.add(word("announce")); // "play new number +1…", "and play the new number +1…"
      } else if (t.is("press", "pressing", "dial", "dialing", "dialling") && at(tokens, i + 1, "0", "zero")) {
        out.add(word("zero")); // "press 0 to +1…", "press 0 goes to +1…": where a caller who presses 0 is sent
        skip = at(tokens, i + 2, "goes", "go", "transfers", "rings") ? 3 : 2;
        if (at(tokens, i + skip, "for")) skip++; // "press 0 for +1…"
      } else if (t.is("tell", "give") && at(tokens, i + 1, "callers", "people", "them", "everyone")) {
        out.add(word("announce")); // "tell callers to call +1…", "tell callers the new number +1…"
        skip = 2;
        while (at(tokens, i + skip, "to", "call", "dial", "about", "the", "our", "a", "new", "number", "is")) skip++;
      } else if ((skip = localOutAt(tokens, i)) > 0) {
        out.add(word("outbound")); // "let local calls out", "allow local outgoing", "local calls only"
        out.add(word("local-only"));
      } else if (removedOptionAt(tokens, i) > 0) {
        // "clear the announcement", "remove voicemail", "drop zero": that option off
        int k = removedOptionAt(tokens, i);
        boolean voicemail = tokens.get(k).is("voicemail", "vm", "voice-mail");
        out.add(word(voicemail ? "no" : tokens.get(k).raw()));
        out.add(word(voicemail ? "voicemail" : "off"));
        skip = k + 1 - i;
      } else if (t.is("new") && at(tokens, i + 1, "number") && !afterAnnounce(tokens, i)) {
        out.add(word("announce")); // "new number +1…"
        skip = 2;
      } else if (t.is("allow", "block", "let", "permit", "stop") && at(tokens, i + 1, "outbound", "outgoing",
          "inbound", "incoming")) {
        // "allow outbound", "block incoming calls", "let outbound calls through"
        boolean in = tokens.get(i + 1).is("inbound", "incoming");
        out.add(word(in ? "inbound" : "outbound"));
        out.add(word(t.is("block", "stop") ? "intercept-all" : in ? "allow-all" : "allow"));
        skip = 2;
        if (at(tokens, i + skip, "calls", "call", "calling")) skip++;
        if (!t.is("block", "stop") && at(tokens, i + skip, "through", "out", "in")) skip++;
      } else {
        out.add(t);
      }
      i += Math.max(skip, 1);
    }
    return out;
  }

  /** How many words at {@code i} say "not" before an option: "don't", "do not", "never", "not"; else 0. */
  private static int negatorAt(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    int n = t.is("don't", "dont", "don\u2019t", "never", "not") ? 1 : t.is("do") && at(tokens, i + 1, "not") ? 2 : 0;
    if (n == 0) return 0;
    while (at(tokens, i + n, "use", "want", "need", "turn", "switch", "with", "any", "the", "enable", "play")) {
      if (tokens.get(i + n).is("turn", "switch") && at(tokens, i + n + 1, "on")) n++; // "don't turn on voicemail"
      n++;
    }
    return n;
  }

  /**
   * The opposite of the option {@code after} starts with (in the grammar's words), then the rest as it is; null when
   * it starts with no option. "no voicemail" for voicemail, "off" for a number, the other outbound or inbound type.
   */
  private static List<Token> negated(List<Token> after) {
    if (after.isEmpty()) return null;
    Token first = after.get(0);
    List<Token> out = new ArrayList<>();
    int k;
    if (first.is("voicemail", "vm", "voice-mail")) {
      out.add(word("no"));
      out.add(word("voicemail"));
      k = at(after, 1, "on", "enabled") ? 2 : 1;
    } else if (first.in(ANNOUNCE) || first.is("zero", "zero-transfer")) {
      out.add(word(first.in(ANNOUNCE) ? "announce" : "zero"));
      out.add(word("off"));
      k = 1;
      // "don't announce the new number", "don't announce +1…": what is not to be announced goes with it
      while (k < after.size() && (after.get(k).is("the", "new", "number", "a", "our", "transfer", "to")
          || !after.get(k).quoted() && after.get(k).low().matches("[+0-9().\\-]*[0-9][+0-9().\\-]*"))) {
        k++;
      }
    } else if (first.is("outbound", "inbound") && after.size() > 1) {
      Token type = after.get(1);
      boolean blocked = type.is("intercept-all", "intercept_all", "block", "blocked");
      boolean allowed = type.is("allow", "allow-all", "local-only", "local", "allowed");
      if (!blocked && !allowed) return null;
      boolean in = first.is("inbound");
      out.add(word(in ? "inbound" : "outbound"));
      // not blocked is let through (outgoing: local calls, the most Webex lets out); not let through is blocked
      out.add(word(blocked ? (in ? "allow-all" : "local-only") : "intercept-all"));
      k = 2;
    } else {
      return null;
    }
    out.addAll(after.subList(k, after.size()));
    return out;
  }

  /**
   * "let local calls out", "allow local outgoing calls", "local calls only": how many words say outgoing local calls
   * may go out (which is {@code outbound local-only}); else 0.
   */
  private static int localOutAt(List<Token> tokens, int i) {
    int k = i;
    boolean verb = tokens.get(k).is("let", "allow", "permit");
    if (verb) k++;
    if (!at(tokens, k, "local")) return 0;
    k++;
    boolean calls = at(tokens, k, "calls", "outgoing", "outbound", "dialing", "dialling");
    if (calls) k++;
    if (at(tokens, k, "calls")) k++; // "allow local outgoing calls"
    boolean after = at(tokens, k, "out", "through", "only", "allowed");
    if (after) k++;
    return (verb && (calls || after)) || (calls && after) ? k - i : 0;
  }

  /** Where the option is in "clear (the) announcement" starting at {@code i}; 0 when no removal starts there. */
  private static int removedOptionAt(List<Token> tokens, int i) {
    int verb = tokens.get(i).is("clear", "remove", "drop", "stop", "disable", "deactivate") ? 1
        : tokens.get(i).is("turn", "switch", "shut") && at(tokens, i + 1, "off") ? 2 : 0; // "and turn off voicemail"
    if (verb == 0) return 0;
    int k = at(tokens, i + verb, "the") ? i + verb + 1 : i + verb;
    return k < tokens.size() && tokens.get(k).in(OFFABLE) ? k : 0;
  }

  /** "announce new number", "announce the new number": the word before (past a "the") is already the option. */
  private static boolean afterAnnounce(List<Token> tokens, int i) {
    int k = i - 1;
    if (k >= 0 && tokens.get(k).is("the")) k--;
    return k >= 0 && tokens.get(k).in(ANNOUNCE);
  }

  /** "play new number", "play the new number", "say our number", "read out the number": how many words; else 0. */
  private static int playedNumberAt(List<Token> tokens, int i) {
    if (!tokens.get(i).is("play", "say", "read", "give")) return 0;
    int k = i + 1;
    if (at(tokens, k, "out")) k++;
    if (at(tokens, k, "the", "our", "a")) k++;
    boolean fresh = at(tokens, k, "new");
    if (fresh) k++;
    if (!at(tokens, k, "number")) return 0;
    // "say the number" alone could be anything; with "new", or "play", it is the number callers are told
    return fresh || tokens.get(i).is("play") ? k + 1 - i : 0;
  }

  /** "send (the) calls to voicemail", "forward to vm", "inbound calls to voicemail": how many words; else 0. */
  private static int toVoicemail(List<Token> tokens, int i) {
    if (!tokens.get(i).is("send", "sending", "forward", "route", "go", "calls", "inbound", "incoming")) return 0;
    int k = i + 1;
    while (k < tokens.size()
        && tokens.get(k).is("the", "calls", "call", "callers", "them", "all", "straight", "go", "goes", "get")) {
      k++;
    }
    if (!at(tokens, k, "to", "into")) return 0;
    k++;
    if (at(tokens, k, "the")) k++;
    if (at(tokens, k, "voicemail", "vm", "voice-mail")) return k + 1 - i;
    return at(tokens, k, "voice") && at(tokens, k + 1, "mail") ? k + 2 - i : 0;
  }

  private static boolean at(List<Token> tokens, int k, String... words) {
    return k < tokens.size() && tokens.get(k).is(words);
  }

  private static Token word(String raw) {
    return new Token(raw, raw.toLowerCase(Locale.ROOT), false);
  }
}
