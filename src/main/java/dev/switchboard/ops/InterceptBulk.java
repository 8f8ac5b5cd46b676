package dev.switchboard.ops;

import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.command.Access;
import dev.switchboard.command.Command;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.Plan.Step;
import dev.switchboard.ops.Reply.Action;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.ops.WriteStep.Result;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An intercept change at several locations: a preview of what each would become, kept for {@code yes}; then a
 * bounded, rate-limit-aware run that re-reads each location and changes only those that did not move meanwhile.
 */
public final class InterceptBulk {

  private final WebexClient bulkClient;
  private final LocationDirectory directory;
  private final Audit audit;
  private final Confirmations confirmations;
  private final BulkRunner bulk;
  private final InterceptReads reads;
  private final WriteStep writes;
  private final Clock clock;

  private final Announcer announcer;

  InterceptBulk(WebexClient client, LocationDirectory directory, Audit audit, Confirmations confirmations,
      BulkRunner bulk, InterceptReads reads, WriteStep writes, Clock clock, Announcer announcer) {
    this.announcer = announcer;
    this.bulkClient = client.withoutRateLimitWaits();
    this.directory = directory;
    this.audit = audit;
    this.confirmations = confirmations;
    this.bulk = bulk;
    this.reads = reads;
    this.writes = writes;
    this.clock = clock;
  }

  public Reply preview(Requester requester, Principal principal, String text, Command.InterceptChange command,
      List<Location> locations, Map<String, Map<String, String>> numbers) {
    List<Step> steps = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (InterceptReads.Reading reading : reads.readAll(locations)) {
      if (!reading.ok()) {
        unreadable.add(reading.problemLine());
        continue;
      }
      Location location = reading.location();
      Map<String, String> e164 = numbers.get(location.id());
      steps.add(new Step(location, directory.regionOf(location), e164, reading.settings(),
          InterceptEdits.apply(reading.settings(), command.enable(), command.options(), e164)));
    }
    return offer(requester, principal, text,
        new Plan.Intercept(command.enable(), command.options(), steps, command.timing()), unreadable, "Preview");
  }

  /** Shows the plan and keeps it for {@code yes}; a plan with nothing to change is just reported. */
  private Reply offer(Requester requester, Principal principal, String text, Plan.Intercept plan, List<String> notes,
      String heading) {
    List<Step> changing = plan.steps().stream().filter(s -> !InterceptEdits.same(s.before(), s.desired())).toList();
    List<Step> unchanged = plan.steps().stream().filter(s -> InterceptEdits.same(s.before(), s.desired())).toList();
    // A timed change keeps the locations already as asked too: their end is planned all the same.
    if (changing.isEmpty() && (!plan.timed() || unchanged.isEmpty())) {
      Reply.Builder reply = Reply.of(notes.isEmpty() ? Tone.INFO : Tone.WARNING,
          "Nothing to change: " + (unchanged.isEmpty() ? "no location could be read."
              : "intercept already looks like that at " + Replies.names(unchanged.stream().map(Step::location).toList())
                  + "."));
      if (!notes.isEmpty()) reply.items(notes, Replies.LIST_LIMIT);
      return reply.build();
    }
    Plan.Intercept kept = new Plan.Intercept(plan.enable(), plan.options(), plan.timed() ? plan.steps() : changing,
        plan.timing());
    Confirmations.Pending pending =
        new Confirmations.Pending(requester, principal.displayName(), text, kept, clock.instant());
    confirmations.put(pending);
    List<String> lines = new ArrayList<>();
    for (Step step : changing) {
      lines.add(step.location().name() + ": " + InterceptEdits.difference(step.before(), step.desired(), step.region()));
    }
    List<Location> already = unchanged.stream().map(Step::location).toList();
    Reply.Builder reply;
    if (changing.isEmpty()) {
      // a timed change where every location is already as asked: only its end is planned, and the title says so
      reply = Reply.of(Tone.WARNING, heading + ": intercept is already " + (plan.enable() ? "ON" : "off") + " at "
          + Replies.names(already) + ", so nothing changes now; at the end it is switched "
          + (plan.enable() ? "off" : "on") + " there, if you confirm.");
    } else {
      // Title, one line per location, the confirm line: N + 2; what is left alone or unread adds a line each.
      reply = Reply.of(Tone.WARNING, heading + ": intercept " + (plan.enable() ? "on" : "off") + " at "
          + Replies.plural(changing.size(), "location", "locations") + "; nothing changes until you confirm.");
      reply.items(lines, Replies.LIST_LIMIT);
    }
    if (!unchanged.isEmpty() && !changing.isEmpty()) {
      reply.text("Already like that, left alone: " + Replies.names(unchanged.stream().map(Step::location).toList())
          + (plan.timed() ? " (at the end, intercept is switched " + (plan.enable() ? "off" : "on") + " there too)"
              : "") + ".");
    }
    if (!notes.isEmpty()) reply.text("Not included: " + String.join("; ", notes) + ".");
    reply.confirm(Confirmations.MINUTES);
    return reply.button("Confirm", Action.CONFIRM, pending.id()).button("Cancel", Action.CANCEL, pending.id()).build();
  }

  /**
   * Carries out a confirmed plan, its audit lines in {@code batch}: re-read each location, apply where nothing
   * moved, and offer the rest again.
   */
  public Reply confirm(Requester requester, Principal principal, Confirmations.Pending pending, Plan.Intercept plan,
      String batch) {
    return confirmed(requester, principal, pending, plan, batch).reply();
  }

  /** What a confirmed run answered, and the locations it found already as asked (nothing written there). */
  public record Confirmed(Reply reply, Set<String> alreadyThere) {}

  /** As {@link #confirm}, telling also which locations were already as asked. */
  public Confirmed confirmed(Requester requester, Principal principal, Confirmations.Pending pending,
      Plan.Intercept plan, String batch) {
    List<Step> allowed = plan.steps().stream()
        .filter(s -> Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, s.location().name())).toList();
    if (allowed.size() < plan.steps().size()) {
      List<Location> refused = plan.steps().stream().map(Step::location)
          .filter(l -> !Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, l.name())).toList();
      audit.line(requester, pending.command(), Audit.newBatch(), "denied")
          .detail("confirm intercept change at " + Replies.names(refused)).write(Outcome.DENIED);
      return new Confirmed(Replies.denied("change intercept at " + Replies.names(refused) + " any more",
          Permissions.needed(Access.CHANGE_INTERCEPT, null)), Set.of());
    }
    // read, write, read back: three calls a location, for the estimate
    BulkProgress progress = BulkProgress.start(announcer.progress(requester), clock, "Changing intercept",
        allowed.size(), 3, bulk.pace());
    var outcomes = bulk.<Step, Result<InterceptSettings>>run(allowed, step -> calls -> writes.apply(
        WriteStep.Request.of(new Setting.Intercept(step.location().id(), step.location().name()), requester,
                pending.command(), batch, Audit.INTERCEPT, current -> step.desired())
            .onlyIf(current -> InterceptEdits.same(current, step.before())),
        WriteStep.Route.gated(bulkClient, calls)), progress::stepDone);

    List<String> lines = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    Set<String> alreadyThere = new HashSet<>();
    List<Step> moved = new ArrayList<>();
    int applied = 0;
    int failed = 0;
    int notStarted = 0;
    for (var outcome : outcomes) {
      Step step = outcome.target();
      String name = step.location().name();
      Result<InterceptSettings> result = outcome.result();
      if (!outcome.started()) {
        notStarted++;
        lines.add(name + ": not started (shutting down)");
      } else if (outcome.failure() != null) {
        failed++;
        lines.add(name + ": **" + outcome.failure() + "**");
      } else if (result instanceof Result.Moved<InterceptSettings> m) {
        moved.add(new Step(step.location(), step.region(), step.numbers(), m.current(),
            InterceptEdits.apply(m.current(), plan.enable(), plan.options(), step.numbers())));
      } else if (result instanceof Result.Failed<InterceptSettings> f) {
        failed++;
        lines.add(name + ": **" + (f.reason() == WriteStep.Reason.UNKNOWN ? "not known" : "failed") + "** — "
            + f.problem());
      } else if (result instanceof Result.Unchanged<InterceptSettings> u) {
        alreadyThere.add(step.location().id());
        notes.addAll(u.notes());
        lines.add(name + ": already like that; nothing changed");
      } else if (result instanceof Result.Applied<InterceptSettings> a) {
        applied++;
        // the preview just above showed each before; the outcome says only what each is now
        lines.add(name + ": " + InterceptEdits.changedTo(step.before(), a.after(), step.region()));
        notes.addAll(a.notes());
      }
    }
    int total = allowed.size();
    // Every location already as asked: the names fit in the title, and a list of "already like that" says no more.
    boolean allThere = alreadyThere.size() == total && total > 0;
    String title = notStarted > 0
        ? "Stopped after " + (total - notStarted) + " of " + total + " locations (shutting down)."
        : allThere ? "Nothing changed: intercept already looks like that at "
            + Replies.names(allowed.stream().map(Step::location).toList()) + "."
        : "Intercept changed at " + applied + " of " + total + " locations" + (failed > 0 ? "; " + failed + " failed."
            : ".");
    Tone tone = failed > 0 || notStarted > 0 || !moved.isEmpty() ? Tone.WARNING : allThere ? Tone.INFO : Tone.SUCCESS;
    Reply.Builder reply = Reply.of(tone, title).toEveryone();
    if (!allThere) reply.items(lines, Replies.LIST_LIMIT);
    notes.forEach(reply::text);
    if (!moved.isEmpty()) {
      Reply again = offer(requester, principal, pending.command(),
          new Plan.Intercept(plan.enable(), plan.options(), moved, plan.timing()), List.of(), "Fresh preview");
      reply.text("Changed since your preview, so not applied: "
          + Replies.names(moved.stream().map(Step::location).toList()) + ".");
      reply.text("**" + again.title() + "**");
      again.blocks().forEach(reply::block);
      again.buttons().forEach(b -> reply.button(b.label(), b.action(), b.ref()));
    } else if (applied > 0) {
      reply.button("Undo", Action.UNDO, batch);
    }
    Reply answer = reply.build();
    progress.finish(answer);
    return new Confirmed(answer, alreadyThere);
  }
}
