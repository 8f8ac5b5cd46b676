package dev.switchboard.chat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "I'm busy" notices, posted by one thread of their own: a flood of commands cannot starve them, and they cannot
 * starve the commands. None is ever dropped: a notice waits, keyed by the place it goes to (a person in a
 * conversation), until it is posted; refusals there meanwhile fold into it — it then says how many were not run — so
 * a flood from one place costs one entry and one message. Closing posts those still waiting first.
 */
public final class BusyNotices implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BusyNotices.class);
  // Not a place (places are "platform|…"): tells a poster waiting in take() that closing began.
  private static final String CLOSE = "";

  /** Posts one notice for {@code refused} commands not run (at least one); failures are its own to report. */
  @FunctionalInterface
  public interface Notice {
    void post(int refused);
  }

  private record Waiting(Notice notice, int refused) {}

  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final BlockingQueue<String> places = new LinkedBlockingQueue<>();
  private final Thread poster;
  private volatile boolean closing;

  BusyNotices() {
    poster = new Thread(this::postAll, "switchboard-busy-notice");
    poster.setDaemon(true);
    poster.start();
  }

  /** One more command not run at {@code place}; the latest notice is posted (it names the latest thread). */
  void add(String place, Notice notice) {
    Waiting now = waiting.merge(place, new Waiting(notice, 1),
        (earlier, latest) -> new Waiting(latest.notice(), earlier.refused() + 1));
    if (now.refused() == 1) places.add(place);
  }

  /** Places whose notice is not posted yet. */
  int waiting() {
    return waiting.size();
  }

  private void postAll() {
    while (!Thread.currentThread().isInterrupted()) {
      String place;
      try {
        place = closing ? places.poll() : places.take();
      } catch (InterruptedException e) {
        return;
      }
      if (place == null) return; // closing, and every notice is posted
      if (place.equals(CLOSE)) continue;
      Waiting due = waiting.remove(place);
      if (due == null) continue;
      try {
        due.notice().post(due.refused());
      } catch (RuntimeException e) {
        log.warn("Could not post a busy notice for {} command(s) at {}", due.refused(), place, e);
      }
    }
  }

  /**
   * Posts the notices still waiting, for up to {@code grace}, then stops: those are commands people were told nothing
   * about yet. One added while they drain is posted too.
   */
  void close(Duration grace) {
    closing = true;
    places.add(CLOSE); // wakes the poster, which then drains the queue and ends
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
