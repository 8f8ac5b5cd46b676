package dev.switchboard.ops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The roles Webex cannot tell us: location admins with their locations, the on-call list and the
 * help desk. Entries are emails or {@code @domain}; location names match case-insensitively.
 * {@code presets} are named intercept option sets, e.g. {@code storm: {voicemail: true, announce: "+12147691003"}},
 * read by {@link Presets}. {@code externalAdmins} names people of another org (partner administrators) who may act
 * here with the role given, e.g. {@code pia.partner@partner.example: full} ({@code full}, {@code user} or
 * {@code read-only}); exact emails only, since a domain would let in everyone of that org. {@code contact} says whom
 * to ask for access (e.g. {@code "the voice team, voice@example.com"}); people without rights are shown it.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Policy(
    @JsonProperty("locationAdmins") Map<String, List<String>> locationAdmins,
    @JsonProperty("onCall") List<String> onCall,
    @JsonProperty("helpDesk") List<String> helpDesk,
    @JsonProperty("presets") Map<String, Map<String, Object>> presets,
    @JsonProperty("externalAdmins") Map<String, ExternalRole> externalAdmins,
    @JsonProperty("contact") String contactLine) {

  @com.fasterxml.jackson.annotation.JsonCreator
  public Policy {
    Map<String, List<String>> admins = new LinkedHashMap<>();
    if (locationAdmins != null) {
      locationAdmins.forEach((who, names) -> admins.put(normalise(who), names == null ? List.of() : List.copyOf(names)));
    }
    locationAdmins = Map.copyOf(admins);
    onCall = onCall == null ? List.of() : onCall.stream().map(Policy::normalise).toList();
    helpDesk = helpDesk == null ? List.of() : helpDesk.stream().map(Policy::normalise).toList();
    Map<String, Map<String, Object>> named = new LinkedHashMap<>();
    if (presets != null) {
      presets.forEach((name, options) -> named.put(name.trim(), options == null ? Map.of()
          : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options))));
    }
    presets = java.util.Collections.unmodifiableMap(named);
    Map<String, ExternalRole> external = new LinkedHashMap<>();
    if (externalAdmins != null) {
      externalAdmins.forEach((who, role) -> {
        String email = normalise(who);
        if (email.startsWith("@") || !email.contains("@")) {
          throw new IllegalArgumentException("externalAdmins names '" + who + "': name each partner admin by email");
        }
        if (role == null) {
          throw new IllegalArgumentException("externalAdmins gives " + who + " no role: use full, user or read-only");
        }
        external.put(email, role);
      });
    }
    externalAdmins = Map.copyOf(external);
    contactLine = contactLine == null || contactLine.isBlank() ? null : contactLine.strip();
  }

  /** A policy without a contact line. */
  public Policy(Map<String, List<String>> locationAdmins, List<String> onCall, List<String> helpDesk,
      Map<String, Map<String, Object>> presets, Map<String, ExternalRole> externalAdmins) {
    this(locationAdmins, onCall, helpDesk, presets, externalAdmins, null);
  }

  /** Whom to ask for access, as the policy's {@code contact:} line says; absent when it has none. */
  public java.util.Optional<String> contact() {
    return java.util.Optional.ofNullable(contactLine);
  }

  /** A policy without partner admins. */
  public Policy(Map<String, List<String>> locationAdmins, List<String> onCall, List<String> helpDesk,
      Map<String, Map<String, Object>> presets) {
    this(locationAdmins, onCall, helpDesk, presets, null);
  }

  /** A policy without presets. */
  public Policy(Map<String, List<String>> locationAdmins, List<String> onCall, List<String> helpDesk) {
    this(locationAdmins, onCall, helpDesk, null);
  }

  /** The admin role the policy gives this person of another org, if it names them in {@code externalAdmins}. */
  public java.util.Optional<dev.switchboard.calling.AdminRole> externalRole(String email) {
    if (email == null) return java.util.Optional.empty();
    return java.util.Optional.ofNullable(externalAdmins.get(normalise(email))).map(ExternalRole::webexRole);
  }

  /** The roles {@code externalAdmins} may give, as the policy file writes them. */
  public enum ExternalRole {
    @JsonProperty("full") FULL(dev.switchboard.calling.AdminRole.FULL_ADMIN),
    @JsonProperty("user") USER(dev.switchboard.calling.AdminRole.USER_ADMIN),
    @JsonProperty("read-only") READ_ONLY(dev.switchboard.calling.AdminRole.READ_ONLY_ADMIN);

    private final dev.switchboard.calling.AdminRole webexRole;

    ExternalRole(dev.switchboard.calling.AdminRole webexRole) {
      this.webexRole = webexRole;
    }

    dev.switchboard.calling.AdminRole webexRole() {
      return webexRole;
    }
  }

  /** Grants nothing: every by-policy role is empty. */
  public static Policy empty() {
    return new Policy(Map.of(), List.of(), List.of());
  }

  public boolean isOnCall(String email) {
    return matchesAny(onCall, email);
  }

  public boolean isHelpDesk(String email) {
    return matchesAny(helpDesk, email);
  }

  /** The location names (lower case) this person administers, by email or by domain entry. */
  public Set<String> locationsAdministeredBy(String email) {
    Set<String> names = new LinkedHashSet<>();
    locationAdmins.forEach((who, locations) -> {
      if (matches(who, email)) locations.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
    });
    return names;
  }

  /** Location names in the policy that match none of the known locations: they grant nothing. */
  public List<String> unknownLocations(Collection<String> knownNames) {
    Set<String> known = new LinkedHashSet<>();
    knownNames.forEach(name -> known.add(name.toLowerCase(Locale.ROOT)));
    List<String> unknown = new ArrayList<>();
    locationAdmins.values().forEach(names -> names.forEach(name -> {
      if (!known.contains(name.toLowerCase(Locale.ROOT)) && !unknown.contains(name)) unknown.add(name);
    }));
    return unknown;
  }

  private static boolean matchesAny(List<String> entries, String email) {
    return entries.stream().anyMatch(entry -> matches(entry, email));
  }

  /** An entry is an exact email or {@code @domain}, which matches every address at that domain. */
  static boolean matches(String entry, String email) {
    if (email == null) return false;
    String address = email.toLowerCase(Locale.ROOT);
    return entry.startsWith("@") ? address.endsWith(entry) : address.equals(entry);
  }

  private static String normalise(String entry) {
    return entry.trim().toLowerCase(Locale.ROOT);
  }
}
