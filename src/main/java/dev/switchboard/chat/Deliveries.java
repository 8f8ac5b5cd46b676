package dev.switchboard.chat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers which deliveries (Webex message ids, Slack event ids) were already taken, so a
 * redelivery runs nothing twice. Platforms redeliver late — one case 368 s after the original —
 * so ids are kept for the replay window (an hour unless set), bounded by count; a Webex message older than
 * that same window is not run at all, so a delivery replayed after its id is forgotten finds nothing to do.
 *
 * <p>Every delivery is offered here, forged floods aside, so an offer costs a hash-map insert and nothing more: ids
 * are kept in two generations, each a plain concurrent map of id to when it was first seen. The current one takes new
 * ids; once it is a window old (or holds half the bound) it becomes the previous one and the one before is dropped
 * whole — everything in it is older than the window, unless a flood of new ids forced the turn. A size-bounded
 * cache did the same with an eviction policy and its upkeep on another thread: under a webhook flood that was a
 * sixth of the handler's time (async-profiler).
 */
public final class Deliveries implements DeliveryLog {

  public static final Duration WINDOW = Duration.ofHours(1);
  private static final int MAX_IDS = 200_000;

  private final Ticker ticker;
  private final long windowNanos;
  private final int generationLimit;
  private volatile Generations generations;

  /** The ids first seen since {@code start}, each with when, and how many there are. */
  private record Generation(long start, ConcurrentHashMap<String, Long> seen, AtomicInteger taken) {
    Generation(long start) {
      this(start, new ConcurrentHashMap<>(), new AtomicInteger());
    }
  }

  private record Generations(Generation current, Generation previous) {}

  public Deliveries(Ticker ticker) {
    this(ticker, WINDOW);
  }

  public Deliveries(Ticker ticker, Duration window) {
    this(ticker, window, MAX_IDS);
  }

  /** Keeping at most {@code maxIds} (the oldest forgotten first when more come within the window). */
  Deliveries(Ticker ticker, Duration window, int maxIds) {
    if (maxIds < 2) throw new IllegalArgumentException("keep at least 2 ids");
    this.ticker = ticker;
    this.windowNanos = window.toNanos();
    this.generationLimit = maxIds / 2;
    long now = ticker.read();
    this.generations = new Generations(new Generation(now), new Generation(now));
  }

  @Override
  public boolean firstTime(String id) {
    long now = ticker.read();
    Generations g = current(now);
    Long before = g.previous().seen().get(id);
    if (before != null && now - before < windowNanos) return false;
    if (!take(g.current(), id, now)) return false;
    // The generations turned while this id went in: it may have gone into the one now previous, after another offer
    // of it looked there. Whichever of the two is in the new current one first is the first.
    Generations after = generations;
    return after == g || take(after.current(), id, now);
  }

  /** Puts {@code id} in {@code generation}; true unless it was there, seen within the window. */
  private boolean take(Generation generation, String id, long now) {
    Long before = generation.seen().putIfAbsent(id, now);
    if (before == null) {
      generation.taken().incrementAndGet();
      return true;
    }
    // Only a current generation that no offer turned for a window holds ids that old.
    return now - before >= windowNanos && generation.seen().replace(id, before, now);
  }

  /** The generations at {@code now}, turned first when the current one is a window old or half the bound. */
  private Generations current(long now) {
    Generations g = generations;
    if (now - g.current().start() < windowNanos && g.current().taken().get() < generationLimit) return g;
    synchronized (this) {
      g = generations;
      if (now - g.current().start() >= windowNanos || g.current().taken().get() >= generationLimit) {
        g = new Generations(new Generation(now), g.current());
        generations = g;
      }
      return g;
    }
  }

  /** Marks ids as seen, e.g. those the audit log recorded before a restart. */
  public void remember(Collection<String> ids) {
    ids.forEach(this::firstTime);
  }
}
