package dev.switchboard.ops;

import dev.switchboard.calling.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The per-organisation gate bulk work passes before each Webex call. Webex's quota is per org and
 * shared by every writer: when one call is told to wait (429 or 423), the gate closes until
 * {@code Retry-After} has passed and every worker waits, none retrying early.
 */
public final class OrgGate {

  private final Clock clock;
  private final Sleeper sleeper;
  private Instant openAt = Instant.MIN;

  public OrgGate(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Closes the gate for at least this long from now (a later close wins). */
  public synchronized void closeFor(Duration wait) {
    Instant until = clock.instant().plus(wait);
    if (until.isAfter(openAt)) openAt = until;
  }

  public synchronized boolean isOpen() {
    return !clock.instant().isBefore(openAt);
  }

  /** Returns once the gate is open; the caller holds no concurrency slot while it waits. */
  public void awaitOpen() throws InterruptedException {
    while (true) {
      Duration wait;
      synchronized (this) {
        wait = Duration.between(clock.instant(), openAt);
      }
      if (wait.isNegative() || wait.isZero()) return;
      sleeper.sleep(wait);
    }
  }
}
