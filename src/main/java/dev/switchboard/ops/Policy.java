package dev.switchboard.ops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.command.NameKey;
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
 * {@code read-only}); exact emails only, since a domain would let in everyone of that org. {@code aliases} are other
 * names people use for a location ({@code headquarters: HQ}); {@code contact} says whom to ask for access. Every
 * location name and alias is compared in {@link NameKey}'s form.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Policy(
    @JsonProperty("locationAdmins") Map<String, List<String>> locationAdmins,
    @JsonProperty("onCall") List<String> onCall,
    @JsonProperty("helpDesk") List<String> helpDesk,
    @JsonProperty("presets") Map<String, Map<String, Object>> presets,
    @JsonProperty("externalAdmins") Map<String, ExternalRole> externalAdmins,
    @JsonProperty("aliases") Map<String, String> aliases,
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
    aliases = aliasTable(aliases);
    contactLine = contactLine == null || contactLine.isBlank() ? null : contactLine.strip();
  }

  /** A policy without aliases or contact. */
  public Policy(Map<String, List<String>> locationAdmins, List<String> onCall, List<String> helpDesk,
      Map<String, Map<String, Object>> presets, Map<String, ExternalRole> externalAdmins) {
    this(locationAdmins, onCall, helpDesk, presets, externalAdmins, null, null);
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

  /** Alias (in {@link NameKey}'s form) to the location name it stands for; an alias may not be empty. */
  private static Map<String, String> aliasTable(Map<String, String> given) {
    Map<String, String> byKey = new LinkedHashMap<>();
    if (given == null) return Map.of();
    given.forEach((alias, location) -> {
      if (NameKey.of(alias).isEmpty() || location == null || NameKey.of(location).isEmpty()) {
        throw new IllegalArgumentException("aliases maps '" + alias + "' to '" + location + "': give each alias "
            + "the name of a location, e.g. headquarters: HQ");
      }
      byKey.put(NameKey.of(alias), location.strip());
    });
    return java.util.Collections.unmodifiableMap(byKey);
  }

  /** The location name an alias stands for ({@code headquarters} for {@code HQ}), if {@code name} is one. */
  public java.util.Optional<String> aliasFor(String name) {
    return java.util.Optional.ofNullable(aliases.get(NameKey.of(name)));
  }

  /** Whom people without rights should ask, as the policy's {@code contact} line says it; empty when it is not set. */
  public java.util.Optional<String> contact() {
    return java.util.Optional.ofNullable(contactLine);
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

  /**
   * The location names (in {@link NameKey}'s form) this person administers, by email or by domain entry; an alias
   * stands for its location.
   */
  public Set<String> locationsAdministeredBy(String email) {
    Set<String> names = new LinkedHashSet<>();
    locationAdmins.forEach((who, locations) -> {
      if (matches(who, email)) locations.forEach(name -> names.add(NameKey.of(aliasFor(name).orElse(name))));
    });
    return names;
  }

  /** Location names in the policy (location admins' and aliases' targets) that match no known location. */
  public List<String> unknownLocations(Collection<String> knownNames) {
    Set<String> known = new LinkedHashSet<>();
    knownNames.forEach(name -> known.add(NameKey.of(name)));
    List<String> unknown = new ArrayList<>();
    locationAdmins.values().forEach(names -> names.forEach(name -> {
      if (!known.contains(NameKey.of(aliasFor(name).orElse(name))) && !unknown.contains(name)) unknown.add(name);
    }));
    aliases.values().forEach(name -> {
      if (!known.contains(NameKey.of(name)) && !unknown.contains(name)) unknown.add(name);
    });
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
