package dev.switchboard.chat.webex.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Mercury websocket's text frames, in the shapes the Webex JS SDK's Mercury plugin sends and reads: an
 * authorization frame first, JSON pings answered by pongs with the same id, an ack for every frame received, and
 * events ({@code data.eventType}) among which {@code mercury.buffer_state} says the connection is ready.
 */
final class Frames {

  /** One frame received. */
  sealed interface Frame {
    /** The frame's id, which the ack names; null for frames that carry none. */
    String id();
  }

  /** The connection is ready: {@code mercury.buffer_state} or {@code mercury.registration_status}. */
  record Ready(String id) implements Frame {}

  record Pong(String id) implements Frame {}

  /** An activity, and its place in the connection's stream ({@code sequenceNumber}; 0 when it has none). */
  record Activity(String id, JsonNode activity, long sequence) implements Frame {}

  /** Anything else (other event types, unreadable text): acknowledged and ignored. */
  record Other(String id) implements Frame {}

  private final ObjectMapper mapper;

  Frames(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Frame read(String text) {
    JsonNode json;
    try {
      json = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      return new Other(null);
    }
    if (json == null || !json.isObject()) return new Other(null);
    String id = json.hasNonNull("id") ? json.get("id").asText() : null;
    if ("pong".equals(json.path("type").asText())) return new Pong(id);
    String event = json.path("data").path("eventType").asText("");
    return switch (event) {
      case "mercury.buffer_state", "mercury.registration_status" -> new Ready(id);
      case "conversation.activity" -> new Activity(id, json.path("data").path("activity"),
          json.path("sequenceNumber").asLong(0));
      default -> new Other(id);
    };
  }

  String authorization(String id, String token) {
    ObjectNode frame = mapper.createObjectNode().put("id", id).put("type", "authorization");
    frame.putObject("data").put("token", "Bearer " + token);
    return write(frame);
  }

  String ping(String id) {
    return write(mapper.createObjectNode().put("id", id).put("type", "ping"));
  }

  String ack(String frameId) {
    return write(mapper.createObjectNode().put("type", "ack").put("messageId", frameId));
  }

  private String write(ObjectNode frame) {
    try {
      return mapper.writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
