package dev.switchboard.ops;

import dev.switchboard.calling.Location;
import dev.switchboard.calling.Person;
import dev.switchboard.calling.TransferNumbers;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Reply.Action;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.Access;
import dev.switchboard.command.AssumedRegion;
import dev.switchboard.command.NumberUse;
import dev.switchboard.command.Command;
import dev.switchboard.command.NumberCheck;
import dev.switchboard.command.PersonRef;
import dev.switchboard.command.PhoneNumbers;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.WriteStep.Result;
import java.util.function.UnaryOperator;

/** A person's outgoing-permission transfer numbers: show and explain where calls go, set, clear, custom on/off. */
final class TransferOps {

  private final WebexClient client;
  private final LocationDirectory directory;
  private final PeopleFinder people;
  private final Audit audit;
  private final WriteStep writes;
  private final WriteStep.Route direct;
  private final PersonChoices choices;
  private final CallRoutingReads routes;

  TransferOps(WebexClient client, LocationDirectory directory, PeopleFinder people, Audit audit, WriteStep writes,
      Confirmations confirmations) {
    this.choices = new PersonChoices(confirmations);
    this.writes = writes;
    this.direct = WriteStep.Route.direct(client);
    this.routes = new CallRoutingReads(client);
    this.client = client;
    this.directory = directory;
    this.people = people;
    this.audit = audit;
  }

  /** The person a command is about, where they sit, and the reply when they cannot be used. */
  private record Target(Person person, Location location, Reply problem) {
    String name() {
      return person.displayName() != null ? person.displayName() : person.email();
    }
  }

  private Target target(Requester requester, Principal principal, PersonRef ref, Access access, String text,
      String doing) {
    return target(requester, principal, ref, access, text, doing, true);
  }

  /** {@code ask}: when several people fit, number them and keep the offer (one person named), else list them. */
  private Target target(Requester requester, Principal principal, PersonRef ref, Access access, String text,
      String doing, boolean ask) {
    // "my transfer numbers", "transfer numbers for me": the requester, by the email Webex knows them by
    if (ref.isRequester() && requester.email() != null) ref = new PersonRef(requester.email());
    PeopleFinder.Found found;
    try {
      found = people.find(ref, access == Access.CHANGE_TRANSFER);
    } catch (WebexException e) {
      return new Target(null, null, Replies.webexError("look up " + ref.query(), e));
    }
    if (found instanceof PeopleFinder.Found.None none) {
      return new Target(null, null, Reply.note(Tone.WARNING, none.message()));
    }
    if (found instanceof PeopleFinder.Found.Several several) {
      if (ask) return new Target(null, null, choices.ask(requester, principal, ref, several.people(), text));
      return new Target(null, null, Reply.of(Tone.WARNING, "`" + Reply.literal(ref.query())
          + "` matches several people: " + Replies.prose(several.people().stream()
              .map(p -> Reply.literal(PeopleFinder.label(p))).toList()) + ".").build());
    }
    Person person = ((PeopleFinder.Found.One) found).person();
    Location location = person.locationId() == null ? null : directory.byId(person.locationId()).orElse(null);
    String locationName = location == null ? null : location.name();
    if (!Permissions.mayAt(principal, access, locationName)) {
      audit.line(requester, text, Audit.newBatch(), "denied")
          .target("person", person.id(), person.email())
          .detail(doing)
          .write(Outcome.DENIED);
      return new Target(person, location, Replies.denied(doing + " of " + label(person, location),
          Permissions.needed(access, locationName)));
    }
    return new Target(person, location, null);
  }

  /** The country a typed number is read in, and why: the person's location's, else the org's default. */
  private AssumedRegion assumed(Target t) {
    String region = directory.regionOf(t.location());
    String country = t.location() == null || t.location().address() == null ? null : t.location().address().country();
    String reason = country != null && country.equalsIgnoreCase(region)
        ? "the country of " + Reply.literal(t.name()) + "'s location " + Reply.literal(t.location().name())
        : "the default region (SWITCHBOARD_DEFAULT_REGION)";
    return new AssumedRegion(region, reason, directory.defaultRegion());
  }

  private static String label(Person person, Location location) {
    String name = person.displayName() != null ? person.displayName() : person.email();
    return location == null ? name : name + " (" + location.name() + ")";
  }

  /** The short look-up: the numbers that apply, where they come from, which call types use them. */
  Reply show(Requester requester, Principal principal, Command.ShowTransferNumbers command, String text) {
    if (command.people().size() > 1) return showEach(requester, principal, command, text);
    return routing(requester, principal, command.person(), text, RoutingReplies::summary);
  }

  /** The full table, or the answer to "why does bob's international call go to ...?", from the same facts. */
  Reply explain(Requester requester, Principal principal, Command.ExplainTransferNumbers command, String text) {
    return routing(requester, principal, command.person(), text, command.callTypes().isEmpty()
        ? RoutingReplies::table
        : (who, facts) -> RoutingReplies.why(who, facts, command.callTypes()));
  }

  private Reply routing(Requester requester, Principal principal, PersonRef ref, String text,
      java.util.function.BiFunction<RoutingReplies.Who, CallRouting, Reply> answer) {
    Target t = target(requester, principal, ref, Access.READ_TRANSFER, text, "see the transfer numbers");
    if (t.problem() != null) return t.problem();
    try {
      CallRouting facts = routes.read(t.person(), t.location(), directory.regionOf(t.location()));
      String name = Reply.literal(t.name()) + (t.location() == null ? "" : " (" + Reply.literal(t.location().name()) + ")");
      String again = t.person().email() != null ? t.person().email() : t.name();
      return answer.apply(new RoutingReplies.Who(name, Reply.literal(again)), facts);
    } catch (WebexException e) {
      if (withoutCalling(t, e)) return noCalling(t);
      return Replies.webexError("read the transfer numbers of " + t.name(), e);
    }
  }

  /** "transfer numbers for alice and bob": each person's, one after the other; who cannot be read says why. */
  private Reply showEach(Requester requester, Principal principal, Command.ShowTransferNumbers command, String text) {
    Reply.Builder reply = Reply.of(Tone.INFO, "Transfer numbers for " + command.people().size() + " people.");
    for (PersonRef ref : command.people()) {
      Target t = target(requester, principal, ref, Access.READ_TRANSFER, text, "see the transfer numbers", false);
      if (t.problem() != null) {
        reply.text("**" + Reply.literal(ref.query()) + "**: " + t.problem().title());
        continue;
      }
      try {
        TransferNumbers numbers = client.transferNumbers(t.person().id());
        reply.text("**" + label(t.person(), t.location()) + "**")
            .facts(TransferEdits.describe(numbers, directory.regionOf(t.location())));
      } catch (WebexException e) {
        reply.text("**" + label(t.person(), t.location()) + "**: " + (withoutCalling(t, e) ? noCalling(t)
            : Replies.webexError("read the transfer numbers of " + t.name(), e)).title());
      }
    }
    return reply.build();
  }

  Reply set(Requester requester, Principal principal, Command.SetTransferNumber command, String text) {
    Target t = target(requester, principal, command.person(), Access.CHANGE_TRANSFER, text,
        "change the transfer numbers");
    if (t.problem() != null) return t.problem();
    NumberCheck check = PhoneNumbers.normalise(command.number(), assumed(t), NumberUse.TRANSFER_NUMBER);
    if (check instanceof NumberCheck.Rejected rejected) {
      return Reply.note(Tone.WARNING, Replies.because("Nothing was changed", rejected.message()));
    }
    // an extension alone is written as its digits, as Webex stores an internal number
    String e164 = check instanceof NumberCheck.Extension ext ? ext.digits() : ((NumberCheck.Valid) check).e164();
    return change(requester, text, t, current -> current.withNumber(command.slot(), e164),
        "Transfer number " + command.slot() + " of " + t.name() + " is now "
            + ShownNumbers.shown(e164, directory.regionOf(t.location())) + ".");
  }

  Reply clear(Requester requester, Principal principal, Command.ClearTransferNumber command, String text) {
    Target t = target(requester, principal, command.person(), Access.CHANGE_TRANSFER, text,
        "change the transfer numbers");
    if (t.problem() != null) return t.problem();
    return change(requester, text, t, current -> current.withNumber(command.slot(), ""),
        "Transfer number " + command.slot() + " of " + t.name() + " is cleared.");
  }

  Reply custom(Requester requester, Principal principal, Command.CustomTransferNumbers command, String text) {
    Target t = target(requester, principal, command.person(), Access.CHANGE_TRANSFER, text,
        "change the transfer numbers");
    if (t.problem() != null) return t.problem();
    return change(requester, text, t,
        current -> new TransferNumbers(command.enabled(), null, null, null),
        "Custom transfer numbers are " + (command.enabled() ? "on" : "off") + " for " + t.name() + ".");
  }

  private Reply change(Requester requester, String text, Target t, UnaryOperator<TransferNumbers> edit,
      String done) {
    String region = directory.regionOf(t.location());
    String batch = Audit.newBatch();
    Result<TransferNumbers> result = writes.apply(WriteStep.Request.of(
        new Setting.Transfer(t.person().id(), t.person().email()), requester, text, batch, Audit.TRANSFER,
        before -> TransferEdits.body(before, edit.apply(before))), direct);
    if (result instanceof Result.Failed<TransferNumbers> failed) {
      if (failed.reason() == WriteStep.Reason.READ && withoutCalling(t, failed.cause())) return noCalling(t);
      return Replies.failed("the transfer numbers of " + t.name(), failed);
    }
    if (result instanceof Result.Unchanged<TransferNumbers> unchanged) {
      return Reply.of(Tone.INFO, "The transfer numbers of " + t.name() + " already look like that; nothing changed.")
          .facts(TransferEdits.describe(unchanged.current(), region))
          .build();
    }
    if (result instanceof Result.Moved<TransferNumbers>) {
      throw new IllegalStateException("a transfer-number change is not planned on a reading, so it cannot have moved");
    }
    Result.Applied<TransferNumbers> applied = (Result.Applied<TransferNumbers>) result;
    TransferNumbers after = applied.after();
    Reply.Builder reply = Reply.of(Tone.SUCCESS, done)
        .changes(label(t.person(), t.location()), TransferEdits.changes(applied.before(), after, region));
    if (!Boolean.TRUE.equals(after.useCustomTransferNumbers())) {
      reply.text("Custom transfer numbers are off for " + t.name() + ", so these numbers are not used until "
          + "`custom transfer numbers on for " + t.person().email() + "`.");
    }
    applied.notes().forEach(reply::text);
    return reply.button("Undo", Action.UNDO, batch).toEveryone().build();
  }

  /**
   * Whether a failed read means the person has no Webex Calling: Webex says so twice, in what {@code GET
   * /people/{id}?callingData=true} leaves out (a calling user has a {@code locationId}; the People spec: "the ID of
   * the location for this person retrieved from BroadCloud") and in its 404 on the Calling endpoint. Any other 404
   * (a person who does have calling, a Webex Calling error code) is an error shown with its code.
   */
  private static boolean withoutCalling(Target t, WebexException e) {
    return e.status() == 404 && t.person().locationId() == null;
  }

  private static Reply noCalling(Target t) {
    return Reply.note(Tone.INFO, t.name() + " has no Webex Calling transfer settings (no calling licence or "
        + "calling location).");
  }
}
