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
import dev.switchboard.ops.WriteStep.Result;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code undo}: a stack per requester. Each undo puts back exactly the before-state of that
 * person's latest change not yet undone; a target someone changed since is left alone and named.
 */
public final class UndoOps {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final WebexClient client;
  private final LocationDirectory directory;
  private final Audit audit;
  private final Confirmations confirmations;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final WriteStep writes;
  private final WriteStep.Route direct;

  UndoOps(WebexClient client, LocationDirectory directory, Audit audit, Confirmations confirmations,
      ObjectMapper mapper, Clock clock, WriteStep writes) {
    this.writes = writes;
    this.direct = WriteStep.Route.direct(client);
    this.client = client;
    this.directory = directory;
    this.audit = audit;
    this.confirmations = confirmations;
    this.mapper = mapper;
    this.clock = clock;
  }

  Reply undo(Requester requester, Principal principal, String text, String ref) {
    Optional<List<AuditEntry>> last = lastChange(principal.email());
    if (ref != null && (last.isEmpty() || !ref.equals(last.get().get(0).batch()))) return outOfDate(principal, ref);
    if (last.isEmpty()) return Reply.note(Tone.INFO, "You have no change left to undo.");
    List<AuditEntry> entries = last.get();
    Function<AuditEntry, Optional<Location>> places = placesOnce();
    Reply refused = refusal(requester, principal, text, entries, places);
    if (refused != null) return refused;
    Plan.Undo plan = new Plan.Undo(entries.get(0).batch(), entries);
    if (entries.size() == 1) return run(requester, principal, text, plan, places);
    Confirmations.Pending pending =
        new Confirmations.Pending(requester, principal.displayName(), text, plan, clock.instant());
    confirmations.put(pending);
    return Reply.of(Tone.WARNING, "Undo your change to " + entries.size() + " targets? Nothing is changed until you "
            + "confirm.")
        .text("Your change: `" + Reply.literal(entries.get(0).command()) + "` (" + WHEN.format(entries.get(0).time()) + ").")
        .items(entries.stream().map(entry -> goesBackTo(entry, places)).toList(), Replies.LIST_LIMIT)
        .confirm(Confirmations.MINUTES)
        .button("Confirm", Action.CONFIRM, pending.id())
        .button("Cancel", Action.CANCEL, pending.id())
        .build();
  }

  /**
   * One target of the preview and what it goes back to, worded as a change's own preview: "Austin: intercept on →
   * off". Read from the audit entry alone, so the preview costs no Webex call; what someone changed since is told when
   * the undo runs. (Only a bulk intercept change has several targets; a transfer change is one person's.)
   */
  private String goesBackTo(AuditEntry entry, Function<AuditEntry, Optional<Location>> places) {
    if (!entry.action().equals(Audit.INTERCEPT)) return entry.targetName() + ": back to how it was";
    String region = directory.regionOf(places.apply(entry).orElse(null));
    return entry.targetName() + ": " + InterceptEdits.difference(read(entry, InterceptSettings.class, false),
        read(entry, InterceptSettings.class, true), region);
  }

  /** An Undo button whose change is not the presser's latest: say whose and why, change nothing. */
  private Reply outOfDate(Principal principal, String ref) {
    List<AuditEntry> batch = audit.log().batch(ref);
    if (batch.isEmpty()) return Reply.note(Tone.INFO, "That Undo button is out of date; nothing was changed.");
    AuditEntry change = batch.get(0);
    if (change.requesterEmail() == null || !change.requesterEmail().equalsIgnoreCase(principal.email())) {
      return Reply.note(Tone.DENIED, "That Undo button is for " + change.requesterEmail() + "'s change (`"
          + Reply.literal(change.command()) + "`): only they can undo it. Nothing was changed.");
    }
    return Reply.note(Tone.INFO, "`" + Reply.literal(change.command()) + "` is not your latest change (or was already undone), "
        + "so that button no longer applies; nothing was changed. Type `undo` to undo your latest change.");
  }

  /** Null when the principal may still undo every entry; else the refusal, audited. */
  private Reply refusal(Requester requester, Principal principal, String text, List<AuditEntry> entries,
      Function<AuditEntry, Optional<Location>> places) {
    for (AuditEntry entry : entries) {
      Access access = entry.action().equals(Audit.INTERCEPT) ? Access.CHANGE_INTERCEPT : Access.CHANGE_TRANSFER;
      String locationName = places.apply(entry).map(Location::name).orElse(null);
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
  Reply run(Requester requester, Principal principal, String text, Plan.Undo plan) {
    return run(requester, principal, text, plan, placesOnce());
  }

  private Reply run(Requester requester, Principal principal, String text, Plan.Undo plan,
      Function<AuditEntry, Optional<Location>> places) {
    Reply refused = refusal(requester, principal, text, plan.entries(), places);
    if (refused != null) return refused;
    String batch = Audit.newBatch();
    List<String> lines = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    int restored = 0;
    for (AuditEntry entry : plan.entries()) {
      Optional<AuditEntry> other = later(entry).stream().filter(e -> !sameAsker(e, principal.email())).findFirst();
      if (other.isPresent()) {
        // someone else changed it since, through Switchboard: theirs stands, even where it looks like this one's
        String why = changedSince(entry);
        line(requester, text, batch, entry).detail(why).write(Outcome.SKIPPED);
        lines.add(entry.targetName() + ": left alone: " + why);
        continue;
      }
      Revert outcome = restore(requester, text, batch, entry, null, false, places.apply(entry));
      notes.addAll(outcome.notes());
      if (outcome.outcome() == Reverted.RESTORED) restored++;
      lines.add(entry.targetName() + ": " + outcome.words());
    }
    AuditEntry first = plan.entries().get(0);
    Reply.Builder reply = Reply.of(restored == plan.entries().size() ? Tone.SUCCESS : Tone.WARNING,
        restored == plan.entries().size()
            ? "Undone: `" + Reply.literal(first.command()) + "`."
            : restored == 0 ? "Nothing was undone of `" + Reply.literal(first.command()) + "`."
            : "Undid `" + Reply.literal(first.command()) + "` at " + restored + " of " + plan.entries().size()
                + " places; the rest is below.");
    reply.items(lines, Replies.LIST_LIMIT);
    notes.forEach(reply::text);
    return reply.toEveryone().build();
  }

  /** How taking back one change ended. */
  public enum Reverted { RESTORED, ALREADY_BACK, LEFT_ALONE, FAILED }

  /** How taking back one change ended, and what happened in words ("back to intercept off", "left alone: ..."). */
  public record Revert(Reverted outcome, String words, List<String> notes, boolean permanent) {
    public Revert(Reverted outcome, String words) {
      this(outcome, words, List.of(), false);
    }

    public Revert(Reverted outcome, String words, List<String> notes) {
      this(outcome, words, notes, false);
    }
  }

  /**
   * Takes back one audited intercept change for a schedule, exactly like {@code undo}: a location someone changed
   * since is left alone and named. A location already back to its before-state (undone by hand, or restored by a
   * run a crash cut short) is left as it is, so a revert never applies twice.
   */
  public Revert revert(Requester requester, String text, String batch, AuditEntry entry, String detail) {
    return restore(requester, text, batch, entry, detail, true, locationOf(entry));
  }

  /**
   * Restores one target to its before-state through the one write step, unless it changed since the entry (then it
   * is left alone, audited as skipped); {@code backIsFine}: a target already back counts as done.
   */
  private Revert restore(Requester requester, String text, String batch, AuditEntry entry, String detail,
      boolean backIsFine, Optional<Location> place) {
    String region = directory.regionOf(place.orElse(null));
    Result<?> result = entry.action().equals(Audit.INTERCEPT)
        ? writes.apply(request(requester, text, batch, entry, detail, new Setting.Intercept(entry.targetId(),
                entry.targetName()), InterceptSettings.class, InterceptEdits::restoring,
            (current, before, after) -> InterceptEdits.sameLive(current, after, region)
                || (backIsFine && InterceptEdits.same(current, before))), direct)
        : writes.apply(request(requester, text, batch, entry, detail, new Setting.Transfer(entry.targetId(),
                entry.targetName()), TransferNumbers.class, (before, current) -> TransferEdits.restoring(before),
            (current, before, after) -> TransferEdits.same(current, after, region)
                || (backIsFine && TransferEdits.same(current, before))), direct);
    if (result instanceof Result.Applied<?> applied) {
      return new Revert(Reverted.RESTORED, "back to " + backTo(applied, region), applied.notes());
    }
    if (result instanceof Result.Unchanged<?>) return new Revert(Reverted.ALREADY_BACK, "already back as it was");
    if (result instanceof Result.Moved<?> moved) {
      String why = changedSince(entry);
      line(requester, text, batch, entry).before(moved.current()).detail(why).write(Outcome.SKIPPED);
      return new Revert(Reverted.LEFT_ALONE, "left alone: " + why);
    }
    Result.Failed<?> failed = (Result.Failed<?>) result;
    if (failed.reason() == WriteStep.Reason.READ) {
      // The read failed, so the step wrote nothing and audited nothing: the failed undo is on record all the same.
      line(requester, text, batch, entry).trackingId(failed.cause() == null ? null : failed.cause().trackingId())
          .detail(failed.problem()).write(Outcome.FAILED);
    }
    return new Revert(Reverted.FAILED, "**" + (failed.reason() == WriteStep.Reason.UNKNOWN ? "not known" : "failed")
        + "** — " + failed.problem(), List.of(), failed.cause() != null && failed.cause().status() == 404);
  }

  /** What an undo put back, as read back: only the fields it changed ("intercept off", "transfer number 2 (not set)"). */
  private static String backTo(Result.Applied<?> applied, String region) {
    if (applied.before() instanceof InterceptSettings before && applied.after() instanceof InterceptSettings after) {
      return InterceptEdits.changedTo(before, after, region);
    }
    List<String> parts = new ArrayList<>();
    TransferEdits.changes((TransferNumbers) applied.before(), (TransferNumbers) applied.after(), region).stream()
        .filter(c -> !c.before().equals(c.after()))
        .forEach(c -> parts.add(c.field().toLowerCase(java.util.Locale.ROOT) + " " + c.after()));
    return parts.isEmpty() ? "as it was" : String.join("; ", parts);
  }

  /** Whether a target read now is still as the entry left it, given the entry's before- and after-state. */
  private interface AsLeft<S> {
    boolean test(S current, S before, S after);
  }

  private <S> WriteStep.Request<S> request(Requester requester, String text, String batch, AuditEntry entry,
      String detail, Setting<S> setting, Class<S> type, java.util.function.BinaryOperator<S> restoring,
      AsLeft<S> asLeft) {
    S before = read(entry, type, true);
    S after = read(entry, type, false);
    return WriteStep.Request.of(setting, requester, text, batch, Audit.UNDO,
            current -> restoring.apply(before, current))
        .onlyIf(current -> asLeft.test(current, before, after))
        .detail(detail)
        .undoing(entry.batch());
  }

  private Audit.Line line(Requester requester, String text, String batch, AuditEntry entry) {
    return audit.line(requester, text, batch, Audit.UNDO).undoes(entry.batch())
        .target(entry.targetType(), entry.targetId(), entry.targetName());
  }

  /** Who changed the target after this entry, as far as the audit log knows. */
  private String changedSince(AuditEntry entry) {
    List<AuditEntry> later = later(entry);
    if (later.isEmpty()) return "changed outside Switchboard since your change";
    AuditEntry last = later.get(later.size() - 1);
    return "changed since by " + last.requesterEmail() + " at " + WHEN.format(last.time()) + " (`" + Reply.literal(last.command())
        + "`)";
  }

  /** The changes applied to the entry's target after it, oldest first. */
  private List<AuditEntry> later(AuditEntry entry) {
    // The log is in the order things happened: walking back from the newest, what comes before this entry is later
    // than it, and the walk stops there (an undo is of a recent change; the log may hold years).
    List<AuditEntry> newer = new ArrayList<>();
    audit.log().newestFirst(e -> {
      if (e.id().equals(entry.id())) return false;
      if (e.applied() && Objects.equals(e.targetId(), entry.targetId())) newer.add(e);
      return true;
    });
    java.util.Collections.reverse(newer);
    return newer;
  }

  private static boolean sameAsker(AuditEntry e, String email) {
    return email != null && email.equalsIgnoreCase(e.requesterEmail())
        && !Requester.Platform.SCHEDULER.name().equals(e.platform());
  }

  /**
   * The entries of the requester's latest change not yet undone: the batch of their newest applied change, found
   * walking back from the newest entry (an undo always comes after the change it takes back, so it is seen first).
   */
  private Optional<List<AuditEntry>> lastChange(String email) {
    if (email == null) return Optional.empty();
    // An undo that failed or was refused leaves its change on the stack; applied and skipped ones end it.
    Set<String> undone = new HashSet<>();
    String[] latest = {null};
    audit.log().newestFirst(e -> {
      if (!email.equalsIgnoreCase(e.requesterEmail())) return true;
      if (e.action().equals(Audit.UNDO) && e.undoes() != null
          && (e.outcome() == Outcome.APPLIED || e.outcome() == Outcome.SKIPPED)) {
        undone.add(e.undoes());
      } else if (isChange(e) && !undone.contains(e.batch())) {
        latest[0] = e.batch();
        return false;
      }
      return true;
    });
    if (latest[0] == null) return Optional.empty();
    return Optional.of(audit.log().batch(latest[0]).stream()
        .filter(e -> email.equalsIgnoreCase(e.requesterEmail()) && isChange(e)).toList());
  }

  /** A change a person made (a planned start counts; the automatic end of a plan does not). */
  private static boolean isChange(AuditEntry e) {
    return e.applied() && (e.action().equals(Audit.INTERCEPT) || e.action().equals(Audit.TRANSFER))
        && !Audit.endOfPlan(e);
  }

  /**
   * Each change's location, looked up once for the command: the permission check (twice, when the undo runs at once)
   * and the restore's region all need it, and a person's takes a Webex read.
   */
  private Function<AuditEntry, Optional<Location>> placesOnce() {
    Map<String, Optional<Location>> known = new HashMap<>();
    return entry -> known.computeIfAbsent(entry.id(), id -> locationOf(entry));
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
