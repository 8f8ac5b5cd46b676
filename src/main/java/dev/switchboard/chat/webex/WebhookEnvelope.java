package dev.switchboard.chat.webex;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What Webex POSTs to a webhook's target URL, as far as the bot acts on it: what happened ({@code resource},
 * {@code event}) and to what. The message text or card inputs must be fetched with the bot token. The rest of what
 * Webex sends (the webhook's own id, name, target and owner, the org, the actor) is skipped unread.
 *
 * @see <a href="https://developer.webex.com/docs/api/guides/webhooks">Webex webhooks guide</a>
 */
public record WebhookEnvelope(String resource, String event, Data data) {

  /** The event's subject: a message or a card submission, where, by whom, and when. */
  public record Data(String id, String roomId, String personId, String personEmail, String created) {}

  public boolean is(String resource, String event) {
    return resource.equals(this.resource) && event.equals(this.event);
  }

  /**
   * Reads an envelope in one pass of the token stream; what the bot does not act on is skipped, and never made into
   * text. Every verified delivery is read: data binding every field of it through a record's constructor cost a tenth
   * of the webhook's time under a flood, and its strings a sixth of what was allocated (async-profiler). Scalars are
   * taken as text, as data binding did; a field that is an object or array where text belongs, or a body that is not
   * one JSON object, fails.
   */
  public static WebhookEnvelope read(JsonFactory json, byte[] body) throws IOException {
    try (JsonParser parser = json.createParser(body)) {
      expectObject(parser, parser.nextToken());
      String resource = null;
      String event = null;
      Data data = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "resource" -> resource = text(parser, value);
          case "event" -> event = text(parser, value);
          case "data" -> data = value == JsonToken.VALUE_NULL ? null : data(parser, value);
          default -> parser.skipChildren();
        }
      }
      return new WebhookEnvelope(resource, event, data);
    }
  }

  private static Data data(JsonParser parser, JsonToken start) throws IOException {
    expectObject(parser, start);
    String id = null;
    String roomId = null;
    String personId = null;
    String personEmail = null;
    String created = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "id" -> id = text(parser, value);
        case "roomId" -> roomId = text(parser, value);
        case "personId" -> personId = text(parser, value);
        case "personEmail" -> personEmail = text(parser, value);
        case "created" -> created = text(parser, value);
        default -> parser.skipChildren();
      }
    }
    return new Data(id, roomId, personId, personEmail, created);
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
