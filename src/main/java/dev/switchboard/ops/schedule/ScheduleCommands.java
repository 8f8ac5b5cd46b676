package dev.switchboard.ops.schedule;

import dev.switchboard.calling.Location;
import dev.switchboard.command.Access;
import dev.switchboard.command.Command;
import dev.switchboard.command.ScheduleRef;
import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.Audit;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.Checked;
import dev.switchboard.ops.LocationDirectory;
import dev.switchboard.ops.LocationMatch;
import dev.switchboard.ops.Permissions;
import dev.switchboard.ops.Plan;
import dev.switchboard.ops.Principal;
import dev.switchboard.ops.Replies;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.ops.Requester;
import dev.switchboard.ops.schedule.Schedule.Item;
import dev.switchboard.ops.schedule.Schedule.Phase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code schedules}, {@code extend}, {@code cancel schedule} and {@code presets}: what people do with the plans. */
final class ScheduleCommands {

  /** The schedule a command names and its items it acts on. */
  private record Chosen(Schedule schedule, List<Item> items) {}

  private static final Logger log = LoggerFactory.getLogger(ScheduleCommands.class);

  private final ScheduleStore store;
  private final LocationDirectory directory;
  private final Audit audit;
  private final Presets presets;
  private final ScheduleSettings settings;
  private final Clock clock;
  private final Announcer announcer;

  ScheduleCommands(ScheduleStore store, LocationDirectory directory, Audit audit, Presets presets, Announcer announcer,
      ScheduleSettings settings, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.audit = audit;
    this.presets = presets;
    this.announcer = announcer;
    this.settings = settings;
    this.clock = clock;
  }

  Reply list(Principal principal, String location) {
    String only = null;
    if (location != null) {
      LocationMatch match = directory.match(location);
      if (!(match instanceof LocationMatch.Found found)) {
        return Reply.note(Tone.WARNING, "There is no calling location called `" + location + "`.");
      }
      only = found.location().id();
    }
    Instant now = clock.instant();
    List<String> lines = new ArrayList<>();
    int hidden = 0;
    for (Schedule s : store.all()) {
      for (Item item : s.items()) {
        if (!item.planned() || (only != null && !only.equals(item.locationId()))) continue;
        if (!Permissions.mayAt(principal, Access.READ_INTERCEPT, item.locationName())) {
          hidden++;
          continue;
        }
        lines.add(line(s, item, now));
      }
    }
    String where = location == null ? "" : " at " + location;
    if (lines.isEmpty()) {
      return Reply.note(Tone.INFO, "Nothing is planned" + where + "." + (hidden > 0 ? " (" + hidden
          + " planned change(s) at locations you may not see.)" : ""));
    }
    Reply.Builder reply = Reply.of(Tone.INFO, Replies.plural(lines.size(), "planned change", "planned changes") + where
        + ", soonest schedule first.").items(lines, Replies.LIST_LIMIT);
    if (hidden > 0) reply.text("Not shown (you may not see them): " + hidden + ".");
    return reply.text("`extend schedule <n> by 1h` moves an end; `cancel schedule <n>` drops what is left.").build();
  }

  /**
   * One plan at one location in a line that fits a chat window (about 110 characters): the zone's name and the
   * relative time once, for the end that is coming; who asked by name. The typed command and the email are left out,
   * as they repeat what the line says; the options show while they are still to come (once on, status shows them).
   */
  private static String line(Schedule s, Item item, Instant now) {
    ZoneId zone = item.zoneId();
    String state = s.enable() ? "ON" : "off";
    StringBuilder line = new StringBuilder("#").append(s.id()).append(" **").append(item.locationName()).append("**: ");
    if (item.start() == Phase.PENDING) {
      line.append(state).append(' ').append(ScheduleTimes.when(item.startAt(), zone, now));
      if (item.end() == Phase.PENDING) line.append("; back ").append(ScheduleTimes.time(item.endAt(), zone));
      if (item.options() != null && !item.options().isBlank()) {
        line.append("; with ").append(Reply.literal(item.options()));
      }
    } else {
      line.append(state).append(" since ").append(ScheduleTimes.time(item.startAt(), zone))
          .append("; back ").append(ScheduleTimes.when(item.endAt(), zone, now));
    }
    return line.append(" — asked by ").append(s.requesterName()).toString();
  }

  Reply extend(Requester requester, Principal principal, Command.ExtendSchedule command, String text) {
    Checked<Chosen> found = endingItems(principal, command.schedule(), true);
    if (found instanceof Checked.Refused<Chosen> none) return none.reply();
    Schedule schedule = ((Checked.Ok<Chosen>) found).value().schedule();
    List<Item> items = ((Checked.Ok<Chosen>) found).value().items();
    Optional<Reply> refused = refuseUnlessAllowed(requester, principal, items, text, "extend schedule " + schedule.id());
    if (refused.isPresent()) return refused.get();
    Instant now = clock.instant();
    List<String> lines = new ArrayList<>();
    Map<String, Instant> ends = new LinkedHashMap<>();
    for (Item item : items) {
      ZoneId zone = item.zoneId();
      Instant end = command.by() != null
          ? ScheduleTimes.later(item.endAt(), zone, command.by())
          : ScheduleTimes.resolve(command.until(), zone, now, now.isAfter(item.startAt()) ? now : item.startAt());
      String at = items.size() == 1 ? "" : " at " + item.locationName();
      if (!end.isAfter(now) || !end.isAfter(item.startAt())) {
        return Reply.note(Tone.WARNING, "Nothing was changed: the new end" + at + ", "
            + ScheduleTimes.local(end, zone) + ", has passed or is before the start.");
      }
      if (end.isAfter(ScheduleTimes.later(item.startAt(), zone, settings.maxDuration()))) {
        return Reply.of(Tone.WARNING, "Nothing was changed: until " + ScheduleTimes.local(end, zone) + at
                + " would make it longer than the " + ScheduleTimes.span(settings.maxDuration())
                + " a timed change may last.")
            .text("Plan a new one when this one ends, or `cancel schedule " + schedule.id() + "` to keep intercept "
                + "as it is.").build();
      }
      ends.put(item.locationId(), end);
      lines.add(item.locationName() + ": back to how it was " + ScheduleTimes.when(end, zone, now) + " (was "
          + ScheduleTimes.time(item.endAt(), zone) + ")");
    }
    // Each end moves only while its revert has not begun: the scheduler claims the same item.
    List<String> moved = new ArrayList<>();
    for (Map.Entry<String, Instant> e : ends.entrySet()) {
      if (store.claim(schedule.id(), e.getKey(), i -> i.end() == Phase.PENDING && i.start() != Phase.RUNNING,
          i -> i.endingAt(e.getValue()))) {
        moved.add(e.getKey());
      }
    }
    if (moved.size() < ends.size()) {
      lines.removeIf(line -> items.stream().anyMatch(item -> !moved.contains(item.locationId())
          && line.startsWith(item.locationName() + ":")));
      items.stream().filter(item -> !moved.contains(item.locationId()))
          .forEach(item -> lines.add(item.locationName() + ": not extended — it is being switched right now; "
              + "look at `schedules` in a moment"));
    }
    if (moved.isEmpty()) {
      return Reply.of(Tone.INFO, "Schedule #" + schedule.id() + " is being carried out right now; nothing was "
          + "extended.").items(lines, Replies.LIST_LIMIT).build();
    }
    String batch = Audit.newBatch();
    for (Item item : items) {
      if (!moved.contains(item.locationId())) continue;
      audit.line(requester, text, batch, Audit.SCHEDULE_EXTEND).target("schedule", "schedule-" + schedule.id(),
          item.locationName()).detail("schedule " + schedule.id() + ": ends " + ends.get(item.locationId()))
          .write(Outcome.APPLIED);
    }
    tellTheOwner(schedule, principal, "extended", lines);
    return Reply.of(Tone.SUCCESS, "Schedule #" + schedule.id() + " extended.").items(lines, Replies.LIST_LIMIT)
        .toEveryone().build();
  }

  Reply cancel(Requester requester, Principal principal, Command.CancelSchedule command, String text) {
    Checked<Chosen> found = endingItems(principal, command.schedule(), false);
    if (found instanceof Checked.Refused<Chosen> none) return none.reply();
    Schedule schedule = ((Checked.Ok<Chosen>) found).value().schedule();
    List<Item> items = ((Checked.Ok<Chosen>) found).value().items();
    Optional<Reply> refused = refuseUnlessAllowed(requester, principal, items, text, "cancel schedule " + schedule.id());
    if (refused.isPresent()) return refused.get();
    List<String> lines = new ArrayList<>();
    List<Item> cancelled = new ArrayList<>();
    for (Item item : items) {
      // Not while the scheduler is switching it: the user would be told the opposite of what happens.
      if (store.claim(schedule.id(), item.locationId(),
          i -> i.planned() && i.start() != Phase.RUNNING && i.end() != Phase.RUNNING,
          i -> i.cancelled("cancelled by " + principal.email()))) {
        cancelled.add(item);
        lines.add(item.start() == Phase.PENDING
            ? item.locationName() + ": nothing will change"
            : item.locationName() + ": intercept stays " + (schedule.enable() ? "ON" : "off")
                + "; nothing will switch it back");
      }
    }
    if (cancelled.isEmpty()) {
      return Reply.note(Tone.INFO, "Schedule #" + schedule.id() + " is running or has just run; nothing was "
          + "cancelled. Look at `schedules` in a moment.");
    }
    store.update(schedule.id(), s -> s.cancelledBy(principal.email()));
    String batch = Audit.newBatch();
    for (Item item : cancelled) {
      audit.line(requester, text, batch, Audit.SCHEDULE_CANCEL).target("schedule", "schedule-" + schedule.id(),
          item.locationName()).detail("schedule " + schedule.id() + " cancelled").write(Outcome.APPLIED);
    }
    tellTheOwner(schedule, principal, "cancelled", lines);
    return Reply.of(Tone.SUCCESS, "Cancelled schedule #" + schedule.id() + " (`" + Reply.literal(schedule.command()) + "`).")
        .items(lines, Replies.LIST_LIMIT).toEveryone().build();
  }

  /**
   * Someone else extended or cancelled a plan: its owner hears it in the plan's thread, as they hear a change that
   * takes a plan over. Their own plan they know about.
   */
  private void tellTheOwner(Schedule schedule, Principal principal, String done, List<String> lines) {
    String owner = schedule.requester().email();
    if (owner != null && owner.equalsIgnoreCase(principal.email())) return;
    Reply notice = Reply.of(Tone.INFO, principal.displayName() + " (" + principal.email() + ") " + done
            + " your schedule #" + schedule.id() + " (`" + Reply.literal(schedule.command()) + "`).")
        .items(lines, Replies.LIST_LIMIT).toEveryone().build();
    try {
      announcer.announce(schedule.requester(), notice);
    } catch (RuntimeException e) {
      log.warn("Could not tell schedule {}'s thread that it was {}: {}", schedule.id(), done, e.getMessage());
    }
  }

  /**
   * The schedule a reference names and its items still to run (only those with an end to move, for
   * {@code extend}); or the reply saying why there is none, or which to choose.
   */
  private Checked<Chosen> endingItems(Principal principal, ScheduleRef ref, boolean needEnd) {
    String verb = needEnd ? "extend" : "cancel";
    if (ref.isImplied()) return theAskersOne(principal, needEnd);
    if (ref.id() != null) {
      Optional<Schedule> schedule = store.get(ref.id());
      if (schedule.isEmpty()) {
        return Checked.refused(Reply.note(Tone.WARNING, "There is no schedule #" + ref.id() + ". `schedules` lists them."));
      }
      List<Item> items = schedule.get().items().stream().filter(i -> needEnd ? endsLater(i) : i.planned()).toList();
      if (items.isEmpty()) {
        boolean running = schedule.get().items().stream()
            .anyMatch(i -> i.start() == Phase.RUNNING || i.end() == Phase.RUNNING);
        if (running) {
          return Checked.refused(Reply.note(Tone.INFO, "Schedule #" + ref.id() + " is being carried out right now; nothing was "
              + (needEnd ? "extended" : "cancelled") + ". Look at `schedules` in a moment."));
        }
        return Checked.refused(Reply.note(Tone.INFO, "Schedule #" + ref.id() + " has nothing left to " + verb
            + (needEnd ? " (no switch back is planned)." : ".")));
      }
      return Checked.ok(new Chosen(schedule.get(), items));
    }
    LocationMatch match = directory.match(ref.location());
    if (!(match instanceof LocationMatch.Found found)) {
      return Checked.refused(Reply.note(Tone.WARNING, "There is no calling location called `" + ref.location() + "`."));
    }
    Location location = found.location();
    List<Schedule> matching = store.all().stream().filter(s -> s.items().stream()
        .anyMatch(i -> i.locationId().equals(location.id()) && (needEnd ? endsLater(i) : i.planned()))).toList();
    if (matching.isEmpty()) {
      return Checked.refused(Reply.note(Tone.INFO, needEnd
          ? "Nothing is planned to switch intercept at " + location.name() + " back."
          : "Nothing is planned at " + location.name() + "."));
    }
    if (matching.size() > 1) {
      return Checked.refused(Reply.of(Tone.WARNING, location.name() + " has " + matching.size() + " schedules; say which: "
          + Replies.alternatives(matching.stream().map(s -> "`" + verb + " schedule " + s.id()
              + (needEnd ? " by 1h`" : "`")).toList()) + ".").build());
    }
    Schedule schedule = matching.get(0);
    return Checked.ok(new Chosen(schedule, List.of(schedule.item(location.id()))));
  }

  /**
   * "extend it by 1h", "cancel my timer": the one schedule with something left to do that the asker made, or, when
   * they made none, the one the org has that they may see. Never a guess between several.
   */
  private Checked<Chosen> theAskersOne(Principal principal, boolean needEnd) {
    String verb = needEnd ? "extend" : "cancel";
    List<Chosen> open = new ArrayList<>();
    for (Schedule s : store.all()) {
      List<Item> items = s.items().stream().filter(i -> needEnd ? endsLater(i) : i.planned())
          .filter(i -> Permissions.mayAt(principal, Access.READ_INTERCEPT, i.locationName())).toList();
      if (!items.isEmpty()) open.add(new Chosen(s, items));
    }
    List<Chosen> mine = open.stream().filter(c -> principal.email().equals(c.schedule().requester().email())).toList();
    List<Chosen> candidates = mine.isEmpty() ? open : mine;
    if (candidates.size() == 1) return Checked.ok(candidates.get(0));
    String example = needEnd ? " by 1h`" : "`";
    if (candidates.isEmpty()) {
      return Checked.refused(Reply.note(Tone.INFO, needEnd
          ? "Nothing is planned to switch intercept back, so there is nothing to extend (`schedules` lists what is "
              + "planned)."
          : "Nothing is planned, so there is nothing to cancel (`schedules` lists what is planned)."));
    }
    String whose = mine.isEmpty() ? "There are " : "You have ";
    return Checked.refused(Reply.of(Tone.WARNING, whose + candidates.size() + " schedules; nothing was "
        + (needEnd ? "extended" : "cancelled") + ". Say which, as in `" + verb + " schedule "
        + candidates.get(0).schedule().id() + example + ":")
        .items(candidates.stream().map(c -> "#" + c.schedule().id() + ": `" + Reply.literal(c.schedule().command())
            + "`").toList(), Replies.LIST_LIMIT).build());
  }

  private static boolean endsLater(Item i) {
    return i.end() == Phase.PENDING && (i.start() == Phase.PENDING || i.start() == Phase.DONE);
  }

  private Optional<Reply> refuseUnlessAllowed(Requester requester, Principal principal, List<Item> items, String text,
      String what) {
    List<Item> refused = items.stream()
        .filter(i -> !Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, i.locationName())).toList();
    if (refused.isEmpty()) return Optional.empty();
    String where = Replies.prose(refused.stream().map(Item::locationName).toList());
    audit.line(requester, text, Audit.newBatch(), "denied").detail(what + " at " + where).write(Outcome.DENIED);
    return Optional.of(Replies.denied(what + " (it changes intercept at " + where + ")",
        Permissions.needed(Access.CHANGE_INTERCEPT, refused.size() == 1 ? refused.get(0).locationName() : null)));
  }

  Reply presets() {
    if (presets.all().isEmpty()) {
      return Reply.note(Tone.INFO, "There are no presets. Add them to the policy file under `presets:`, e.g. "
          + "`storm: {voicemail: true, announce: \"+12147691003\"}`.");
    }
    return Reply.of(Tone.INFO, Replies.plural(presets.all().size(), "preset", "presets") + "; use one as in `intercept "
            + "on at HQ preset " + presets.all().get(0).name() + " for 2h`.")
        .items(presets.all().stream().map(p -> "**" + p.name() + "**: `" + (p.text().isEmpty() ? "(no options)"
            : p.text()) + "`").toList(), Replies.LIST_LIMIT)
        .build();
  }
}
