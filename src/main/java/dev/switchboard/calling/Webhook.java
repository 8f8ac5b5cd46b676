package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A registered Webex webhook ({@code status} is active or inactive).
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/webhooks">Webhooks</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Webhook(String id, String name, String targetUrl, String resource, String event, String filter,
    String secret, String status, String orgId, String createdBy, String appId, String ownedBy, Instant created) {

  /** Whether Webex is delivering to this webhook. */
  public boolean active() {
    return "active".equals(status);
  }

  @Override
  public String toString() {
    return "Webhook[id=" + id + ", name=" + name + ", targetUrl=" + targetUrl + ", resource=" + resource
        + ", event=" + event + ", filter=" + filter + ", secret=" + (secret == null ? null : "***")
        + ", status=" + status + "]";
  }
}
