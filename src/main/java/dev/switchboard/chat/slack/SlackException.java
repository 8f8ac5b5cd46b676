package dev.switchboard.chat.slack;

/**
 * A Slack call that failed: Slack answered {@code ok: false} with an error code, answered with an HTTP
 * error, or could not be reached. Its message reads like {@code [users.info] user_not_found}.
 */
public final class SlackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String method;
  private final int status;
  private final String error;

  /**
   * @param method the Web API method, or {@code response_url}
   * @param status the HTTP status, 0 when Slack could not be reached
   * @param error Slack's error code, e.g. {@code channel_not_found}, {@code ratelimited}
   */
  public SlackException(String method, int status, String error, Throwable cause) {
    super("[" + method + "] " + error + (status == 200 || status == 0 ? "" : " (HTTP " + status + ")"), cause);
    this.method = method;
    this.status = status;
    this.error = error;
  }

  public String method() {
    return method;
  }

  /** The HTTP status, 0 when Slack could not be reached. */
  public int status() {
    return status;
  }

  /** Slack's error code. */
  public String error() {
    return error;
  }
}
