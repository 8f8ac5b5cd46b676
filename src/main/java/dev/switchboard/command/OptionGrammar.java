package dev.switchboard.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The intercept options as people type them after the locations, e.g. {@code voicemail announce +12147691003 zero
 * off}: read in any order, each at most once, and written so that reading them back gives the same options.
 */
final class OptionGrammar {

  static final Set<String> OPTION_WORDS = Set.of("voicemail", "vm", "voice-mail", "announce", "announcement",
      "announcements", "zero", "zero-transfer", "outbound", "outgoing", "inbound", "incoming");
  /** Other words for voicemail: "with vmail". */
  static final Set<String> VOICEMAIL_WORDS = Set.of("vmail", "v-mail", "voicemails", "voicemailbox", "mailbox");
  private static final Set<String> NEGATIONS = Set.of("no", "without");
  /** One word of a number: phone punctuation around at least one digit. */
  private static final String NUMBER_WORD = "[+0-9().\\-]*[0-9][+0-9().\\-]*";
  private static final Pattern NUMBERISH = Pattern.compile(NUMBER_WORD);
  /** A number as the reader takes it: its words one space apart. */
  private static final Pattern READABLE_NUMBER = Pattern.compile(NUMBER_WORD + "(?: " + NUMBER_WORD + ")*");

  private OptionGrammar() {}

  /** Reads options written on their own; throws with the problem as a sentence when they are not options. */
  static InterceptOptions read(String text) {
    try {
      return read(Token.split(text));
    } catch (BadOption bad) {
      throw new IllegalArgumentException(bad.getMessage(), bad);
    }
  }

  /** Reads the options of an intercept command; throws {@link BadOption} at the first problem. */
  static InterceptOptions read(List<Token> tokens) {
    return new Reader(tokens).read();
  }

  /** The options as typed, in a fixed order, each named option once; "" when none is named. */
  static String write(InterceptOptions options) {
    List<String> words = new ArrayList<>();
    if (options.voicemail() != null) {
      words.add(options.voicemail() ? "voicemail" : "no voicemail");
    }
    if (options.announce() != null) {
      words.add("announce " + write(options.announce()));
    }
    if (options.zeroTransfer() != null) {
      words.add("zero " + write(options.zeroTransfer()));
    }
    if (options.outbound() != null) {
      words.add(options.outbound() == OutboundType.LOCAL_ONLY ? "outbound local-only" : "outbound intercept-all");
    }
    if (options.outboundTransfer() != null) {
      words.add("outbound to " + write(options.outboundTransfer()));
    }
    if (options.inbound() != null) {
      words.add(options.inbound() == InboundType.ALLOW_ALL ? "inbound allow-all" : "inbound intercept-all");
    }
    return String.join(" ", words);
  }

  private static String write(NumberOption option) {
    if (!(option instanceof NumberOption.To to)) {
      return "off";
    }
    // A number typed here is always readable as it is; one made elsewhere with other spacing ("214 - 769 1003",
    // two spaces) is written without its spaces, so that it still reads back, as the same digits.
    String raw = to.number().raw();
    return READABLE_NUMBER.matcher(raw).matches() ? raw : raw.replace(" ", "");
  }

  /** Whether an option starts at word {@code i}: an option word, or "no"/"without"/"with" before one. */
  static boolean isOptionStart(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (t.in(OPTION_WORDS) || t.in(VOICEMAIL_WORDS)) {
      return true;
    }
    boolean introduces = t.in(NEGATIONS) || t.is("with");
    return introduces && i + 1 < tokens.size() && tokens.get(i + 1).in(OPTION_WORDS);
  }

  /** Thrown inside the option reader only, to stop at the first problem; the parser turns it into a value. */
  static final class BadOption extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadOption(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads options in any order, refusing one named twice with different values. */
  private static final class Reader {
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

    Reader(List<Token> tokens) {
      this.tokens = tokens;
    }

    InterceptOptions read() {
      while (i < tokens.size()) {
        Token t = tokens.get(i);
        if (t == Token.COMMA || t.is("and", "&", "with", "plus", "also", "a", "an")) {
          i++;
          continue;
        }
        boolean negated = false;
        if (t.in(NEGATIONS)) {
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
          skip("the");
          skip("new");
          skip("to", "=", ":", "number", "of", "is");
          skip("to", "=", ":");
          announce = once(announce, negated ? new NumberOption.Off() : numberOrOff("announce"), "announce");
        } else if (t.is("zero", "zero-transfer")) {
          skip("transfer", "transfers", "out", "goes", "go", "rings"); // "zero out to +1…", "zero goes to +1…"
          skip("to", "for", "=", ":");
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
      if (v.is("only")) {
        throw new BadOption("To intercept outgoing calls only, let incoming ones through: say `intercept on at HQ "
            + "inbound allow-all`.");
      }
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
      if (v.is("only")) {
        throw new BadOption("Incoming calls are always intercepted when intercept is on; outgoing calls too, unless "
            + "you say `outbound local-only` (the most Webex lets through). Say `intercept on at HQ outbound "
            + "local-only`.");
      }
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
        String extension = extensionAt(i);
        if (extension != null) {
          throw new BadOption(PhoneNumbers.extensionRefused("`" + extension + "`", NumberUse.INTERCEPT_DESTINATION));
        }
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

    /** "x1234" or "ext. 1234" at token {@code at}: an extension, which no intercept destination takes. */
    private String extensionAt(int at) {
      for (int n = 1; n <= 2 && at + n <= tokens.size(); n++) {
        String words = String.join(" ", tokens.subList(at, at + n).stream().map(Token::raw).toList());
        if (DialString.isWellFormed(words) && new DialString(words).number().isEmpty()) return words;
      }
      return null;
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
