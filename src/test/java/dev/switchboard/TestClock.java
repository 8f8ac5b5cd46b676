package dev.switchboard;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one fake time for tests: a clock, a Caffeine ticker and a sleeper in one. The test moves it with
 * {@link #advance}; sleeping records the wait and moves it on at once, so nothing in a test really sleeps.
 */
public final class TestClock extends Clock implements Ticker, Sleeper {

  /** Wednesday 2026-11-25, 09:00 UTC: where a clock starts unless a test says otherwise. */
  public static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

  /** Shared by a clock and its views in other zones, so they all tell the same time. */
  private static final class Time {
    final Instant start;
    final AtomicLong nanos = new AtomicLong();
    final List<Duration> sleeps = new ArrayList<>();

    Time(Instant start) {
      this.start = start;
    }
  }

  private final Time time;
  private final ZoneId zone;

  public TestClock() {
    this(START);
  }

  public TestClock(Instant start) {
    this(new Time(start), ZoneOffset.UTC);
  }

  private TestClock(Time time, ZoneId zone) {
    this.time = time;
    this.zone = zone;
  }

  /** Moves the time on, as if {@code d} had passed. */
  public void advance(Duration d) {
    time.nanos.addAndGet(d.toNanos());
  }

  /** Records the wait and moves the time on by it; returns at once. */
  @Override
  public void sleep(Duration d) {
    synchronized (time) {
      time.sleeps.add(d);
    }
    advance(d);
  }

  /** Every wait asked of {@link #sleep}, in order. */
  public List<Duration> sleeps() {
    synchronized (time) {
      return List.copyOf(time.sleeps);
    }
  }

  /** Forgets the waits so far, so a test can look at the next ones alone. */
  public void forgetSleeps() {
    synchronized (time) {
      time.sleeps.clear();
    }
  }

  @Override
  public long read() {
    return time.nanos.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new TestClock(time, zone);
  }

  @Override
  public Instant instant() {
    return time.start.plusNanos(time.nanos.get());
  }
}
