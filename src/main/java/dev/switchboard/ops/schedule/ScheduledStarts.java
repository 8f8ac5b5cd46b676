package dev.switchboard.ops.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.command.Access;
import dev.switchboard.command.InterceptOptions;
import dev.switchboard.ops.Audit;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.Authorizer;
import dev.switchboard.ops.BulkRunner;
import dev.switchboard.ops.InterceptEdits;
import dev.switchboard.ops.LocationLocks;
import dev.switchboard.ops.Permissions;
import dev.switchboard.ops.Principal;
import dev.switchboard.ops.Replies;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.ops.Setting;
import dev.switchboard.ops.WriteStep;
import dev.switchboard.ops.WriteStep.Result;
import dev.switchboard.ops.schedule.Schedule.Item;
import dev.switchboard.ops.schedule.Schedule.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scheduled starts: authorized again at their time, each location through the one write step. */
final class ScheduledStarts {

  private static final Logger log = LoggerFactory.getLogger(ScheduledStarts.class);

  private final ScheduleStore store;
  private final WebexClient client;
  private final Audit audit;
  private final Authorizer authorizer;
  private final BulkRunner bulk;
  private final LocationLocks locks;
  private final WriteStep writes;
  private final ObjectMapper mapper;
  private final ScheduleRound round;

  ScheduledStarts(ScheduleStore store, WebexClient client, Audit audit, Authorizer authorizer, BulkRunner bulk,
      LocationLocks locks, WriteStep writes, ScheduleRound round) {
    this.store = store;
    this.client = client.withoutRateLimitWaits();
    this.audit = audit;
    this.authorizer = authorizer;
    this.bulk = bulk;
    this.locks = locks;
    this.writes = writes;
    this.mapper = client.objectMapper();
    this.round = round;
  }

  void run(Instant now) {
    for (Map.Entry<Integer, List<Item>> due : round.due(i -> i.start() == Phase.PENDING && !i.startAt().isAfter(now))
        .entrySet()) {
      Schedule s = store.get(due.getKey()).orElseThrow();
      List<Item> missed = due.getValue().stream().filter(i -> i.endAt() != null && !i.endAt().isAfter(now)).toList();
      List<Item> items = due.getValue().stream().filter(i -> !missed.contains(i)).toList();
      if (!missed.isEmpty()) missed(s, missed);
      if (!items.isEmpty()) start(s, items, now);
    }
  }

  private void missed(Schedule s, List<Item> due) {
    // Claimed like a start: of two replicas finding it missed, one says so.
    List<Item> missed = due.stream().filter(item -> store.claim(s.id(), item.locationId(), i -> i.start() == Phase.PENDING,
        i -> i.started(Phase.MISSED, null, "missed: Switchboard was not running between its start and its end")))
        .toList();
    if (missed.isEmpty()) return;
    Item first = missed.get(0);
    round.announce(s, Reply.of(Tone.WARNING, "Schedule #" + s.id() + " did not run at " + ScheduleRound.names(missed) + ": Switchboard "
            + "was not running from its start (" + ScheduleTimes.local(first.startAt(), first.zoneId())
            + ") until after its end (" + ScheduleTimes.local(first.endAt(), first.zoneId()) + ").")
        .text("Nothing was changed there. Your request: `" + Reply.literal(s.command()) + "`.").toEveryone().build());
  }

  private void start(Schedule s, List<Item> items, Instant now) {
    Authorizer.Resolution resolution;
    try {
      resolution = authorizer.resolve(s.requester());
    } catch (WebexException e) {
      log.warn("Could not check {}'s rights for schedule {}; trying at the next round: {}", s.requester().email(),
          s.id(), e.getMessage());
      return;
    }
    List<Item> allowed;
    List<Item> refused;
    String reason = null;
    if (resolution instanceof Authorizer.Resolution.Refused r) {
      refused = items;
      allowed = List.of();
      reason = r.reason();
    } else {
      Principal principal = ((Authorizer.Resolution.Known) resolution).principal();
      Predicate<Item> mayChange = i -> Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, i.locationName());
      allowed = items.stream().filter(mayChange).toList();
      refused = items.stream().filter(mayChange.negate()).toList();
      if (!refused.isEmpty()) {
        reason = "This needs " + Permissions.needed(Access.CHANGE_INTERCEPT,
            refused.size() == 1 ? refused.get(0).locationName() : null) + ".";
      }
    }
    List<String> lines = new ArrayList<>();
    for (Item item : refused) {
      audit.line(s.requester().asScheduler(), s.command(), Audit.newBatch(), "denied")
          .target("location", item.locationId(), item.locationName())
          .detail("scheduled start refused: " + s.requester().email() + " may no longer change intercept there")
          .write(Outcome.DENIED);
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.DENIED, null,
          "not started: " + s.requesterName() + " may no longer change intercept there")));
      lines.add(item.locationName() + ": **not changed** — " + s.requesterName()
          + " may no longer change intercept there");
    }
    String batch = Audit.newBatch();
    var outcomes = bulk.<Item, String>run(allowed, item -> calls -> startOne(s, item, batch, calls, now));
    boolean anyChanged = false;
    for (var outcome : outcomes) {
      if (!outcome.started()) continue; // shutting down: still PENDING, runs after the restart
      if (outcome.result() != null) lines.add(outcome.result());
      anyChanged |= store.get(s.id()).orElseThrow().item(outcome.target().locationId()).start() == Phase.DONE;
    }
    if (lines.isEmpty()) return;
    Schedule after = store.get(s.id()).orElseThrow();
    Item first = items.get(0);
    boolean troubled = !refused.isEmpty() || after.items().stream().anyMatch(i -> items.stream()
        .anyMatch(x -> x.locationId().equals(i.locationId())) && (i.start() == Phase.FAILED || i.start() == Phase.RUNNING));
    Reply.Builder reply = Reply.of(troubled ? Tone.WARNING : Tone.SUCCESS,
        "Schedule #" + s.id() + ": intercept " + (s.enable() ? "ON" : "off") + " at " + ScheduleRound.names(items) + ".");
    reply.items(lines, Replies.LIST_LIMIT);
    if (reason != null) reply.text(reason);
    round.late(reply, first.startAt(), first.zoneId(), now);
    List<Item> reverting = after.items().stream()
        .filter(i -> i.start() == Phase.DONE && i.end() == Phase.PENDING && !i.switchEnd() && items.stream()
            .anyMatch(x -> x.locationId().equals(i.locationId()))).toList();
    if (anyChanged && !reverting.isEmpty()) {
      Item r = reverting.get(0);
      reply.text("Back to how it was at " + ScheduleTimes.when(r.endAt(), r.zoneId(), now)
          + (reverting.size() > 1 ? " (each location at that local time)" : "") + ".");
    }
    reply.text("Asked by " + s.requesterName() + ": `" + Reply.literal(s.command()) + "`.");
    round.announce(s, reply.toEveryone().build());
  }

  /** One location's scheduled start; the line for the announcement, or null when nothing is to be said. */
  private String startOne(Schedule s, Item item, String batch, BulkRunner.Calls calls, Instant now) {
    // The claim and the write under one lock: a person's change at the location waits for both.
    return locks.with(item.locationId(), () -> startOneLocked(s, item, batch, calls, now));
  }

  private String startOneLocked(Schedule s, Item item, String batch, BulkRunner.Calls calls, Instant now) {
    if (!store.claim(s.id(), item.locationId(), i -> i.start() == Phase.PENDING,
        i -> i.starting(Phase.RUNNING, batch, null))) {
      return null; // cancelled meanwhile
    }
    Result<InterceptSettings> result = writes.apply(WriteStep.Request.of(
            new Setting.Intercept(item.locationId(), item.locationName()), s.requester().asScheduler(), s.command(),
            batch, Audit.INTERCEPT, before -> desired(s, item, before))
        .detail(ScheduleRound.scheduledBy(s))
        // What was read is kept before the write, so a crash between the write and its audit line is settled.
        .aheadOfWrite(before -> store.update(s.id(), x -> x.withItem(item.locationId(),
            i -> i.starting(Phase.RUNNING, batch, mapper.valueToTree(before))))),
        WriteStep.Route.gated(client, calls));
    if (result instanceof Result.Applied<InterceptSettings> applied) {
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.DONE, applied.entry().id(), null)));
      String line = item.locationName() + ": " + InterceptEdits.difference(applied.before(), applied.after(),
          round.region(item));
      // What this start took over from earlier plans at the location (one owner per change).
      return applied.notes().isEmpty() ? line : line + " — " + String.join(" ", applied.notes());
    }
    if (result instanceof Result.Failed<InterceptSettings> failed && failed.reason() == WriteStep.Reason.UNKNOWN) {
      // The write may have been applied: the item stays RUNNING until its intent is settled from Webex, and its end
      // then runs (or its start again, if the write did not land).
      store.cutShort(s.id(), item.locationId());
      return item.locationName() + ": **not known yet** — " + failed.problem();
    }
    if (result instanceof Result.Failed<InterceptSettings> failed) {
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.FAILED, null,
          (failed.current() == null ? "could not read: " : "failed: ") + failed.problem())));
      return item.locationName() + ": **failed** — " + failed.problem();
    }
    // Unchanged: a start is planned on no reading, so it cannot have moved.
    if (item.endAt() != null) {
      // As for a timed change typed now: the end still switches intercept back, and leaves the rest as it finds it.
      store.update(s.id(), x -> x.withItem(item.locationId(), Item::startedAlreadyThere));
      return item.locationName() + ": already " + (s.enable() ? "ON" : "off") + "; it goes "
          + (s.enable() ? "off " : "on ") + ScheduleTimes.when(item.endAt(), item.zoneId(), now);
    }
    store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.UNCHANGED, null,
        "already like that: nothing to take back")));
    return item.locationName() + ": already like that; nothing changed";
  }

  /** The settings a schedule's start writes over {@code before}; its numbers are stored in E.164 already. */
  static InterceptSettings desired(Schedule s, Item item, InterceptSettings before) {
    InterceptOptions options = InterceptOptions.parse(item.options());
    Map<String, String> e164 = new HashMap<>();
    InterceptEdits.numbersOf(options).forEach(n -> e164.put(n.raw(), n.raw()));
    return InterceptEdits.apply(before, s.enable(), options, e164);
  }
}
