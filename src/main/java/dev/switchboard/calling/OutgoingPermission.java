package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing calling permissions: a rule per call type. A location's answer holds only {@code callingPermissions};
 * a person's also says whether the person's own rules apply ({@code useCustomEnabled}, with
 * {@code useCustomPermissions} in newer answers) or the location's.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/user-call-settings/retrieve-a-persons-outgoing-calling-permissions-settings">Retrieve a person's Outgoing Calling Permissions settings</a>
 * @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings-call-handling/get-location-outgoing-permission">Get Location Outgoing Permission</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutgoingPermission(Boolean useCustomEnabled, Boolean useCustomPermissions,
    List<CallingPermission> callingPermissions) {

  public OutgoingPermission {
    callingPermissions = callingPermissions == null ? List.of() : List.copyOf(callingPermissions);
  }

  /**
   * Whether a person's own rules apply: {@code useCustomEnabled} is on and {@code useCustomPermissions}, when Webex
   * sends it, does not say otherwise. Control Hub sets the two together; either off means the location's rules.
   */
  public boolean usesOwnRules() {
    return Boolean.TRUE.equals(useCustomEnabled) && !Boolean.FALSE.equals(useCustomPermissions);
  }

  /** The rule for {@code callType} ({@code INTERNATIONAL}, ...), compared ignoring case. */
  public Optional<CallingPermission> forCallType(String callType) {
    return callingPermissions.stream().filter(p -> p.callType() != null && p.callType().equalsIgnoreCase(callType))
        .findFirst();
  }
}
