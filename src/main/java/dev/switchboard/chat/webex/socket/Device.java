package dev.switchboard.chat.webex.socket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * A device registered with Webex's device service (WDM): its own URL (refreshed with PUT, deleted on a clean stop) and
 * the websocket Webex pushes the bot's activities on.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Device(String url, String webSocketUrl, String name) {
  public Device {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(webSocketUrl, "webSocketUrl");
  }
}
