package dev.switchboard.chat.webex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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
}
