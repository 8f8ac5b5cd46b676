package dev.switchboard.ops.schedule;

import dev.switchboard.calling.WebexClient;
import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.Audit;
import dev.switchboard.ops.Authorizer;
import dev.switchboard.ops.BulkRunner;
import dev.switchboard.ops.LocationDirectory;
import dev.switchboard.ops.LocationLocks;
import dev.switchboard.ops.Reconciler;
import dev.switchboard.ops.UndoOps;
import dev.switchboard.ops.WriteStep;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what is due: scheduled starts (authorized again), automatic reverts (exactly like {@code undo}),
 * reminders before a revert, and the daily report of forgotten intercepts. {@link #runDue(Instant)} does one
 * round and needs no thread: tests call it with a fake clock, the service from one scheduled thread.
 *
 * <p>Exactly once: an item is marked {@code RUNNING} on disk (with what was read before the write) before Webex is
 * changed, and {@code DONE} after; what a crash left {@code RUNNING} is settled at the first round after a start
 * from the audit log and from Webex, never by changing a location twice. A revert that finds the location already
 * back does nothing. With replicas, the mark is a claim one replica wins, held on a lease {@link #heartbeat()}
 * renews: when the replica holding it stops, another takes the item over once its lease has run out.
 */
public final class Scheduler {

  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  private final Clock clock;
  private final ScheduleRecovery recovery;
  private final ScheduledStarts starts;
  private final ScheduledReverts reverts;
  private final ScheduleReminders reminders;
  private final DailyReport report;
  private final Reconciler reconciler;
  private final ScheduleStore store;

  Scheduler(ScheduleStore store, WebexClient client, LocationDirectory directory, Audit audit, Authorizer authorizer,
      UndoOps undo, BulkRunner bulk, Announcer announcer, ScheduleSettings settings, Clock clock, String botName,
      LocationLocks locks, WriteStep writes, Reconciler reconciler) {
    this.clock = clock;
    this.reconciler = reconciler;
    this.store = store;
    ScheduleRound round = new ScheduleRound(store, audit, directory, announcer);
    this.recovery = new ScheduleRecovery(store, client, audit, round);
    this.starts = new ScheduledStarts(store, client, audit, authorizer, bulk, locks, writes, round);
    this.reverts = new ScheduledReverts(store, undo, writes, client, client.objectMapper(), round);
    this.reminders = new ScheduleReminders(store, settings, botName, round);
    this.report = new DailyReport(store, client, directory, audit, bulk, announcer, settings, botName);
  }

  /**
   * Renews this replica's claims on the steps it is running, so no other replica takes them over; the service calls
   * it every few seconds from a thread of its own (a round may take longer than a lease). Never throws.
   */
  public void heartbeat() {
    try {
      store.heartbeat();
    } catch (RuntimeException e) {
      log.warn("Could not renew this replica's schedule leases; the next heartbeat tries again: {}", e.getMessage());
    }
  }

  /** One round at the clock's time; never throws (a failed round is logged and the next one tries again). */
  public void runDue() {
    runDue(clock.instant());
  }

  /**
   * One round as if it were {@code now}: open intents settled, then starts, reverts, reminders and the daily report.
   */
  public synchronized void runDue(Instant now) {
    try {
      store.heartbeat();
      // Changes whose outcome was lost are settled from Webex first: the schedules' own recovery reads what they say.
      boolean settled = reconciler.settle();
      // Then what was left RUNNING (by a previous process, or a start whose answer was lost): when Webex could not
      // answer, the next round tries again.
      if (settled) recovery.settle(now);
      starts.run(now);
      reverts.run(now);
      reminders.run(now);
      report.run(now);
    } catch (RuntimeException | Error e) {
      // Never let a failure escape: it would cancel the periodic task and no schedule would run again.
      log.error("A scheduler round failed; the next round tries again", e);
    }
  }
}
