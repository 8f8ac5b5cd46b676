package dev.switchboard.ops;

import dev.switchboard.ops.Reply.Tone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress of a bulk run over many locations, as one message edited in place: first the count and an estimate
 * from the org's learned pace, then "k of N done" at most every {@link #INTERVAL}, then the outcome. Webex allows ten
 * edits of a message, so at most {@link #MAX_STEPS} steps are shown between the first message and the outcome.
 */
final class BulkProgress {

  /** Runs over fewer locations than this answer quickly enough without a progress message. */
  static final int THRESHOLD = 10;
  static final Duration INTERVAL = Duration.ofSeconds(5);
  static final int MAX_STEPS = 8;

  private final Progress progress;
  private final Clock clock;
  private final String what;
  private final int total;
  private final AtomicInteger done = new AtomicInteger();
  private int steps;
  private Instant last;

  private BulkProgress(Progress progress, Clock clock, String what, int total) {
    this.progress = progress;
    this.clock = clock;
    this.what = what;
    this.total = total;
  }

  /**
   * Starts the progress of {@code what} (e.g. "Changing intercept") at {@code total} locations, each taking about
   * {@code callsEach} Webex calls; a run below the threshold shows nothing.
   */
  static BulkProgress start(Progress progress, Clock clock, String what, int total, int callsEach,
      Duration pace) {
    BulkProgress run = new BulkProgress(total >= THRESHOLD ? progress : Progress.NONE, clock, what, total);
    run.last = clock.instant();
    String estimate = pace == null ? "I'll update this message as it goes."
        : "At this org's pace, about " + words(pace.multipliedBy((long) total * callsEach)) + ".";
    run.progress.show(Reply.of(Tone.INFO, what + " at " + total + " locations…").text(estimate).build());
    return run;
  }

  /** One location is done; the message is edited when enough time has passed since the last edit. */
  void stepDone() {
    int now = done.incrementAndGet();
    synchronized (this) {
      Instant at = clock.instant();
      if (steps >= MAX_STEPS || now >= total || Duration.between(last, at).compareTo(INTERVAL) < 0) return;
      steps++;
      last = at;
    }
    progress.show(Reply.note(Tone.INFO, what + " at " + total + " locations: " + now + " of " + total + " done…"));
  }

  /** The run's outcome, in place of the progress. */
  void finish(Reply outcome) {
    progress.show(Reply.of(outcome.tone(), outcome.title()).build());
  }

  static String words(Duration d) {
    long seconds = Math.max(1, d.toSeconds());
    if (seconds < 90) return seconds + " s";
    long minutes = Math.round(seconds / 60.0);
    return minutes + " min";
  }
}
