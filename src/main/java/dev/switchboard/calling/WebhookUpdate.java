package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The fields Webex lets you change on a webhook; {@code name} and {@code targetUrl} are required. A
 * {@code status} of "active" re-enables a webhook Webex disabled (it cannot deactivate one).
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/webhooks/update-a-webhook">Update a Webhook</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookUpdate(String name, String targetUrl, String secret, String status) {

  public WebhookUpdate {
    Require.present(name, "name");
    Require.present(targetUrl, "targetUrl");
  }

  /** The update that re-activates {@code webhook} as it is. */
  public static WebhookUpdate reactivate(Webhook webhook) {
    return new WebhookUpdate(webhook.name(), webhook.targetUrl(), webhook.secret(), "active");
  }

  @Override
  public String toString() {
    return "WebhookUpdate[name=" + name + ", targetUrl=" + targetUrl + ", secret="
        + (secret == null ? null : "***") + ", status=" + status + "]";
  }
}
