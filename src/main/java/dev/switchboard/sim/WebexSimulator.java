package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded, in-memory Webex REST API (the subset Switchboard uses), served under {@code /v1} on
 * 127.0.0.1 (or the host the options name), with the seeded demo org, injectable faults and a record of every call.
 */
public final class WebexSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebexSimulator.class);
  private static final String ARRIVED = "sim.arrived";
  private static final String STARTED_NANOS = "sim.startedNanos";

  private final SimState state;
  private final Faults faults;
  private final WebhookDispatcher dispatcher;
  private final MercuryHub mercury;
  private final List<RecordedCall> calls = new ArrayList<>(); // guarded by itself
  private final Javalin app;

  private WebexSimulator(SimulatorOptions options) {
    ObjectMapper mapper = new ObjectMapper();
    this.state = new SimState(DemoOrg.load(options.extraLocations()), mapper, Clock.systemUTC());
    this.faults = new Faults(options, System::nanoTime);
    this.dispatcher = new WebhookDispatcher(state, mapper);
    DirectoryRoutes directory = new DirectoryRoutes(state);
    CallingRoutes calling = new CallingRoutes(state);
    this.mercury = new MercuryHub(state);
    MessageRoutes messages = new MessageRoutes(state, dispatcher, mercury);
    DeviceRoutes devices = new DeviceRoutes(state, mercury);
    WebhookRoutes webhooks = new WebhookRoutes(state);
    AccessTokenRoute accessToken = new AccessTokenRoute(state);
    this.app = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = 1_000_000;
      config.requestLogger.http(this::record);
      config.routes.before(this::admit);
      directory.addTo(config.routes);
      calling.addTo(config.routes);
      messages.addTo(config.routes);
      webhooks.addTo(config.routes);
      accessToken.addTo(config.routes);
      devices.addTo(config.routes);
      mercury.addTo(config.routes);
      config.routes.exception(WebexError.class,
          (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.headers(), e.errorCode()));
      config.routes.exception(HttpResponseException.class,
          (e, ctx) -> error(ctx, e.getStatus(), WebexError.defaultMessage(e.getStatus()), Map.of(), null));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.warn("Simulator failed on {} {}", ctx.method().name(), ctx.path(), e);
        error(ctx, 500, WebexError.defaultMessage(500), Map.of(), null);
      });
    });
  }

  /** Starts a simulator on the options' host, 127.0.0.1 by default (port 0 = a free port), with the demo org. */
  public static WebexSimulator start(SimulatorOptions options) {
    WebexSimulator simulator = new WebexSimulator(options);
    try {
      simulator.app.start(options.host(), options.port());
    } catch (RuntimeException e) {
      simulator.dispatcher.close();
      throw e;
    }
    return simulator;
  }

  /** Authenticates, applies latency and faults; runs before every route. */
  private void admit(Context ctx) {
    ctx.attribute(ARRIVED, state.now());
    ctx.attribute(STARTED_NANOS, System.nanoTime());
    String incoming = ctx.header("TrackingID");
    String trackingId = incoming != null && !incoming.isBlank() ? incoming : "SIM_" + UUID.randomUUID();
    ctx.attribute(Http.TRACKING_ID, trackingId);
    ctx.header("Trackingid", trackingId);
    faults.delay();
    String path = relative(ctx.path());
    String method = ctx.method().name();
    if (path.equals("/access_token")) {
      faults.check(method, path, null);
      return;
    }
    Identity identity = authenticate(ctx.header("Authorization"));
    ctx.attribute(Http.IDENTITY, identity);
    faults.check(method, path, identity.orgId());
  }

  private Identity authenticate(String authorization) {
    if (authorization == null) {
      throw WebexError.unauthorized();
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
      throw WebexError.unauthorized();
    }
    return state.identify(parts[1]).orElseThrow(WebexError::unauthorized);
  }

  private static String relative(String path) {
    return path.startsWith("/v1/") ? path.substring(3) : path;
  }

  private void error(Context ctx, int status, String message, Map<String, String> headers, Integer errorCode) {
    String trackingId = ctx.attribute(Http.TRACKING_ID);
    if (trackingId == null) {
      trackingId = "SIM_" + UUID.randomUUID();
      ctx.header("Trackingid", trackingId);
    }
    headers.forEach(ctx::header);
    ObjectNode body = state.mapper.createObjectNode();
    body.put("message", message);
    ObjectNode error = body.putArray("errors").addObject().put("description", message);
    if (errorCode != null) {
      error.put("errorCode", errorCode);
    }
    body.put("trackingId", trackingId);
    ctx.status(status).json(body);
  }

  private void record(Context ctx, Float millis) {
    Instant arrived = ctx.attribute(ARRIVED);
    Long started = ctx.attribute(STARTED_NANOS);
    Identity identity = ctx.attribute(Http.IDENTITY);
    Duration took = started != null ? Duration.ofNanos(System.nanoTime() - started)
        : Duration.ofNanos((long) (millis * 1_000_000));
    RecordedCall call = new RecordedCall(ctx.method().name(), relative(ctx.path()),
        identity != null ? identity.name() : Identity.ANONYMOUS, ctx.statusCode(),
        arrived != null ? arrived : state.now(), took, retryAfter(ctx.res().getHeader("Retry-After")));
    synchronized (calls) {
      calls.add(call);
    }
  }

  /** The simulator answers {@code Retry-After} in whole seconds (see {@link Faults}). */
  private static Duration retryAfter(String header) {
    return header == null ? Duration.ZERO : Duration.ofSeconds(Long.parseLong(header.strip()));
  }

  /** The base URL, e.g. {@code http://127.0.0.1:PORT/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  public int port() {
    return app.port();
  }

  public DemoOrg org() {
    return state.org;
  }

  /** The websocket: what is connected, and its scripted faults. */
  public MercuryHub mercury() {
    return mercury;
  }

  public Faults faults() {
    return faults;
  }

  /** Every call answered so far, oldest first. */
  public List<RecordedCall> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** How many calls were answered so far (since the last {@link #clearCalls()}): cheaper than {@link #calls()}. */
  public int callCount() {
    synchronized (calls) {
      return calls.size();
    }
  }

  public void clearCalls() {
    synchronized (calls) {
      calls.clear();
    }
  }

  /** The current intercept settings of a location (the GET body), by location name. */
  public JsonNode locationIntercept(String locationName) {
    return state.intercept(state.org.locationId(locationName))
        .orElseThrow(() -> new IllegalArgumentException(locationName + " is not a calling location"));
  }

  /** The current transfer numbers of a person (the GET body), by email. */
  public JsonNode transferNumbers(String email) {
    return state.transferNumbers(state.org.personId(email))
        .orElseThrow(() -> new IllegalArgumentException(email + " is not a calling user"));
  }

  /** The messages of a room as {@code GET /messages/{id}} shows them, newest last. */
  public List<JsonNode> messagesInRoom(String roomId) {
    return state.messagesInRoom(roomId).stream().map(m -> (JsonNode) m.json().deepCopy()).toList();
  }

  /** The webhooks of an owner ("bot" or a person's email) as {@code GET /webhooks/{id}} shows them. */
  public List<JsonNode> webhooksOf(String ownerIdentity) {
    WebhookRoutes renderer = new WebhookRoutes(state);
    return state.webhooksOwnedBy(ownerIdentity.toLowerCase(Locale.ROOT)).stream()
        .map(w -> (JsonNode) renderer.render(w))
        .toList();
  }

  /** Failed deliveries (non-2xx or no connection) to a webhook since it was created. */
  public int failedDeliveries(String webhookId) {
    return state.webhook(webhookId).map(w -> state.withWebhook(w, x -> x.failedDeliveries)).orElse(0);
  }

  /** Every webhook delivery attempted so far, oldest first. */
  public List<WebhookDelivery> deliveries() {
    return dispatcher.deliveries().stream()
        .map(d -> new WebhookDelivery(d.webhookId(), d.resource(), d.event(), d.dataId(), d.status(), d.at()))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Waits until no webhook delivery is queued or in flight; false if the timeout passed first. */
  public boolean awaitDeliveries(Duration timeout) {
    try {
      return dispatcher.awaitIdle(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    app.stop();
    dispatcher.close();
  }

  /**
   * One webhook delivery attempt.
   *
   * @param status the target's status code, or -1 when the connection failed or timed out
   */
  public record WebhookDelivery(String webhookId, String resource, String event, String dataId, int status,
      Instant at) {

    public boolean succeeded() {
      return status >= 200 && status < 300;
    }
  }
}
