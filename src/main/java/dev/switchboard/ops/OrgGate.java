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
 *
 * <p>It also learns the pace: from one rate-limited answer to the next, the calls that went through
 * are what the quota allows in that time. From then on calls are spaced a little below that rate,
 * so a long run is not a cycle of bursts and refusals, each refusal a wasted call. Without a
 * refusal for a minute the pace is forgotten, in case the quota (or the other writers) changed.
 */
public final class OrgGate {

  private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);
  private static final Duration FORGET_PACE = Duration.ofMinutes(1);
  /** Calls are spaced for this share of the rate measured between two refusals. */
  private static final double SHARE_OF_MEASURED_RATE = 0.95;
  /** Calls that may go at once when the gate reopens, before the learned spacing applies again. */
  private static final int FREE_CALLS_AFTER_A_WAIT = 5;
  /** Fewer calls than this between two refusals are a burst, not a measure of the quota. */
  private static final int CALLS_TO_LEARN_FROM = 10;

  private final Clock clock;
  private final Sleeper sleeper;
  private Instant openAt = Instant.MIN;
  private Instant lastRefusal;
  private long callsSinceRefusal;
  private Duration spacing;
  private Instant nextSlot = Instant.MIN;
  private int freeCalls;

  public OrgGate(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Closes the gate for at least this long from now (a later close wins), and learns the pace. */
  public synchronized void closeFor(Duration wait) {
    Instant now = clock.instant();
    // Refusals in a burst (few calls between them) say nothing about the rate; and a pace once
    // learned is only ever made faster, so one odd cycle cannot slow a whole run to a crawl.
    if (lastRefusal != null && callsSinceRefusal >= CALLS_TO_LEARN_FROM) {
      Duration cycle = Duration.between(lastRefusal, now);
      Duration measured = Duration.ofNanos((long) (cycle.toNanos() / (callsSinceRefusal * SHARE_OF_MEASURED_RATE)));
      if (spacing == null || measured.compareTo(spacing) < 0) spacing = measured;
    }
    lastRefusal = now;
    callsSinceRefusal = 0;
    Instant until = now.plus(wait);
    if (until.isAfter(openAt)) openAt = until;
    // The quota refills while everyone waits: the first few calls after the wait need no spacing.
    // Without this a burst of refusals would be met one at a time, each costing a full wait.
    if (spacing != null) freeCalls = FREE_CALLS_AFTER_A_WAIT;
  }

  /** A call went through. */
  public synchronized void called() {
    callsSinceRefusal++;
  }

  public synchronized boolean isOpen() {
    return !clock.instant().isBefore(openAt);
  }

  /** The spacing between calls learned from refusals, or null while none is known. */
  synchronized Duration spacing() {
    return spacing;
  }

  /** Returns once the gate is open; the caller holds no concurrency slot while it waits. */
  public void awaitOpen() throws InterruptedException {
    awaitOpen(() -> false);
  }

  /**
   * Returns true once the gate is open and, when a pace is known, this caller's turn has come; or
   * false as soon as {@code giveUp} says so. It looks at least once a second, so a shutdown is not
   * held up by a long {@code Retry-After}.
   */
  public boolean awaitOpen(BooleanSupplier giveUp) throws InterruptedException {
    Instant turn = null;
    while (true) {
      if (giveUp.getAsBoolean()) return false;
      Duration wait;
      synchronized (this) {
        Instant now = clock.instant();
        if (now.isBefore(openAt)) {
          wait = Duration.between(now, openAt);
          turn = null;
        } else {
          if (turn == null) turn = reserveTurn(now);
          wait = Duration.between(now, turn);
        }
      }
      if (wait.isNegative() || wait.isZero()) return true;
      sleeper.sleep(wait.compareTo(LOOK_AGAIN) > 0 ? LOOK_AGAIN : wait);
    }
  }

  /** The caller's place in the paced queue; now when no pace is known. */
  private Instant reserveTurn(Instant now) {
    if (spacing != null && lastRefusal != null && Duration.between(lastRefusal, now).compareTo(FORGET_PACE) > 0) {
      spacing = null;
    }
    if (spacing == null) return now;
    if (freeCalls > 0) {
      freeCalls--;
      nextSlot = now.plus(spacing);
      return now;
    }
    Instant turn = nextSlot.isAfter(now) ? nextSlot : now;
    nextSlot = turn.plus(spacing);
    return turn;
  }
}
