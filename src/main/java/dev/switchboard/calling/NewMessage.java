package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A message to post: to a room ({@code roomId}, optionally in the thread {@code parentId}) or to a person
 * by email, never both. {@code text} is the fallback for clients without markdown or cards.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/messages/create-a-message">Create a Message</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewMessage(String roomId, String toPersonEmail, String parentId, String text, String markdown,
    List<Attachment> attachments) {

  public NewMessage {
    boolean hasRoom = roomId != null && !roomId.isBlank();
    boolean hasPerson = toPersonEmail != null && !toPersonEmail.isBlank();
    if (hasRoom == hasPerson) {
      throw new IllegalArgumentException("a message needs exactly one of roomId and toPersonEmail");
    }
    if (attachments != null && attachments.size() > 1) {
      throw new IllegalArgumentException("Webex supports one attachment per message, not " + attachments.size());
    }
    attachments = attachments == null || attachments.isEmpty() ? null : List.copyOf(attachments);
  }

  /** A markdown message to a room. */
  public static NewMessage toRoom(String roomId, String markdown) {
    return new NewMessage(roomId, null, null, null, markdown, null);
  }

}
