package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.OptionalInt;

/**
 * What an outgoing-permission rule does with one call type: {@code callType} ({@code INTERNATIONAL}, {@code NATIONAL},
 * ...), {@code action} ({@code ALLOW}, {@code BLOCK}, {@code AUTH_CODE}, {@code TRANSFER_NUMBER_1..3}) and whether
 * such calls may be transferred or forwarded. Kept as strings, so a call type or action Webex adds later is read and
 * shown rather than refused.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings-call-handling/get-location-outgoing-permission">Get Location Outgoing Permission</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallingPermission(String callType, String action, Boolean transferEnabled,
    Boolean isCallTypeRestrictionEnabled) {

  private static final String TRANSFER_PREFIX = "TRANSFER_NUMBER_";

  /** The auto transfer number (1, 2 or 3) this rule sends calls to; empty when its action is no transfer. */
  public OptionalInt transferSlot() {
    if (action == null || !action.startsWith(TRANSFER_PREFIX)) {
      return OptionalInt.empty();
    }
    return switch (action.substring(TRANSFER_PREFIX.length())) {
      case "1" -> OptionalInt.of(1);
      case "2" -> OptionalInt.of(2);
      case "3" -> OptionalInt.of(3);
      default -> OptionalInt.empty();
    };
  }
}
