package dev.switchboard.chat.webex.socket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.chat.webex.WebhookEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A {@code conversation.activity} from the websocket as the webhook envelope Webex would have posted for it, so one inbox
 * takes both: a {@code post} or {@code share} is {@code messages/created}, a {@code cardAction} is
 * {@code attachmentActions/created}. The activity carries bare uuids; the REST API wants
 * {@code base64url("ciscospark://us/MESSAGE/{uuid}")}, as webex_bot builds it.
 */
final class Activities {

  /** The US cluster; ids of other clusters carry their own name, which the activity does not state. */
  private static final String CLUSTER = "us";

  private Activities() {}

  /** The envelope for {@code activity}, or empty for verbs the bot does not act on (acknowledge, update, ...). */
  static Optional<WebhookEnvelope> envelope(JsonNode activity) {
    String verb = activity.path("verb").asText("");
    String uuid = activity.path("id").asText("");
    if (uuid.isEmpty()) return Optional.empty();
    JsonNode actor = activity.path("actor");
    String actorUuid = actor.hasNonNull("entryUUID") ? actor.get("entryUUID").asText() : actor.path("id").asText(null);
    String personId = actorUuid == null ? null : id("PEOPLE", actorUuid);
    String email = actor.path("emailAddress").asText(null);
    String roomUuid = activity.path("target").path("id").asText(null);
    String roomId = roomUuid == null ? null : id("ROOM", roomUuid);
    String created = activity.path("published").asText(null);
    return switch (verb) {
      case "post", "share" -> Optional.of(new WebhookEnvelope("messages", "created",
          new WebhookEnvelope.Data(id("MESSAGE", uuid), roomId, personId, email, created)));
      case "cardAction" -> Optional.of(new WebhookEnvelope("attachmentActions", "created",
          new WebhookEnvelope.Data(id("ATTACHMENT_ACTION", uuid), roomId, personId, null, created)));
      default -> Optional.empty();
    };
  }

  /** The REST id of a uuid of {@code type}: unpadded base64url of {@code ciscospark://us/TYPE/uuid}. */
  static String id(String type, String uuid) {
    byte[] raw = ("ciscospark://" + CLUSTER + "/" + type + "/" + uuid).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
