package dev.switchboard.ops;

import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Reply.Action;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.Access;
import dev.switchboard.command.Command;
import dev.switchboard.command.DialString;
import dev.switchboard.command.InterceptOptions;
import dev.switchboard.command.LocationTarget;
import dev.switchboard.command.NumberCheck;
import dev.switchboard.command.NumberOption;
import dev.switchboard.command.PhoneNumbers;
import dev.switchboard.command.Timing;
import dev.switchboard.ops.AuditEntry.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Location call intercept: status, a single change at once, and changes to several locations as a
 * preview, a confirmation and a bounded, rate-limit-aware run.
 */
final class InterceptOps {

  /** One location of a planned change: what the preview read and what will be written. */
  record Step(Location location, String region, Map<String, String> numbers, InterceptSettings before,
      InterceptSettings desired) {}

  /**
   * A multi-location change waiting for {@code yes}; {@code timing} non-null when it is to be taken back
   * automatically (a timed change made now: {@link ScheduleOps} carries it out).
   */
  record Plan(boolean enable, InterceptOptions options, List<Step> steps, Timing timing) {}

  /** The locations a change names, each with the numbers it types in E.164 for that location. */
  record Prepared(List<Location> locations, Map<String, Map<String, String>> numbers) {}

  /** What happened at one location of a run. */
  private record Result(Step step, InterceptSettings after, String trackingId, String problem, boolean changedSince) {}

  private final WebexClient client;
  private final WebexClient bulkClient;
  private final LocationDirectory directory;
  private final Audit audit;
  private final Confirmations confirmations;
  private final BulkRunner bulk;
  private final Clock clock;
  private final String botName;
  private final LocationLocks locks;

  InterceptOps(WebexClient client, LocationDirectory directory, Audit audit, Confirmations confirmations,
      BulkRunner bulk, Clock clock, String botName, LocationLocks locks) {
    this.locks = locks;
    this.client = client;
    this.bulkClient = client.withoutRateLimitWaits();
    this.directory = directory;
    this.audit = audit;
    this.confirmations = confirmations;
    this.bulk = bulk;
    this.clock = clock;
    this.botName = botName;
  }

  // ---- status

  Reply status(Principal principal, Command.InterceptStatus command) {
    Targets.Resolved resolved = Targets.resolve(command.target(), directory);
    if (resolved instanceof Targets.Resolved.Problem problem) return problem.reply();
    List<Location> locations = ((Targets.Resolved.Locations) resolved).locations();
    List<Location> readable = locations.stream()
        .filter(l -> Permissions.mayAt(principal, Access.READ_INTERCEPT, l.name())).toList();
    if (readable.isEmpty()) {
      return Replies.denied("see intercept at " + Replies.names(locations),
          Permissions.needed(Access.READ_INTERCEPT, locations.size() == 1 ? locations.get(0).name() : null));
    }
    if (readable.size() == 1 && locations.size() == 1) {
      Location location = readable.get(0);
      try {
        InterceptSettings settings = client.locationIntercept(location.id());
        String state = InterceptEdits.isOn(settings) ? "ON" : "off";
        return Reply.of(InterceptEdits.isOn(settings) ? Tone.WARNING : Tone.INFO,
                "Intercept is " + state + " at " + location.name() + ".")
            .facts(InterceptEdits.describe(settings, directory.regionOf(location)))
            .build();
      } catch (WebexException e) {
        return Replies.webexError("read intercept at " + location.name(), e);
      }
    }
    var outcomes = bulk.<Location, String>run(readable, location -> calls -> {
      try {
        InterceptSettings s = calls.call(() -> bulkClient.locationIntercept(location.id()));
        return location.name() + ": " + summary(s, directory.regionOf(location));
      } catch (WebexException e) {
        return location.name() + ": could not read — " + Replies.explain(e);
      }
    });
    List<String> lines = new ArrayList<>();
    int on = 0;
    for (var outcome : outcomes) {
      if (!outcome.started()) {
        lines.add(outcome.target().name() + ": not read (shutting down)");
        continue;
      }
      if (outcome.failure() != null) {
        lines.add(outcome.target().name() + ": could not read — " + outcome.failure());
        continue;
      }
      lines.add(outcome.result());
      if (outcome.result().startsWith(outcome.target().name() + ": **ON**")) on++;
    }
    Reply.Builder reply = Reply.of(Tone.INFO,
        "Intercept is on at " + Replies.plural(on, "location", "locations") + " of " + readable.size() + ".");
    reply.items(lines, Replies.LIST_LIMIT);
    if (readable.size() < locations.size()) {
      reply.text("Not shown (you may not see them): " + Replies.plural(locations.size() - readable.size(),
          "location", "locations") + ".");
    }
    return reply.build();
  }

  private static String summary(InterceptSettings s, String region) {
    if (!InterceptEdits.isOn(s)) return "off";
    List<String> notes = new ArrayList<>();
    InterceptEdits.describe(s, region).stream()
        .filter(f -> !f.label().equals("Intercept"))
        .filter(f -> !f.value().equals("off") && !f.value().equals("-") && !f.value().equals("intercept all"))
        .forEach(f -> notes.add(f.label().toLowerCase() + " " + f.value()));
    return "**ON**" + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
  }

  // ---- change

  Reply change(Requester requester, Principal principal, Command.InterceptChange command, String text) {
    Object prepared = prepare(requester, principal, command, text);
    if (prepared instanceof Reply reply) return reply;
    Prepared ready = (Prepared) prepared;
    if (ready.locations().size() == 1) {
      Location location = ready.locations().get(0);
      return single(requester, text, command, location, ready.numbers().get(location.id()), Audit.newBatch());
    }
    return preview(requester, principal, text, command, ready.locations(), ready.numbers());
  }

  /**
   * The locations a change names, authorized, with its numbers checked for each: a {@link Prepared}, or the
   * {@link Reply} that says why not (a refusal is audited).
   */
  Object prepare(Requester requester, Principal principal, Command.InterceptChange command, String text) {
    Targets.Resolved resolved = Targets.resolve(command.target(), directory);
    if (resolved instanceof Targets.Resolved.Problem problem) return problem.reply();
    List<Location> locations = ((Targets.Resolved.Locations) resolved).locations();

    List<Location> refused = locations.stream()
        .filter(l -> !Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, l.name())).toList();
    if (!refused.isEmpty()) {
      String where = Replies.names(refused);
      audit.line(requester, text, Audit.newBatch(), "denied")
          .detail("change intercept at " + where)
          .write(Outcome.DENIED);
      List<Location> own = locations.stream()
          .filter(l -> Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, l.name())).toList();
      if (command.target() instanceof LocationTarget.All && !own.isEmpty()) {
        return Reply.of(Tone.DENIED, "You may change intercept only at " + Replies.names(own) + ", not at every "
                + "location.")
            .text("Try `intercept " + (command.enable() ? "on" : "off") + " at " + Replies.names(own) + "`.")
            .build();
      }
      return Replies.denied("change intercept at " + where,
          Permissions.needed(Access.CHANGE_INTERCEPT, refused.size() == 1 ? refused.get(0).name() : null));
    }

    Map<String, Map<String, String>> numbers = new HashMap<>();
    for (Location location : locations) {
      String region = directory.regionOf(location);
      Map<String, String> e164 = new HashMap<>();
      for (DialString number : dialStrings(command.options())) {
        NumberCheck check = PhoneNumbers.normalise(number, region);
        if (check instanceof NumberCheck.Rejected rejected) {
          return Reply.of(Tone.WARNING, "Nothing was changed: " + rejected.message()).build();
        }
        e164.put(number.raw(), ((NumberCheck.Valid) check).e164());
      }
      numbers.put(location.id(), e164);
    }
    return new Prepared(locations, numbers);
  }

  /** Changes one location at once, its audit line in {@code batch}. */
  Reply single(Requester requester, String text, Command.InterceptChange command, Location location,
      Map<String, String> e164, String batch) {
    return locks.with(location.id(), () -> readModifyWrite(requester, text, command, location, e164, batch));
  }

  private Reply readModifyWrite(Requester requester, String text, Command.InterceptChange command,
      Location location, Map<String, String> e164, String batch) {
    String region = directory.regionOf(location);
    InterceptSettings before;
    try {
      before = client.locationIntercept(location.id());
    } catch (WebexException e) {
      return Replies.webexError("read intercept at " + location.name(), e);
    }
    InterceptSettings desired = InterceptEdits.apply(before, command.enable(), command.options(), e164);
    if (InterceptEdits.same(before, desired)) {
      return Reply.of(Tone.INFO, "Intercept at " + location.name() + " already looks like that; nothing changed.")
          .facts(InterceptEdits.describe(before, region))
          .build();
    }
    Audit.Line line = audit.line(requester, text, batch, "intercept.change")
        .target("location", location.id(), location.name())
        .before(before);
    if (desired.hasUnknownValues()) return unknownValues(location);
    try {
      line.trackingId(client.putLocationIntercept(location.id(), desired));
    } catch (WebexException e) {
      line.after(before).detail(Replies.explain(e)).trackingId(e.trackingId()).write(Outcome.FAILED);
      return Replies.webexError("change intercept at " + location.name(), e);
    }
    InterceptSettings after;
    try {
      after = client.locationIntercept(location.id());
    } catch (WebexException e) {
      // The write went through; record what we asked for so undo still knows the before-state.
      line.after(desired).detail("written; read-back failed: " + Replies.explain(e)).write(Outcome.APPLIED);
      return Reply.of(Tone.WARNING, "Intercept at " + location.name() + " was changed, but reading it back failed.")
          .text(Replies.explain(e))
          .changes(location.name(), InterceptEdits.changes(before, desired, region))
          .button("Undo", Action.UNDO, batch)
          .toEveryone()
          .build();
    }
    line.after(after).write(Outcome.APPLIED);
    Reply.Builder reply = Reply.of(Tone.SUCCESS,
            "Intercept is now " + (InterceptEdits.isOn(after) ? "ON" : "off") + " at " + location.name() + ".")
        .changes(location.name(), InterceptEdits.changes(before, after, region));
    notes(reply, desired, after);
    return reply.button("Undo", Action.UNDO, batch).toEveryone().build();
  }

  /** Webex shows a setting this version does not know; writing it back could change what we cannot see. */
  private static Reply unknownValues(Location location) {
    return Reply.of(Tone.WARNING, "Nothing was changed at " + location.name() + ".")
        .text("Webex shows an intercept setting there that Switchboard does not know, so writing the settings "
            + "back could change it. Change it in Control Hub, or ask your Switchboard operator to upgrade.")
        .build();
  }

  private static void notes(Reply.Builder reply, InterceptSettings desired, InterceptSettings after) {
    if (!InterceptEdits.same(desired, after)) {
      reply.text("Webex now shows something other than what was asked for: the values above are what is live.");
    }
    if (InterceptEdits.interceptsNoIncoming(after)) {
      reply.text("Incoming calls are set to *allow all*, so incoming calls are not intercepted. "
          + "Add `inbound intercept-all` to intercept them.");
    }
  }

  // ---- several locations: preview, confirm, run

  Reply preview(Requester requester, Principal principal, String text, Command.InterceptChange command,
      List<Location> locations, Map<String, Map<String, String>> numbers) {
    var outcomes = bulk.<Location, Object>run(locations, location -> calls -> {
      try {
        InterceptSettings before = calls.call(() -> bulkClient.locationIntercept(location.id()));
        InterceptSettings desired =
            InterceptEdits.apply(before, command.enable(), command.options(), numbers.get(location.id()));
        return new Step(location, directory.regionOf(location), numbers.get(location.id()), before, desired);
      } catch (WebexException e) {
        return location.name() + ": could not read — " + Replies.explain(e);
      }
    });
    List<Step> steps = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (var outcome : outcomes) {
      if (!outcome.started()) unreadable.add(outcome.target().name() + ": not read (shutting down)");
      else if (outcome.failure() != null) unreadable.add(outcome.target().name() + ": " + outcome.failure());
      else if (outcome.result() instanceof Step step) steps.add(step);
      else unreadable.add((String) outcome.result());
    }
    return offer(requester, principal, text,
        new Plan(command.enable(), command.options(), steps, command.timing()), unreadable, "Preview");
  }

  /** Shows the plan and keeps it for {@code yes}; a plan with nothing to change is just reported. */
  private Reply offer(Requester requester, Principal principal, String text, Plan plan, List<String> notes,
      String heading) {
    List<Step> changing = plan.steps().stream().filter(s -> !InterceptEdits.same(s.before(), s.desired())).toList();
    List<Step> unchanged = plan.steps().stream().filter(s -> InterceptEdits.same(s.before(), s.desired())).toList();
    if (changing.isEmpty()) {
      Reply.Builder reply = Reply.of(notes.isEmpty() ? Tone.INFO : Tone.WARNING,
          "Nothing to change: " + (unchanged.isEmpty() ? "no location could be read."
              : "intercept already looks like that at " + Replies.names(unchanged.stream().map(Step::location).toList())
                  + "."));
      if (!notes.isEmpty()) reply.items(notes, Replies.LIST_LIMIT);
      return reply.build();
    }
    Plan kept = new Plan(plan.enable(), plan.options(), changing, plan.timing());
    Confirmations.Pending pending =
        new Confirmations.Pending(requester, principal.displayName(), text, kept, clock.instant());
    confirmations.put(pending);
    List<String> lines = new ArrayList<>();
    for (Step step : changing) {
      lines.add(step.location().name() + ": " + describeChange(step.before(), step.desired(), step.region()));
    }
    Reply.Builder reply = Reply.of(Tone.WARNING, heading + ": this changes intercept at "
        + Replies.plural(changing.size(), "location", "locations") + ". Nothing is changed until you confirm.");
    reply.items(lines, Replies.LIST_LIMIT);
    if (!unchanged.isEmpty()) {
      reply.text("Already like that, left alone: " + Replies.names(unchanged.stream().map(Step::location).toList())
          + ".");
    }
    if (!notes.isEmpty()) {
      reply.text("Not included:");
      reply.items(notes, Replies.LIST_LIMIT);
    }
    reply.text("Press **Confirm** or reply `yes` within 2 minutes (in a group space, `@" + botName
        + " yes`); `cancel` to drop it. Only " + principal.displayName() + " can confirm.");
    return reply.button("Confirm", Action.CONFIRM, pending.id()).button("Cancel", Action.CANCEL, pending.id()).build();
  }

  private static String describeChange(InterceptSettings before, InterceptSettings after, String region) {
    List<String> parts = new ArrayList<>();
    InterceptEdits.changes(before, after, region).stream().filter(Reply.Change::changed)
        .forEach(c -> parts.add(c.field().toLowerCase() + " " + c.before() + " → " + c.after()));
    return String.join("; ", parts);
  }

  /** Carries out a confirmed plan: re-read each location, apply where nothing moved, re-offer the rest. */
  Reply confirm(Requester requester, Principal principal, Confirmations.Pending pending) {
    return confirm(requester, principal, pending, Audit.newBatch());
  }

  /** As {@link #confirm(Requester, Principal, Confirmations.Pending)}, its audit lines in {@code batch}. */
  Reply confirm(Requester requester, Principal principal, Confirmations.Pending pending, String batch) {
    Plan plan = (Plan) pending.plan();
    List<Step> allowed = plan.steps().stream()
        .filter(s -> Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, s.location().name())).toList();
    if (allowed.size() < plan.steps().size()) {
      List<Location> refused = plan.steps().stream().map(Step::location)
          .filter(l -> !Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, l.name())).toList();
      audit.line(requester, pending.command(), Audit.newBatch(), "denied")
          .detail("confirm intercept change at " + Replies.names(refused)).write(Outcome.DENIED);
      return Replies.denied("change intercept at " + Replies.names(refused) + " any more",
          Permissions.needed(Access.CHANGE_INTERCEPT, null));
    }
    var outcomes = bulk.<Step, Result>run(allowed, step -> calls -> apply(requester, pending.command(), batch, step, calls));

    List<String> lines = new ArrayList<>();
    List<Step> moved = new ArrayList<>();
    int applied = 0;
    int failed = 0;
    int notStarted = 0;
    for (var outcome : outcomes) {
      Step step = outcome.target();
      if (!outcome.started()) {
        notStarted++;
        lines.add(step.location().name() + ": not started (shutting down)");
        continue;
      }
      if (outcome.failure() != null) {
        failed++;
        lines.add(step.location().name() + ": **" + outcome.failure() + "**");
        continue;
      }
      Result result = outcome.result();
      if (result.changedSince()) {
        moved.add(new Step(step.location(), step.region(), step.numbers(), result.after(),
            InterceptEdits.apply(result.after(), plan.enable(), plan.options(), step.numbers())));
      } else if (result.problem() != null) {
        failed++;
        lines.add(step.location().name() + ": **failed** — " + result.problem());
      } else {
        applied++;
        lines.add(step.location().name() + ": " + describeChange(step.before(), result.after(), step.region()));
      }
    }
    int total = allowed.size();
    String title;
    if (notStarted > 0) {
      title = "Stopped after " + (total - notStarted) + " of " + total + " locations (shutting down).";
    } else {
      title = "Intercept changed at " + applied + " of " + total + " locations"
          + (failed > 0 ? "; " + failed + " failed." : moved.isEmpty() ? "." : ".");
    }
    Tone tone = failed > 0 || notStarted > 0 || !moved.isEmpty() ? Tone.WARNING : Tone.SUCCESS;
    Reply.Builder reply = Reply.of(tone, title).items(lines, Replies.LIST_LIMIT).toEveryone();
    if (!moved.isEmpty()) {
      Reply again = offer(requester, principal, pending.command(),
          new Plan(plan.enable(), plan.options(), moved, plan.timing()), List.of(), "Fresh preview");
      reply.text("Changed since your preview, so not applied: "
          + Replies.names(moved.stream().map(Step::location).toList()) + ".");
      reply.text("**" + again.title() + "**");
      again.blocks().forEach(reply::block);
      again.buttons().forEach(b -> reply.button(b.label(), b.action(), b.ref()));
    } else if (applied > 0) {
      reply.button("Undo", Action.UNDO, batch);
    }
    return reply.build();
  }

  private Result apply(Requester requester, String text, String batch, Step step, BulkRunner.Calls calls) {
    return locks.with(step.location().id(), () -> applyLocked(requester, text, batch, step, calls));
  }

  private Result applyLocked(Requester requester, String text, String batch, Step step, BulkRunner.Calls calls) {
    Location location = step.location();
    InterceptSettings current;
    try {
      current = calls.call(() -> bulkClient.locationIntercept(location.id()));
    } catch (WebexException e) {
      return new Result(step, null, null, Replies.explain(e), false);
    }
    if (!InterceptEdits.same(current, step.before())) return new Result(step, current, null, null, true);
    if (step.desired().hasUnknownValues()) {
      return new Result(step, null, null, "Webex shows an intercept setting Switchboard does not know; "
          + "nothing was changed here", false);
    }
    Audit.Line line = audit.line(requester, text, batch, "intercept.change")
        .target("location", location.id(), location.name())
        .before(current);
    String trackingId;
    try {
      trackingId = calls.call(() -> bulkClient.putLocationIntercept(location.id(), step.desired()));
      line.trackingId(trackingId);
    } catch (WebexException e) {
      line.after(current).trackingId(e.trackingId()).detail(Replies.explain(e)).write(Outcome.FAILED);
      return new Result(step, null, null, Replies.explain(e), false);
    }
    InterceptSettings after;
    try {
      after = calls.call(() -> bulkClient.locationIntercept(location.id()));
    } catch (RuntimeException e) {
      // The write went through: whatever stops the read-back, the change is audited as applied.
      after = step.desired();
      line.detail("written; read-back failed: "
          + (e instanceof WebexException webex ? Replies.explain(webex) : "shutting down"));
    }
    line.after(after).write(Outcome.APPLIED);
    return new Result(step, after, trackingId, null, false);
  }

  private static List<DialString> dialStrings(InterceptOptions options) {
    List<DialString> numbers = new ArrayList<>();
    Stream.of(options.announce(), options.zeroTransfer(), options.outboundTransfer())
        .filter(o -> o instanceof NumberOption.To)
        .forEach(o -> numbers.add(((NumberOption.To) o).number()));
    return numbers;
  }
}
