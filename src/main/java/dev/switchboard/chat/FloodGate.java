package dev.switchboard.chat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How fast verified commands are offered to the {@link CommandPool}. No team types a thousand commands a second:
 * that many is a flood (a platform pouring out its backlog after an outage, or a replay by someone holding the
 * secret), and on a small machine the acks then need every core — Webex and Slack turn off a webhook that stops
 * answering. While one lasts the pool starts no command and each sender is told the bot is busy (one notice per
 * person and conversation); commands run again the moment it stops. Only verified deliveries count: forged ones are
 * turned away for a counter before they get here, so they cannot shut the gate on anyone.
 *
 * <p>Offers are counted in tenths of a second, one atomic add each; the gate is shut while the tenth being counted or
 * the full one before it held a flood's worth.
 */
public final class FloodGate {

  /** Commands a second from which they are a flood. */
  public static final int FLOOD_PER_SECOND = 1000;
  static final long WINDOW_NANOS = 100_000_000L;

  private final long floodPerWindow;
  private final LongSupplier nanoTime;
  /** The tenth of a second being counted; the count of the one before it, and which one that was. */
  private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong counting = new AtomicLong();
  private volatile long lastWindowCount;
  private volatile long lastWindow = Long.MIN_VALUE;

  /** A flood from {@code perSecond} commands a second, timed by {@code nanoTime}. */
  public FloodGate(int perSecond, LongSupplier nanoTime) {
    if (perSecond < 10) throw new IllegalArgumentException("a flood is at least 10 commands a second");
    this.floodPerWindow = perSecond / 10;
    this.nanoTime = nanoTime;
  }

  /** A flood from {@value #FLOOD_PER_SECOND} commands a second. */
  public static FloodGate standard() {
    return new FloodGate(FLOOD_PER_SECOND, System::nanoTime);
  }

  /** A gate that never shuts: for pools that are not behind a webhook. */
  public static FloodGate open() {
    return new FloodGate(Integer.MAX_VALUE, System::nanoTime);
  }

  /** Counts one more command offered; true when it is part of a flood and must not start. */
  public boolean offerShut() {
    long now = nanoTime.getAsLong() / WINDOW_NANOS;
    roll(now);
    if (counting.incrementAndGet() >= floodPerWindow) return true;
    return lastWindow == now - 1 && lastWindowCount >= floodPerWindow;
  }

  /**
   * Commands offered a second: the busier of the tenth of a second being counted and the full one before it, so 0
   * only once both were quiet.
   */
  public long perSecond() {
    long now = nanoTime.getAsLong() / WINDOW_NANOS;
    roll(now);
    long last = lastWindow == now - 1 ? lastWindowCount : 0;
    return Math.max(last, counting.get()) * 10;
  }

  /**
   * Moves to the tenth {@code now} when it is past the one being counted; the one thread that moves it keeps the
   * count of the tenth that ended (an offer racing the move may be counted in either: a flood is not one offer).
   */
  private void roll(long now) {
    long current = window.get();
    if (current >= now || !window.compareAndSet(current, now)) return;
    lastWindowCount = counting.getAndSet(0);
    lastWindow = current;
  }
}
