package dev.switchboard.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "I'm busy" notices, posted by one thread of their own: a flood of commands cannot starve them, and they cannot
 * starve the commands. None is ever dropped: a notice waits, keyed by the place it goes to (a person in a
 * conversation), until it is posted; refusals there meanwhile fold into it — it then says how many were not run — so
 * a flood from one place costs one entry and one message. A place is told at most once per {@link #SPACING}: a
 * replayed backlog refused for a minute is a dozen notices to its sender, not one per refusal the poster could keep up
 * with (which also spent the cores the flood was refused to spare). Closing posts those still waiting first, at once.
 */
public final class BusyNotices implements AutoCloseable {

  /** The least time between two notices to one place; the first is posted at once. */
  public static final Duration SPACING = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(BusyNotices.class);
  // Not a place (places are "platform|…"): tells a poster waiting in take() that closing began.
  private static final String CLOSE = "";

  /** Posts one notice for {@code refused} commands not run (at least one); failures are its own to report. */
  @FunctionalInterface
  public interface Notice {
    void post(int refused);
  }

  private record Waiting(Notice notice, int refused) {}

  /** A place whose notice may be posted from {@code dueNanos} on ({@link System#nanoTime()}). */
  private record Due(String place, long dueNanos) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(dueNanos, ((Due) other).dueNanos);
    }
  }

  private final long spacingNanos;
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  // When each place was last told, for places told within the spacing: pruned as notices are posted.
  private final Map<String, Long> toldAt = new ConcurrentHashMap<>();
  private final DelayQueue<Due> due = new DelayQueue<>();
  private final Thread poster;
  private volatile boolean closing;

  BusyNotices() {
    this(SPACING);
  }

  BusyNotices(Duration spacing) {
    spacingNanos = spacing.toNanos();
    poster = new Thread(this::postAll, "switchboard-busy-notice");
    poster.setDaemon(true);
    poster.start();
  }

  /** One more command not run at {@code place}; the latest notice is posted (it names the latest thread). */
  void add(String place, Notice notice) {
    Waiting now = waiting.merge(place, new Waiting(notice, 1),
        (earlier, latest) -> new Waiting(latest.notice(), earlier.refused() + 1));
    if (now.refused() == 1) {
      Long told = toldAt.get(place);
      long at = System.nanoTime();
      due.add(new Due(place, told == null || at - told >= spacingNanos ? at : told + spacingNanos));
    }
  }

  /** Places whose notice is not posted yet. */
  int waiting() {
    return waiting.size();
  }

  private void postAll() {
    while (!closing) {
      Due next;
      try {
        next = due.take();
      } catch (InterruptedException e) {
        return;
      }
      if (!next.place().equals(CLOSE)) post(next.place());
    }
    // Closing: every notice still waiting, without waiting for its turn; one added meanwhile too.
    while (!waiting.isEmpty() && !Thread.currentThread().isInterrupted()) {
      for (String place : List.copyOf(waiting.keySet())) post(place);
    }
  }

  private void post(String place) {
    if (!waiting.containsKey(place)) return;
    // Told from now on, before the entry is taken: a refusal landing just after it is taken waits its turn.
    long at = System.nanoTime();
    toldAt.put(place, at);
    if (toldAt.size() > 64) toldAt.values().removeIf(told -> at - told >= spacingNanos);
    Waiting notice = waiting.remove(place);
    if (notice == null) return;
    try {
      notice.notice().post(notice.refused());
    } catch (RuntimeException e) {
      log.warn("Could not post a busy notice for {} command(s) at {}", notice.refused(), place, e);
    }
  }

  /**
   * Posts the notices still waiting, for up to {@code grace}, then stops: those are commands people were told nothing
   * about yet. One added while they drain is posted too.
   */
  void close(Duration grace) {
    closing = true;
    due.add(new Due(CLOSE, System.nanoTime())); // wakes the poster, which then posts what waits and ends
    try {
      poster.join(Math.max(1, grace.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (poster.isAlive()) {
      log.warn("Stopping with {} busy notice(s) not posted after {}", waiting.size(), grace);
      poster.interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(4));
  }
}
