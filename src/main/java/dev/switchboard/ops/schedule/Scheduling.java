package dev.switchboard.ops.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.command.Command;
import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.Audit;
import dev.switchboard.ops.Authorizer;
import dev.switchboard.ops.BulkRunner;
import dev.switchboard.ops.Checked;
import dev.switchboard.ops.Confirmations;
import dev.switchboard.ops.InterceptBulk;
import dev.switchboard.ops.InterceptOps;
import dev.switchboard.ops.LocationDirectory;
import dev.switchboard.ops.LocationLocks;
import dev.switchboard.ops.Plan;
import dev.switchboard.ops.Policy;
import dev.switchboard.ops.Principal;
import dev.switchboard.ops.Reconciler;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Requester;
import dev.switchboard.ops.UndoOps;
import dev.switchboard.ops.WriteStep;
import dev.switchboard.ops.PendingPlans;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timed and scheduled intercept, as the operations see it: the commands that plan, list, extend and cancel changes,
 * and the {@link Scheduler} that carries out what is due. Plans are kept in a {@link ScheduleBook}: a file, or the database replicas share.
 */
public final class Scheduling implements PendingPlans {

  private static final Logger log = LoggerFactory.getLogger(Scheduling.class);

  private final TimedChanges timed;
  private final ScheduleCommands commands;
  private final Scheduler scheduler;
  private final ScheduleStore store;

  /** What scheduling is built from: the operations it uses, and where its plans are kept and announced. */
  public record Parts(WebexClient client, Policy policy, LocationDirectory directory, Audit audit,
      Authorizer authorizer, Confirmations confirmations, InterceptOps intercept, InterceptBulk interceptBulk,
      UndoOps undo, BulkRunner bulk, LocationLocks locks, WriteStep writes, Reconciler reconciler, Announcer announcer,
      ScheduleBook book,
      ScheduleSettings settings, Clock clock, String botName) {}

  public Scheduling(Parts p) {
    ObjectMapper mapper = p.client().objectMapper();
    Presets presets = Presets.from(p.policy());
    presets.warnings().forEach(log::warn);
    ScheduleStore store = new ScheduleStore(p.book(), mapper, p.clock());
    this.store = store;
    this.timed = new TimedChanges(store, p.intercept(), p.interceptBulk(), p.audit(), p.confirmations(), presets,
        p.settings(), p.clock());
    this.commands = new ScheduleCommands(store, p.directory(), p.audit(), presets, p.announcer(), p.settings(),
        p.clock());
    // One owner per change: every change applied through the write step drops what it supersedes.
    p.writes().supersedingWith(new Supersession(store, p.announcer()));
    this.scheduler = new Scheduler(store, p.client(), p.directory(), p.audit(), p.authorizer(), p.undo(), p.bulk(),
        p.announcer(), p.settings(), p.clock(), p.botName(), p.locks(), p.writes(), p.reconciler());
  }

  /** The next step planned at a location, soonest first, e.g. "goes off Wed 08:00 CST, in 2 h (schedule #4 by Ana)". */
  @Override
  public Optional<String> at(String locationId, Instant now) {
    return store.all().stream().flatMap(s -> s.items().stream()
            .filter(i -> i.locationId().equals(locationId) && i.planned())
            .map(i -> new NextStep(i.start() == Schedule.Phase.PENDING ? i.startAt() : i.endAt(), words(s, i, now))))
        .filter(step -> step.when() != null)
        .min(Comparator.comparing(NextStep::when))
        .map(NextStep::words);
  }

  private record NextStep(Instant when, String words) {}

  private static String words(Schedule s, Schedule.Item i, Instant now) {
    String what = i.start() == Schedule.Phase.PENDING ? "goes " + (s.enable() ? "ON" : "off") + " "
        + ScheduleTimes.when(i.startAt(), i.zoneId(), now)
        : i.switchEnd() ? "goes " + (s.enable() ? "off" : "on") + " " + ScheduleTimes.when(i.endAt(), i.zoneId(), now)
        : "goes back to how it was " + ScheduleTimes.when(i.endAt(), i.zoneId(), now);
    return what + " (schedule #" + s.id() + " by " + s.requesterName() + ")";
  }

  /** Carries out what is due; the service runs {@link Scheduler#runDue()} every few seconds. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The command with its preset's options filled in (typed options win); an unknown preset is refused. */
  public Checked<Command.InterceptChange> withPreset(Command.InterceptChange command) {
    return timed.withPreset(command);
  }

  /** An intercept change with a time: made now and taken back later, or made later. */
  public Reply change(Requester requester, Principal principal, Command.InterceptChange command, String text) {
    return timed.change(requester, principal, command, text);
  }

  /** {@code yes} to a timed change now at several locations. */
  public Reply confirmNow(Requester requester, Principal principal, Confirmations.Pending pending,
      Plan.Intercept plan) {
    return timed.confirmNow(requester, principal, pending, plan);
  }

  /** {@code yes} to a later change at several locations. */
  public Reply confirmLater(Requester requester, Principal principal, Confirmations.Pending pending, Plan.Later plan) {
    return timed.confirmLater(requester, principal, pending, plan);
  }

  public Reply list(Principal principal, String location) {
    return commands.list(principal, location);
  }

  public Reply extend(Requester requester, Principal principal, Command.ExtendSchedule command, String text) {
    return commands.extend(requester, principal, command, text);
  }

  public Reply cancel(Requester requester, Principal principal, Command.CancelSchedule command, String text) {
    return commands.cancel(requester, principal, command, text);
  }

  public Reply presets() {
    return commands.presets();
  }
}
