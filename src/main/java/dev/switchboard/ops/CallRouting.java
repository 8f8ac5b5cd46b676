package dev.switchboard.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a person's outgoing calls go, as three facts read together: which call types their outgoing permissions
 * send to transfer number 1, 2 or 3 ({@code rules}, their own or their location's), the three numbers that apply
 * ({@code numbers}, custom or the location's), and so which call types point at a number that is not set (those
 * calls fail). Pure: {@link CallRoutingReads} reads it from Webex.
 *
 * @param rules where the outgoing-permission rules come from
 * @param numbers where the transfer numbers come from
 * @param slots the numbers 1 to 3 that apply, as Webex returns them (null when unset)
 * @param routes every call type sent to a transfer number, in Webex's order
 * @param actions every call type's action ({@code ALLOW}, {@code BLOCK}, ...), in Webex's order
 * @param region the region numbers are read in, for showing them
 */
record CallRouting(Source rules, Source numbers, List<String> slots, List<Route> routes, Map<String, String> actions,
    String region) {

  CallRouting {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(numbers, "numbers");
    slots = java.util.Collections.unmodifiableList(new ArrayList<>(slots));
    if (slots.size() != 3) throw new IllegalArgumentException("three transfer numbers, not " + slots.size());
    routes = List.copyOf(routes);
    actions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(actions));
  }

  /** The person's own settings, or their location's (named, when known). */
  record Source(boolean own, String locationName) {
    static Source ofPerson() {
      return new Source(true, null);
    }

    static Source ofLocation(String name) {
      return new Source(false, name);
    }

    /** "from location HQ", or {@code ownWords} ("custom", "their own"). */
    String words(String ownWords) {
      if (own) return ownWords;
      return locationName == null ? "from their location" : "from location " + Reply.literal(locationName);
    }
  }

  /** One call type sent to transfer number {@code slot}. */
  record Route(String callType, int slot) {}

  /** The number in slot 1, 2 or 3 as Webex returns it; null when unset. */
  String number(int slot) {
    String n = slots.get(slot - 1);
    return n == null || n.isBlank() ? null : n;
  }

  /** The routes whose number is not set: Webex cannot transfer those calls, so they fail. */
  List<Route> failing() {
    return routes.stream().filter(r -> number(r.slot()) == null).toList();
  }

  /** The routes of {@code callTypes} (all when empty). */
  List<Route> routesOf(Set<String> callTypes) {
    return routes.stream().filter(r -> callTypes.isEmpty() || callTypes.contains(r.callType())).toList();
  }

  /** Set numbers no call type uses. */
  List<Integer> unused() {
    List<Integer> unused = new ArrayList<>();
    for (int slot = 1; slot <= 3; slot++) {
      int s = slot;
      if (number(slot) != null && routes.stream().noneMatch(r -> r.slot() == s)) unused.add(slot);
    }
    return unused;
  }

  /** What an action other than a transfer does, in words ("blocked"). */
  static String actionWords(String action) {
    if (action == null) return "not set";
    return switch (action) {
      case "ALLOW" -> "allowed";
      case "BLOCK" -> "blocked";
      case "AUTH_CODE" -> "allowed with an authorization code";
      default -> Reply.literal(action);
    };
  }

  private static final Map<String, String> CALL_TYPE_WORDS = Map.of(
      "INTERNAL_CALL", "Internal", "TOLL_FREE", "Toll-free", "INTERNATIONAL", "International",
      "OPERATOR_ASSISTED", "Operator-assisted", "CHARGEABLE_DIRECTORY_ASSISTED", "Directory assistance",
      "SPECIAL_SERVICES_I", "Special services I", "SPECIAL_SERVICES_II", "Special services II",
      "PREMIUM_SERVICES_I", "Premium services I", "PREMIUM_SERVICES_II", "Premium services II",
      "NATIONAL", "National");

  /** A call type in words ("International"); one Webex adds later in its own words, tidied. */
  static String callTypeWords(String callType) {
    String known = CALL_TYPE_WORDS.get(callType);
    if (known != null) return known;
    String words = callType == null ? "Unknown" : callType.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Reply.literal(words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1));
  }
}
