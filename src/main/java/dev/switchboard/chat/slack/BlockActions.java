package dev.switchboard.chat.slack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A {@code block_actions} interaction payload (the form field {@code payload}): who pressed which
 * button, where. Only the fields Switchboard reads; the pressed button's value is not trusted for
 * anything but telling the action apart.
 *
 * @see <a href="https://api.slack.com/reference/interaction-payloads/block-actions">block_actions payload</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockActions(
    String type, Team team, Team enterprise, User user, Channel channel, Container container, Message message,
    @JsonProperty("response_url") String responseUrl, @JsonProperty("trigger_id") String triggerId,
    List<Action> actions) {

  /** A workspace or an enterprise, by id. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Team(String id) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record User(String id, @JsonProperty("team_id") String teamId) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Channel(String id) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Container(
      @JsonProperty("channel_id") String channelId, @JsonProperty("message_ts") String messageTs,
      @JsonProperty("thread_ts") String threadTs) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Message(String ts, @JsonProperty("thread_ts") String threadTs) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Action(@JsonProperty("action_id") String actionId, String value) {}

  public boolean isBlockActions() {
    return "block_actions".equals(type);
  }

  /** The workspace the button was pressed in. */
  public String teamId() {
    if (team != null && team.id() != null) return team.id();
    return user == null ? null : user.teamId();
  }

  /** The enterprise the button was pressed in, or null. */
  public String enterpriseId() {
    return enterprise == null ? null : enterprise.id();
  }

  public String userId() {
    return user == null ? null : user.id();
  }

  /** The channel the button was pressed in. */
  public String channelId() {
    if (channel != null && channel.id() != null) return channel.id();
    return container == null ? null : container.channelId();
  }

  /** The thread the pressed message lives in, or null when it is not in one. */
  public String threadTs() {
    if (container != null && container.threadTs() != null) return container.threadTs();
    return message == null ? null : message.threadTs();
  }
}
