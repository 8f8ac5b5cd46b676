package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A Webex message ({@code roomType} is direct or group).
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/messages/get-message-details">Get Message Details</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(String id, String roomId, String roomType, String text, String markdown, String html,
    String personId, String personEmail, String parentId, List<String> mentionedPeople,
    List<Attachment> attachments, Instant created) {

  public Message {
    mentionedPeople = mentionedPeople == null ? null : List.copyOf(mentionedPeople);
    attachments = attachments == null ? null : List.copyOf(attachments);
  }
}
