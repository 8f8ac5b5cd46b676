package dev.switchboard.sim;

import static dev.switchboard.sim.Identity.Kind.ADMIN;
import static dev.switchboard.sim.Identity.Kind.BOT;
import static dev.switchboard.sim.Identity.Kind.PERSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * People and locations: {@code /people}, {@code /people/{id}}, {@code /people/me}, {@code /locations},
 * {@code /locations/{id}} and the Calling list {@code /telephony/config/locations}.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/people">People</a>
 * @see <a href="https://developer.webex.com/docs/api/v1/locations">Locations</a>
 */
final class DirectoryRoutes {

  private final SimState state;

  DirectoryRoutes(SimState state) {
    this.state = state;
  }

  void addTo(RoutesConfig routes) {
    routes.get("/v1/people", this::listPeople);
    routes.get("/v1/people/{personId}", this::getPerson);
    routes.get("/v1/locations", this::listLocations);
    routes.get("/v1/locations/{locationId}", this::getLocation);
    routes.get("/v1/telephony/config/locations", this::listCallingLocations);
    routes.get("/v1/organizations/{orgId}", this::getOrganization);
  }

  /**
   * An org by its Webex id or by the bare uuid Control Hub shows (wxcadm looks a 36-character org id up here for
   * exactly that reason); the answer always names the Webex id. An org the caller neither is in nor administers
   * is 404, like an unknown one.
   */
  private void getOrganization(Context ctx) {
    Identity caller = Http.require(ctx, "spark-admin:organizations_read", ADMIN);
    String asked = ctx.pathParam("orgId");
    String wanted = WebexIds.uuidOf(asked);
    var org = state.org.orgNamesById().entrySet().stream()
        .filter(e -> WebexIds.uuidOf(e.getKey()).equals(wanted))
        .filter(e -> e.getKey().equals(caller.orgId()))
        .findFirst()
        .orElseThrow(() -> WebexError.notFound("Organization not found."));
    ObjectNode json = state.mapper.createObjectNode();
    json.put("id", org.getKey());
    json.put("displayName", org.getValue());
    json.put("created", SimState.timestamp(java.time.Instant.parse("2024-01-15T09:00:00Z")));
    ctx.json(json);
  }

  /** The org a request works on: the caller's own; another org's id is for partner admins only. */
  static String orgOf(Context ctx, Identity caller) {
    String orgId = ctx.queryParam("orgId");
    if (orgId != null && !orgId.equals(caller.orgId())) {
      throw WebexError.forbidden("Only admin users of another organization (such as partners) may use orgId.");
    }
    return caller.orgId();
  }

  private void listPeople(Context ctx) {
    Identity caller = Http.require(ctx, "spark:people_read", ADMIN, BOT, PERSON);
    String orgId = orgOf(ctx, caller);
    String email = ctx.queryParam("email");
    String displayName = ctx.queryParam("displayName");
    String ids = ctx.queryParam("id");
    String locationId = ctx.queryParam("locationId");
    boolean callingData = Http.booleanQuery(ctx, "callingData");
    boolean admin = caller.kind() == ADMIN;
    if (!admin && email == null && displayName == null && ids == null) {
      throw WebexError.badRequest("Email, displayName, or id list should be specified.");
    }
    int cap = callingData ? 100 : locationId != null ? 50 : 1000;
    int max = Http.max(ctx, 100, cap);

    Stream<SimState.Person> matches = state.listedPeople(orgId).stream();
    List<String> notFound = new ArrayList<>();
    if (ids != null) {
      List<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      if (wanted.size() > 85) {
        throw WebexError.badRequest("At most 85 ids may be given in 'id'.");
      }
      wanted.stream().filter(id -> state.person(id).filter(p -> p.orgId().equals(orgId)).isEmpty())
          .forEach(notFound::add);
      matches = matches.filter(p -> wanted.contains(p.id()));
    }
    if (email != null) {
      String wanted = email.toLowerCase(Locale.ROOT);
      matches = matches.filter(p -> p.email().equals(wanted));
    }
    if (displayName != null) {
      String prefix = displayName.toLowerCase(Locale.ROOT);
      matches = matches.filter(p -> p.displayName().toLowerCase(Locale.ROOT).startsWith(prefix));
    }
    if (locationId != null) {
      matches = matches.filter(p -> locationId.equals(p.locationId()));
    }
    List<SimState.Person> all = matches.toList();
    List<SimState.Person> page = Http.pageAfter(ctx, all, SimState.Person::id, max, "after");
    ObjectNode body = state.mapper.createObjectNode();
    ArrayNode items = body.putArray("items");
    page.forEach(p -> items.add(renderPerson(p, caller, false, callingData)));
    if (ids != null) {
      notFound.forEach(body.putArray("notFoundIds")::add);
    }
    ctx.json(body);
  }

  private void getPerson(Context ctx) {
    Identity caller = Http.require(ctx, "spark:people_read", ADMIN, BOT, PERSON);
    String id = ctx.pathParam("personId");
    boolean callingData = Http.booleanQuery(ctx, "callingData");
    String personId = id.equals("me") ? caller.personId() : id;
    SimState.Person person = state.person(personId).orElseThrow(WebexError::notFound);
    ctx.json(renderPerson(person, caller, true, callingData));
  }

  /**
   * A person as Webex shows it to this caller. Admins of the person's org get {@code roles} on a single
   * person (not in lists, as Webex documents) and, with {@code callingData=true}, the Calling fields.
   */
  ObjectNode renderPerson(SimState.Person p, Identity caller, boolean single, boolean callingData) {
    boolean orgAdmin = caller.kind() == ADMIN && caller.orgId().equals(p.orgId());
    ObjectNode json = state.mapper.createObjectNode();
    json.put("id", p.id());
    json.putArray("emails").add(p.email());
    if (p.workNumber() != null) {
      json.putArray("phoneNumbers").addObject().put("type", "work").put("value", p.workNumber()).put("primary", true);
    }
    if (orgAdmin && callingData && p.calling()) {
      json.put("extension", p.extension());
      json.put("locationId", p.locationId());
    }
    json.put("displayName", p.displayName());
    if (p.firstName() != null) {
      json.put("firstName", p.firstName());
    }
    if (p.lastName() != null) {
      json.put("lastName", p.lastName());
    }
    json.put("orgId", p.orgId());
    if (orgAdmin && single) {
      ArrayNode roles = json.putArray("roles");
      p.roles().forEach(roles::add);
    }
    json.put("created", SimState.timestamp(p.created()));
    json.put("lastModified", SimState.timestamp(p.created()));
    json.put("type", p.type());
    return json;
  }

  private void listLocations(Context ctx) {
    Identity caller = Http.require(ctx, "spark-admin:locations_read", ADMIN);
    String orgId = orgOf(ctx, caller);
    String name = ctx.queryParam("name");
    String id = ctx.queryParam("id");
    int max = Http.max(ctx, 500, 1000);
    Stream<SimState.Location> matches = state.locations(orgId).stream();
    if (name != null) {
      String part = name.toLowerCase(Locale.ROOT);
      matches = matches.filter(l -> l.name().toLowerCase(Locale.ROOT).contains(part));
    }
    if (id != null) {
      matches = matches.filter(l -> l.id().equals(id));
    }
    List<SimState.Location> page = Http.pageAfter(ctx, matches.toList(), SimState.Location::id, max, "after");
    ObjectNode body = state.mapper.createObjectNode();
    ArrayNode items = body.putArray("items");
    page.forEach(l -> items.add(renderLocation(l)));
    ctx.json(body);
  }

  private void getLocation(Context ctx) {
    Identity caller = Http.require(ctx, "spark-admin:locations_read", ADMIN);
    String orgId = orgOf(ctx, caller);
    SimState.Location location = state.location(ctx.pathParam("locationId"))
        .filter(l -> l.orgId().equals(orgId))
        .orElseThrow(WebexError::notFound);
    ctx.json(renderLocation(location));
  }

  private ObjectNode renderLocation(SimState.Location l) {
    ObjectNode json = state.mapper.createObjectNode();
    json.put("id", l.id());
    json.put("name", l.name());
    json.put("orgId", l.orgId());
    json.set("address", l.address().deepCopy());
    json.put("timeZone", l.timeZone());
    json.put("preferredLanguage", l.preferredLanguage());
    json.put("latitude", l.latitude());
    json.put("longitude", l.longitude());
    json.put("notes", l.notes());
    return json;
  }

  private void listCallingLocations(Context ctx) {
    Identity caller = Http.require(ctx, "spark-admin:telephony_config_read", ADMIN);
    String orgId = orgOf(ctx, caller);
    String name = ctx.queryParam("name");
    String order = ctx.queryParam("order");
    int max = Http.max(ctx, 2000, 2000);
    Stream<SimState.Location> matches = state.locations(orgId).stream().filter(SimState.Location::calling);
    if (name != null) {
      String part = name.toLowerCase(Locale.ROOT);
      matches = matches.filter(l -> l.name().toLowerCase(Locale.ROOT).contains(part));
    }
    if (order != null) {
      Comparator<SimState.Location> byName = Comparator.comparing(l -> l.name().toLowerCase(Locale.ROOT));
      switch (order.toLowerCase(Locale.ROOT)) {
        case "asc" -> matches = matches.sorted(byName);
        case "desc" -> matches = matches.sorted(byName.reversed());
        default -> throw WebexError.badRequest("Invalid value '" + order + "' for 'order'; allowed: asc, desc.");
      }
    }
    List<SimState.Location> page = Http.pageFromStart(ctx, matches.toList(), max);
    ObjectNode body = state.mapper.createObjectNode();
    ArrayNode items = body.putArray("locations");
    for (SimState.Location l : page) {
      ObjectNode item = items.addObject().put("id", l.id()).put("name", l.name());
      if (l.mainNumber() != null) {
        item.putObject("callingLineId").put("name", l.name()).put("phoneNumber", l.mainNumber());
      }
    }
    ctx.json(body);
  }
}
