package dev.switchboard.calling;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okio.AsyncTimeout;

/**
 * Keeps okio's timeout watchdog asleep while calls come and go. Every socket read and write of an HTTP call enters
 * a timeout in okio's one queue, and okio wakes its watchdog thread whenever a timeout enters at the head: with calls
 * made one at a time, that is every read and write, two wake-ups a call, each a context switch that competes with
 * the webhook acks on a 2-core machine (counted from {@code /proc}: 3.9 a {@code help} command, more than the command's
 * own thread). This timeout, due sooner than any call's (the shortest is 10 s), stays at the head and re-arms itself
 * each time it expires, so the watchdog wakes every {@link #EVERY} instead. The calls' own timeouts fire as before:
 * the watchdog always waits for the earliest one, and one due before the pacer takes the head from it.
 */
public final class TimeoutPacer extends AsyncTimeout {

  /** Shorter than every timeout a call sets (connect and write 10 s, read 30 s). */
  public static final Duration EVERY = Duration.ofSeconds(5);

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private final Runnable onExpiry;
  private volatile boolean stopped;

  /** Expires every {@code every}, telling {@code onExpiry} (on the watchdog's thread) before it re-arms. */
  TimeoutPacer(Duration every, Runnable onExpiry) {
    this.onExpiry = onExpiry;
    timeout(every.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Puts the pacer in okio's queue, once per process. */
  public static void start() {
    if (STARTED.compareAndSet(false, true)) new TimeoutPacer(EVERY, () -> {}).enter();
  }

  /** Called on the watchdog's thread, outside its lock: leave the queue's bookkeeping balanced, then go back in. */
  @Override
  protected void timedOut() {
    onExpiry.run();
    exit();
    if (!stopped) enter();
  }

  /** Takes it out of the queue for good (for tests: the process's pacer runs as long as the process). */
  void stop() {
    stopped = true;
    exit();
  }
}
