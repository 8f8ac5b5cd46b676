package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person's auto transfer numbers (outgoing permission). Webex returns unset numbers as null and
 * formatted (with hyphens); an empty string in a PUT clears a number.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/user-call-settings-2-2/retrieve-transfer-numbers-for-a-person">Retrieve Transfer Numbers for a Person</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransferNumbers(Boolean useCustomTransferNumbers, String autoTransferNumber1,
    String autoTransferNumber2, String autoTransferNumber3) {

  /** The number in slot 1, 2 or 3 (null when unset). */
  public String number(int slot) {
    return switch (slot) {
      case 1 -> autoTransferNumber1;
      case 2 -> autoTransferNumber2;
      case 3 -> autoTransferNumber3;
      default -> throw badSlot(slot);
    };
  }

  /** A copy with slot 1, 2 or 3 set to {@code value}; {@code ""} clears it on PUT, null leaves it untouched. */
  public TransferNumbers withNumber(int slot, String value) {
    return switch (slot) {
      case 1 -> new TransferNumbers(useCustomTransferNumbers, value, autoTransferNumber2, autoTransferNumber3);
      case 2 -> new TransferNumbers(useCustomTransferNumbers, autoTransferNumber1, value, autoTransferNumber3);
      case 3 -> new TransferNumbers(useCustomTransferNumbers, autoTransferNumber1, autoTransferNumber2, value);
      default -> throw badSlot(slot);
    };
  }

  private static IllegalArgumentException badSlot(int slot) {
    return new IllegalArgumentException("transfer number slot must be 1, 2 or 3, not " + slot);
  }
}
