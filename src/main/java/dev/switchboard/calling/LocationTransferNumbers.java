package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A location's auto transfer numbers: where its outgoing-permission rules {@code TRANSFER_NUMBER_1..3} send calls,
 * for everyone there without custom transfer numbers. Unlike a person's, there is no {@code useCustom...} flag.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings-call-handling/get-outgoing-permission-auto-transfer-number">Get Outgoing Permission Auto Transfer Number</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocationTransferNumbers(String autoTransferNumber1, String autoTransferNumber2,
    String autoTransferNumber3) {

  /** The number in slot 1, 2 or 3 (null when unset). */
  public String number(int slot) {
    return switch (slot) {
      case 1 -> autoTransferNumber1;
      case 2 -> autoTransferNumber2;
      case 3 -> autoTransferNumber3;
      default -> throw new IllegalArgumentException("transfer number slot must be 1, 2 or 3, not " + slot);
    };
  }
}
