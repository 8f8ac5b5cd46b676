package dev.switchboard.ops;

import dev.switchboard.calling.AdminRole;
import dev.switchboard.calling.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A requester resolved to a Webex person of the managed org, with every role that person holds,
 * from Webex (admin roles) and from the policy file (location admin, on-call, help desk).
 */
public record Principal(
    Person person, String email, Set<AdminRole> adminRoles, Set<String> locationsAdministered, boolean onCall,
    boolean helpDesk) {

  public Principal {
    adminRoles = Set.copyOf(adminRoles);
    locationsAdministered = Set.copyOf(locationsAdministered);
  }

  public String displayName() {
    return person.displayName() == null ? email : person.displayName();
  }

  boolean isFullOrUserAdmin() {
    return adminRoles.contains(AdminRole.FULL_ADMIN) || adminRoles.contains(AdminRole.USER_ADMIN);
  }

  /** Full, user and read-only admins see the whole org. */
  boolean isOrgWideAdmin() {
    return isFullOrUserAdmin() || adminRoles.contains(AdminRole.READ_ONLY_ADMIN);
  }

  boolean isLocationAdmin() {
    return !locationsAdministered.isEmpty();
  }

  boolean administers(String locationName) {
    return locationName != null && locationsAdministered.contains(locationName.toLowerCase(Locale.ROOT));
  }

  /** The roles as people say them, for {@code whoami} and refusals. */
  public List<String> roleNames() {
    List<String> names = new ArrayList<>();
    if (adminRoles.contains(AdminRole.FULL_ADMIN)) names.add("full admin");
    if (adminRoles.contains(AdminRole.USER_ADMIN)) names.add("user admin");
    if (adminRoles.contains(AdminRole.READ_ONLY_ADMIN)) names.add("read-only admin");
    if (isLocationAdmin()) names.add("location admin");
    if (onCall) names.add("on-call");
    if (helpDesk) names.add("help desk");
    return names;
  }
}
