package dev.switchboard.calling;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between retries; injected so tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps the calling thread for real. */
  Sleeper REAL = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

  void sleep(Duration d) throws InterruptedException;
}
