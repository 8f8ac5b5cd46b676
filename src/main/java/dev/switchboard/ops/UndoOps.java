package dev.switchboard.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.Person;
import dev.switchboard.calling.TransferNumbers;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Reply.Action;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.Access;
import dev.switchboard.ops.AuditEntry.Outcome;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code undo}: a stack per requester. Each undo puts back exactly the before-state of that
 * person's latest change not yet undone; a target someone changed since is left alone and named.
 */
final class UndoOps {

  static final String INTERCEPT = "intercept.change";
  static final String TRANSFER = "transfer.change";
  static final String UNDO = "undo";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** An undo of several targets waiting for {@code yes}. */
  record Plan(String batch, List<AuditEntry> entries) {}

  private final WebexClient client;
  private final LocationDirectory directory;
  private final Audit audit;
  private final Confirmations confirmations;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final String botName;
  private final LocationLocks locks;

  UndoOps(WebexClient client, LocationDirectory directory, Audit audit, Confirmations confirmations,
      ObjectMapper mapper, Clock clock, String botName, LocationLocks locks) {
    this.locks = locks;
    this.client = client;
    this.directory = directory;
    this.audit = audit;
    this.confirmations = confirmations;
    this.mapper = mapper;
    this.clock = clock;
    this.botName = botName;
  }

  Reply undo(Requester requester, Principal principal, String text, String ref) {
    Optional<List<AuditEntry>> last = lastChange(principal.email());
    if (ref != null && (last.isEmpty() || !ref.equals(last.get().get(0).batch()))) return outOfDate(principal, ref);
    if (last.isEmpty()) return Reply.note(Tone.INFO, "You have no change left to undo.");
    List<AuditEntry> entries = last.get();
    Reply refused = refusal(requester, principal, text, entries);
    if (refused != null) return refused;
    Plan plan = new Plan(entries.get(0).batch(), entries);
    if (entries.size() == 1) return run(requester, principal, text, plan);
    Confirmations.Pending pending =
        new Confirmations.Pending(requester, principal.displayName(), text, plan, clock.instant());
    confirmations.put(pending);
    return Reply.of(Tone.WARNING, "Undo your change to " + entries.size() + " targets? Nothing is changed until you "
            + "confirm.")
        .text("Your change: `" + entries.get(0).command() + "` (" + WHEN.format(entries.get(0).time()) + ").")
        .items(entries.stream().map(AuditEntry::targetName).toList(), Replies.LIST_LIMIT)
        .text("Press **Confirm** or reply `yes` within 2 minutes (in a group space, `@" + botName + " yes`).")
        .button("Confirm", Action.CONFIRM, pending.id())
        .button("Cancel", Action.CANCEL, pending.id())
        .build();
  }

  /** An Undo button whose change is not the presser's latest: say whose and why, change nothing. */
  private Reply outOfDate(Principal principal, String ref) {
    List<AuditEntry> batch = audit.log().entries(e -> ref.equals(e.batch()));
    if (batch.isEmpty()) return Reply.note(Tone.INFO, "That Undo button is out of date; nothing was changed.");
    AuditEntry change = batch.get(0);
    if (change.requesterEmail() == null || !change.requesterEmail().equalsIgnoreCase(principal.email())) {
      return Reply.note(Tone.DENIED, "That Undo button is for " + change.requesterEmail() + "'s change (`"
          + change.command() + "`): only they can undo it. Nothing was changed.");
    }
    return Reply.note(Tone.INFO, "`" + change.command() + "` is not your latest change (or was already undone), "
        + "so that button no longer applies; nothing was changed. Type `undo` to undo your latest change.");
  }

  /** Null when the principal may still undo every entry; else the refusal, audited. */
  private Reply refusal(Requester requester, Principal principal, String text, List<AuditEntry> entries) {
    for (AuditEntry entry : entries) {
      Access access = entry.action().equals(INTERCEPT) ? Access.CHANGE_INTERCEPT : Access.CHANGE_TRANSFER;
      String locationName = locationOf(entry).map(Location::name).orElse(null);
      if (!Permissions.mayAt(principal, access, locationName)) {
        audit.line(requester, text, Audit.newBatch(), "denied")
            .target(entry.targetType(), entry.targetId(), entry.targetName()).detail("undo").write(Outcome.DENIED);
        return Replies.denied("undo your change to " + entry.targetName() + " any more",
            Permissions.needed(access, locationName));
      }
    }
    return null;
  }

  /** Carries out an undo plan, authorizing again (a confirmation may come two minutes later). */
  Reply run(Requester requester, Principal principal, String text, Plan plan) {
    Reply refused = refusal(requester, principal, text, plan.entries());
    if (refused != null) return refused;
    String batch = Audit.newBatch();
    List<String> lines = new ArrayList<>();
    int restored = 0;
    for (AuditEntry entry : plan.entries()) {
      String outcome = restore(requester, text, batch, plan.batch(), entry, null);
      if (outcome == null) {
        restored++;
        lines.add(entry.targetName() + ": restored");
      } else {
        lines.add(entry.targetName() + ": " + outcome);
      }
    }
    AuditEntry first = plan.entries().get(0);
    Reply.Builder reply = Reply.of(restored == plan.entries().size() ? Tone.SUCCESS : Tone.WARNING,
        restored == plan.entries().size()
            ? "Undone: `" + first.command() + "`."
            : "Undid `" + first.command() + "` at " + restored + " of " + plan.entries().size() + " targets.");
    reply.items(lines, Replies.LIST_LIMIT);
    return reply.toEveryone().build();
  }

  /** How an automatic revert ended. */
  enum Reverted { RESTORED, ALREADY_BACK, LEFT_ALONE, FAILED }

  /** An automatic revert's outcome and, unless restored, what happened in words. */
  record Revert(Reverted outcome, String words) {}

  /**
   * Takes back one audited intercept change for a schedule, exactly like {@code undo}: a location someone changed
   * since is left alone and named. A location already back to its before-state (undone by hand, or restored by a
   * run a crash cut short) is left as it is, so a revert never applies twice.
   */
  Revert revert(Requester requester, String text, String batch, AuditEntry entry, String detail) {
    try {
      InterceptSettings before = read(entry, InterceptSettings.class, true);
      InterceptSettings current = client.locationIntercept(entry.targetId());
      if (InterceptEdits.same(current, before)) return new Revert(Reverted.ALREADY_BACK, "already back as it was");
    } catch (WebexException e) {
      return new Revert(Reverted.FAILED, "**failed** — " + Replies.explain(e));
    }
    String outcome = restore(requester, text, batch, entry.batch(), entry, detail);
    if (outcome == null) return new Revert(Reverted.RESTORED, null);
    return new Revert(outcome.startsWith("left alone") ? Reverted.LEFT_ALONE : Reverted.FAILED, outcome);
  }

  /** Restores one target; null when it worked, else what stopped it. */
  private String restore(Requester requester, String text, String batch, String undoneBatch, AuditEntry entry,
      String detail) {
    if (!"location".equals(entry.targetType())) return restoreLocked(requester, text, batch, undoneBatch, entry, detail);
    return locks.with(entry.targetId(), () -> restoreLocked(requester, text, batch, undoneBatch, entry, detail));
  }

  private String restoreLocked(Requester requester, String text, String batch, String undoneBatch, AuditEntry entry,
      String detail) {
    Audit.Line line = audit.line(requester, text, batch, UNDO).undoes(undoneBatch)
        .target(entry.targetType(), entry.targetId(), entry.targetName()).detail(detail);
    String region = directory.regionOf(locationOf(entry).orElse(null));
    boolean intercept = entry.action().equals(INTERCEPT);
    Object written;
    try {
      if (intercept) {
        InterceptSettings current = client.locationIntercept(entry.targetId());
        line.before(current);
        if (!InterceptEdits.sameLive(current, read(entry, InterceptSettings.class, false), region)) {
          return skipped(line, entry);
        }
        written = InterceptEdits.restoring(read(entry, InterceptSettings.class, true), current);
        line.trackingId(client.putLocationIntercept(entry.targetId(), (InterceptSettings) written));
      } else {
        TransferNumbers current = client.transferNumbers(entry.targetId());
        line.before(current);
        if (!TransferEdits.same(current, read(entry, TransferNumbers.class, false), region)) {
          return skipped(line, entry);
        }
        written = TransferEdits.restoring(read(entry, TransferNumbers.class, true));
        line.trackingId(client.putTransferNumbers(entry.targetId(), (TransferNumbers) written));
      }
    } catch (WebexException e) {
      line.trackingId(e.trackingId()).detail(Replies.explain(e)).write(Outcome.FAILED);
      return "**failed** — " + Replies.explain(e);
    }
    try {
      line.after(intercept ? client.locationIntercept(entry.targetId()) : client.transferNumbers(entry.targetId()));
    } catch (WebexException e) {
      // The write went through: the undo happened even though the read-back did not.
      line.after(written).detail("written; read-back failed: " + Replies.explain(e));
    }
    line.write(Outcome.APPLIED);
    return null;
  }

  private String skipped(Audit.Line line, AuditEntry entry) {
    String why = changedSince(entry);
    line.detail(why).write(Outcome.SKIPPED);
    return "left alone: " + why;
  }

  /** Who changed the target after this entry, as far as the audit log knows. */
  private String changedSince(AuditEntry entry) {
    // The log is in the order things happened; what follows this entry came after it.
    List<AuditEntry> all = audit.log().entries();
    int at = all.indexOf(entry);
    List<AuditEntry> later = all.subList(at + 1, all.size()).stream()
        .filter(e -> e.applied() && Objects.equals(e.targetId(), entry.targetId()))
        .toList();
    if (later.isEmpty()) return "changed outside Switchboard since your change";
    AuditEntry last = later.get(later.size() - 1);
    return "changed since by " + last.requesterEmail() + " at " + WHEN.format(last.time()) + " (`" + last.command()
        + "`)";
  }

  /** The requester's latest change not yet undone: the applied entries of one batch. */
  private Optional<List<AuditEntry>> lastChange(String email) {
    List<AuditEntry> mine = audit.log().entries(e -> email != null && email.equalsIgnoreCase(e.requesterEmail()));
    // An undo that failed or was refused leaves its change on the stack; applied and skipped ones end it.
    Set<String> undone = mine.stream()
        .filter(e -> e.action().equals(UNDO) && e.undoes() != null
            && (e.outcome() == Outcome.APPLIED || e.outcome() == Outcome.SKIPPED))
        .map(AuditEntry::undoes).collect(Collectors.toSet());
    Map<String, List<AuditEntry>> batches = new LinkedHashMap<>();
    for (AuditEntry e : mine) {
      if (e.applied() && (e.action().equals(INTERCEPT) || e.action().equals(TRANSFER)) && !undone.contains(e.batch())) {
        batches.computeIfAbsent(e.batch(), b -> new ArrayList<>()).add(e);
      }
    }
    List<List<AuditEntry>> ordered = new ArrayList<>(batches.values());
    return ordered.isEmpty() ? Optional.empty() : Optional.of(ordered.get(ordered.size() - 1));
  }

  /** The location a change was at, or the changed person's location; empty when unknown. */
  private Optional<Location> locationOf(AuditEntry entry) {
    if ("location".equals(entry.targetType())) return directory.byId(entry.targetId());
    try {
      Person person = client.person(entry.targetId());
      return person.locationId() == null ? Optional.empty() : directory.byId(person.locationId());
    } catch (WebexException e) {
      return Optional.empty();
    }
  }

  private <T> T read(AuditEntry entry, Class<T> type, boolean before) {
    try {
      return mapper.treeToValue(before ? entry.before() : entry.after(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Audit entry " + entry.id() + " cannot be read back", e);
    }
  }
}
