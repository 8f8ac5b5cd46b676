package dev.switchboard.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outgoing calling permissions as the simulator serves them: every call type of the Calling spec, starting from
 * Control Hub's defaults for a location (international and premium calls blocked, the rest allowed), with the
 * actions a seed names on top.
 *
 * @see <a href="https://help.webex.com/en-us/article/nt2lz3d">Outgoing call permissions for Webex Calling locations</a>
 */
final class OutgoingRules {

  /** The call types of the spec's {@code callType} enum, in its order. */
  static final List<String> CALL_TYPES = List.of("INTERNAL_CALL", "TOLL_FREE", "INTERNATIONAL", "OPERATOR_ASSISTED",
      "CHARGEABLE_DIRECTORY_ASSISTED", "SPECIAL_SERVICES_I", "SPECIAL_SERVICES_II", "PREMIUM_SERVICES_I",
      "PREMIUM_SERVICES_II", "NATIONAL");
  static final List<String> ACTIONS = List.of("ALLOW", "BLOCK", "AUTH_CODE", "TRANSFER_NUMBER_1", "TRANSFER_NUMBER_2",
      "TRANSFER_NUMBER_3");
  private static final List<String> BLOCKED_BY_DEFAULT = List.of("INTERNATIONAL", "PREMIUM_SERVICES_I",
      "PREMIUM_SERVICES_II");

  private OutgoingRules() {}

  /** Control Hub's defaults with {@code actions} (call type to action) applied; a seed naming others is a bug. */
  static Map<String, String> withDefaults(Map<String, String> actions) {
    Map<String, String> rules = new LinkedHashMap<>();
    for (String type : CALL_TYPES) {
      rules.put(type, BLOCKED_BY_DEFAULT.contains(type) ? "BLOCK" : "ALLOW");
    }
    if (actions != null) {
      actions.forEach((type, action) -> {
        if (!rules.containsKey(type) || !ACTIONS.contains(action)) {
          throw new IllegalArgumentException("Seeded outgoing permission " + type + " -> " + action + " is not in the spec");
        }
        rules.put(type, action);
      });
    }
    return rules;
  }

  /** The {@code callingPermissions} array: a blocked call type may not be transferred or forwarded either. */
  static ArrayNode callingPermissions(ObjectMapper mapper, Map<String, String> rules) {
    ArrayNode list = mapper.createArrayNode();
    rules.forEach((type, action) -> list.addObject()
        .put("callType", type)
        .put("action", action)
        .put("transferEnabled", !action.equals("BLOCK"))
        .put("isCallTypeRestrictionEnabled", false));
    return list;
  }

  /** A location's answer: its rules only. */
  static ObjectNode location(ObjectMapper mapper, Map<String, String> rules) {
    ObjectNode body = mapper.createObjectNode();
    body.set("callingPermissions", callingPermissions(mapper, rules));
    return body;
  }

  /**
   * A person's answer: their own rules when they have them, else the location's (what Control Hub shows greyed
   * out), with both custom flags saying which.
   */
  static ObjectNode person(ObjectMapper mapper, Map<String, String> own, Map<String, String> location) {
    boolean custom = own != null;
    ObjectNode body = mapper.createObjectNode().put("useCustomEnabled", custom).put("useCustomPermissions", custom);
    body.set("callingPermissions", callingPermissions(mapper, custom ? own : location));
    return body;
  }
}
