package dev.switchboard.sim;

import static dev.switchboard.sim.Identity.Kind.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Webex Calling settings: location intercept, person transfer numbers, and the outgoing permissions and auto
 * transfer numbers of people and locations (read only here). Both PUTs answer 204, and a PUT changes only the
 * fields it names.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/location-call-settings-call-handling/put-location-intercept">Put Location Intercept</a>
 * @see <a href="https://developer.webex.com/docs/api/v1/user-call-settings-2-2/modify-transfer-numbers-for-a-person">Modify Transfer Numbers</a>
 */
final class CallingRoutes {

  private static final String READ = "spark-admin:telephony_config_read";
  private static final String WRITE = "spark-admin:telephony_config_write";
  private static final String PEOPLE_READ = "spark-admin:people_read";
  private static final List<String> INCOMING_TYPES = List.of("INTERCEPT_ALL", "ALLOW_ALL");
  private static final List<String> OUTGOING_TYPES = List.of("INTERCEPT_ALL", "ALLOW_LOCAL_ONLY");
  private static final List<String> GREETINGS = List.of("DEFAULT", "CUSTOM");
  private static final List<String> TRANSFER_FIELDS =
      List.of("autoTransferNumber1", "autoTransferNumber2", "autoTransferNumber3");

  private final SimState state;

  CallingRoutes(SimState state) {
    this.state = state;
  }

  void addTo(RoutesConfig routes) {
    routes.get("/v1/telephony/config/locations/{locationId}/intercept", this::getIntercept);
    routes.put("/v1/telephony/config/locations/{locationId}/intercept", this::putIntercept);
    String transfer = "/v1/telephony/config/people/{personId}/outgoingPermission/autoTransferNumbers";
    routes.get(transfer, this::getTransferNumbers);
    routes.put(transfer, this::putTransferNumbers);
    routes.get("/v1/people/{personId}/features/outgoingPermission", this::getPersonOutgoingPermission);
    routes.get("/v1/telephony/config/locations/{locationId}/outgoingPermission", this::getLocationOutgoingPermission);
    routes.get("/v1/telephony/config/locations/{locationId}/outgoingPermission/autoTransferNumbers",
        this::getLocationTransferNumbers);
  }

  private SimState.Location callingLocation(Context ctx, Identity caller) {
    String orgId = DirectoryRoutes.orgOf(ctx, caller);
    SimState.Location location = state.location(ctx.pathParam("locationId"))
        .filter(l -> l.orgId().equals(orgId))
        .orElseThrow(() -> WebexError.callingNotFound("Location not found."));
    if (!location.calling()) {
      throw WebexError.callingNotFound("Location '" + location.name() + "' is not enabled for Webex Calling.");
    }
    return location;
  }

  private SimState.Person callingPerson(Context ctx, Identity caller) {
    String orgId = DirectoryRoutes.orgOf(ctx, caller);
    SimState.Person person = state.person(ctx.pathParam("personId"))
        .filter(p -> p.orgId().equals(orgId))
        .orElseThrow(() -> WebexError.callingNotFound("Person not found."));
    if (!person.calling()) {
      throw WebexError.callingNotFound("Person '" + person.displayName() + "' is not a Webex Calling user.");
    }
    return person;
  }

  private void getIntercept(Context ctx) {
    Identity caller = Http.require(ctx, READ, ADMIN);
    ctx.json(state.intercept(callingLocation(ctx, caller).id()).orElseThrow());
  }

  private void putIntercept(Context ctx) {
    Identity caller = Http.require(ctx, WRITE, ADMIN);
    SimState.Location location = callingLocation(ctx, caller);
    ObjectNode body = Http.jsonBody(ctx, state.mapper);
    JsonNode enabled = body.get("enabled");
    if (enabled == null || enabled.isNull()) {
      throw WebexError.badRequest("Missing required field 'enabled'.");
    }
    Http.requireBoolean(enabled, "enabled");
    ObjectNode incoming = object(body, "incoming");
    ObjectNode announcements = incoming == null ? null : object(incoming, "announcements");
    ObjectNode outgoing = object(body, "outgoing");
    // Validate everything before changing anything: a 400 leaves the settings as they were.
    if (incoming != null) {
      check(incoming, "type", v -> Http.requireEnum(v, "incoming.type", INCOMING_TYPES));
      check(incoming, "voicemailEnabled", v -> Http.requireBoolean(v, "incoming.voicemailEnabled"));
    }
    if (announcements != null) {
      check(announcements, "greeting", v -> Http.requireEnum(v, "incoming.announcements.greeting", GREETINGS));
      check(announcements, "fileName", v -> requireText(v, "incoming.announcements.fileName"));
      for (String part : List.of("newNumber", "zeroTransfer")) {
        ObjectNode number = object(announcements, part);
        if (number != null) {
          String path = "incoming.announcements." + part;
          check(number, "enabled", v -> Http.requireBoolean(v, path + ".enabled"));
          check(number, "destination", v -> requireDestination(v, path + ".destination"));
        }
      }
    }
    if (outgoing != null) {
      check(outgoing, "type", v -> Http.requireEnum(v, "outgoing.type", OUTGOING_TYPES));
      check(outgoing, "transferEnabled", v -> Http.requireBoolean(v, "outgoing.transferEnabled"));
      check(outgoing, "destination", v -> requireDestination(v, "outgoing.destination"));
    }
    // Merge under the lock; a check that fails there throws before anything is stored.
    state.updateIntercept(location.id(), merged -> {
      merge(body, merged);
      JsonNode mergedAnnouncements = merged.path("incoming").path("announcements");
      if ("CUSTOM".equals(mergedAnnouncements.path("greeting").asText(null))
          && mergedAnnouncements.path("fileName").asText("").isEmpty()) {
        throw WebexError.badRequest("A CUSTOM greeting needs 'incoming.announcements.fileName'.");
      }
      for (String part : List.of("newNumber", "zeroTransfer")) {
        JsonNode number = mergedAnnouncements.path(part);
        if (number.path("enabled").asBoolean(false) && number.path("destination").asText("").isEmpty()) {
          throw WebexError.badRequest(
              "'incoming.announcements." + part + ".destination' is required when it is enabled.");
        }
      }
    });
    ctx.status(204);
  }

  /** Copies the known, non-null fields of {@code change} onto {@code target}; "" clears a destination. */
  private static void merge(ObjectNode change, ObjectNode target) {
    target.put("enabled", change.get("enabled").asBoolean());
    ObjectNode incoming = object(change, "incoming");
    if (incoming != null) {
      ObjectNode to = target.withObjectProperty("incoming");
      copy(incoming, to, "type");
      copy(incoming, to, "voicemailEnabled");
      ObjectNode announcements = object(incoming, "announcements");
      if (announcements != null) {
        ObjectNode toAnnouncements = to.withObjectProperty("announcements");
        copy(announcements, toAnnouncements, "greeting");
        copy(announcements, toAnnouncements, "fileName");
        for (String part : List.of("newNumber", "zeroTransfer")) {
          ObjectNode number = object(announcements, part);
          if (number != null) {
            ObjectNode toNumber = toAnnouncements.withObjectProperty(part);
            copy(number, toNumber, "enabled");
            copy(number, toNumber, "destination");
          }
        }
      }
    }
    ObjectNode outgoing = object(change, "outgoing");
    if (outgoing != null) {
      ObjectNode to = target.withObjectProperty("outgoing");
      copy(outgoing, to, "type");
      copy(outgoing, to, "transferEnabled");
      copy(outgoing, to, "destination");
    }
  }

  private static void copy(ObjectNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    if (value.isTextual() && value.asText().isEmpty()) {
      to.remove(field);
    } else {
      to.set(field, value.deepCopy());
    }
  }

  private static ObjectNode object(ObjectNode parent, String field) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!(value instanceof ObjectNode object)) {
      throw WebexError.badRequest("Invalid value for '" + field + "': an object is required.");
    }
    return object;
  }

  private interface Check {
    void accept(JsonNode value);
  }

  private static void check(ObjectNode parent, String field, Check check) {
    JsonNode value = parent.get(field);
    if (value != null && !value.isNull()) {
      check.accept(value);
    }
  }

  private static void requireText(JsonNode value, String field) {
    if (!value.isTextual()) {
      throw WebexError.badRequest("Invalid value for '" + field + "': a string is required.");
    }
  }

  private static void requireDestination(JsonNode value, String field) {
    if (value.isTextual() && value.asText().isEmpty()) {
      return;
    }
    Http.requirePhoneNumber(value, field);
  }

  private void getTransferNumbers(Context ctx) {
    Identity caller = Http.require(ctx, READ, ADMIN);
    ctx.json(state.transferNumbers(callingPerson(ctx, caller).id()).orElseThrow());
  }

  private void putTransferNumbers(Context ctx) {
    Identity caller = Http.require(ctx, WRITE, ADMIN);
    SimState.Person person = callingPerson(ctx, caller);
    ObjectNode body = Http.jsonBody(ctx, state.mapper);
    JsonNode useCustom = body.get("useCustomTransferNumbers");
    if (useCustom == null || useCustom.isNull()) {
      throw WebexError.badRequest("Missing required field 'useCustomTransferNumbers'.");
    }
    Http.requireBoolean(useCustom, "useCustomTransferNumbers");
    for (String field : TRANSFER_FIELDS) {
      JsonNode value = body.get(field);
      if (value != null && !value.isNull()) {
        requireDestination(value, field);
      }
    }
    state.updateTransferNumbers(person.id(), current -> {
      current.put("useCustomTransferNumbers", useCustom.asBoolean());
      for (String field : TRANSFER_FIELDS) {
        copy(body, current, field);
      }
    });
    ctx.status(204);
  }

  /** A People feature, so it needs a People scope, not a telephony one (the spec's "spark-admin:people_read"). */
  private void getPersonOutgoingPermission(Context ctx) {
    Identity caller = Http.require(ctx, PEOPLE_READ, ADMIN);
    ctx.json(state.personOutgoingPermission(callingPerson(ctx, caller)));
  }

  private void getLocationOutgoingPermission(Context ctx) {
    Identity caller = Http.require(ctx, READ, ADMIN);
    ctx.json(state.locationOutgoingPermission(callingLocation(ctx, caller).id()));
  }

  private void getLocationTransferNumbers(Context ctx) {
    Identity caller = Http.require(ctx, READ, ADMIN);
    ctx.json(state.locationTransferNumbers(callingLocation(ctx, caller).id()));
  }
}
