package dev.switchboard.ops;

import dev.switchboard.command.Command;
import dev.switchboard.command.LocationTarget;
import java.util.List;

/**
 * "intercept on at my sites", "status of all my locations": the asker's own locations put in for {@link
 * LocationTarget.Mine} before the command runs. A location admin's are those the policy gives them; anyone whose
 * rights are not per location (an admin, the on-call list, the help desk) has every location, and someone with
 * none is refused as for every location.
 */
final class MyLocations {

  private MyLocations() {}

  static Command resolved(Command command, Principal principal) {
    if (command instanceof Command.InterceptChange change && change.target() instanceof LocationTarget.Mine) {
      return new Command.InterceptChange(change.enable(), own(principal), change.options(), change.preset(),
          change.timing());
    }
    if (command instanceof Command.InterceptStatus status && status.target() instanceof LocationTarget.Mine) {
      return new Command.InterceptStatus(own(principal), status.onlyOn());
    }
    return command;
  }

  private static LocationTarget own(Principal principal) {
    boolean perLocation = principal.adminRoles().isEmpty() && !principal.onCall() && !principal.helpDesk()
        && !principal.locationsAdministered().isEmpty();
    if (!perLocation) return new LocationTarget.All();
    return new LocationTarget.Named(List.copyOf(new java.util.TreeSet<>(principal.locationsAdministered())));
  }
}
