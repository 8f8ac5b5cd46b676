package dev.switchboard.ops;

import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.command.Access;
import dev.switchboard.command.Command;
import dev.switchboard.command.DialString;
import dev.switchboard.command.LocationTarget;
import dev.switchboard.command.NumberCheck;
import dev.switchboard.command.PhoneNumbers;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.Reply.Action;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.ops.WriteStep.Result;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An intercept change as a command: the locations it names, authorized, with its numbers checked; one location
 * changed at once, several through a preview ({@link InterceptBulk}).
 */
public final class InterceptOps {

  /** The locations a change names, each with the numbers it types in E.164 for that location. */
  public record Prepared(List<Location> locations, Map<String, Map<String, String>> numbers) {}

  private final LocationDirectory directory;
  private final Audit audit;
  private final WriteStep writes;
  private final WriteStep.Route direct;
  private final InterceptBulk bulk;

  InterceptOps(WebexClient client, LocationDirectory directory, Audit audit, WriteStep writes, InterceptBulk bulk) {
    this.directory = directory;
    this.audit = audit;
    this.writes = writes;
    this.direct = WriteStep.Route.direct(client);
    this.bulk = bulk;
  }

  public Reply change(Requester requester, Principal principal, Command.InterceptChange command, String text) {
    Checked<Prepared> prepared = prepare(requester, principal, command, text);
    if (prepared instanceof Checked.Refused<Prepared> refused) return refused.reply();
    Prepared ready = ((Checked.Ok<Prepared>) prepared).value();
    if (ready.locations().size() == 1) {
      Location location = ready.locations().get(0);
      return single(requester, text, command, location, ready.numbers().get(location.id()), Audit.newBatch());
    }
    return bulk.preview(requester, principal, text, command, ready.locations(), ready.numbers());
  }

  /** The locations a change names, authorized, with its numbers checked for each; a refusal is audited. */
  public Checked<Prepared> prepare(Requester requester, Principal principal, Command.InterceptChange command, String text) {
    Targets.Resolved resolved = Targets.resolve(command.target(), directory);
    if (resolved instanceof Targets.Resolved.Problem problem) return Checked.refused(problem.reply());
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
        return Checked.refused(Reply.of(Tone.DENIED, "You may change intercept only at " + Replies.names(own)
                + ", not at every location.")
            .text("Try `intercept " + (command.enable() ? "on" : "off") + " at " + Replies.names(own) + "`.")
            .build());
      }
      return Checked.refused(Replies.denied("change intercept at " + where,
          Permissions.needed(Access.CHANGE_INTERCEPT, refused.size() == 1 ? refused.get(0).name() : null)));
    }

    Map<String, Map<String, String>> numbers = new HashMap<>();
    for (Location location : locations) {
      String region = directory.regionOf(location);
      Map<String, String> e164 = new HashMap<>();
      for (DialString number : InterceptEdits.numbersOf(command.options())) {
        NumberCheck check = PhoneNumbers.normalise(number, region);
        if (check instanceof NumberCheck.Rejected rejected) {
          return Checked.refused(
              Reply.of(Tone.WARNING, Replies.because("Nothing was changed", rejected.message())).build());
        }
        e164.put(number.raw(), ((NumberCheck.Valid) check).e164());
      }
      numbers.put(location.id(), e164);
    }
    return Checked.ok(new Prepared(locations, numbers));
  }

  /** What a single change answered, and how its write step ended. */
  public record Single(Result<InterceptSettings> result, Reply reply) {}

  /** Changes one location at once, its audit line in {@code batch}. */
  public Reply single(Requester requester, String text, Command.InterceptChange command, Location location,
      Map<String, String> e164, String batch) {
    return singleChange(requester, text, command, location, e164, batch).reply();
  }

  /** As {@link #single}, telling also how the write step ended. */
  public Single singleChange(Requester requester, String text, Command.InterceptChange command, Location location,
      Map<String, String> e164, String batch) {
    Result<InterceptSettings> result = writes.apply(WriteStep.Request.of(
        new Setting.Intercept(location.id(), location.name()), requester, text, batch, Audit.INTERCEPT,
        before -> InterceptEdits.apply(before, command.enable(), command.options(), e164)), direct);
    return new Single(result, answer(result, location, batch));
  }

  private Reply answer(Result<InterceptSettings> result, Location location, String batch) {
    String region = directory.regionOf(location);
    if (result instanceof Result.Unchanged<InterceptSettings> unchanged) {
      Reply.Builder reply = Reply.of(Tone.INFO, "Intercept at " + location.name() + " already looks like that; "
          + "nothing changed.").text("All settings: **" + details(location) + "**");
      unchanged.notes().forEach(reply::text);
      return reply.build();
    }
    if (result instanceof Result.Failed<InterceptSettings> failed) {
      return Replies.failed("intercept at " + location.name(), failed);
    }
    if (result instanceof Result.Moved<InterceptSettings>) {
      throw new IllegalStateException("a single change is not planned on a reading, so it cannot have moved");
    }
    Result.Applied<InterceptSettings> applied = (Result.Applied<InterceptSettings>) result;
    Reply.Builder reply;
    if (!applied.readBack()) {
      reply = Reply.of(Tone.WARNING, "Intercept at " + location.name() + " was changed, but reading it back failed.")
          .text(applied.readBackProblem());
    } else {
      reply = Reply.of(Tone.SUCCESS,
          "Intercept is now " + (InterceptEdits.isOn(applied.after()) ? "ON" : "off") + " at " + location.name() + ".");
    }
    reply.changes(location.name(), InterceptEdits.changes(applied.before(), applied.after(), region), details(location));
    if (applied.readBack()) notes(reply, applied.expected(), applied.after());
    applied.notes().forEach(reply::text);
    return reply.button("Undo", Action.UNDO, batch).toEveryone().build();
  }

  /** The command that shows every setting of a location: what a short reply leaves out is one command away. */
  static String details(Location location) {
    return "intercept status at " + Reply.literal(location.name());
  }

  /**
   * What a reply adds when the live settings are not what was asked, or intercept lets every incoming call in: one
   * line each, since a single change has four.
   */
  static void notes(Reply.Builder reply, InterceptSettings asked, InterceptSettings live) {
    if (!InterceptEdits.same(asked, live)) {
      reply.text("Webex shows something other than what was asked for: the values above are what is live.");
    }
    if (InterceptEdits.interceptsNoIncoming(live)) {
      reply.text("Incoming is *allow all*, so no incoming call is intercepted: add **inbound intercept-all**.");
    }
  }
}
