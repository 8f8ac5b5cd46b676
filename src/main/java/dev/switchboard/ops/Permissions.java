package dev.switchboard.ops;

import dev.switchboard.command.Access;

/**
 * The default policy of PRODUCT.md as code: which roles may do what, org-wide or at one location.
 * Whoever may change something may also read it; deny by default.
 */
public final class Permissions {

  private Permissions() {}

  /** Whether the principal may run commands of this kind at all (somewhere). */
  public static boolean mayRun(Principal p, Access access) {
    return switch (access) {
      case ANYONE, OWN_CHANGE, PENDING_REQUESTER -> true;
      case READ_INTERCEPT, READ_LOCATIONS -> p.isOrgWideAdmin() || p.isLocationAdmin() || p.helpDesk() || p.onCall();
      case CHANGE_INTERCEPT -> p.isFullOrUserAdmin() || p.isLocationAdmin() || p.onCall();
      case READ_TRANSFER -> p.isOrgWideAdmin() || p.isLocationAdmin() || p.helpDesk();
      case CHANGE_TRANSFER -> p.isFullOrUserAdmin() || p.isLocationAdmin();
      case READ_HISTORY -> p.isOrgWideAdmin() || p.isLocationAdmin() || p.onCall();
    };
  }

  /**
   * Whether the principal may do this at one location; for transfer numbers the location is the
   * person's. A location admin's rights stop at their own locations.
   */
  public static boolean mayAt(Principal p, Access access, String locationName) {
    return switch (access) {
      case ANYONE, OWN_CHANGE, PENDING_REQUESTER -> true;
      case READ_INTERCEPT, READ_LOCATIONS, READ_HISTORY ->
          p.isOrgWideAdmin() || p.helpDesk() || p.onCall() || p.administers(locationName);
      case CHANGE_INTERCEPT -> p.isFullOrUserAdmin() || p.onCall() || p.administers(locationName);
      case READ_TRANSFER -> p.isOrgWideAdmin() || p.helpDesk() || p.administers(locationName);
      case CHANGE_TRANSFER -> p.isFullOrUserAdmin() || p.administers(locationName);
    };
  }

  /**
   * Says which role is needed, for a refusal; where a location admin would do, it says that location rights come
   * from Switchboard's policy file (Webex does not tell Switchboard who is a Control Hub location administrator).
   */
  public static String needed(Access access, String locationName) {
    String roles = access.needs(locationName);
    return access.needsARole() ? roles + " (" + Principal.LOCATION_RIGHTS + ")" : roles;
  }
}
