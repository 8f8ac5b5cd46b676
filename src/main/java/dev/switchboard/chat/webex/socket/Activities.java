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
 * {@code base64url("ciscospark://{cluster}/MESSAGE/{uuid}")}, the cluster being that of the conversation (its URL's
 * host, looked up in the catalog: {@link Clusters}), as the Webex JS SDK builds it. A person's id is always of the
 * {@code us} cluster, as there.
 */
final class Activities {

  private Activities() {}

  /** The envelope for {@code activity}, or empty for verbs the bot does not act on (acknowledge, update, ...). */
  static Optional<WebhookEnvelope> envelope(JsonNode activity, Clusters clusters) {
    String verb = activity.path("verb").asText("");
    String uuid = activity.path("id").asText("");
    if (uuid.isEmpty()) return Optional.empty();
    JsonNode actor = activity.path("actor");
    String actorUuid = actor.hasNonNull("entryUUID") ? actor.get("entryUUID").asText() : actor.path("id").asText(null);
    String personId = actorUuid == null ? null : id(Clusters.DEFAULT, "PEOPLE", actorUuid);
    String email = actor.path("emailAddress").asText(null);
    JsonNode target = activity.path("target");
    String cluster = clusters.of(target.path("url").asText(null));
    String roomUuid = target.path("id").asText(null);
    String roomId = roomUuid == null ? null : id(cluster, "ROOM", roomUuid);
    String created = activity.path("published").asText(null);
    return switch (verb) {
      case "post", "share" -> Optional.of(new WebhookEnvelope("messages", "created",
          new WebhookEnvelope.Data(id(cluster, "MESSAGE", uuid), roomId, personId, email, created)));
      case "cardAction" -> Optional.of(new WebhookEnvelope("attachmentActions", "created",
          new WebhookEnvelope.Data(id(cluster, "ATTACHMENT_ACTION", uuid), roomId, personId, null, created)));
      default -> Optional.empty();
    };
  }

  /** The REST id of a uuid of {@code type}: unpadded base64url of {@code ciscospark://{cluster}/TYPE/uuid}. */
  static String id(String cluster, String type, String uuid) {
    byte[] raw = ("ciscospark://" + cluster + "/" + type + "/" + uuid).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
