package dev.switchboard.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Delivers webhook notifications as Webex does: the envelope POSTed to the target URL, signed with
 * {@code X-Spark-Signature} (lower-case hex HMAC-SHA1 of the raw body, keyed by the webhook's secret), at
 * most once, on a small executor so no API answer waits for a delivery.
 *
 * @see <a href="https://developer.webex.com/docs/api/guides/webhooks">Webhooks guide</a>
 */
final class WebhookDispatcher implements AutoCloseable {

  /** One delivery attempt; {@code status} is -1 when the connection failed. */
  record Delivery(String webhookId, String resource, String event, String dataId, int status, String error,
      Instant at) {
    boolean succeeded() {
      return status >= 200 && status < 300;
    }
  }

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final SimState state;
  private final ObjectMapper mapper;
  private final OkHttpClient http;
  private final ExecutorService executor;
  private final List<Delivery> log = new ArrayList<>(); // guarded by itself
  private final Object idle = new Object();
  private final AtomicInteger pending = new AtomicInteger();

  WebhookDispatcher(SimState state, ObjectMapper mapper) {
    this.state = state;
    this.mapper = mapper;
    this.http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(5))
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "sim-webhooks-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Fires {@code messages/created} to every matching active webhook whose owner may see the message. */
  void messageCreated(SimState.Message message, SimState.Room room, SimState.Person author) {
    for (SimState.Webhook webhook : state.activeWebhooks("messages", "created")) {
      if (!room.members().contains(webhook.ownerPersonId)) {
        continue;
      }
      boolean ownerIsBot = state.person(webhook.ownerPersonId).map(p -> p.type().equals("bot")).orElse(false);
      boolean mentionsOwner = message.mentionedPeople().contains(webhook.ownerPersonId);
      boolean ownMessage = message.personId().equals(webhook.ownerPersonId);
      if (ownerIsBot && room.type().equals("group") && !mentionsOwner && !ownMessage) {
        continue; // Bots only hear group messages that mention them.
      }
      if (!messageFilterMatches(webhook, message, room, author)) {
        continue;
      }
      ObjectNode data = mapper.createObjectNode();
      data.put("id", message.id());
      data.put("roomId", message.roomId());
      data.put("roomType", message.roomType());
      data.put("personId", author.id());
      data.put("personEmail", author.email());
      if (!message.mentionedPeople().isEmpty()) {
        ArrayNode mentioned = data.putArray("mentionedPeople");
        message.mentionedPeople().forEach(mentioned::add);
      }
      data.put("created", SimState.timestamp(message.created()));
      submit(webhook, author.id(), data);
    }
  }

  /** Fires {@code attachmentActions/created} to the webhooks of the card message's author. */
  void actionCreated(SimState.AttachmentAction action, SimState.Message card) {
    for (SimState.Webhook webhook : state.activeWebhooks("attachmentActions", "created")) {
      if (!webhook.ownerPersonId.equals(card.personId())) {
        continue;
      }
      Map<String, String> filter = parseFilter(webhook.filter);
      if (!matches(filter, "messageId", action.messageId()) || !matches(filter, "personId", action.personId())
          || !matches(filter, "roomId", action.roomId())) {
        continue;
      }
      ObjectNode data = mapper.createObjectNode();
      data.put("id", action.id());
      data.put("type", "submit");
      data.put("messageId", action.messageId());
      data.put("personId", action.personId());
      data.put("roomId", action.roomId());
      data.put("created", SimState.timestamp(action.created()));
      submit(webhook, action.personId(), data);
    }
  }

  private boolean messageFilterMatches(SimState.Webhook webhook, SimState.Message message, SimState.Room room,
      SimState.Person author) {
    Map<String, String> filter = parseFilter(webhook.filter);
    if (!matches(filter, "roomId", room.id()) || !matches(filter, "roomType", room.type())
        || !matches(filter, "personId", author.id())
        || !matches(filter, "hasFiles", Boolean.toString(message.hasFiles()))
        || !matches(filter, "hasAttachments", Boolean.toString(message.hasAttachments()))) {
      return false;
    }
    String email = filter.get("personEmail");
    if (email != null && !email.equalsIgnoreCase(author.email())) {
      return false;
    }
    String mentioned = filter.get("mentionedPeople");
    if (mentioned != null) {
      List<String> ids = Arrays.stream(mentioned.split(","))
          .map(String::trim)
          .map(v -> v.equals("me") ? webhook.ownerPersonId : v)
          .toList();
      return message.mentionedPeople().stream().anyMatch(ids::contains);
    }
    return true;
  }

  private static boolean matches(Map<String, String> filter, String key, String value) {
    String wanted = filter.get(key);
    return wanted == null || wanted.equals(value);
  }

  /** A webhook filter ({@code key=value&key=value}, values URL-encoded) as a map. */
  static Map<String, String> parseFilter(String filter) {
    Map<String, String> map = new LinkedHashMap<>();
    if (filter == null || filter.isBlank()) {
      return map;
    }
    for (String part : filter.split("&")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw WebexError.badRequest("Invalid filter '" + filter + "': expected key=value pairs joined by '&'.");
      }
      map.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return map;
  }

  private void submit(SimState.Webhook webhook, String actorId, ObjectNode data) {
    ObjectNode envelope = state.withWebhook(webhook, w -> {
      ObjectNode json = mapper.createObjectNode();
      json.put("id", w.id);
      json.put("name", w.name);
      json.put("targetUrl", w.targetUrl);
      json.put("resource", w.resource);
      json.put("event", w.event);
      if (w.filter != null) {
        json.put("filter", w.filter);
      }
      json.put("orgId", w.orgId);
      json.put("createdBy", w.ownerPersonId);
      json.put("appId", w.appId);
      json.put("ownedBy", w.ownedBy);
      json.put("status", w.status);
      json.put("created", SimState.timestamp(w.created));
      json.put("actorId", actorId);
      json.set("data", data);
      return json;
    });
    String targetUrl = envelope.get("targetUrl").asText();
    String secret = state.withWebhook(webhook, w -> w.secret);
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    pending.incrementAndGet();
    try {
      executor.execute(() -> deliver(webhook.id, envelope.get("resource").asText(), envelope.get("event").asText(),
          data.get("id").asText(), targetUrl, secret, body));
    } catch (RuntimeException e) {
      done();
      throw e;
    }
  }

  private void deliver(String webhookId, String resource, String event, String dataId, String targetUrl,
      String secret, byte[] body) {
    int status = -1;
    String error = null;
    try {
      Request.Builder request = new Request.Builder()
          .url(targetUrl)
          .header("TrackingID", "WEBHOOK_" + UUID.randomUUID())
          .post(RequestBody.create(body, JSON));
      if (secret != null && !secret.isEmpty()) {
        request.header("X-Spark-Signature", sign(secret, body));
      }
      try (Response response = http.newCall(request.build()).execute()) {
        status = response.code();
      }
    } catch (IOException | RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } finally {
      Delivery delivery = new Delivery(webhookId, resource, event, dataId, status, error, state.now());
      if (!delivery.succeeded()) {
        state.recordFailure(webhookId);
      }
      synchronized (log) {
        log.add(delivery);
      }
      done();
    }
  }

  /** Lower-case hex HMAC-SHA1 of the raw body, keyed by the webhook's secret. */
  static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }

  private void done() {
    if (pending.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /** Waits until no delivery is queued or in flight; false when the timeout passed first. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
    }
    return true;
  }

  List<Delivery> deliveries() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  void clearDeliveries() {
    synchronized (log) {
      log.clear();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
