package dev.switchboard.ops.schedule;

import dev.switchboard.ops.Requester;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One request for a timed or later intercept change, as stored: who asked, where (the thread announcements go to),
 * and per location when it starts and ends and how far it got. Each location has its own times, read in its own
 * time zone.
 *
 * @param id the number people use ({@code cancel schedule 3})
 * @param requester who asked, and where: automatic changes are announced in that thread
 * @param requesterName their display name, for messages
 * @param command the line they typed
 * @param created when it was asked
 * @param enable whether intercept goes on (true) or off at the start
 * @param items one per location
 * @param cancelledBy who cancelled it, or null
 */
record Schedule(int id, Requester requester, String requesterName, String command, Instant created, boolean enable,
    List<Item> items, String cancelledBy) {

  Schedule {
    Objects.requireNonNull(requester, "requester");
    items = List.copyOf(items);
  }

  /** How far one side (start or end) of an item got. */
  enum Phase {
    /** Nothing to do on this side (no automatic revert). */
    NONE,
    /** Waiting for its time. */
    PENDING,
    /** Started and not known to be finished: a crash here is recovered at the next start. */
    RUNNING,
    /** Done: the change was made, or the revert ran (restored, already back, or left alone). */
    DONE,
    /** The start found intercept already like that: nothing to take back. */
    UNCHANGED,
    /** Webex refused the start. */
    FAILED,
    /** The requester may no longer make this change. */
    DENIED,
    /** Switchboard was down from the start until after the end. */
    MISSED,
    /** Cancelled before it ran. */
    CANCELLED,
    /** Dropped because a later change at the location (anyone's, through Switchboard) took over. */
    SUPERSEDED;

    boolean finished() {
      return this != PENDING && this != RUNNING;
    }
  }

  /**
   * One location of a schedule.
   *
   * @param locationId the Webex location id
   * @param locationName its name when the schedule was made
   * @param zone the time zone its times were read in
   * @param options the intercept options to apply, as typed (numbers in E.164 for this location)
   * @param startAt when the change happens
   * @param endAt when it is taken back, or null for never
   * @param start how far the start got
   * @param end how far the revert got
   * @param startBatch the audit batch of the start
   * @param startEntryId the audit entry of the applied start, which the revert restores from
   * @param before what was read just before the start's write, so a crash between write and audit is recovered
   * @param reminded whether the reminder before the end was sent
   * @param retryAt when a revert that failed on Webex is tried again
   * @param note what happened, in words, for {@code schedules} and announcements
   * @param switchEnd the location already was as asked when the change was made, so there is no before-state to
   *     go back to: the end switches {@code enabled} to the opposite and leaves every other setting as it is
   */
  record Item(String locationId, String locationName, String zone, String options, Instant startAt, Instant endAt,
      Phase start, Phase end, String startBatch, String startEntryId, JsonNode before, boolean reminded,
      Instant retryAt, String note, boolean switchEnd) {

    Item {
      Objects.requireNonNull(locationId, "locationId");
      Objects.requireNonNull(startAt, "startAt");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }

    ZoneId zoneId() {
      return ScheduleTimes.zoneOf(zone);
    }

    /** Still something to do: a start to make, or a change to take back. */
    boolean planned() {
      return !start.finished() || (start == Phase.DONE && !end.finished());
    }

    Item starting(Phase phase, String batch, JsonNode read) {
      return new Item(locationId, locationName, zone, options, startAt, endAt, phase, end, batch, startEntryId, read,
          reminded, retryAt, note, switchEnd);
    }

    Item started(Phase phase, String entryId, String words) {
      Phase after = phase == Phase.DONE ? end : end == Phase.NONE ? Phase.NONE : Phase.CANCELLED;
      return new Item(locationId, locationName, zone, options, startAt, endAt, phase, after, startBatch, entryId,
          before, reminded, retryAt, words, switchEnd);
    }

    Item ending(Phase phase, Instant retry, String words) {
      return new Item(locationId, locationName, zone, options, startAt, endAt, start, phase, startBatch, startEntryId,
          before, reminded, retry, words == null ? note : words, switchEnd);
    }

    Item endingAt(Instant newEnd) {
      return new Item(locationId, locationName, zone, options, startAt, newEnd, start, end, startBatch, startEntryId,
          before, false, retryAt, note, switchEnd);
    }

    Item remindedNow() {
      return new Item(locationId, locationName, zone, options, startAt, endAt, start, end, startBatch, startEntryId,
          before, true, retryAt, note, switchEnd);
    }

    /** A later change at the location owns it now: nothing still pending here runs. */
    Item superseded(String words) {
      Phase s = start.finished() ? start : Phase.SUPERSEDED;
      Phase e = end.finished() ? end : Phase.SUPERSEDED;
      return new Item(locationId, locationName, zone, options, startAt, endAt, s, e, startBatch, startEntryId, before,
          reminded, retryAt, words, switchEnd);
    }

    /** Started at a location that already was as asked: its end switches {@code enabled} back. */
    Item startedAlreadyThere() {
      return new Item(locationId, locationName, zone, options, startAt, endAt, Phase.DONE, end, startBatch, null,
          before, reminded, retryAt, "already like that: the end switches intercept back", true);
    }

    Item cancelled(String words) {
      Phase s = start.finished() ? start : Phase.CANCELLED;
      Phase e = end.finished() ? end : Phase.CANCELLED;
      return new Item(locationId, locationName, zone, options, startAt, endAt, s, e, startBatch, startEntryId, before,
          reminded, retryAt, words, switchEnd);
    }
  }

  /** This schedule with one location's item changed. */
  Schedule withItem(String locationId, UnaryOperator<Item> change) {
    List<Item> changed = new ArrayList<>();
    for (Item item : items) changed.add(item.locationId().equals(locationId) ? change.apply(item) : item);
    return new Schedule(id, requester, requesterName, command, created, enable, changed, cancelledBy);
  }

  Schedule cancelledBy(String who) {
    return new Schedule(id, requester, requesterName, command, created, enable, items, who);
  }

  Item item(String locationId) {
    return items.stream().filter(i -> i.locationId().equals(locationId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Schedule " + id + " has no location " + locationId));
  }

  boolean planned() {
    return items.stream().anyMatch(Item::planned);
  }
}
