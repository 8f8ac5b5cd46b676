package dev.switchboard.ops;

import dev.switchboard.calling.Location;
import dev.switchboard.calling.Person;
import dev.switchboard.calling.TransferNumbers;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Reply.Action;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.Access;
import dev.switchboard.command.Command;
import dev.switchboard.command.NumberCheck;
import dev.switchboard.command.PersonRef;
import dev.switchboard.command.PhoneNumbers;
import dev.switchboard.ops.AuditEntry.Outcome;
import java.util.function.UnaryOperator;

/** A person's outgoing-permission transfer numbers: show, set, clear, custom on/off. */
final class TransferOps {

  private final WebexClient client;
  private final LocationDirectory directory;
  private final PeopleFinder people;
  private final Audit audit;

  TransferOps(WebexClient client, LocationDirectory directory, PeopleFinder people, Audit audit) {
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
    PeopleFinder.Found found;
    try {
      found = people.find(ref);
    } catch (WebexException e) {
      return new Target(null, null, Replies.webexError("look up " + ref.query(), e));
    }
    if (found instanceof PeopleFinder.Found.None none) {
      return new Target(null, null, Reply.note(Tone.WARNING, none.message()));
    }
    if (found instanceof PeopleFinder.Found.Several several) {
      Reply reply = Reply.of(Tone.WARNING, "`" + ref.query() + "` matches several people. Which one?")
          .items(several.people().stream().map(PeopleFinder::label).toList(), 10)
          .text("Repeat the command with their email address.")
          .build();
      return new Target(null, null, reply);
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

  private static String label(Person person, Location location) {
    String name = person.displayName() != null ? person.displayName() : person.email();
    return location == null ? name : name + " (" + location.name() + ")";
  }

  Reply show(Requester requester, Principal principal, Command.ShowTransferNumbers command, String text) {
    Target t = target(requester, principal, command.person(), Access.READ_TRANSFER, text, "see the transfer numbers");
    if (t.problem() != null) return t.problem();
    try {
      TransferNumbers numbers = client.transferNumbers(t.person().id());
      return Reply.of(Tone.INFO, "Transfer numbers for " + label(t.person(), t.location()) + ".")
          .facts(TransferEdits.describe(numbers, directory.regionOf(t.location())))
          .build();
    } catch (WebexException e) {
      if (e.status() == 404) return noCalling(t);
      return Replies.webexError("read the transfer numbers of " + t.name(), e);
    }
  }

  Reply set(Requester requester, Principal principal, Command.SetTransferNumber command, String text) {
    Target t = target(requester, principal, command.person(), Access.CHANGE_TRANSFER, text,
        "change the transfer numbers");
    if (t.problem() != null) return t.problem();
    NumberCheck check = PhoneNumbers.normalise(command.number(), directory.regionOf(t.location()));
    if (check instanceof NumberCheck.Rejected rejected) {
      return Reply.note(Tone.WARNING, "Nothing was changed: " + rejected.message());
    }
    String e164 = ((NumberCheck.Valid) check).e164();
    return change(requester, text, t, current -> current.withNumber(command.slot(), e164),
        "Transfer number " + command.slot() + " of " + t.name() + " is now " + e164 + ".");
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
    TransferNumbers before;
    try {
      before = client.transferNumbers(t.person().id());
    } catch (WebexException e) {
      if (e.status() == 404) return noCalling(t);
      return Replies.webexError("read the transfer numbers of " + t.name(), e);
    }
    TransferNumbers edited = edit.apply(before);
    // useCustomTransferNumbers is required on every PUT: keep the current value unless the command sets it.
    TransferNumbers body = new TransferNumbers(
        edited.useCustomTransferNumbers() != null ? edited.useCustomTransferNumbers()
            : Boolean.TRUE.equals(before.useCustomTransferNumbers()),
        edited.autoTransferNumber1() == null || edited.autoTransferNumber1().equals(before.autoTransferNumber1())
            ? null : edited.autoTransferNumber1(),
        edited.autoTransferNumber2() == null || edited.autoTransferNumber2().equals(before.autoTransferNumber2())
            ? null : edited.autoTransferNumber2(),
        edited.autoTransferNumber3() == null || edited.autoTransferNumber3().equals(before.autoTransferNumber3())
            ? null : edited.autoTransferNumber3());
    TransferNumbers expected = merged(before, body);
    if (TransferEdits.same(before, expected)) {
      return Reply.of(Tone.INFO, "The transfer numbers of " + t.name() + " already look like that; nothing changed.")
          .facts(TransferEdits.describe(before, region))
          .build();
    }
    String batch = Audit.newBatch();
    Audit.Line line = audit.line(requester, text, batch, "transfer.change")
        .target("person", t.person().id(), t.person().email())
        .before(before);
    try {
      line.trackingId(client.putTransferNumbers(t.person().id(), body));
    } catch (WebexException e) {
      line.after(before).trackingId(e.trackingId()).detail(Replies.explain(e)).write(Outcome.FAILED);
      return Replies.webexError("change the transfer numbers of " + t.name(), e);
    }
    TransferNumbers after;
    try {
      after = client.transferNumbers(t.person().id());
    } catch (WebexException e) {
      after = expected;
      line.detail("written; read-back failed: " + Replies.explain(e));
    }
    line.after(after).write(Outcome.APPLIED);
    Reply.Builder reply = Reply.of(Tone.SUCCESS, done)
        .changes(label(t.person(), t.location()), TransferEdits.changes(before, after, region));
    if (!Boolean.TRUE.equals(after.useCustomTransferNumbers())) {
      reply.text("Custom transfer numbers are off for " + t.name() + ", so these numbers are not used until "
          + "`custom transfer numbers on for " + t.person().email() + "`.");
    }
    return reply.button("Undo", Action.UNDO, batch).toEveryone().build();
  }

  /** What Webex should show after the body is written: empty strings clear, nulls keep. */
  private static TransferNumbers merged(TransferNumbers before, TransferNumbers body) {
    TransferNumbers result = new TransferNumbers(body.useCustomTransferNumbers(), before.autoTransferNumber1(),
        before.autoTransferNumber2(), before.autoTransferNumber3());
    for (int slot = 1; slot <= 3; slot++) {
      String value = body.number(slot);
      if (value != null) result = result.withNumber(slot, value.isEmpty() ? null : value);
    }
    return result;
  }

  private static Reply noCalling(Target t) {
    return Reply.note(Tone.INFO, t.name() + " has no Webex Calling transfer settings (no calling licence or "
        + "calling location).");
  }
}
