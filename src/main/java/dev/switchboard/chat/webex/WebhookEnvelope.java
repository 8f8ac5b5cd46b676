package dev.switchboard.chat.webex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What Webex POSTs to a webhook's target URL. The envelope says what happened; the message text or
 * card inputs must be fetched with the bot token.
 *
 * @see <a href="https://developer.webex.com/docs/api/guides/webhooks">Webex webhooks guide</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookEnvelope(
    String id, String name, String targetUrl, String resource, String event, String orgId, String createdBy,
    String appId, String ownedBy, String status, String actorId, Data data) {

  /** The event's subject: a message, or a card submission (then {@code messageId} is the card's message). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Data(
      String id, String roomId, String roomType, String personId, String personEmail, String messageId,
      String created) {}

  public boolean is(String resource, String event) {
    return resource.equals(this.resource) && event.equals(this.event);
  }

  /**
   * Reads an envelope in one pass of the token stream, unknown fields skipped: every verified delivery is read, and
   * data binding a record through its constructor cost a tenth of the webhook's time under a flood (async-profiler).
   * Scalars are taken as text, as data binding did; a field that is an object or array where text belongs, or a body
   * that is not one JSON object, fails.
   */
  public static WebhookEnvelope read(JsonFactory json, byte[] body) throws IOException {
    try (JsonParser parser = json.createParser(body)) {
      expectObject(parser, parser.nextToken());
      String id = null, name = null, targetUrl = null, resource = null, event = null, orgId = null;
      String createdBy = null, appId = null, ownedBy = null, status = null, actorId = null;
      Data data = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "id" -> id = text(parser, value);
          case "name" -> name = text(parser, value);
          case "targetUrl" -> targetUrl = text(parser, value);
          case "resource" -> resource = text(parser, value);
          case "event" -> event = text(parser, value);
          case "orgId" -> orgId = text(parser, value);
          case "createdBy" -> createdBy = text(parser, value);
          case "appId" -> appId = text(parser, value);
          case "ownedBy" -> ownedBy = text(parser, value);
          case "status" -> status = text(parser, value);
          case "actorId" -> actorId = text(parser, value);
          case "data" -> data = value == JsonToken.VALUE_NULL ? null : data(parser, value);
          default -> parser.skipChildren();
        }
      }
      return new WebhookEnvelope(id, name, targetUrl, resource, event, orgId, createdBy, appId, ownedBy, status,
          actorId, data);
    }
  }

  private static Data data(JsonParser parser, JsonToken start) throws IOException {
    expectObject(parser, start);
    String id = null, roomId = null, roomType = null, personId = null, personEmail = null, messageId = null;
    String created = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "id" -> id = text(parser, value);
        case "roomId" -> roomId = text(parser, value);
        case "roomType" -> roomType = text(parser, value);
        case "personId" -> personId = text(parser, value);
        case "personEmail" -> personEmail = text(parser, value);
        case "messageId" -> messageId = text(parser, value);
        case "created" -> created = text(parser, value);
        default -> parser.skipChildren();
      }
    }
    return new Data(id, roomId, roomType, personId, personEmail, messageId, created);
  }

  private static void expectObject(JsonParser parser, JsonToken token) throws JsonParseException {
    if (token != JsonToken.START_OBJECT) throw new JsonParseException(parser, "expected a JSON object");
  }

  private static String text(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) return null;
    if (!value.isScalarValue()) throw new JsonParseException(parser, "expected text for " + parser.currentName());
    return parser.getValueAsString();
  }
}
