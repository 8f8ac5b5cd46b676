package dev.switchboard.ops.schedule;

import dev.switchboard.calling.Location;
import dev.switchboard.command.Access;
import dev.switchboard.command.Command;
import dev.switchboard.command.DialString;
import dev.switchboard.command.InterceptOptions;
import dev.switchboard.command.PassedTime;
import dev.switchboard.command.Timing;
import dev.switchboard.ops.Audit;
import dev.switchboard.ops.AuditEntry;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.Checked;
import dev.switchboard.ops.Confirmations;
import dev.switchboard.ops.InterceptBulk;
import dev.switchboard.ops.InterceptOps;
import dev.switchboard.ops.Permissions;
import dev.switchboard.ops.Plan;
import dev.switchboard.ops.Principal;
import dev.switchboard.ops.Replies;
import dev.switchboard.ops.WriteStep;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Action;
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
import java.util.Set;

/**
 * Timed and later intercept changes as commands: a change now that is taken back later, a change later, with a
 * preset or not. What is due is carried out by {@link Scheduler}.
 */
final class TimedChanges {

  /** When one location's change starts and ends, in its zone. */
  private record Window(Instant start, Instant end, ZoneId zone) {}

  private final ScheduleStore store;
  private final InterceptOps intercept;
  private final InterceptBulk bulk;
  private final Audit audit;
  private final Confirmations confirmations;
  private final Presets presets;
  private final ScheduleSettings settings;
  private final Clock clock;

  TimedChanges(ScheduleStore store, InterceptOps intercept, InterceptBulk bulk, Audit audit,
      Confirmations confirmations, Presets presets, ScheduleSettings settings, Clock clock) {
    this.store = store;
    this.intercept = intercept;
    this.bulk = bulk;
    this.audit = audit;
    this.confirmations = confirmations;
    this.presets = presets;
    this.settings = settings;
    this.clock = clock;
  }

  /** The command with its preset's options under the ones typed; a preset that does not exist is refused. */
  Checked<Command.InterceptChange> withPreset(Command.InterceptChange asked) {
    if (asked.preset() == null) return Checked.ok(asked);
    Optional<Presets.Preset> preset = presets.named(asked.preset());
    if (preset.isEmpty()) {
      return Checked.refused(Reply.of(Tone.WARNING, "There is no preset `" + asked.preset() + "`; nothing was changed.")
          .text(presets.all().isEmpty() ? "The policy file defines no presets."
              : "Presets: " + Replies.prose(presets.all().stream().map(p -> "`" + p.name() + "`").toList()) + ".")
          .build());
    }
    return Checked.ok(asked.withOptions(asked.options().over(preset.get().options())));
  }

  /** A change with a time: now and taken back later, or later. */
  Reply change(Requester requester, Principal principal, Command.InterceptChange command, String text) {
    if (command.timing() == null) return intercept.change(requester, principal, command, text);

    Checked<InterceptOps.Prepared> prepared = intercept.prepare(requester, principal, command, text);
    if (prepared instanceof Checked.Refused<InterceptOps.Prepared> refused) return refused.reply();
    InterceptOps.Prepared ready = ((Checked.Ok<InterceptOps.Prepared>) prepared).value();
    Instant now = clock.instant();
    Checked<Map<String, Window>> windows = windows(command.timing(), ready.locations(), now, text);
    if (windows instanceof Checked.Refused<Map<String, Window>> wrong) return wrong.reply();
    Map<String, Window> times = ((Checked.Ok<Map<String, Window>>) windows).value();

    if (command.timing().start() == null) {
      if (ready.locations().size() == 1) {
        Location location = ready.locations().get(0);
        String batch = Audit.newBatch();
        Schedule schedule = store.add(id -> new Schedule(id, requester, principal.displayName(), text, now,
            command.enable(), List.of(nowItem(location, times.get(location.id()), command.options(),
                ready.numbers().get(location.id()), batch)), null));
        InterceptOps.Single done = intercept.singleChange(requester, text, command, location,
            ready.numbers().get(location.id()), batch);
        return settle(schedule, done.reply(), now,
            done.result() instanceof WriteStep.Result.Unchanged<?> ? Set.of(location.id()) : Set.of());
      }
      Reply preview = bulk.preview(requester, principal, text, command, ready.locations(), ready.numbers());
      if (preview.buttons().isEmpty()) return preview;
      return appended(preview, ends(ready.locations(), times));
    }
    if (ready.locations().size() == 1) {
      return plan(requester, principal.displayName(), text, command, ready.locations(), ready.numbers(), times, now);
    }
    Confirmations.Pending pending = new Confirmations.Pending(requester, principal.displayName(), text,
        new Plan.Later(command, ready.locations(), ready.numbers()), now);
    confirmations.put(pending);
    Reply.Builder reply = Reply.of(Tone.WARNING, "Preview: this plans intercept " + (command.enable() ? "ON" : "off")
        + " at " + Replies.plural(ready.locations().size(), "location", "locations")
        + ", each at its own local time. Nothing is planned until you confirm.");
    reply.items(ready.locations().stream().map(l -> l.name() + ": " + window(times.get(l.id()), command.enable(), now))
        .toList(), Replies.LIST_LIMIT);
    if (!command.options().isEmpty()) {
      reply.text("With: `" + optionsText(command.options(), Map.of()) + "`.");
    }
    reply.confirm(dev.switchboard.ops.Confirmations.MINUTES);
    return reply.button("Confirm", Action.CONFIRM, pending.id()).button("Cancel", Action.CANCEL, pending.id()).build();
  }

  /** {@code yes} to a timed change now at several locations: apply as usual, then plan the way back. */
  Reply confirmNow(Requester requester, Principal principal, Confirmations.Pending pending, Plan.Intercept plan) {
    Instant now = clock.instant();
    List<Location> locations = plan.steps().stream().map(Plan.Step::location).toList();
    Checked<Map<String, Window>> windows = windows(plan.timing(), locations, now, pending.command());
    if (windows instanceof Checked.Refused<Map<String, Window>> wrong) return wrong.reply();
    Map<String, Window> times = ((Checked.Ok<Map<String, Window>>) windows).value();
    String batch = Audit.newBatch();
    List<Item> items = plan.steps().stream()
        .map(step -> nowItem(step.location(), times.get(step.location().id()), plan.options(), step.numbers(), batch))
        .toList();
    Schedule schedule = store.add(id -> new Schedule(id, pending.requester(), pending.requesterName(),
        pending.command(), now, plan.enable(), items, null));
    InterceptBulk.Confirmed done = bulk.confirmed(requester, principal, pending, plan, batch);
    return settle(schedule, done.reply(), now, done.alreadyThere());
  }

  /** {@code yes} to a later start at several locations: authorize again, then plan it. */
  Reply confirmLater(Requester requester, Principal principal, Confirmations.Pending pending, Plan.Later plan) {
    List<Location> refused = plan.locations().stream()
        .filter(l -> !Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, l.name())).toList();
    if (!refused.isEmpty()) {
      audit.line(requester, pending.command(), Audit.newBatch(), "denied")
          .detail("confirm schedule at " + Replies.names(refused)).write(Outcome.DENIED);
      return Replies.denied("change intercept at " + Replies.names(refused) + " any more",
          Permissions.needed(Access.CHANGE_INTERCEPT, null));
    }
    Instant now = clock.instant();
    Checked<Map<String, Window>> windows = windows(plan.command().timing(), plan.locations(), now, pending.command());
    if (windows instanceof Checked.Refused<Map<String, Window>> wrong) return wrong.reply();
    Map<String, Window> times = ((Checked.Ok<Map<String, Window>>) windows).value();
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
          w.end() == null ? Phase.NONE : Phase.PENDING, null, null, null, false, null, null, false));
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
        w.end(), Phase.RUNNING, w.end() == null ? Phase.NONE : Phase.PENDING, batch, null, null, false, null, null, false);
  }

  /**
   * After a change made now: each location it changed gets its way back planned; each that already was as asked
   * gets its end planned all the same (intercept switched back, other settings left as they are); the others are
   * dropped. A schedule left with nothing to do is removed, so its number is never shown for nothing.
   */
  private Reply settle(Schedule schedule, Reply reply, Instant now, Set<String> alreadyThere) {
    List<Item> reverting = new ArrayList<>();
    List<Item> switching = new ArrayList<>();
    for (Item item : schedule.items()) {
      Optional<AuditEntry> entry = ScheduleRound.appliedStart(audit.log().batch(item.startBatch()), item);
      boolean there = entry.isEmpty() && alreadyThere.contains(item.locationId()) && item.endAt() != null;
      Schedule updated = store.update(schedule.id(), s -> s.withItem(item.locationId(), i -> entry.isPresent()
          ? i.started(Phase.DONE, entry.get().id(), null)
          : there ? i.startedAlreadyThere()
          : i.started(Phase.UNCHANGED, null, "not changed, so nothing to take back")));
      if (entry.isPresent()) reverting.add(updated.item(item.locationId()));
      if (there) switching.add(updated.item(item.locationId()));
    }
    if (reverting.isEmpty() && switching.isEmpty()) {
      store.remove(schedule.id());
      return appended(reply, "Nothing was changed, so nothing will be switched back.");
    }
    String state = schedule.enable() ? "ON" : "off";
    String other = schedule.enable() ? "off" : "on";
    // The command alone: the person is talking to the bot already (in a group space, by mentioning it).
    String keep = " To keep it longer: `extend schedule " + schedule.id() + " by 1h`; to keep it as it is: `cancel "
        + "schedule " + schedule.id() + "`.";
    StringBuilder text = new StringBuilder();
    if (!reverting.isEmpty()) {
      Item first = reverting.get(0);
      text.append("Goes back to how it was at ").append(reverting.size() == 1
          ? ScheduleTimes.when(first.endAt(), first.zoneId(), now) : times(reverting, now)).append(" (schedule #")
          .append(schedule.id()).append(").");
    }
    if (!switching.isEmpty()) {
      Item first = switching.get(0);
      if (text.length() > 0) text.append(' ');
      text.append(names(switching)).append(switching.size() == 1 ? " is" : " are").append(" already ").append(state)
          .append("; ").append(switching.size() == 1 ? "it goes " : "they go ").append(other).append(' ')
          .append(switching.size() == 1 ? ScheduleTimes.when(first.endAt(), first.zoneId(), now)
              : times(switching, now))
          .append(" (schedule #").append(schedule.id()).append(").");
    }
    return appended(reply, text + keep);
  }

  private static String names(List<Item> items) {
    return Replies.prose(items.stream().map(Item::locationName).toList());
  }

  /** Each location's start and end, or the reply refusing them: in the past, end before start, too long. */
  private Checked<Map<String, Window>> windows(Timing timing, List<Location> locations, Instant now, String typed) {
    Map<String, Window> windows = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Optional<String> instead = Optional.empty(); // a bare time that has passed today: the user's words with tomorrow
    for (Location location : locations) {
      ZoneId zone = ScheduleTimes.zoneOf(location.timeZone());
      Instant start = timing.start() == null ? now : ScheduleTimes.resolve(timing.start(), zone, now, now);
      Instant end = timing.end() == null ? null : ScheduleTimes.resolve(timing.end(), zone, now, start);
      String at = locations.size() == 1 ? "" : " at " + location.name();
      if (start.isBefore(now)) {
        problems.add("The start" + at + ", " + ScheduleTimes.local(start, zone) + ", has passed.");
        if (instead.isEmpty()) instead = PassedTime.tomorrowInstead(typed, timing, true);
      } else if (end != null && !end.isAfter(now)) {
        problems.add("The end" + at + ", " + ScheduleTimes.local(end, zone) + ", has passed.");
        if (instead.isEmpty()) instead = PassedTime.tomorrowInstead(typed, timing, false);
      } else if (end != null && !end.isAfter(start)) {
        problems.add("The end" + at + ", " + ScheduleTimes.local(end, zone) + ", is not after the start, "
            + ScheduleTimes.local(start, zone) + ".");
      } else if (end != null && end.isAfter(ScheduleTimes.later(start, zone, settings.maxDuration()))) {
        problems.add("From " + ScheduleTimes.local(start, zone) + " to " + ScheduleTimes.local(end, zone) + at
            + " is longer than the " + ScheduleTimes.span(settings.maxDuration()) + " a timed change may last.");
      }
      windows.put(location.id(), new Window(start, end, zone));
    }
    if (problems.isEmpty()) return Checked.ok(windows);
    Reply.Builder reply = Reply.of(Tone.WARNING, Replies.because("Nothing was changed or planned", problems.get(0)));
    if (instead.isPresent()) {
      reply.text("For that time tomorrow, say `" + instead.get() + "`.");
    } else if (problems.get(0).contains("has passed")) {
      reply.text("For a time tomorrow, say so: `until tomorrow 8am`.");
    }
    if (problems.size() > 1) reply.items(problems.subList(1, problems.size()), Replies.LIST_LIMIT);
    return Checked.refused(reply.text("Times are read in each location's own time zone unless you name one, as in "
        + "`17:00 UTC`; `help timed intercept` has examples.").build());
  }

  private static String window(Window w, boolean enable, Instant now) {
    String start = "intercept " + (enable ? "ON" : "off") + " " + ScheduleTimes.when(w.start(), w.zone(), now);
    return w.end() == null ? start
        : start + "; back to how it was " + ScheduleTimes.when(w.end(), w.zone(), now);
  }

  /** When each location goes back, said once when they all go back at the same local time. */
  private static String ends(List<Location> locations, Map<String, Window> times) {
    List<String> local = locations.stream().map(l -> ScheduleTimes.local(times.get(l.id()).end(),
        times.get(l.id()).zone())).toList();
    if (local.stream().distinct().count() == 1) return "All go back to how they were at " + local.get(0) + ".";
    List<String> each = new ArrayList<>();
    for (int i = 0; i < locations.size(); i++) each.add(locations.get(i).name() + " " + local.get(i));
    return "Each goes back to how it was at its own local time: " + Replies.prose(each) + ".";
  }

  /** Each item's end with its name ("HQ Mon 20:00 CST, in 2 h and London ..."), or the one time they share. */
  private static String times(List<Item> items, Instant now) {
    List<String> when = items.stream().map(i -> ScheduleTimes.when(i.endAt(), i.zoneId(), now)).toList();
    if (when.stream().distinct().count() == 1) return when.get(0);
    List<String> each = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) each.add(items.get(i).locationName() + " " + when.get(i));
    return Replies.prose(each);
  }

  /** Options as they are typed, numbers as given in {@code e164} (typed → E.164), e.g. {@code voicemail zero off}. */
  static String optionsText(InterceptOptions options, Map<String, String> e164) {
    return options.withNumbers(n -> new DialString(e164.getOrDefault(n.raw(), n.raw()))).format();
  }

  private static Reply appended(Reply reply, String text) {
    List<Reply.Block> blocks = new ArrayList<>(reply.blocks());
    blocks.add(new Reply.Block.Text(text));
    return new Reply(reply.tone(), reply.title(), blocks, reply.buttons(), reply.audience());
  }
}
