package dev.switchboard.ops;

import dev.switchboard.calling.Location;
import dev.switchboard.ops.Reply.Action;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.Access;
import dev.switchboard.command.Command;
import dev.switchboard.command.InboundType;
import dev.switchboard.command.InterceptOptions;
import dev.switchboard.command.NumberOption;
import dev.switchboard.command.OutboundType;
import dev.switchboard.command.ScheduleRef;
import dev.switchboard.command.Timing;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.Schedule.Item;
import dev.switchboard.ops.Schedule.Phase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Timed and scheduled intercept as commands: a change now that is taken back later, a change later, presets, and
 * {@code schedules}, {@code extend} and {@code cancel schedule}. What is due is carried out by {@link Scheduler}.
 */
final class ScheduleOps {

  /** A later start at several locations waiting for {@code yes}. */
  record Plan(Command.InterceptChange command, List<Location> locations, Map<String, Map<String, String>> numbers) {}

  /** When one location's change starts and ends, in its zone. */
  private record Window(Instant start, Instant end, ZoneId zone) {}

  private final ScheduleStore store;
  private final InterceptOps intercept;
  private final LocationDirectory directory;
  private final Audit audit;
  private final Confirmations confirmations;
  private final Presets presets;
  private final ScheduleSettings settings;
  private final Clock clock;
  private final String botName;

  ScheduleOps(ScheduleStore store, InterceptOps intercept, LocationDirectory directory, Audit audit,
      Confirmations confirmations, Presets presets, ScheduleSettings settings, Clock clock, String botName) {
    this.store = store;
    this.intercept = intercept;
    this.directory = directory;
    this.audit = audit;
    this.confirmations = confirmations;
    this.presets = presets;
    this.settings = settings;
    this.clock = clock;
    this.botName = botName;
  }

  // ---- a change with a preset or a time

  Reply change(Requester requester, Principal principal, Command.InterceptChange asked, String text) {
    Command.InterceptChange command = asked;
    if (asked.preset() != null) {
      Optional<Presets.Preset> preset = presets.named(asked.preset());
      if (preset.isEmpty()) {
        return Reply.of(Tone.WARNING, "There is no preset `" + asked.preset() + "`; nothing was changed.")
            .text(presets.all().isEmpty() ? "The policy file defines no presets."
                : "Presets: " + Replies.prose(presets.all().stream().map(p -> "`" + p.name() + "`").toList()) + ".")
            .build();
      }
      command = asked.withOptions(asked.options().over(preset.get().options()));
    }
    return timed(requester, principal, command, text);
  }

  private Reply timed(Requester requester, Principal principal, Command.InterceptChange command, String text) {
    if (command.timing() == null) return intercept.change(requester, principal, command, text);

    Object prepared = intercept.prepare(requester, principal, command, text);
    if (prepared instanceof Reply reply) return reply;
    InterceptOps.Prepared ready = (InterceptOps.Prepared) prepared;
    Instant now = clock.instant();
    Object windows = windows(command.timing(), ready.locations(), now);
    if (windows instanceof Reply reply) return reply;
    @SuppressWarnings("unchecked")
    Map<String, Window> times = (Map<String, Window>) windows;

    if (command.timing().start() == null) {
      if (ready.locations().size() == 1) {
        Location location = ready.locations().get(0);
        String batch = Audit.newBatch();
        Schedule schedule = store.add(id -> new Schedule(id, requester, principal.displayName(), text, now,
            command.enable(), List.of(nowItem(location, times.get(location.id()), command.options(),
                ready.numbers().get(location.id()), batch)), null));
        Reply reply = intercept.single(requester, text, command, location, ready.numbers().get(location.id()), batch);
        return settle(schedule, reply, now);
      }
      Reply preview = intercept.preview(requester, principal, text, command, ready.locations(), ready.numbers());
      if (preview.buttons().isEmpty()) return preview;
      return appended(preview, "Each goes back to how it was at its own local time: "
          + times(ready.locations(), times) + ".");
    }
    if (ready.locations().size() == 1) {
      return plan(requester, principal.displayName(), text, command, ready.locations(), ready.numbers(), times, now);
    }
    Confirmations.Pending pending = new Confirmations.Pending(requester, principal.displayName(), text,
        new Plan(command, ready.locations(), ready.numbers()), now);
    confirmations.put(pending);
    Reply.Builder reply = Reply.of(Tone.WARNING, "Preview: this plans intercept " + (command.enable() ? "ON" : "off")
        + " at " + Replies.plural(ready.locations().size(), "location", "locations")
        + ", each at its own local time. Nothing is planned until you confirm.");
    reply.items(ready.locations().stream().map(l -> l.name() + ": " + window(times.get(l.id()), command.enable(), now))
        .toList(), Replies.LIST_LIMIT);
    if (!command.options().isEmpty()) {
      reply.text("With: `" + optionsText(command.options(), Map.of()) + "`.");
    }
    reply.text("Press **Confirm** or reply `yes` within 2 minutes (in a group space, `@" + botName
        + " yes`); `cancel` to drop it. Only " + principal.displayName() + " can confirm.");
    return reply.button("Confirm", Action.CONFIRM, pending.id()).button("Cancel", Action.CANCEL, pending.id()).build();
  }

  /** {@code yes} to a timed change now at several locations: apply as usual, then plan the way back. */
  Reply confirmNow(Requester requester, Principal principal, Confirmations.Pending pending) {
    InterceptOps.Plan plan = (InterceptOps.Plan) pending.plan();
    Instant now = clock.instant();
    List<Location> locations = plan.steps().stream().map(InterceptOps.Step::location).toList();
    Object windows = windows(plan.timing(), locations, now);
    if (windows instanceof Reply reply) return reply;
    @SuppressWarnings("unchecked")
    Map<String, Window> times = (Map<String, Window>) windows;
    String batch = Audit.newBatch();
    List<Item> items = plan.steps().stream()
        .map(step -> nowItem(step.location(), times.get(step.location().id()), plan.options(), step.numbers(), batch))
        .toList();
    Schedule schedule = store.add(id -> new Schedule(id, pending.requester(), pending.requesterName(),
        pending.command(), now, plan.enable(), items, null));
    return settle(schedule, intercept.confirm(requester, principal, pending, batch), now);
  }

  /** {@code yes} to a later start at several locations: authorize again, then plan it. */
  Reply confirmLater(Requester requester, Principal principal, Confirmations.Pending pending) {
    Plan plan = (Plan) pending.plan();
    List<Location> refused = plan.locations().stream()
        .filter(l -> !Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, l.name())).toList();
    if (!refused.isEmpty()) {
      audit.line(requester, pending.command(), Audit.newBatch(), "denied")
          .detail("confirm schedule at " + Replies.names(refused)).write(Outcome.DENIED);
      return Replies.denied("change intercept at " + Replies.names(refused) + " any more",
          Permissions.needed(Access.CHANGE_INTERCEPT, null));
    }
    Instant now = clock.instant();
    Object windows = windows(plan.command().timing(), plan.locations(), now);
    if (windows instanceof Reply reply) return reply;
    @SuppressWarnings("unchecked")
    Map<String, Window> times = (Map<String, Window>) windows;
    return plan(pending.requester(), pending.requesterName(), pending.command(), plan.command(), plan.locations(),
        plan.numbers(), times, now);
  }

  private Reply plan(Requester requester, String requesterName, String text, Command.InterceptChange command,
      List<Location> locations, Map<String, Map<String, String>> numbers, Map<String, Window> times, Instant now) {
    List<Item> items = new ArrayList<>();
    for (Location location : locations) {
      Window w = times.get(location.id());
      items.add(new Item(location.id(), location.name(), w.zone().getId(),
          optionsText(command.options(), numbers.get(location.id())), w.start(), w.end(), Phase.PENDING,
          w.end() == null ? Phase.NONE : Phase.PENDING, null, null, null, false, null, null));
    }
    Schedule schedule = store.add(id -> new Schedule(id, requester, requesterName, text, now, command.enable(),
        items, null));
    String batch = Audit.newBatch();
    for (Location location : locations) {
      audit.line(requester, text, batch, "schedule.create")
          .target("schedule", "schedule-" + schedule.id(), location.name())
          .detail("schedule " + schedule.id() + ": " + window(times.get(location.id()), command.enable(), now))
          .write(Outcome.APPLIED);
    }
    Reply.Builder reply = Reply.of(Tone.SUCCESS, "Planned as schedule #" + schedule.id() + ": intercept "
        + (command.enable() ? "ON" : "off") + " at " + Replies.names(locations) + ".");
    reply.items(locations.stream().map(l -> l.name() + ": " + window(times.get(l.id()), command.enable(), now))
        .toList(), Replies.LIST_LIMIT);
    if (!command.options().isEmpty()) reply.text("With: `" + optionsText(command.options(), Map.of()) + "`.");
    reply.text("The thread hears when it runs. `schedules` lists it; `cancel schedule " + schedule.id()
        + "` drops it.");
    return reply.toEveryone().build();
  }

  private static Item nowItem(Location location, Window w, InterceptOptions options, Map<String, String> numbers,
      String batch) {
    return new Item(location.id(), location.name(), w.zone().getId(), optionsText(options, numbers), w.start(),
        w.end(), Phase.RUNNING, w.end() == null ? Phase.NONE : Phase.PENDING, batch, null, null, false, null, null);
  }

  /** After a change made now: each location it changed gets its way back planned, the others are dropped. */
  private Reply settle(Schedule schedule, Reply reply, Instant now) {
    List<Item> reverting = new ArrayList<>();
    for (Item item : schedule.items()) {
      Optional<AuditEntry> entry = audit.log().entries(e -> item.startBatch().equals(e.batch())
          && item.locationId().equals(e.targetId()) && e.applied() && e.action().equals(UndoOps.INTERCEPT))
          .stream().findFirst();
      Schedule updated = store.update(schedule.id(), s -> s.withItem(item.locationId(), i -> entry.isPresent()
          ? i.started(Phase.DONE, entry.get().id(), null)
          : i.started(Phase.UNCHANGED, null, "not changed, so nothing to take back")));
      if (entry.isPresent()) reverting.add(updated.item(item.locationId()));
    }
    if (reverting.isEmpty()) {
      return appended(reply, "Nothing was changed, so nothing will be switched back.");
    }
    Item first = reverting.get(0);
    String when = reverting.size() == 1
        ? ScheduleTimes.when(first.endAt(), first.zoneId(), now)
        : times(reverting, now);
    return appended(reply, "Goes back to how it was at " + when + " (schedule #" + schedule.id() + "). To keep it "
        + "longer: `@" + botName + " extend schedule " + schedule.id() + " by 1h`; to keep it as it is: `@" + botName
        + " cancel schedule " + schedule.id() + "`.");
  }

  /** Each location's start and end, or the reply refusing them: in the past, end before start, too long. */
  private Object windows(Timing timing, List<Location> locations, Instant now) {
    Map<String, Window> windows = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Location location : locations) {
      ZoneId zone = ScheduleTimes.zoneOf(location.timeZone());
      Instant start = timing.start() == null ? now : ScheduleTimes.resolve(timing.start(), zone, now, now);
      Instant end = timing.end() == null ? null : ScheduleTimes.resolve(timing.end(), zone, now, start);
      String at = locations.size() == 1 ? "" : " at " + location.name();
      if (start.isBefore(now)) {
        problems.add("The start" + at + ", " + ScheduleTimes.local(start, zone) + ", has passed.");
      } else if (end != null && !end.isAfter(now)) {
        problems.add("The end" + at + ", " + ScheduleTimes.local(end, zone) + ", has passed.");
      } else if (end != null && !end.isAfter(start)) {
        problems.add("The end" + at + ", " + ScheduleTimes.local(end, zone) + ", is not after the start, "
            + ScheduleTimes.local(start, zone) + ".");
      } else if (end != null && end.isAfter(ScheduleTimes.later(start, zone, settings.maxDuration()))) {
        problems.add("From " + ScheduleTimes.local(start, zone) + " to " + ScheduleTimes.local(end, zone) + at
            + " is longer than the " + ScheduleTimes.span(settings.maxDuration()) + " a timed change may last.");
      }
      windows.put(location.id(), new Window(start, end, zone));
    }
    if (problems.isEmpty()) return windows;
    Reply.Builder reply = Reply.of(Tone.WARNING, "Nothing was changed or planned: " + problems.get(0));
    if (problems.get(0).contains("has passed")) reply.text("For a time tomorrow, say so: `until tomorrow 8am`.");
    if (problems.size() > 1) reply.items(problems.subList(1, problems.size()), Replies.LIST_LIMIT);
    return reply.text("Times are read in each location's own time zone unless you name one, as in `17:00 UTC`; "
        + "`help timed intercept` has examples.").build();
  }

  private static String window(Window w, boolean enable, Instant now) {
    String start = "intercept " + (enable ? "ON" : "off") + " " + ScheduleTimes.when(w.start(), w.zone(), now);
    return w.end() == null ? start
        : start + "; back to how it was " + ScheduleTimes.when(w.end(), w.zone(), now);
  }

  private static String times(List<Location> locations, Map<String, Window> times) {
    return Replies.prose(locations.stream().map(l -> l.name() + " " + ScheduleTimes.local(times.get(l.id()).end(),
        times.get(l.id()).zone())).toList());
  }

  private static String times(List<Item> items, Instant now) {
    return Replies.prose(items.stream().map(i -> i.locationName() + " " + ScheduleTimes.when(i.endAt(), i.zoneId(),
        now)).toList());
  }

  // ---- schedules, extend, cancel, presets

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

  private static String line(Schedule s, Item item, Instant now) {
    ZoneId zone = item.zoneId();
    StringBuilder line = new StringBuilder("#").append(s.id()).append(" **").append(item.locationName()).append("**: ");
    if (item.start() == Phase.PENDING) {
      line.append("intercept ").append(s.enable() ? "ON" : "off").append(" ")
          .append(ScheduleTimes.when(item.startAt(), zone, now));
      if (item.end() == Phase.PENDING) line.append("; back ").append(ScheduleTimes.when(item.endAt(), zone, now));
    } else {
      line.append(s.enable() ? "ON" : "off").append(" since ").append(ScheduleTimes.local(item.startAt(), zone))
          .append("; back to how it was ").append(ScheduleTimes.when(item.endAt(), zone, now));
    }
    return line.append(" — asked by ").append(s.requesterName()).append(" (").append(s.requester().email())
        .append("): `").append(s.command()).append("`").toString();
  }

  Reply extend(Requester requester, Principal principal, Command.ExtendSchedule command, String text) {
    Object found = endingItems(command.schedule(), true);
    if (found instanceof Reply reply) return reply;
    @SuppressWarnings("unchecked")
    Map.Entry<Schedule, List<Item>> target = (Map.Entry<Schedule, List<Item>>) found;
    Schedule schedule = target.getKey();
    List<Item> items = target.getValue();
    Object refused = refuseUnlessAllowed(requester, principal, items, text, "extend schedule " + schedule.id());
    if (refused instanceof Reply reply) return reply;
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
      audit.line(requester, text, batch, "schedule.extend").target("schedule", "schedule-" + schedule.id(),
          item.locationName()).detail("schedule " + schedule.id() + ": ends " + ends.get(item.locationId()))
          .write(Outcome.APPLIED);
    }
    return Reply.of(Tone.SUCCESS, "Schedule #" + schedule.id() + " extended.").items(lines, Replies.LIST_LIMIT)
        .toEveryone().build();
  }

  Reply cancel(Requester requester, Principal principal, Command.CancelSchedule command, String text) {
    Object found = endingItems(command.schedule(), false);
    if (found instanceof Reply reply) return reply;
    @SuppressWarnings("unchecked")
    Map.Entry<Schedule, List<Item>> target = (Map.Entry<Schedule, List<Item>>) found;
    Schedule schedule = target.getKey();
    List<Item> items = target.getValue();
    Object refused = refuseUnlessAllowed(requester, principal, items, text, "cancel schedule " + schedule.id());
    if (refused instanceof Reply reply) return reply;
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
      audit.line(requester, text, batch, "schedule.cancel").target("schedule", "schedule-" + schedule.id(),
          item.locationName()).detail("schedule " + schedule.id() + " cancelled").write(Outcome.APPLIED);
    }
    return Reply.of(Tone.SUCCESS, "Cancelled schedule #" + schedule.id() + " (`" + schedule.command() + "`).")
        .items(lines, Replies.LIST_LIMIT).toEveryone().build();
  }

  /**
   * The schedule a reference names and its items still to run (only those with an end to move, for
   * {@code extend}); or the reply saying why there is none, or which to choose.
   */
  private Object endingItems(ScheduleRef ref, boolean needEnd) {
    String verb = needEnd ? "extend" : "cancel";
    if (ref.id() != null) {
      Optional<Schedule> schedule = store.get(ref.id());
      if (schedule.isEmpty()) {
        return Reply.note(Tone.WARNING, "There is no schedule #" + ref.id() + ". `schedules` lists them.");
      }
      List<Item> items = schedule.get().items().stream().filter(i -> needEnd ? endsLater(i) : i.planned()).toList();
      if (items.isEmpty()) {
        boolean running = schedule.get().items().stream()
            .anyMatch(i -> i.start() == Phase.RUNNING || i.end() == Phase.RUNNING);
        if (running) {
          return Reply.note(Tone.INFO, "Schedule #" + ref.id() + " is being carried out right now; nothing was "
              + (needEnd ? "extended" : "cancelled") + ". Look at `schedules` in a moment.");
        }
        return Reply.note(Tone.INFO, "Schedule #" + ref.id() + " has nothing left to " + verb
            + (needEnd ? " (no switch back is planned)." : "."));
      }
      return Map.entry(schedule.get(), items);
    }
    LocationMatch match = directory.match(ref.location());
    if (!(match instanceof LocationMatch.Found found)) {
      return Reply.note(Tone.WARNING, "There is no calling location called `" + ref.location() + "`.");
    }
    Location location = found.location();
    List<Schedule> matching = store.all().stream().filter(s -> s.items().stream()
        .anyMatch(i -> i.locationId().equals(location.id()) && (needEnd ? endsLater(i) : i.planned()))).toList();
    if (matching.isEmpty()) {
      return Reply.note(Tone.INFO, needEnd
          ? "Nothing is planned to switch intercept at " + location.name() + " back."
          : "Nothing is planned at " + location.name() + ".");
    }
    if (matching.size() > 1) {
      return Reply.of(Tone.WARNING, location.name() + " has " + matching.size() + " schedules; say which: "
          + Replies.alternatives(matching.stream().map(s -> "`" + verb + " schedule " + s.id()
              + (needEnd ? " by 1h`" : "`")).toList()) + ".").build();
    }
    Schedule schedule = matching.get(0);
    return Map.entry(schedule, List.of(schedule.item(location.id())));
  }

  private static boolean endsLater(Item i) {
    return i.end() == Phase.PENDING && (i.start() == Phase.PENDING || i.start() == Phase.DONE);
  }

  private Object refuseUnlessAllowed(Requester requester, Principal principal, List<Item> items, String text,
      String what) {
    List<Item> refused = items.stream()
        .filter(i -> !Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, i.locationName())).toList();
    if (refused.isEmpty()) return null;
    String where = Replies.prose(refused.stream().map(Item::locationName).toList());
    audit.line(requester, text, Audit.newBatch(), "denied").detail(what + " at " + where).write(Outcome.DENIED);
    return Replies.denied(what + " (it changes intercept at " + where + ")",
        Permissions.needed(Access.CHANGE_INTERCEPT, refused.size() == 1 ? refused.get(0).locationName() : null));
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

  // ---- helpers

  /** Options as they are typed, numbers as given in {@code e164} (typed → E.164), e.g. {@code voicemail zero off}. */
  static String optionsText(InterceptOptions options, Map<String, String> e164) {
    List<String> words = new ArrayList<>();
    if (options.voicemail() != null) words.add(options.voicemail() ? "voicemail" : "no voicemail");
    if (options.announce() != null) words.add("announce " + number(options.announce(), e164));
    if (options.zeroTransfer() != null) words.add("zero " + number(options.zeroTransfer(), e164));
    if (options.outbound() != null) {
      words.add(options.outbound() == OutboundType.LOCAL_ONLY ? "outbound local-only" : "outbound intercept-all");
    }
    if (options.outboundTransfer() != null) words.add("outbound to " + number(options.outboundTransfer(), e164));
    if (options.inbound() != null) {
      words.add(options.inbound() == InboundType.ALLOW_ALL ? "inbound allow-all" : "inbound intercept-all");
    }
    return String.join(" ", words);
  }

  private static String number(NumberOption option, Map<String, String> e164) {
    if (option instanceof NumberOption.To to) return e164.getOrDefault(to.number().raw(), to.number().raw());
    return "off";
  }

  private static Reply appended(Reply reply, String text) {
    List<Reply.Block> blocks = new ArrayList<>(reply.blocks());
    blocks.add(new Reply.Block.Text(text));
    return new Reply(reply.tone(), reply.title(), blocks, reply.buttons(), reply.audience());
  }
}
