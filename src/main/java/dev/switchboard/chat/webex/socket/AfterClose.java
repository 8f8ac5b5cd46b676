package dev.switchboard.chat.webex.socket;

/**
 * What the bot does when Webex closes its websocket, by close code, as the Webex JS SDK's Mercury plugin does: 4000
 * (this connection was replaced by another) stops, 4401 (authorization expired) gets a fresh token and reconnects,
 * 4400/4403 are mistakes that reconnecting cannot mend, anything else (1001 going away, 1005, 1006 lost, 1011 server
 * error) reconnects with backoff.
 */
public enum AfterClose {
  STOP, REFRESH_TOKEN, FATAL, RECONNECT;

  /** The decision for {@code code}. */
  public static AfterClose of(int code) {
    return switch (code) {
      case 4000 -> STOP;
      case 4401 -> REFRESH_TOKEN;
      case 4400, 4403 -> FATAL;
      default -> RECONNECT;
    };
  }

  /** The close code in words, for logs and {@code /readyz}. */
  public static String describe(int code) {
    return code + " " + switch (code) {
      case 1000 -> "normal closure";
      case 1001 -> "going away";
      case 1005 -> "no status";
      case 1006 -> "connection lost";
      case 1011 -> "server error";
      case 4000 -> "replaced by another connection";
      case 4400 -> "bad request";
      case 4401 -> "authorization expired";
      case 4403 -> "forbidden";
      default -> "closed";
    };
  }
}
