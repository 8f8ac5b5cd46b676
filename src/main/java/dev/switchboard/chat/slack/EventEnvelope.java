package dev.switchboard.chat.slack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What Slack POSTs to the Events API request URL: a {@code url_verification} challenge, or an
 * {@code event_callback} wrapping one event.
 *
 * @see <a href="https://api.slack.com/apis/events-api#callback-field">Events API callback envelope</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
    String type, String challenge, @JsonProperty("team_id") String teamId,
    @JsonProperty("enterprise_id") String enterpriseId, @JsonProperty("event_id") String eventId,
    Event event, List<Authorization> authorizations) {

  /** The event inside; only the fields Switchboard reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Event(
      String type, String subtype, String user, @JsonProperty("bot_id") String botId, String text, String ts,
      @JsonProperty("thread_ts") String threadTs, String channel, @JsonProperty("channel_type") String channelType) {}

  /** An installation the event is delivered for; the bot's own user id is in the one that is a bot. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Authorization(@JsonProperty("user_id") String userId, @JsonProperty("is_bot") boolean bot) {}

  public boolean isUrlVerification() {
    return "url_verification".equals(type);
  }

  public boolean isEventCallback() {
    return "event_callback".equals(type);
  }

  /** The bot's own Slack user id, when Slack says (newer payloads do), else null. */
  public String botUserId() {
    if (authorizations == null) return null;
    return authorizations.stream().filter(Authorization::bot).map(Authorization::userId).findFirst().orElse(null);
  }
}
