package dev.switchboard.ops;

import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.Access;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code history [location]}: the latest audited changes the requester may see, newest first. */
final class HistoryOps {

  private static final int SHOWN = 10;
  private static final Set<String> CHANGES = Set.of(Audit.INTERCEPT, Audit.TRANSFER, Audit.UNDO, Audit.SCHEDULE_EXTEND,
      Audit.SCHEDULE_CANCEL);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final AuditStore log;
  private final LocationDirectory directory;

  HistoryOps(AuditStore log, LocationDirectory directory) {
    this.log = log;
    this.directory = directory;
  }

  Reply history(Principal principal, String location) {
    String only = null;
    if (location != null) {
      LocationMatch match = directory.match(location);
      if (!(match instanceof LocationMatch.Found found)) {
        return Reply.note(Tone.WARNING, "There is no calling location called `" + location + "`.");
      }
      only = found.location().name();
      if (!Permissions.mayAt(principal, Access.READ_HISTORY, only)) {
        return Replies.denied("see the history of " + only, Permissions.needed(Access.READ_HISTORY, only));
      }
    }
    String filter = only;
    // An intent is shown only while its outcome is unknown; once settled, the outcome entry stands for it.
    Set<String> open = log.unsettled().stream().map(AuditEntry::id).collect(Collectors.toSet());
    List<AuditEntry> visible = log.entries(e -> CHANGES.contains(e.action())
        && e.outcome() != AuditEntry.Outcome.DENIED && (!e.intended() || open.contains(e.id()))
        && (filter == null || (atALocation(e) && filter.equalsIgnoreCase(e.targetName())))
        && maySee(principal, e));
    List<String> lines = new ArrayList<>();
    for (int i = visible.size() - 1; i >= 0 && lines.size() < SHOWN; i--) lines.add(line(visible.get(i)));
    if (lines.isEmpty()) {
      return Reply.note(Tone.INFO, "No changes recorded" + (only == null ? "" : " at " + only) + " yet.");
    }
    return Reply.of(Tone.INFO, "Latest changes" + (only == null ? "" : " at " + only) + ", newest first.")
        .block(new Reply.Block.Items(lines, Math.max(0, visible.size() - lines.size())))
        .build();
  }

  /**
   * Org-wide admins see everything; on-call engineers their own changes and intercept changes
   * (they may change every location); location admins their own changes and their locations.
   */
  private static boolean maySee(Principal p, AuditEntry e) {
    if (p.isOrgWideAdmin()) return true;
    if (p.email() != null && p.email().equalsIgnoreCase(e.requesterEmail())) return true;
    boolean location = atALocation(e);
    if (p.onCall() && location) return true;
    return location && p.administers(e.targetName());
  }

  /** A location's own change, or a change to a plan there (a schedule's entries name the location). */
  private static boolean atALocation(AuditEntry e) {
    return "location".equals(e.targetType()) || "schedule".equals(e.targetType());
  }

  private static String line(AuditEntry e) {
    String what = switch (e.action()) {
      case Audit.UNDO -> "undo";
      case Audit.SCHEDULE_EXTEND -> "schedule extended";
      case Audit.SCHEDULE_CANCEL -> "schedule cancelled";
      case Audit.TRANSFER -> "transfer numbers";
      default -> "intercept";
    };
    String outcome = switch (e.outcome()) {
      case APPLIED -> "";
      case FAILED -> " — **failed**";
      case SKIPPED -> " — left alone";
      case DENIED -> " — refused";
      case INTENDED -> " — **outcome not known yet** (being read from Webex)";
    };
    if (Requester.Platform.SCHEDULER.name().equals(e.platform())) {
      // a schedule acting in the asker's name: said as the plan's, not as something they typed
      what = Audit.endOfPlan(e) ? "plan ended" : "planned start";
      return WHEN.format(e.time()) + " · schedule of " + e.requesterEmail() + " · " + e.targetName() + " · " + what
          + ": `" + Reply.literal(e.command()) + "`" + outcome;
    }
    return WHEN.format(e.time()) + " · " + e.requesterEmail() + " · " + e.targetName() + " · " + what + ": `"
        + Reply.literal(e.command()) + "`" + outcome;
  }
}
