package dev.switchboard.app;

import java.util.function.LongSupplier;

/**
 * Wall time during which at least one call was in flight: what the service spent waiting on Webex, calls made
 * in parallel (a status over every location) counted once. The benchmark subtracts it from a command's time
 * to get the bot's own; a plain sum of call durations would count parallel calls' overlap more than once.
 */
final class WaitClock {

  private final LongSupplier nanoTime;
  private int inFlight;
  private long since;
  private long total;

  WaitClock() {
    this(System::nanoTime);
  }

  WaitClock(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  synchronized void started() {
    if (inFlight++ == 0) since = nanoTime.getAsLong();
  }

  /** One call ended; an end without a start (a listener told only of the end) is ignored. */
  synchronized void ended() {
    if (inFlight == 0) return;
    if (--inFlight == 0) total += nanoTime.getAsLong() - since;
  }

  /** The time waited so far, a call in flight now counted up to this moment. */
  synchronized double seconds() {
    long waited = inFlight > 0 ? total + nanoTime.getAsLong() - since : total;
    return waited / 1e9;
  }
}
