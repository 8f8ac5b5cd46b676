package dev.switchboard.command;

import java.util.function.UnaryOperator;

/**
 * The intercept settings a command names; {@code null} means "not named: keep what Webex has now".
 *
 * @param voicemail send intercepted incoming calls to voicemail
 * @param announce the "new number" announcement
 * @param zeroTransfer where pressing 0 transfers to
 * @param outbound which outgoing calls are intercepted
 * @param outboundTransfer where intercepted outgoing calls are transferred to
 * @param inbound which incoming calls are intercepted
 */
public record InterceptOptions(Boolean voicemail, NumberOption announce, NumberOption zeroTransfer,
                               OutboundType outbound, NumberOption outboundTransfer, InboundType inbound) {

  private static final InterceptOptions NONE = new InterceptOptions(null, null, null, null, null, null);

  /** No option named: every setting keeps its current value. */
  public static InterceptOptions none() {
    return NONE;
  }

  /**
   * Options written as they are typed after the locations, e.g. {@code voicemail announce +12147691003} (a policy
   * preset); throws {@link IllegalArgumentException} saying what is wrong when they are not options.
   */
  public static InterceptOptions parse(String text) {
    return OptionGrammar.read(text == null ? "" : text);
  }

  /**
   * These options as a person types them after the locations, the inverse of {@link #parse}: e.g. {@code voicemail
   * announce +12147691003 zero off outbound local-only outbound to +12147691007 inbound allow-all}; "" for
   * {@link #none()}. {@code parse(o.format())} equals {@code o} for any options whose numbers are as the parser reads
   * them (groups with a digit each, one space apart); any other number comes back as the same digits.
   */
  public String format() {
    return OptionGrammar.write(this);
  }

  /** These options with each number they name ({@code announce}, {@code zero}, {@code outbound to}) changed. */
  public InterceptOptions withNumbers(UnaryOperator<DialString> change) {
    return new InterceptOptions(voicemail, renumbered(announce, change), renumbered(zeroTransfer, change), outbound,
        renumbered(outboundTransfer, change), inbound);
  }

  private static NumberOption renumbered(NumberOption option, UnaryOperator<DialString> change) {
    return option instanceof NumberOption.To to ? new NumberOption.To(change.apply(to.number())) : option;
  }

  /** These options, with any this one does not name taken from {@code base}. */
  public InterceptOptions over(InterceptOptions base) {
    return new InterceptOptions(voicemail != null ? voicemail : base.voicemail,
        announce != null ? announce : base.announce,
        zeroTransfer != null ? zeroTransfer : base.zeroTransfer,
        outbound != null ? outbound : base.outbound,
        outboundTransfer != null ? outboundTransfer : base.outboundTransfer,
        inbound != null ? inbound : base.inbound);
  }

  /** Whether no option is named. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
