package dev.switchboard.ops.schedule;

import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.Audit;
import dev.switchboard.ops.AuditEntry;
import dev.switchboard.ops.LocationDirectory;
import dev.switchboard.ops.Replies;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.schedule.Schedule.Item;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every part of a scheduler round shares: the plans, the audit log, and where to say what happened. */
final class ScheduleRound {

  private static final Logger log = LoggerFactory.getLogger(ScheduleRound.class);
  /** A run this much after its time says it ran late. */
  static final Duration LATE = Duration.ofMinutes(2);

  private final ScheduleStore store;
  private final Audit audit;
  private final LocationDirectory directory;
  private final Announcer announcer;

  ScheduleRound(ScheduleStore store, Audit audit, LocationDirectory directory, Announcer announcer) {
    this.store = store;
    this.audit = audit;
    this.directory = directory;
    this.announcer = announcer;
  }

  /** Items passing {@code filter}, by schedule, in schedule order. */
  Map<Integer, List<Item>> due(Predicate<Item> filter) {
    Map<Integer, List<Item>> due = new LinkedHashMap<>();
    for (Schedule s : store.all()) {
      for (Item item : s.items()) {
        if (filter.test(item)) due.computeIfAbsent(s.id(), id -> new ArrayList<>()).add(item);
      }
    }
    return due;
  }

  /**
   * The applied change that started the item: read from its batch (an index, not a scan of the whole log); only an
   * entry id without its batch is looked for everywhere.
   */
  Optional<AuditEntry> startEntry(Item item) {
    if (item.startBatch() == null) {
      return item.startEntryId() == null ? Optional.empty()
          : audit.log().entries(e -> item.startEntryId().equals(e.id())).stream().findFirst();
    }
    List<AuditEntry> batch = audit.log().batch(item.startBatch());
    if (item.startEntryId() != null) {
      Optional<AuditEntry> byId = batch.stream().filter(e -> item.startEntryId().equals(e.id())).findFirst();
      if (byId.isPresent()) return byId;
      return audit.log().entries(e -> item.startEntryId().equals(e.id())).stream().findFirst();
    }
    return appliedStart(batch, item);
  }

  /** The item's own applied intercept change among {@code batch}. */
  static Optional<AuditEntry> appliedStart(List<AuditEntry> batch, Item item) {
    return batch.stream().filter(e -> item.locationId().equals(e.targetId()) && e.applied()
        && e.action().equals(Audit.INTERCEPT)).findFirst();
  }

  void late(Reply.Builder reply, Instant due, ZoneId zone, Instant now) {
    if (Duration.between(due, now).compareTo(LATE) > 0) {
      reply.text("This ran late: it was due " + ScheduleTimes.when(due, zone, now) + ", while Switchboard was not "
          + "running.");
    }
  }

  void announce(Schedule s, Reply reply) {
    try {
      announcer.announce(s.requester(), reply);
    } catch (RuntimeException e) {
      log.warn("Could not announce schedule {} in its thread: {}", s.id(), e.getMessage());
    }
  }

  String region(Item item) {
    return directory.byId(item.locationId()).map(directory::regionOf).orElse(directory.defaultRegion());
  }

  static String scheduledBy(Schedule s) {
    return "scheduled by " + s.requester().email() + " (schedule " + s.id() + ")";
  }

  static String names(List<Item> items) {
    return Replies.prose(items.stream().map(Item::locationName).toList());
  }
}
