package dev.switchboard.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/** The simulator's in-memory Webex: people, locations, calling settings, rooms, messages, webhooks. One lock. */
final class SimState {

  /** Webex disables a webhook after 100 failed deliveries within five minutes. */
  static final int FAILURE_THRESHOLD = 100;
  static final Duration FAILURE_WINDOW = Duration.ofMinutes(5);

  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Instant SEEDED_AT = Instant.parse("2024-01-15T09:00:00Z");

  record Person(String id, String email, String displayName, String firstName, String lastName, String orgId,
      List<String> roles, String type, boolean calling, String locationId, String extension, String workNumber,
      Instant created) {}

  record Location(String id, String name, String orgId, boolean calling, ObjectNode address, String timeZone,
      String preferredLanguage, String latitude, String longitude, String notes, String mainNumber) {}

  record Room(String id, String type, String title, Set<String> members, Instant created) {}

  record Message(String id, String roomId, String roomType, String personId, String parentId,
      List<String> mentionedPeople, boolean hasFiles, boolean hasAttachments, Instant created, ObjectNode json) {}

  record AttachmentAction(String id, String messageId, String personId, String roomId, Instant created,
      ObjectNode json) {}

  /** A registered webhook; mutable, guarded by the state's lock. */
  static final class Webhook {
    final String id;
    final String ownerPersonId;
    final String ownerName;
    final String orgId;
    final String appId;
    final String resource;
    final String event;
    final String filter;
    final String ownedBy;
    final Instant created;
    String name;
    String targetUrl;
    String secret;
    String status = "active";
    int failedDeliveries;
    final Deque<Instant> recentFailures = new ArrayDeque<>();
    Instant autoDisabledAt;
    boolean strict;

    Webhook(String id, Identity owner, String appId, String name, String targetUrl, String resource, String event,
        String filter, String secret, String ownedBy, Instant created) {
      this.id = id;
      this.ownerPersonId = owner.personId();
      this.ownerName = owner.name();
      this.orgId = owner.orgId();
      this.appId = appId;
      this.name = name;
      this.targetUrl = targetUrl;
      this.resource = resource;
      this.event = event;
      this.filter = filter;
      this.secret = secret;
      this.ownedBy = ownedBy;
      this.created = created;
    }
  }

  final DemoOrg org;
  final ObjectMapper mapper;
  final Clock clock;
  private final Identity admin;
  private final Identity bot;
  private final Map<String, Identity> tokens = new HashMap<>();
  private final Map<String, Person> people = new LinkedHashMap<>();
  private final Map<String, Person> peopleByEmail = new HashMap<>();
  private final Map<String, Location> locations = new LinkedHashMap<>();
  private final Map<String, ObjectNode> intercepts = new HashMap<>();
  private final Map<String, ObjectNode> transferNumbers = new HashMap<>();
  /** Outgoing-permission rules (call type to action) of each calling location, and of people with their own. */
  private final Map<String, Map<String, String>> outgoingRules = new HashMap<>();
  private final Map<String, ObjectNode> locationTransferNumbers = new HashMap<>();
  private final Map<String, Room> rooms = new LinkedHashMap<>();
  private final Map<String, Message> messages = new LinkedHashMap<>();
  private final Map<String, List<Message>> messagesByRoom = new HashMap<>();
  private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
  private final Map<String, AttachmentAction> actions = new HashMap<>();
  private final AtomicLong issuedTokens = new AtomicLong();

  SimState(DemoOrg org, ObjectMapper mapper, Clock clock) {
    this.org = org;
    this.mapper = mapper;
    this.clock = clock;
    DemoOrg.Seed seed = org.seed();
    for (DemoOrg.OrgSeed orgSeed : seed.orgs()) {
      String orgId = org.orgIdOfKey(orgSeed.key());
      for (DemoOrg.LocationSeed l : orgSeed.locations()) {
        String id = DemoOrg.locationIdOf(orgSeed.key(), l.name());
        locations.put(id, new Location(id, l.name(), orgId, l.calling(), l.address(), l.timeZone(),
            l.preferredLanguage(), l.latitude(), l.longitude(), l.notes(), l.mainNumber()));
        if (l.calling()) {
          intercepts.put(id, l.intercept() != null ? l.intercept().deepCopy() : defaultIntercept());
          outgoingRules.put(id, OutgoingRules.withDefaults(l.outgoingPermission()));
          locationTransferNumbers.put(id, l.transferNumbers() != null ? l.transferNumbers().deepCopy()
              : mapper.createObjectNode());
        }
      }
      for (DemoOrg.PersonSeed p : orgSeed.people()) {
        String locationId = p.calling() && p.location() != null ? DemoOrg.locationIdOf(orgSeed.key(), p.location()) : null;
        List<String> roles = p.roles() == null ? List.of()
            : p.roles().stream().map(r -> WebexIds.encode(WebexIds.ROLE, r)).toList();
        Person person = new Person(org.personId(p.email()), p.email().toLowerCase(Locale.ROOT), p.displayName(),
            p.firstName(), p.lastName(), orgId, roles, "person", p.calling(), locationId,
            p.calling() ? p.extension() : null, p.workNumber(), SEEDED_AT);
        addPerson(person);
        if (p.calling()) {
          ObjectNode numbers = p.transferNumbers() != null ? p.transferNumbers().deepCopy()
              : mapper.createObjectNode().put("useCustomTransferNumbers", false);
          transferNumbers.put(person.id(), numbers);
          if (p.outgoingPermission() != null) {
            outgoingRules.put(person.id(), OutgoingRules.withDefaults(p.outgoingPermission()));
          }
        }
        tokens.put(org.tokenFor(p.email()), new Identity(Identity.Kind.PERSON, person.email(), orgId, person.id()));
      }
    }
    DemoOrg.IdentitySeed botSeed = seed.bot();
    String botOrg = org.orgIdOfKey(botSeed.org());
    addPerson(new Person(org.botPersonId(), botSeed.email(), botSeed.displayName(), botSeed.displayName(), null,
        botOrg, List.of(), "bot", false, null, null, null, SEEDED_AT));
    DemoOrg.ServiceAppSeed app = seed.serviceApp();
    addPerson(new Person(org.serviceAppPersonId(), app.email(), app.displayName(), app.displayName(), null,
        org.orgIdOfKey(app.org()), List.of(DemoOrg.FULL_ADMIN_ROLE_ID), "appuser", false, null, null, null,
        SEEDED_AT));
    admin = new Identity(Identity.Kind.ADMIN, "admin", org.orgIdOfKey(app.org()), org.serviceAppPersonId());
    bot = new Identity(Identity.Kind.BOT, "bot", botOrg, org.botPersonId());
    tokens.put(org.adminToken(), admin);
    tokens.put(org.botToken(), bot);

    for (DemoOrg.OrgSeed orgSeed : seed.orgs()) {
      for (DemoOrg.PersonSeed p : orgSeed.people()) {
        Set<String> members = new LinkedHashSet<>(List.of(org.personId(p.email()), org.botPersonId()));
        String id = org.directRoomId(p.email());
        rooms.put(id, new Room(id, "direct", null, members, SEEDED_AT));
      }
    }
    for (DemoOrg.GroupRoomSeed g : seed.groupRooms()) {
      Set<String> members = new LinkedHashSet<>();
      g.members().forEach(email -> members.add(org.personId(email)));
      members.add(org.botPersonId());
      String id = DemoOrg.groupRoomId(g.title());
      rooms.put(id, new Room(id, "group", g.title(), members, SEEDED_AT));
    }
  }

  private void addPerson(Person person) {
    people.put(person.id(), person);
    peopleByEmail.put(person.email(), person);
  }

  ObjectNode defaultIntercept() {
    ObjectNode body = mapper.createObjectNode().put("enabled", false);
    ObjectNode incoming = body.putObject("incoming").put("type", "INTERCEPT_ALL").put("voicemailEnabled", false);
    ObjectNode announcements = incoming.putObject("announcements").put("greeting", "DEFAULT");
    announcements.putObject("newNumber").put("enabled", false);
    announcements.putObject("zeroTransfer").put("enabled", false);
    body.putObject("outgoing").put("type", "INTERCEPT_ALL").put("transferEnabled", false);
    return body;
  }

  Instant now() {
    return clock.instant();
  }

  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  Identity adminIdentity() {
    return admin;
  }

  Identity botIdentity() {
    return bot;
  }

  // ---- tokens

  synchronized Optional<Identity> identify(String token) {
    return Optional.ofNullable(tokens.get(token));
  }

  /** Issues a fresh admin access token (the refresh-token grant). */
  synchronized String issueAccessToken() {
    String token = "sim-access-" + issuedTokens.incrementAndGet() + "-" + UUID.randomUUID();
    tokens.put(token, admin);
    return token;
  }

  // ---- people and locations

  synchronized Optional<Person> person(String id) {
    return Optional.ofNullable(people.get(id));
  }

  synchronized Optional<Person> personByEmail(String email) {
    return Optional.ofNullable(peopleByEmail.get(email.toLowerCase(Locale.ROOT)));
  }

  /** People of an org that a directory lists: people and bots, not the Service App's machine account. */
  synchronized List<Person> listedPeople(String orgId) {
    return people.values().stream()
        .filter(p -> p.orgId().equals(orgId) && !p.type().equals("appuser"))
        .toList();
  }

  synchronized Optional<Location> location(String id) {
    return Optional.ofNullable(locations.get(id));
  }

  synchronized List<Location> locations(String orgId) {
    return locations.values().stream().filter(l -> l.orgId().equals(orgId)).toList();
  }

  // ---- calling settings

  synchronized Optional<ObjectNode> intercept(String locationId) {
    return Optional.ofNullable(intercepts.get(locationId)).map(ObjectNode::deepCopy);
  }

  /** Applies a change to a location's intercept under the lock (read-modify-write is atomic). */
  synchronized void updateIntercept(String locationId, Consumer<ObjectNode> change) {
    ObjectNode copy = intercepts.get(locationId).deepCopy();
    change.accept(copy);
    intercepts.put(locationId, copy);
  }

  synchronized Optional<ObjectNode> transferNumbers(String personId) {
    return Optional.ofNullable(transferNumbers.get(personId)).map(ObjectNode::deepCopy);
  }

  /** A calling location's outgoing permission, as {@code GET .../outgoingPermission} answers. */
  synchronized ObjectNode locationOutgoingPermission(String locationId) {
    return OutgoingRules.location(mapper, outgoingRules.get(locationId));
  }

  /** A calling person's outgoing permission: their own rules, or their location's when they have none. */
  synchronized ObjectNode personOutgoingPermission(Person person) {
    return OutgoingRules.person(mapper, outgoingRules.get(person.id()), outgoingRules.get(person.locationId()));
  }

  synchronized ObjectNode locationTransferNumbers(String locationId) {
    return locationTransferNumbers.get(locationId).deepCopy();
  }

  synchronized void updateTransferNumbers(String personId, Consumer<ObjectNode> change) {
    ObjectNode copy = transferNumbers.get(personId).deepCopy();
    change.accept(copy);
    transferNumbers.put(personId, copy);
  }

  // ---- rooms and messages

  synchronized Optional<Room> room(String id) {
    return Optional.ofNullable(rooms.get(id));
  }

  /** The direct room of two people, created when they have none yet. */
  synchronized Room directRoom(String personA, String personB) {
    for (Room room : rooms.values()) {
      if (room.type().equals("direct") && room.members().contains(personA) && room.members().contains(personB)) {
        return room;
      }
    }
    String id = WebexIds.random(WebexIds.ROOM);
    Room room = new Room(id, "direct", null, new LinkedHashSet<>(List.of(personA, personB)), now());
    rooms.put(id, room);
    return room;
  }

  synchronized void addMessage(Message message) {
    messages.put(message.id(), message);
    messagesByRoom.computeIfAbsent(message.roomId(), r -> new ArrayList<>()).add(message);
  }

  synchronized Optional<Message> message(String id) {
    return Optional.ofNullable(messages.get(id));
  }

  /** Messages of a room, oldest first. */
  synchronized List<Message> messagesInRoom(String roomId) {
    return List.copyOf(messagesByRoom.getOrDefault(roomId, List.of()));
  }

  synchronized void addAction(AttachmentAction action) {
    actions.put(action.id(), action);
  }

  synchronized Optional<AttachmentAction> action(String id) {
    return Optional.ofNullable(actions.get(id));
  }

  // ---- webhooks

  synchronized void addWebhook(Webhook webhook) {
    webhooks.put(webhook.id, webhook);
  }

  synchronized Optional<Webhook> webhook(String id) {
    return Optional.ofNullable(webhooks.get(id));
  }

  synchronized boolean removeWebhook(String id) {
    return webhooks.remove(id) != null;
  }

  synchronized List<Webhook> webhooksOwnedBy(String ownerName) {
    return webhooks.values().stream().filter(w -> w.ownerName.equals(ownerName)).toList();
  }

  synchronized List<Webhook> activeWebhooks(String resource, String event) {
    return webhooks.values().stream()
        .filter(w -> w.status.equals("active") && w.resource.equals(resource) && w.event.equals(event))
        .toList();
  }

  /** Runs code on a webhook under the lock. */
  synchronized <T> T withWebhook(Webhook webhook, Function<Webhook, T> code) {
    return code.apply(webhook);
  }

  /**
   * Counts a failed delivery; past Webex's threshold (100 within 5 minutes) the webhook turns inactive.
   * A webhook reactivated within five minutes of being disabled is disabled again at the next failure,
   * as Webex documents.
   */
  synchronized void recordFailure(String webhookId) {
    Webhook webhook = webhooks.get(webhookId);
    if (webhook == null) {
      return;
    }
    Instant now = now();
    webhook.failedDeliveries++;
    webhook.recentFailures.addLast(now);
    while (!webhook.recentFailures.isEmpty()
        && webhook.recentFailures.peekFirst().isBefore(now.minus(FAILURE_WINDOW))) {
      webhook.recentFailures.removeFirst();
    }
    if (webhook.status.equals("active")
        && (webhook.strict || webhook.recentFailures.size() >= FAILURE_THRESHOLD)) {
      webhook.status = "inactive";
      webhook.autoDisabledAt = now;
      webhook.recentFailures.clear();
    }
  }

  synchronized void reactivate(Webhook webhook) {
    if (webhook.status.equals("inactive")) {
      webhook.strict = webhook.autoDisabledAt != null
          && webhook.autoDisabledAt.isAfter(now().minus(FAILURE_WINDOW));
      webhook.status = "active";
      webhook.recentFailures.clear();
    }
  }
}
