package dev.switchboard.chat.webex.socket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What {@code /readyz} and {@code /metrics} show of the websocket: its state, the last close, reconnects so far. */
public final class SocketStatus {

  /** Where the connection is. STOPPED and FAILED are final until the service restarts. */
  public enum State { CONNECTING, CONNECTED, RECONNECTING, STOPPED, FAILED }

  private volatile State state = State.CONNECTING;
  private volatile String lastClose = "";
  private final AtomicLong reconnects = new AtomicLong();

  public State state() {
    return state;
  }

  public long reconnects() {
    return reconnects.get();
  }

  public String lastClose() {
    return lastClose;
  }

  void connected() {
    state = State.CONNECTED;
  }

  void reconnecting(String why) {
    lastClose = why;
    reconnects.incrementAndGet();
    state = State.RECONNECTING;
  }

  void ended(State end, String why) {
    lastClose = why;
    state = end;
  }

  /** For {@code /readyz}: state, reconnects and (once there was one) the last close. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
    map.put("reconnects", reconnects.get());
    if (!lastClose.isEmpty()) map.put("lastClose", lastClose);
    return map;
  }
}
