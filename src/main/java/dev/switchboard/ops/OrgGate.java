package dev.switchboard.ops;

import dev.switchboard.calling.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The per-organisation gate bulk work passes before each Webex call. Webex's quota is per org and
 * shared by every writer: when one call is told to wait (429 or 423), the gate closes until
 * {@code Retry-After} has passed and every worker waits, none retrying early.
 */
public final class OrgGate {

  private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

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
    awaitOpen(() -> false);
  }

  /**
   * Returns true once the gate is open, or false as soon as {@code giveUp} says so; it looks at
   * least once a second, so a shutdown is not held up by a long {@code Retry-After}.
   */
  public boolean awaitOpen(BooleanSupplier giveUp) throws InterruptedException {
    while (true) {
      if (giveUp.getAsBoolean()) return false;
      Duration wait;
      synchronized (this) {
        wait = Duration.between(clock.instant(), openAt);
      }
      if (wait.isNegative() || wait.isZero()) return true;
      sleeper.sleep(wait.compareTo(LOOK_AGAIN) > 0 ? LOOK_AGAIN : wait);
    }
  }
}
