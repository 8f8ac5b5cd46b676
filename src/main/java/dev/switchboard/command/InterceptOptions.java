package dev.switchboard.command;

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

  /** Whether no option is named. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
