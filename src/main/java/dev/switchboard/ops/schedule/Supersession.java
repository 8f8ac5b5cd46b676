package dev.switchboard.ops.schedule;

import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.AuditEntry;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.ops.Requester;
import dev.switchboard.ops.WriteStep;
import dev.switchboard.ops.schedule.Schedule.Item;
import dev.switchboard.ops.schedule.Schedule.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One owner per change: a change applied at a location — anyone's, through Switchboard, including an undo and
 * another schedule's step — supersedes every pending step of schedules asked for before it there. The step is
 * dropped for that location, the schedule's thread is told, and the later change's reply says so too.
 */
final class Supersession implements WriteStep.Superseding {

  private static final Logger log = LoggerFactory.getLogger(Supersession.class);

  private final ScheduleStore store;
  private final Announcer announcer;

  Supersession(ScheduleStore store, Announcer announcer) {
    this.store = store;
    this.announcer = announcer;
  }

  @Override
  public List<String> applied(AuditEntry change) {
    if (!"location".equals(change.targetType())) return List.of();
    Instant asked = askedAt(change);
    List<String> notes = new ArrayList<>();
    for (Schedule s : store.all()) {
      if (s.created().isAfter(asked)) continue; // asked for after this change: it stays
      for (Item item : s.items()) {
        if (!item.locationId().equals(change.targetId()) || !pending(item) || own(item, change)) continue;
        String words = "superseded: " + who(change) + " changed " + item.locationName() + " at "
            + ScheduleTimes.time(change.time(), item.zoneId());
        if (!store.claim(s.id(), item.locationId(), this::pending, i -> i.superseded(words))) continue;
        notes.add(item.start() == Phase.PENDING
            ? "Schedule #" + s.id() + " (" + s.requesterName() + ") will not change " + item.locationName()
                + " any more: this change takes over there."
            : "Schedule #" + s.id() + " (" + s.requesterName() + ") will not switch " + item.locationName()
                + " back any more: this change takes over there.");
        // The schedule's own thread is told, unless the change was asked there by its requester: its reply says so.
        if (!askedInItsThread(s, change)) tell(s, item, change);
      }
    }
    return notes;
  }

  /** When the change was asked for: a schedule's own step counts from when the schedule was asked. */
  private Instant askedAt(AuditEntry change) {
    if (!Requester.Platform.SCHEDULER.name().equals(change.platform())) return change.time();
    return owner(change).map(Schedule::created).orElse(change.time());
  }

  private Optional<Schedule> owner(AuditEntry change) {
    return store.all().stream().filter(s -> s.items().stream()
        .anyMatch(i -> i.startBatch() != null && (i.startBatch().equals(change.batch())
            || i.startBatch().equals(change.undoes())))).findFirst();
  }

  /** A step still to come: a start, or the switch-back of a start that was made. */
  private boolean pending(Item i) {
    return i.start() == Phase.PENDING || (i.start() == Phase.DONE && i.end() == Phase.PENDING);
  }

  /** The item's own start (a timed change made now writes in its schedule's batch). */
  private static boolean own(Item item, AuditEntry change) {
    return item.startBatch() != null && item.startBatch().equals(change.batch());
  }

  private static boolean askedInItsThread(Schedule s, AuditEntry change) {
    return change.requesterEmail() != null && change.requesterEmail().equalsIgnoreCase(s.requester().email())
        && change.conversation() != null && change.conversation().equals(s.requester().conversation());
  }

  private static String who(AuditEntry change) {
    return change.requesterEmail() == null ? "someone" : change.requesterEmail();
  }

  private void tell(Schedule s, Item item, AuditEntry change) {
    String what = item.start() == Phase.PENDING ? "will not change it" : "will not switch it back";
    boolean theirOwn = change.requesterEmail() != null && change.requesterEmail().equalsIgnoreCase(s.requester().email());
    Reply reply = Reply.of(Tone.INFO, (theirOwn ? "You" : who(change)) + " changed " + item.locationName() + " at "
            + ScheduleTimes.time(change.time(), item.zoneId()) + ", so schedule #" + s.id() + " " + what + ".")
        .text((theirOwn ? "Your" : "Their") + " change: `" + Reply.literal(change.command()) + "`. A later change at "
            + "a location takes over every plan made before it there.")
        .toEveryone().build();
    try {
      announcer.announce(s.requester(), reply);
    } catch (RuntimeException e) {
      log.warn("Could not tell schedule {}'s thread that it was superseded: {}", s.id(), e.getMessage());
    }
  }
}
