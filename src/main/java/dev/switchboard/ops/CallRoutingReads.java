package dev.switchboard.ops;

import dev.switchboard.calling.CallingPermission;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.LocationTransferNumbers;
import dev.switchboard.calling.OutgoingPermission;
import dev.switchboard.calling.Person;
import dev.switchboard.calling.TransferNumbers;
import dev.switchboard.calling.WebexClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a person's {@link CallRouting} from Webex: their transfer numbers and outgoing permission, and their
 * location's numbers or rules only where the person's own are not used (two to four calls).
 */
final class CallRoutingReads {

  private final WebexClient client;

  CallRoutingReads(WebexClient client) {
    this.client = client;
  }

  /** @throws dev.switchboard.calling.WebexException as the client does (a 404: the person has no calling) */
  CallRouting read(Person person, Location location, String region) {
    TransferNumbers own = client.transferNumbers(person.id());
    OutgoingPermission permission = client.personOutgoingPermission(person.id());
    String locationName = location == null ? null : location.name();

    CallRouting.Source rulesFrom;
    List<CallingPermission> rules;
    if (permission.usesOwnRules() || location == null) {
      // without a location to ask, the person's answer is the best there is: Webex shows the rules in force there
      rulesFrom = permission.usesOwnRules() ? CallRouting.Source.ofPerson() : CallRouting.Source.ofLocation(null);
      rules = permission.callingPermissions();
    } else {
      rulesFrom = CallRouting.Source.ofLocation(locationName);
      rules = client.locationOutgoingPermission(location.id()).callingPermissions();
    }

    CallRouting.Source numbersFrom;
    List<String> slots;
    if (Boolean.TRUE.equals(own.useCustomTransferNumbers())) {
      numbersFrom = CallRouting.Source.ofPerson();
      slots = Arrays.asList(own.number(1), own.number(2), own.number(3));
    } else if (location != null) {
      numbersFrom = CallRouting.Source.ofLocation(locationName);
      LocationTransferNumbers shared = client.locationTransferNumbers(location.id());
      slots = Arrays.asList(shared.number(1), shared.number(2), shared.number(3));
    } else {
      numbersFrom = CallRouting.Source.ofLocation(null);
      slots = Arrays.asList(null, null, null);
    }

    List<CallRouting.Route> routes = new ArrayList<>();
    Map<String, String> actions = new LinkedHashMap<>();
    for (CallingPermission rule : rules) {
      if (rule.callType() == null) continue;
      actions.put(rule.callType(), rule.action());
      rule.transferSlot().ifPresent(slot -> routes.add(new CallRouting.Route(rule.callType(), slot)));
    }
    return new CallRouting(rulesFrom, numbersFrom, slots, routes, actions, region);
  }
}
