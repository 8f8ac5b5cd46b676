package dev.switchboard.ops;

import dev.switchboard.calling.AdminRole;
import dev.switchboard.calling.Person;
import dev.switchboard.command.NameKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A requester resolved to a Webex person, with every role that person holds: admin roles from Webex ({@code roles}
 * of a person of the managed org) or, for a partner admin of another org, from the policy's {@code externalAdmins};
 * location admin, on-call and help desk from the policy file.
 *
 * @param external whether the person belongs to another org and acts here through {@code externalAdmins}
 */
public record Principal(
    Person person, String email, Set<AdminRole> adminRoles, Set<String> locationsAdministered, boolean onCall,
    boolean helpDesk, boolean external) {

  /** Where Switchboard's location rights come from, for {@code whoami} and refusals. */
  public static final String LOCATION_RIGHTS = "location rights come from Switchboard's policy file";

  public Principal {
    adminRoles = Set.copyOf(adminRoles);
    locationsAdministered = Set.copyOf(locationsAdministered);
  }

  /** A person of the managed org. */
  public Principal(Person person, String email, Set<AdminRole> adminRoles, Set<String> locationsAdministered,
      boolean onCall, boolean helpDesk) {
    this(person, email, adminRoles, locationsAdministered, onCall, helpDesk, false);
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
    return locationName != null && locationsAdministered.contains(NameKey.of(locationName));
  }

  /**
   * Each role with where it comes from, for {@code whoami}: "full admin (Webex role)", "full admin (Switchboard
   * policy, partner admin)", "location admin of Austin, Denver (Switchboard policy)".
   */
  public List<String> rolesWithSources() {
    String adminSource = external ? " (Switchboard policy, partner admin)" : " (Webex role)";
    List<String> roles = new ArrayList<>();
    if (adminRoles.contains(AdminRole.FULL_ADMIN)) roles.add("full admin" + adminSource);
    if (adminRoles.contains(AdminRole.USER_ADMIN)) roles.add("user admin" + adminSource);
    if (adminRoles.contains(AdminRole.READ_ONLY_ADMIN)) roles.add("read-only admin" + adminSource);
    if (isLocationAdmin()) {
      roles.add("location admin of " + String.join(", ", locationsAdministered.stream().sorted().toList())
          + " (Switchboard policy)");
    }
    if (onCall) roles.add("on-call (Switchboard policy)");
    if (helpDesk) roles.add("help desk (Switchboard policy)");
    return roles;
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
