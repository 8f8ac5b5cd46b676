package dev.switchboard.ops.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Audit;
import dev.switchboard.ops.AuditEntry;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.InterceptEdits;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.ops.schedule.Schedule.Item;
import dev.switchboard.ops.schedule.Schedule.Phase;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles what was left {@code RUNNING} — by a previous process that stopped, or by a write whose answer was lost —
 * from the audit log and from Webex, never by changing a location twice.
 */
final class ScheduleRecovery {

  private static final Logger log = LoggerFactory.getLogger(ScheduleRecovery.class);

  private final ScheduleStore store;
  private final WebexClient client;
  private final Audit audit;
  private final ObjectMapper mapper;
  private final ScheduleRound round;
  private boolean unsettled;

  ScheduleRecovery(ScheduleStore store, WebexClient client, Audit audit, ScheduleRound round) {
    this.store = store;
    this.client = client.withoutRateLimitWaits();
    this.audit = audit;
    this.mapper = client.objectMapper();
    this.round = round;
  }

  /** Settles what was cut short; false when Webex could not answer for some of it (the next round tries again). */
  boolean settle(Instant now) {
    unsettled = false;
    recover(now);
    return !unsettled;
  }

  /** Settles what was left RUNNING. */
  private void recover(Instant now) {
    Set<String> cutShort = store.cutShort();
    for (Schedule s : store.all()) {
      for (Item item : s.items()) {
        String key = ScheduleStore.key(s.id(), item.locationId());
        if (!cutShort.contains(key)) continue;
        if (item.start() == Phase.RUNNING) recoverStart(s, item, now);
        if (item.end() == Phase.RUNNING) {
          // The revert itself checks what is live: run it again, it will not restore twice.
          store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.PENDING, null, null)));
        }
        Item after = store.get(s.id()).orElseThrow().item(item.locationId());
        if (after.start() != Phase.RUNNING && after.end() != Phase.RUNNING) store.settled(key);
      }
    }
  }

  private void recoverStart(Schedule s, Item item, Instant now) {
    if (intentOpen(item)) {
      // The reconciler settles the write's own intent from Webex first; the start follows what it records.
      unsettled = true;
      return;
    }
    Optional<AuditEntry> entry = round.startEntry(item);
    if (entry.isPresent()) {
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.DONE, entry.get().id(), null)));
      return;
    }
    if (item.before() == null && item.startAt().isAfter(s.created())) {
      // A scheduled start stops before its write only after storing what it read: nothing was written.
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.starting(Phase.PENDING, null, null)));
      return;
    }
    if (item.before() == null) {
      // A change made with the command, cut short before it was audited: it was not made, or cannot be known.
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.FAILED, null,
          "Switchboard stopped before making this change")));
      round.announce(s, Reply.of(Tone.WARNING, "Switchboard restarted before it changed intercept at " + item.locationName()
          + " for schedule #" + s.id() + "; nothing was changed there and nothing will be switched back.").build());
      return;
    }
    try {
      InterceptSettings before = mapper.treeToValue(item.before(), InterceptSettings.class);
      InterceptSettings desired = ScheduledStarts.desired(s, item, before);
      InterceptSettings current = client.locationIntercept(item.locationId());
      if (InterceptEdits.same(current, desired) && !InterceptEdits.same(before, desired)) {
        AuditEntry written = audit.line(s.requester().asScheduler(), s.command(), item.startBatch(),
                Audit.INTERCEPT)
            .target("location", item.locationId(), item.locationName()).before(before).after(current)
            .detail(ScheduleRound.scheduledBy(s) + "; recorded after a restart").write(Outcome.APPLIED);
        store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.DONE, written.id(), null)));
      } else {
        store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.starting(Phase.PENDING, null, null)));
      }
    } catch (JsonProcessingException | WebexException e) {
      log.warn("Could not settle schedule {} at {} after a restart; trying at the next round: {}", s.id(),
          item.locationName(), e.getMessage());
      unsettled = true;
    }
  }

  /** Whether this start's write intent is still without an outcome. */
  private boolean intentOpen(Item item) {
    return item.startBatch() != null && audit.log().unsettled().stream()
        .anyMatch(e -> item.startBatch().equals(e.batch()) && item.locationId().equals(e.targetId()));
  }
}
