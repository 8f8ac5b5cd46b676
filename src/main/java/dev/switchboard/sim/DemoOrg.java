package dev.switchboard.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seeded demo org (resource {@code /sim/demo-org.json}): names, ids and tokens that tests and docs rely on.
 *
 * <p>Ids are derived from names (a name-based UUID inside a Webex-style base64 id), so they are the same
 * in every run.
 */
public final class DemoOrg {

  /** A seeded person, for the console's {@code people} list. */
  public record Person(String email, String displayName, String description) {}

  public static final String FULL_ADMIN_ROLE_ID = WebexIds.encode(WebexIds.ROLE, "id_full_admin");
  public static final String USER_ADMIN_ROLE_ID = WebexIds.encode(WebexIds.ROLE, "id_user_admin");
  public static final String READONLY_ADMIN_ROLE_ID = WebexIds.encode(WebexIds.ROLE, "id_readonly_admin");

  static final String RESOURCE = "/sim/demo-org.json";
  static final String POLICY_RESOURCE = "/sim/demo-policy.yaml";

  record Seed(List<OrgSeed> orgs, IdentitySeed bot, ServiceAppSeed serviceApp, TokenSeed tokens,
      List<GroupRoomSeed> groupRooms) {}

  record OrgSeed(String key, String name, List<LocationSeed> locations, List<PersonSeed> people) {}

  /**
   * A seeded location; {@code outgoingPermission} maps call types to the actions that differ from Control Hub's
   * defaults, {@code transferNumbers} holds its auto transfer numbers as Webex returns them (unset ones left out).
   */
  record LocationSeed(String name, boolean calling, ObjectNode address, String timeZone, String preferredLanguage,
      String latitude, String longitude, String notes, String mainNumber, ObjectNode intercept,
      Map<String, String> outgoingPermission, ObjectNode transferNumbers) {}

  /** A seeded person; an {@code outgoingPermission} (call type to action) gives them rules of their own. */
  record PersonSeed(String email, String firstName, String lastName, String displayName, String description,
      boolean calling, List<String> roles, String location, String extension, String workNumber,
      ObjectNode transferNumbers, Map<String, String> outgoingPermission) {}

  record IdentitySeed(String email, String displayName, String org) {}

  record ServiceAppSeed(String email, String displayName, String org, String clientId, String clientSecret,
      String refreshToken) {}

  record TokenSeed(String admin, String bot, String personPrefix) {}

  record GroupRoomSeed(String title, List<String> members) {}

  private final Seed seed;
  private final Map<String, String> orgIds = new LinkedHashMap<>();
  private final Map<String, String> orgKeyOfEmail = new LinkedHashMap<>();

  private DemoOrg(Seed seed) {
    this.seed = seed;
    for (OrgSeed org : seed.orgs()) {
      orgIds.put(org.key(), WebexIds.seeded(WebexIds.ORGANIZATION, org.key()));
      for (PersonSeed person : org.people()) {
        orgKeyOfEmail.put(person.email().toLowerCase(Locale.ROOT), org.key());
      }
    }
  }

  /** Loads the demo org, adding calling-enabled locations "Site 001".."Site NNN" to Example Corp. */
  public static DemoOrg load(int extraLocations) {
    ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in = DemoOrg.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      Seed seed = mapper.readValue(in, Seed.class);
      if (extraLocations > 0) {
        seed = withExtraLocations(seed, extraLocations, mapper);
      }
      return new DemoOrg(seed);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  private static Seed withExtraLocations(Seed seed, int count, ObjectMapper mapper) {
    List<OrgSeed> orgs = new ArrayList<>();
    for (OrgSeed org : seed.orgs()) {
      if (!org.key().equals(seed.bot().org())) {
        orgs.add(org);
        continue;
      }
      List<LocationSeed> locations = new ArrayList<>(org.locations());
      for (int i = 1; i <= count; i++) {
        String name = String.format(Locale.ROOT, "Site %03d", i);
        ObjectNode address = mapper.createObjectNode()
            .put("address1", i + " Site Rd")
            .put("city", "Plano")
            .put("state", "TX")
            .put("postalCode", "75024")
            .put("country", "US");
        locations.add(new LocationSeed(name, true, address, "America/Chicago", "en_us", "33.0198", "-96.6989",
            name + " (benchmark site)", String.format(Locale.ROOT, "+1972555%04d", i), null, null, null));
      }
      orgs.add(new OrgSeed(org.key(), org.name(), locations, org.people()));
    }
    return new Seed(orgs, seed.bot(), seed.serviceApp(), seed.tokens(), seed.groupRooms());
  }

  Seed seed() {
    return seed;
  }

  String orgIdOfKey(String key) {
    return orgIds.get(key);
  }

  /** Example Corp, the org the bot and the admin token belong to. */
  public String orgId() {
    return orgIds.get(seed.bot().org());
  }

  public String orgName() {
    return seed.orgs().stream().filter(o -> o.key().equals(seed.bot().org())).findFirst().orElseThrow().name();
  }

  /** The partner org (Partner Co), whose administrators may act here when the policy names them. */
  public String partnerOrgId() {
    return orgIds.get("partner");
  }

  /** Every seeded org: its Webex id and its name, in seed order. */
  Map<String, String> orgNamesById() {
    Map<String, String> names = new LinkedHashMap<>();
    seed.orgs().forEach(o -> names.put(orgIds.get(o.key()), o.name()));
    return names;
  }

  /** The org of the people outside Example Corp (Other Corp). */
  public String otherOrgId() {
    return orgIds.entrySet().stream()
        .filter(e -> !e.getKey().equals(seed.bot().org()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  public String adminToken() {
    return seed.tokens().admin();
  }

  public String botToken() {
    return seed.tokens().bot();
  }

  /** {@code demo-token-<local part of the email>} for a seeded person. */
  public String tokenFor(String email) {
    String key = requirePerson(email);
    return seed.tokens().personPrefix() + key.substring(0, key.indexOf('@'));
  }

  public String personId(String email) {
    return WebexIds.seeded(WebexIds.PEOPLE, requirePerson(email));
  }

  public String botPersonId() {
    return WebexIds.seeded(WebexIds.PEOPLE, seed.bot().email());
  }

  public String botEmail() {
    return seed.bot().email();
  }

  public String botDisplayName() {
    return seed.bot().displayName();
  }

  /** The machine account behind the admin (Service App) token. */
  public String serviceAppPersonId() {
    return WebexIds.seeded(WebexIds.PEOPLE, seed.serviceApp().email());
  }

  /** The id of a seeded location, by exact name (case-insensitive). */
  public String locationId(String name) {
    for (OrgSeed org : seed.orgs()) {
      for (LocationSeed location : org.locations()) {
        if (location.name().equalsIgnoreCase(name)) {
          return locationIdOf(org.key(), location.name());
        }
      }
    }
    throw new IllegalArgumentException("No seeded location named '" + name + "'");
  }

  static String locationIdOf(String orgKey, String name) {
    return WebexIds.seeded(WebexIds.LOCATION, orgKey + "/" + name);
  }

  /** Names of all seeded locations of Example Corp, calling-enabled or not, in seed order. */
  public List<String> locationNames() {
    return exampleOrg().locations().stream().map(LocationSeed::name).toList();
  }

  /** Names of the calling-enabled locations of Example Corp, in seed order. */
  public List<String> callingLocationNames() {
    return exampleOrg().locations().stream().filter(LocationSeed::calling).map(LocationSeed::name).toList();
  }

  /** The direct (1:1) room between a seeded person and the bot. */
  public String directRoomId(String email) {
    return WebexIds.seeded(WebexIds.ROOM, "direct/" + requirePerson(email));
  }

  /** The group room "Calling Ops" (the admins and the bot). */
  public String groupRoomId() {
    return groupRoomId(seed.groupRooms().get(0).title());
  }

  static String groupRoomId(String title) {
    return WebexIds.seeded(WebexIds.ROOM, "group/" + title);
  }

  public String groupRoomTitle() {
    return seed.groupRooms().get(0).title();
  }

  public String clientId() {
    return seed.serviceApp().clientId();
  }

  public String clientSecret() {
    return seed.serviceApp().clientSecret();
  }

  public String refreshToken() {
    return seed.serviceApp().refreshToken();
  }

  /** Every seeded person (both orgs, without the bot), with a description of their role. */
  public List<Person> people() {
    List<Person> people = new ArrayList<>();
    for (OrgSeed org : seed.orgs()) {
      for (PersonSeed person : org.people()) {
        String description = org.key().equals(seed.bot().org())
            ? person.description()
            : person.description() + " (" + org.name() + ")";
        people.add(new Person(person.email(), person.displayName(), description));
      }
    }
    return List.copyOf(people);
  }

  /** The demo policy file ({@code /sim/demo-policy.yaml}) that grants the by-policy roles. */
  public static String policyYaml() {
    try (InputStream in = DemoOrg.class.getResourceAsStream(POLICY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + POLICY_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + POLICY_RESOURCE, e);
    }
  }

  Optional<String> orgKeyOf(String email) {
    return Optional.ofNullable(orgKeyOfEmail.get(email.toLowerCase(Locale.ROOT)));
  }

  private OrgSeed exampleOrg() {
    return seed.orgs().stream().filter(o -> o.key().equals(seed.bot().org())).findFirst().orElseThrow();
  }

  private String requirePerson(String email) {
    String key = email.toLowerCase(Locale.ROOT);
    if (!orgKeyOfEmail.containsKey(key)) {
      throw new IllegalArgumentException("No seeded person with email '" + email + "'");
    }
    return key;
  }
}
