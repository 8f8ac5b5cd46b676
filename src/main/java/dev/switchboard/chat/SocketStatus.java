package dev.switchboard.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code /readyz} and {@code /metrics} show of a websocket (Webex's, Slack's Socket Mode): its state, the last
 * close, reconnects so far.
 */
public final class SocketStatus {

  /**
   * Where the connection is. STOPPED and FAILED are final until the service restarts (or, with replicas, until this
   * one leads the socket again); STANDBY is a replica's while another holds the socket.
   */
  public enum State { CONNECTING, CONNECTED, RECONNECTING, STANDBY, STOPPED, FAILED }

  private volatile State state = State.CONNECTING;
  private volatile String lastClose = "";
  private final AtomicLong reconnects = new AtomicLong();

  public State state() {
    return state;
  }

  /** Whether the socket has stopped for good: the bot no longer hears anyone over it until it restarts. */
  public boolean ended() {
    State now = state;
    return now == State.STOPPED || now == State.FAILED;
  }

  public long reconnects() {
    return reconnects.get();
  }

  public String lastClose() {
    return lastClose;
  }

  public void connected() {
    synchronized (this) {
      state = State.CONNECTED;
      notifyAll();
    }
  }

  /**
   * Waits until connected, stopped or failed, at most {@code timeout}; whether it is connected. For the demo, which
   * should not take a line before Webex can deliver it.
   */
  public synchronized boolean awaitSettled(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (state != State.CONNECTED && state != State.STOPPED && state != State.FAILED) {
      long left = deadline - System.nanoTime();
      if (left <= 0) break;
      wait(Math.max(1, left / 1_000_000));
    }
    return state == State.CONNECTED;
  }

  public void reconnecting(String why) {
    lastClose = why;
    reconnects.incrementAndGet();
    state = State.RECONNECTING;
  }

  /** Another replica holds the socket; this one takes it over when that one stops. */
  public void standingBy(String why) {
    synchronized (this) {
      lastClose = why;
      state = State.STANDBY;
      notifyAll();
    }
  }

  public void ended(State end, String why) {
    synchronized (this) {
      lastClose = why;
      state = end;
      notifyAll();
    }
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
