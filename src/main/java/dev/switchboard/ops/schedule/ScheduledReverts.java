package dev.switchboard.ops.schedule;

import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.ops.Setting;
import dev.switchboard.ops.WriteStep;
import dev.switchboard.ops.WriteStep.Result;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.ops.Audit;
import dev.switchboard.ops.AuditEntry;
import dev.switchboard.ops.InterceptEdits;
import dev.switchboard.ops.Replies;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.ops.UndoOps;
import dev.switchboard.ops.schedule.Schedule.Item;
import dev.switchboard.ops.schedule.Schedule.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Automatic reverts at a schedule's end: exactly like {@code undo}, leaving alone what someone changed since. */
final class ScheduledReverts {

  /** A revert Webex refused is tried again after this long. */
  static final Duration RETRY = Duration.ofMinutes(1);

  private final ScheduleStore store;
  private final UndoOps undo;
  private final WriteStep writes;
  private final WebexClient client;
  private final ObjectMapper mapper;
  private final ScheduleRound round;

  ScheduledReverts(ScheduleStore store, UndoOps undo, WriteStep writes, WebexClient client, ObjectMapper mapper,
      ScheduleRound round) {
    this.writes = writes;
    this.client = client.withoutRateLimitWaits();
    this.store = store;
    this.undo = undo;
    this.mapper = mapper;
    this.round = round;
  }

  void run(Instant now) {
    for (Map.Entry<Integer, List<Item>> due : round.due(i -> i.start() == Phase.DONE && i.end() == Phase.PENDING
        && !i.endAt().isAfter(now) && (i.retryAt() == null || !i.retryAt().isAfter(now))).entrySet()) {
      end(store.get(due.getKey()).orElseThrow(), due.getValue(), now);
    }
  }

  private void end(Schedule s, List<Item> items, Instant now) {
    String batch = Audit.newBatch();
    List<String> lines = new ArrayList<>();
    List<Reply.Block> tables = new ArrayList<>();
    boolean trouble = false;
    for (Item item : items) {
      // Re-checked on the stored item: an `extend` may have moved the end since this round began.
      if (!store.claim(s.id(), item.locationId(), i -> i.end() == Phase.PENDING && !i.endAt().isAfter(now),
          i -> i.ending(Phase.RUNNING, i.retryAt(), null))) {
        continue;
      }
      if (item.switchEnd()) {
        UndoOps.Revert flipped = switchBack(s, item, batch);
        String words = flipped.outcome() == UndoOps.Reverted.RESTORED
            ? "intercept switched " + (s.enable() ? "off" : "on") : flipped.words();
        boolean done = flipped.outcome() != UndoOps.Reverted.FAILED;
        store.update(s.id(), x -> x.withItem(item.locationId(), i -> done ? i.ending(Phase.DONE, null, words)
            : i.ending(Phase.PENDING, now.plus(RETRY), words)));
        if (done || item.retryAt() == null) lines.add(item.locationName() + ": " + words);
        trouble |= flipped.outcome() == UndoOps.Reverted.LEFT_ALONE || !done;
        continue;
      }
      Optional<AuditEntry> entry = round.startEntry(item);
      if (entry.isEmpty()) {
        store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.DONE, null,
            "left as it is: the change's audit entry is gone")));
        lines.add(item.locationName() + ": left as it is — Switchboard no longer has the audit entry of the change");
        trouble = true;
        continue;
      }
      UndoOps.Revert revert = undo.revert(s.requester().asScheduler(), s.command(), batch, entry.get(),
          "automatic revert of schedule " + s.id() + ", " + ScheduleRound.scheduledBy(s));
      switch (revert.outcome()) {
        case RESTORED -> {
          store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.DONE, null,
              "back to how it was")));
          lines.add(item.locationName() + ": back to how it was");
          tables.add(restored(entry.get(), round.region(item)));
        }
        case ALREADY_BACK -> {
          store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.DONE, null,
              "already back as it was")));
          lines.add(item.locationName() + ": already back as it was; nothing to do");
        }
        case LEFT_ALONE -> {
          store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.DONE, null, revert.words())));
          lines.add(item.locationName() + ": " + revert.words());
          trouble = true;
        }
        case FAILED -> {
          if (revert.permanent()) { // the location is gone (404): no retry can switch it back
            store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.FAILED, null,
                revert.words())));
            lines.add(item.locationName() + ": " + revert.words() + " — the location is gone; not tried again");
            trouble = true;
            continue;
          }
          store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.PENDING, now.plus(RETRY),
              revert.words())));
          if (item.retryAt() == null) { // a revert that keeps failing is announced once
            lines.add(item.locationName() + ": " + revert.words() + " (trying again every minute)");
          }
          trouble = true;
        }
      }
    }
    if (lines.isEmpty()) return;
    Item first = items.get(0);
    Reply.Builder reply = Reply.of(trouble ? Tone.WARNING : Tone.SUCCESS, "Schedule #" + s.id()
        + ": the intercept change at " + ScheduleRound.names(items) + " is over.");
    reply.items(lines, Replies.LIST_LIMIT);
    tables.forEach(reply::block);
    round.late(reply, first.endAt(), first.zoneId(), now);
    reply.text("Asked by " + s.requesterName() + ": `" + Reply.literal(s.command()) + "`.");
    round.announce(s, reply.toEveryone().build());
  }

  /**
   * The end of a timed change at a location that already was as asked: {@code enabled} goes to the opposite and
   * every other setting stays as it is now — unless {@code enabled} is no longer what the schedule left.
   */
  private UndoOps.Revert switchBack(Schedule s, Item item, String batch) {
    Result<InterceptSettings> result = writes.apply(WriteStep.Request.of(
            new Setting.Intercept(item.locationId(), item.locationName()), s.requester().asScheduler(), s.command(),
            batch, Audit.INTERCEPT, current -> InterceptEdits.forWriting(
                new InterceptSettings(!s.enable(), current.incoming(), current.outgoing())))
        .onlyIf(current -> Boolean.valueOf(s.enable()).equals(current.enabled()))
        .detail(Audit.SWITCH_BACK + s.id() + ", " + ScheduleRound.scheduledBy(s)),
        WriteStep.Route.direct(client));
    if (result instanceof Result.Applied<InterceptSettings> applied) {
      return new UndoOps.Revert(UndoOps.Reverted.RESTORED, null, applied.notes());
    }
    if (result instanceof Result.Failed<InterceptSettings> failed) {
      return new UndoOps.Revert(UndoOps.Reverted.FAILED, "**failed** — " + failed.problem());
    }
    if (result instanceof Result.Moved<InterceptSettings>) {
      return new UndoOps.Revert(UndoOps.Reverted.LEFT_ALONE, "left alone: changed outside Switchboard since");
    }
    return new UndoOps.Revert(UndoOps.Reverted.ALREADY_BACK, "already " + (s.enable() ? "off" : "on")
        + "; nothing to do");
  }

  private Reply.Block restored(AuditEntry start, String region) {
    try {
      InterceptSettings changed = mapper.treeToValue(start.after(), InterceptSettings.class);
      InterceptSettings back = mapper.treeToValue(start.before(), InterceptSettings.class);
      return new Reply.Block.Changes(start.targetName(), InterceptEdits.changes(changed, back, region));
    } catch (JsonProcessingException e) {
      return new Reply.Block.Text(start.targetName() + ": restored.");
    }
  }
}
