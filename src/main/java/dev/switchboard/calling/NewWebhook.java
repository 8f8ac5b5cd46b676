package dev.switchboard.calling;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook to create; {@code name}, {@code targetUrl}, {@code resource} and {@code event} are required.
 *
 * @see <a href="https://developer.webex.com/docs/api/v1/webhooks/create-a-webhook">Create a Webhook</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewWebhook(String name, String targetUrl, String resource, String event, String filter,
    String secret) {

  public NewWebhook {
    Require.present(name, "name");
    Require.present(targetUrl, "targetUrl");
    Require.present(resource, "resource");
    Require.present(event, "event");
  }

  @Override
  public String toString() {
    return "NewWebhook[name=" + name + ", targetUrl=" + targetUrl + ", resource=" + resource + ", event=" + event
        + ", filter=" + filter + ", secret=" + (secret == null ? null : "***") + "]";
  }
}
