package dev.switchboard.ops.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Where the schedules are kept, as documents: a file for one instance ({@link #file}), a database table every
 * replica shares (the {@code store} package). The scheduler's typed view ({@code ScheduleStore}) sits on top, so
 * both keep exactly the same records and pass the same contract tests.
 *
 * <p>Exactly once across replicas rests on two things here: {@link #update} is a check-and-set no other replica can
 * interleave with, and an item left {@code RUNNING} is held on a lease by the replica that claimed it, renewed by
 * {@link #heartbeat}; when that replica stops, {@link #abandoned} hands the item to exactly one other replica.
 */
public interface ScheduleBook {

  /** A claim on a running item (or a day's report) lasts this long without a heartbeat. */
  Duration LEASE = Duration.ofSeconds(60);

  /** Finished schedules are dropped this long after their last step; their audit lines stay. */
  Duration KEEP_FINISHED = Duration.ofDays(30);

  /**
   * One schedule as kept.
   *
   * @param id its number
   * @param doc the schedule itself, as JSON
   * @param planned whether it still has something to do (a finished one is dropped after a while)
   * @param lastTime its latest start or end, from which "a while" is counted
   * @param running the location ids of its items left {@code RUNNING}: each held on this replica's lease
   */
  record Page(int id, JsonNode doc, boolean planned, Instant lastTime, Set<String> running) {
    public Page {
      running = Set.copyOf(running);
    }
  }

  /** Every schedule kept, by number. */
  List<Page> all();

  Optional<Page> get(int id);

  /** Keeps the page {@code make} builds with the next free number; returns it. */
  Page add(IntFunction<Page> make);

  /** Drops a schedule; when it was the newest, its number is given back. */
  void remove(int id);

  /**
   * Changes one schedule, with no other change (by any replica) in between: {@code change} sees the page as kept
   * now and returns the new one, or null to leave it. Empty when there is no such schedule or nothing changed.
   */
  Optional<Page> update(int id, UnaryOperator<Page> change);

  /** The last day whose daily report was posted everywhere. */
  Optional<LocalDate> lastReport();

  /**
   * Takes (or renews) the right to post {@code day}'s report until {@code now} plus {@link #LEASE}: false when it is
   * posted already, or another replica holds it and is alive.
   */
  boolean holdReport(LocalDate day, Instant now);

  /** {@code day}'s report is posted everywhere. */
  void reportDone(LocalDate day);

  /**
   * Running items (as {@code id|locationId}) whose holder stopped renewing its lease, now held by this replica: only
   * one replica gets each. For a file, what the previous process left running, once.
   */
  Set<String> abandoned(Instant now);

  /** Renews this replica's leases until {@code now} plus {@link #LEASE}. */
  void heartbeat(Instant now);

  /** Schedules in {@code file}, for one instance. */
  static ScheduleBook file(Path file, ObjectMapper mapper, Clock clock) {
    return new FileScheduleBook(file, mapper, clock);
  }
}
