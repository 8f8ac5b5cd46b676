package dev.switchboard.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The websocket Webex pushes activities on (Mercury), for devices registered through {@link DeviceRoutes}: the client
 * sends an authorization frame, gets {@code mercury.buffer_state}, then a {@code conversation.activity} for every message
 * its owner may see (a bot: direct messages, and group messages that mention it) and every press on its cards, with
 * what it has not acked (sent while it was away) delivered when it connects again; pings are answered by pongs. A second connection for a device replaces the first (closed 4000). Scripted faults: close every
 * connection with a code, lose pongs, lose activity frames (a gap in the connection's sequence numbers), replay recent
 * activities after a reconnect.
 */
public final class MercuryHub {

  private static final Logger LOG = LoggerFactory.getLogger(MercuryHub.class);
  static final String PATH = "/mercury/devices/{deviceId}";
  /** The conversation service's host in activities' URLs, as Webex's US cluster names it (the catalog maps it). */
  static final String CONVERSATION_HOST = "conv-a.wbx2.com";
  /** How many recent activities per owner are kept for replaying after a reconnect, as Webex replays its buffer. */
  private static final int REPLAY_BUFFER = 50;

  /** A registered device. */
  record Device(String id, String ownerPersonId, String name) {}

  /** Hears each activity frame as it goes out and each ack as it comes in: the benchmark times the bot by them. */
  public interface Watcher {
    /** Frame {@code frameId}, carrying activity {@code activityId} (a uuid), is about to be sent. */
    void pushed(String frameId, String activityId);

    /** The client acked frame {@code frameId}. */
    void acked(String frameId);
  }

  private static final Watcher NOBODY = new Watcher() {
    @Override
    public void pushed(String frameId, String activityId) {}

    @Override
    public void acked(String frameId) {}
  };

  private final SimState state;
  // All guarded by this.
  private final Map<String, Device> devices = new HashMap<>();
  private final Map<String, WsContext> sessions = new HashMap<>(); // authorized, by device id
  private final Map<String, Deque<ObjectNode>> recent = new HashMap<>(); // by owner person id
  private final List<String> acks = new ArrayList<>();
  private final Set<String> acked = new java.util.HashSet<>();
  private final Set<String> authorizedSessionIds = new LinkedHashSet<>();
  private boolean losePongs;
  private boolean replayOnConnect;
  private int connections;
  // Each connection numbers the frames it carries 1, 2, 3 ... (sequenceNumber), by session id.
  private final Map<String, Long> sequences = new HashMap<>();
  private int toLose;
  private volatile Watcher watcher = NOBODY;

  MercuryHub(SimState state) {
    this.state = state;
  }

  void addTo(RoutesConfig routes) {
    routes.wsBeforeUpgrade(PATH, this::admitUpgrade);
    routes.ws(PATH, ws -> {
      ws.onMessage(this::received);
      ws.onClose(this::closed);
    });
  }

  // ---- devices (for DeviceRoutes)

  synchronized Device register(String ownerPersonId, String name) {
    Device device = new Device(UUID.randomUUID().toString(), ownerPersonId, name);
    devices.put(device.id(), device);
    return device;
  }

  synchronized List<Device> devicesOf(String ownerPersonId) {
    return devices.values().stream().filter(d -> d.ownerPersonId().equals(ownerPersonId)).toList();
  }

  synchronized Optional<Device> device(String id, String ownerPersonId) {
    return Optional.ofNullable(devices.get(id)).filter(d -> d.ownerPersonId().equals(ownerPersonId));
  }

  synchronized boolean delete(String id, String ownerPersonId) {
    if (device(id, ownerPersonId).isEmpty()) return false;
    devices.remove(id);
    WsContext session = sessions.remove(id);
    if (session != null) session.closeSession(4400, "device deleted");
    return true;
  }

  // ---- the websocket

  /** A websocket URL of a device Webex does not know is answered 404, as a stale device URL is. */
  private void admitUpgrade(Context ctx) {
    synchronized (this) {
      if (devices.containsKey(ctx.pathParam("deviceId"))) return;
    }
    ctx.status(404);
    ctx.skipRemainingHandlers();
  }

  private void received(WsMessageContext ctx) {
    JsonNode frame;
    try {
      frame = state.mapper.readTree(ctx.message());
    } catch (JsonProcessingException e) {
      ctx.closeSession(4400, "not JSON");
      return;
    }
    String type = frame.path("type").asText("");
    switch (type) {
      case "authorization" -> authorize(ctx, frame.path("data").path("token").asText(""));
      case "ping" -> {
        synchronized (this) {
          if (losePongs) return;
        }
        ctx.send(write(state.mapper.createObjectNode().put("type", "pong").put("id", frame.path("id").asText())));
      }
      case "ack" -> {
        watcher.acked(frame.path("messageId").asText());
        synchronized (this) {
          acks.add(frame.path("messageId").asText());
          acked.add(frame.path("messageId").asText());
        }
      }
      default -> { }
    }
  }

  private void authorize(WsMessageContext ctx, String bearer) {
    String token = bearer.startsWith("Bearer ") ? bearer.substring("Bearer ".length()) : bearer;
    Optional<Identity> identity = state.identify(token);
    String deviceId = ctx.pathParam("deviceId");
    List<ObjectNode> replay = List.of();
    WsContext replaced;
    synchronized (this) {
      Device device = devices.get(deviceId);
      if (identity.isEmpty() || device == null || !device.ownerPersonId().equals(identity.get().personId())) {
        ctx.closeSession(4401, "authorization failed");
        return;
      }
      replaced = sessions.put(deviceId, ctx);
      authorizedSessionIds.add(ctx.sessionId());
      connections++;
      // What the owner has not acked (it was offline, or the ack was lost) comes now, as Webex delivers its buffer;
      // with the replay fault, the acked ones too.
      replay = recent.getOrDefault(device.ownerPersonId(), new ArrayDeque<>()).stream()
          .filter(f -> replayOnConnect || !acked.contains(f.get("id").asText())).toList();
    }
    if (replaced != null && !replaced.sessionId().equals(ctx.sessionId())) {
      replaced.closeSession(4000, "replaced by a new connection");
    }
    ObjectNode ready = frame("mercury.buffer_state");
    ((ObjectNode) ready.get("data")).putObject("buffer_state").put("conversation", "UNBUFFERED");
    ctx.send(write(ready));
    replay.forEach(activity -> sendNumbered(ctx, activity, false));
  }

  private void closed(WsCloseContext ctx) {
    synchronized (this) {
      sessions.values().removeIf(s -> s.sessionId().equals(ctx.sessionId()));
      sequences.remove(ctx.sessionId());
      authorizedSessionIds.remove(ctx.sessionId());
    }
  }

  // ---- activities (MessageRoutes calls these)

  /** A message was posted: an activity to each connected owner who may see it. */
  void messageCreated(SimState.Message message, SimState.Room room, SimState.Person author) {
    ObjectNode activity = activity("post", message.id(), room.id(), author.id(), author.email(), message.created());
    if (message.parentId() != null) {
      activity.putObject("parent").put("id", WebexIds.uuidOf(message.parentId())).put("type", "reply");
    }
    push(owner -> {
      if (!room.members().contains(owner)) return false;
      boolean ownerIsBot = state.person(owner).map(p -> p.type().equals("bot")).orElse(false);
      boolean heard = message.mentionedPeople().contains(owner) || message.personId().equals(owner);
      return !(ownerIsBot && room.type().equals("group") && !heard); // bots hear group messages that mention them
    }, activity);
  }

  /** A card was submitted: an activity to the card author's connections. */
  void actionCreated(SimState.AttachmentAction action, SimState.Message card) {
    String email = state.person(action.personId()).map(SimState.Person::email).orElse(null);
    ObjectNode activity = activity("cardAction", action.id(), action.roomId(), action.personId(), email,
        action.created());
    activity.putObject("parent").put("id", WebexIds.uuidOf(card.id()));
    push(owner -> owner.equals(card.personId()), activity);
  }

  private ObjectNode activity(String verb, String id, String roomId, String actorId, String email,
      java.time.Instant published) {
    ObjectNode activity = state.mapper.createObjectNode();
    activity.put("id", WebexIds.uuidOf(id));
    activity.put("objectType", "activity");
    activity.put("verb", verb);
    activity.put("published", SimState.timestamp(published));
    String actorUuid = WebexIds.uuidOf(actorId);
    ObjectNode actor = activity.putObject("actor").put("id", actorUuid).put("objectType", "person")
        .put("entryUUID", actorUuid);
    if (email != null) actor.put("emailAddress", email);
    String roomUuid = WebexIds.uuidOf(roomId);
    activity.putObject("target").put("id", roomUuid).put("objectType", "conversation")
        .put("url", "https://" + CONVERSATION_HOST + "/conversation/api/v1/conversations/" + roomUuid);
    return activity;
  }

  private void push(java.util.function.Predicate<String> hears, ObjectNode activity) {
    List<Map.Entry<WsContext, ObjectNode>> sends = new ArrayList<>();
    synchronized (this) {
      Set<String> owners = new LinkedHashSet<>();
      devices.values().forEach(d -> owners.add(d.ownerPersonId()));
      for (String owner : owners) {
        if (!hears.test(owner)) continue;
        ObjectNode frame = frame("conversation.activity");
        ((ObjectNode) frame.get("data")).set("activity", activity.deepCopy());
        Deque<ObjectNode> buffer = recent.computeIfAbsent(owner, o -> new ArrayDeque<>());
        buffer.addLast(frame);
        while (buffer.size() > REPLAY_BUFFER) buffer.removeFirst();
        for (Map.Entry<String, WsContext> session : sessions.entrySet()) {
          Device device = devices.get(session.getKey());
          if (device != null && device.ownerPersonId().equals(owner)) sends.add(Map.entry(session.getValue(), frame));
        }
      }
    }
    for (Map.Entry<WsContext, ObjectNode> send : sends) {
      try {
        sendNumbered(send.getKey(), send.getValue(), true);
      } catch (RuntimeException e) {
        LOG.debug("Could not push an activity: {}", e.getMessage());
      }
    }
  }

  /**
   * Sends a copy of {@code frame} with the connection's next sequence number; numbering and sending are one step per
   * connection, so a connection's frames arrive in their order. A frame the {@link #loseNext} fault takes is numbered
   * but never sent.
   */
  private void sendNumbered(WsContext ctx, ObjectNode frame, boolean mayLose) {
    synchronized (ctx) {
      ObjectNode copy = frame.deepCopy();
      synchronized (this) {
        copy.put("sequenceNumber", sequences.merge(ctx.sessionId(), 1L, Long::sum));
        if (mayLose && toLose > 0) {
          toLose--;
          return;
        }
      }
      watcher.pushed(copy.get("id").asText(), copy.at("/data/activity/id").asText());
      ctx.send(write(copy));
    }
  }

  private ObjectNode frame(String eventType) {
    ObjectNode frame = state.mapper.createObjectNode();
    frame.put("id", UUID.randomUUID().toString());
    frame.putObject("data").put("eventType", eventType);
    frame.put("timestamp", state.now().toEpochMilli());
    frame.put("trackingId", "SIM_MERCURY_" + UUID.randomUUID());
    return frame;
  }

  private String write(JsonNode json) {
    try {
      return state.mapper.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- scripted faults and what tests read

  /**
   * Closes every authorized connection with {@code code} (4000, 4401, 1001, 1011, ...). The two codes no close frame
   * carries are played as what they stand for: 1005, a close frame without a status; 1006, the connection cut with no
   * close frame at all.
   */
  public void closeAll(int code, String reason) {
    List<WsContext> open;
    synchronized (this) {
      open = List.copyOf(sessions.values());
      sessions.clear();
    }
    for (WsContext session : open) {
      switch (code) {
        case 1005 -> session.session.close(1005, null, org.eclipse.jetty.websocket.api.Callback.NOOP);
        case 1006 -> session.session.disconnect();
        default -> session.closeSession(code, reason);
      }
    }
  }

  /** Who hears the frames pushed and acked from now on (one watcher; null for none). */
  public void watch(Watcher watcher) {
    this.watcher = watcher == null ? NOBODY : watcher;
  }

  /**
   * Loses the next {@code n} activity frames on the way to a client: each takes its sequence number but is never sent,
   * so the frame after it arrives with a gap; unacked, it is in what the next connection is sent.
   */
  public synchronized void loseNext(int n) {
    this.toLose = n;
  }

  /** Whether pings go unanswered from now on. */
  public synchronized void losePongs(boolean lose) {
    this.losePongs = lose;
  }

  /** Whether a connection, once authorized, is sent the owner's recent activities again (acked or not). */
  public synchronized void replayOnConnect(boolean replay) {
    this.replayOnConnect = replay;
  }

  /** Forgets every device, as Webex does with a device it expired: its URL is answered 404 from now on. */
  public void forgetDevices() {
    List<WsContext> open;
    synchronized (this) {
      devices.clear();
      open = List.copyOf(sessions.values());
      sessions.clear();
    }
    open.forEach(s -> s.closeSession(1011, "device expired"));
  }

  /** Connections authorized so far (each reconnect counts). */
  public synchronized int connections() {
    return connections;
  }

  /** Connections open and authorized now. */
  public synchronized int openConnections() {
    return sessions.size();
  }

  public synchronized int devicesRegistered() {
    return devices.size();
  }

  /** The frame ids the clients acked, oldest first. */
  public synchronized List<String> acks() {
    return List.copyOf(acks);
  }
}
