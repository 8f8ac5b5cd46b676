package dev.switchboard.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The U2C catalog ({@code GET /u2c/api/v1/catalog?format=hostmap}, naming the device service in
 * {@code serviceLinks.wdm}) and the device service ({@code /wdm/api/v1/devices}: list, register, refresh, delete), both on
 * the simulator's own port, so a bot finds its websocket as it finds Webex's. A person or bot may hold at most
 * {@link #MOST_DEVICES} devices, as Webex bounds devices per user.
 */
final class DeviceRoutes {

  static final int MOST_DEVICES = 10;
  private static final String DEVICES = "/wdm/api/v1/devices";

  private final SimState state;
  private final MercuryHub hub;

  DeviceRoutes(SimState state, MercuryHub hub) {
    this.state = state;
    this.hub = hub;
  }

  void addTo(RoutesConfig routes) {
    routes.get("/u2c/api/v1/catalog", this::catalog);
    routes.get(DEVICES, this::list);
    routes.post(DEVICES, this::register);
    routes.put(DEVICES + "/{deviceId}", this::refresh);
    routes.delete(DEVICES + "/{deviceId}", this::delete);
  }

  private static String base(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  private void catalog(Context ctx) {
    Http.caller(ctx);
    ObjectNode body = state.mapper.createObjectNode();
    body.putObject("serviceLinks").put("wdm", base(ctx) + "/wdm/api/v1")
        .put("conversation", "https://" + MercuryHub.CONVERSATION_HOST + "/conversation/api/v1");
    // Hosts with the cluster each serves, as U2C names them: a bot finds a conversation's cluster by its URL's host.
    body.putObject("hostCatalog").putArray(MercuryHub.CONVERSATION_HOST).addObject()
        .put("host", MercuryHub.CONVERSATION_HOST).put("ttl", -1).put("priority", 5)
        .put("id", "urn:TEAM:us-east-2_a:conversation");
    body.put("format", "hostmap");
    ctx.json(body);
  }

  private void list(Context ctx) {
    Identity caller = Http.caller(ctx);
    ObjectNode body = state.mapper.createObjectNode();
    ArrayNode devices = body.putArray("devices");
    hub.devicesOf(caller.personId()).forEach(d -> devices.add(render(ctx, d)));
    ctx.json(body);
  }

  private void register(Context ctx) {
    Identity caller = Http.caller(ctx);
    ObjectNode body = Http.jsonBody(ctx, state.mapper);
    String name = Http.requiredString(body, "name");
    Http.requiredString(body, "deviceType");
    if (hub.devicesOf(caller.personId()).size() >= MOST_DEVICES) {
      throw WebexError.badRequest("Too many devices are registered for this user (at most " + MOST_DEVICES + ").");
    }
    ctx.json(render(ctx, hub.register(caller.personId(), name)));
  }

  private void refresh(Context ctx) {
    Identity caller = Http.caller(ctx);
    MercuryHub.Device device = hub.device(ctx.pathParam("deviceId"), caller.personId())
        .orElseThrow(WebexError::notFound);
    ctx.json(render(ctx, device));
  }

  private void delete(Context ctx) {
    Identity caller = Http.caller(ctx);
    if (!hub.delete(ctx.pathParam("deviceId"), caller.personId())) throw WebexError.notFound();
    ctx.status(204);
  }

  private ObjectNode render(Context ctx, MercuryHub.Device device) {
    ObjectNode json = state.mapper.createObjectNode();
    json.put("url", base(ctx) + DEVICES + "/" + device.id());
    json.put("webSocketUrl", base(ctx).replaceFirst("^http", "ws") + "/mercury/devices/" + device.id());
    json.put("name", device.name());
    json.put("deviceType", "DESKTOP");
    return json;
  }
}
