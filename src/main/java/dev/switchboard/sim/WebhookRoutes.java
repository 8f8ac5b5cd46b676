package dev.switchboard.sim;

import static dev.switchboard.sim.Identity.Kind.BOT;
import static dev.switchboard.sim.Identity.Kind.PERSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Webhooks CRUD: {@code POST /webhooks} (200), {@code GET /webhooks}, {@code GET/PUT/DELETE /webhooks/{id}}.
 * A PUT changes only name, target URL, secret and status, and status only to reactivate; other fields in
 * a PUT body are ignored.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/webhooks">Webhooks</a>
 */
final class WebhookRoutes {

  static final List<String> RESOURCES = List.of("attachmentActions", "dataSources", "memberships", "messages",
      "rooms", "meetings", "recordings", "convergedRecordings", "meetingParticipants", "meetingTranscripts",
      "telephony_calls", "telephony_conference", "telephony_mwi", "uc_counters", "serviceApp", "adminBatchJobs");
  static final List<String> EVENTS = List.of("created", "updated", "deleted", "started", "ended", "joined", "left",
      "migrated", "authorized", "deauthorized", "statusChanged");
  private static final Map<String, Set<String>> FILTER_KEYS = Map.of(
      "messages", Set.of("roomId", "roomType", "personId", "personEmail", "mentionedPeople", "hasFiles",
          "hasAttachments"),
      "attachmentActions", Set.of("messageId", "personId", "roomId"));

  private final SimState state;

  WebhookRoutes(SimState state) {
    this.state = state;
  }

  void addTo(RoutesConfig routes) {
    routes.post("/v1/webhooks", this::create);
    routes.get("/v1/webhooks", this::list);
    routes.get("/v1/webhooks/{webhookId}", this::get);
    routes.put("/v1/webhooks/{webhookId}", this::update);
    routes.delete("/v1/webhooks/{webhookId}", this::delete);
  }

  private void create(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_read", BOT, PERSON);
    ObjectNode body = Http.jsonBody(ctx, state.mapper);
    String name = Http.requiredString(body, "name");
    String targetUrl = targetUrl(Http.requiredString(body, "targetUrl"));
    JsonNode resource = body.get("resource");
    JsonNode event = body.get("event");
    if (resource == null || resource.isNull()) {
      throw WebexError.badRequest("Missing required field 'resource'.");
    }
    if (event == null || event.isNull()) {
      throw WebexError.badRequest("Missing required field 'event'.");
    }
    Http.requireEnum(resource, "resource", RESOURCES);
    Http.requireEnum(event, "event", EVENTS);
    String filter = Http.optionalString(body, "filter");
    checkFilter(resource.asText(), filter);
    String secret = Http.optionalString(body, "secret");
    String ownedBy = Http.optionalString(body, "ownedBy");
    if (ownedBy != null && !ownedBy.equals("creator")) {
      throw WebexError.badRequest("ownedBy=" + ownedBy + " needs an admin token with org-wide scopes.");
    }
    SimState.Webhook webhook = new SimState.Webhook(WebexIds.random(WebexIds.WEBHOOK), caller,
        WebexIds.seeded(WebexIds.APPLICATION, caller.name()), name, targetUrl, resource.asText(), event.asText(),
        filter == null || filter.isEmpty() ? null : filter, secret, "creator", state.now());
    state.addWebhook(webhook);
    ctx.json(render(webhook));
  }

  private static String targetUrl(String value) {
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw WebexError.badRequest("Invalid targetUrl '" + value + "': an http or https URL is required.");
      }
      return value;
    } catch (URISyntaxException e) {
      throw WebexError.badRequest("Invalid targetUrl '" + value + "': an http or https URL is required.");
    }
  }

  private static void checkFilter(String resource, String filter) {
    Map<String, String> parsed = WebhookDispatcher.parseFilter(filter);
    Set<String> allowed = FILTER_KEYS.get(resource);
    if (allowed == null) {
      return;
    }
    for (Map.Entry<String, String> entry : parsed.entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        throw WebexError.badRequest("Invalid filter key '" + entry.getKey() + "' for resource " + resource
            + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ".");
      }
      if (entry.getKey().equals("roomType") && !List.of("direct", "group").contains(entry.getValue())) {
        throw WebexError.badRequest("Invalid filter value roomType=" + entry.getValue() + "; allowed: direct, group.");
      }
      if (entry.getKey().startsWith("has") && !List.of("true", "false").contains(entry.getValue())) {
        throw WebexError.badRequest("Invalid filter value " + entry.getKey() + "=" + entry.getValue() + ".");
      }
    }
  }

  private void list(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_read", BOT, PERSON);
    String ownedBy = ctx.queryParam("ownedBy");
    if (ownedBy != null && !ownedBy.equals("org")) {
      throw WebexError.badRequest("Invalid value '" + ownedBy + "' for 'ownedBy'; the only allowed value is org.");
    }
    int max = Http.max(ctx, 100, 1000);
    List<SimState.Webhook> all = ownedBy != null ? List.of() : state.webhooksOwnedBy(caller.name());
    List<SimState.Webhook> page = Http.pageAfter(ctx, all, w -> w.id, max, "after");
    ObjectNode body = state.mapper.createObjectNode();
    ArrayNode items = body.putArray("items");
    page.forEach(w -> items.add(render(w)));
    ctx.json(body);
  }

  private SimState.Webhook own(Context ctx, Identity caller) {
    return state.webhook(ctx.pathParam("webhookId"))
        .filter(w -> w.ownerName.equals(caller.name()))
        .orElseThrow(WebexError::notFound);
  }

  private void get(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_read", BOT, PERSON);
    ctx.json(render(own(ctx, caller)));
  }

  private void update(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_read", BOT, PERSON);
    SimState.Webhook webhook = own(ctx, caller);
    ObjectNode body = Http.jsonBody(ctx, state.mapper);
    String name = Http.requiredString(body, "name");
    String targetUrl = targetUrl(Http.requiredString(body, "targetUrl"));
    String secret = Http.optionalString(body, "secret");
    JsonNode status = body.get("status");
    if (status != null && !status.isNull()) {
      if (status.isTextual() && status.asText().equals("inactive")) {
        throw WebexError.badRequest("A webhook cannot be deactivated; only an auto-deactivated webhook can be "
            + "reactivated with status=active.");
      }
      Http.requireEnum(status, "status", List.of("active"));
    }
    state.withWebhook(webhook, w -> {
      w.name = name;
      w.targetUrl = targetUrl;
      if (secret != null) {
        w.secret = secret;
      }
      return null;
    });
    if (status != null && !status.isNull()) {
      state.reactivate(webhook);
    }
    ctx.json(render(webhook));
  }

  private void delete(Context ctx) {
    Identity caller = Http.require(ctx, "spark:messages_read", BOT, PERSON);
    state.removeWebhook(own(ctx, caller).id);
    ctx.status(204);
  }

  ObjectNode render(SimState.Webhook webhook) {
    return state.withWebhook(webhook, w -> {
      ObjectNode json = state.mapper.createObjectNode();
      json.put("id", w.id);
      json.put("name", w.name);
      json.put("targetUrl", w.targetUrl);
      json.put("resource", w.resource);
      json.put("event", w.event);
      if (w.filter != null) {
        json.put("filter", w.filter);
      }
      if (w.secret != null) {
        json.put("secret", w.secret);
      }
      json.put("status", w.status);
      json.put("created", SimState.timestamp(w.created));
      json.put("orgId", w.orgId);
      json.put("createdBy", w.ownerPersonId);
      json.put("appId", w.appId);
      json.put("ownedBy", w.ownedBy);
      return json;
    });
  }
}
