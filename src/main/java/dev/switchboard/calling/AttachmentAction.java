package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A card submission ({@code type} "submit"). {@code inputs} maps card input ids to values; Webex sends
 * strings, but a non-string value is kept as its JSON text (a number as {@code 42}, an object as
 * {@code {"a":1}}) and a JSON null is dropped. Authorize a submission like the typed command it stands for:
 * never take the target from these inputs.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/attachment-actions/get-attachment-action-details">Get Attachment Action Details</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttachmentAction(String id, String type, String messageId, String personId, String roomId,
    @JsonDeserialize(using = AttachmentAction.LenientStringMap.class) Map<String, String> inputs,
    Instant created) {

  public AttachmentAction {
    inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  /** Reads a JSON object into string values whatever their JSON type. */
  static final class LenientStringMap extends JsonDeserializer<Map<String, String>> {

    @Override
    public Map<String, String> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = parser.readValueAsTree();
      var result = new LinkedHashMap<String, String>();
      if (node == null || !node.isObject()) {
        return result;
      }
      node.properties().forEach(field -> {
        JsonNode value = field.getValue();
        if (value.isNull()) {
          return;
        }
        result.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
      });
      return result;
    }
  }
}
