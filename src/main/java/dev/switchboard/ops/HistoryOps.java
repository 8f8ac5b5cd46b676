package dev.switchboard.ops;

import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.Access;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code history [location or person]}: the latest audited changes the requester may see, newest first. */
final class HistoryOps {

  private static final int SHOWN = 10;
  private static final Set<String> CHANGES = Set.of(Audit.INTERCEPT, Audit.TRANSFER, Audit.UNDO, Audit.SCHEDULE_EXTEND,
      Audit.SCHEDULE_CANCEL);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** The start of an undo's "changed since by ana@example.com at ... (`...`)": the rest is in the line before. */
  private static final Pattern LEFT_ALONE_WHY = Pattern.compile("changed since by \\S+|changed outside Switchboard");

  private final AuditStore log;
  private final LocationDirectory directory;

  HistoryOps(AuditStore log, LocationDirectory directory) {
    this.log = log;
    this.directory = directory;
  }

  /**
   * {@code subject}: null for every change, else a location's name or, when no location has it, a person's email or
   * name ("history bob"): the changes made to or by them, found in the log itself (no look-up, no guess).
   */
  Reply history(Principal principal, String subject) {
    String only = null;
    if (subject != null) {
      LocationMatch match = directory.match(subject);
      if (!(match instanceof LocationMatch.Found found)) return personHistory(principal, subject);
      only = found.location().name();
      if (!Permissions.mayAt(principal, Access.READ_HISTORY, only)) {
        return Replies.denied("see the history of " + only, Permissions.needed(Access.READ_HISTORY, only));
      }
    }
    String filter = only;
    String at = only == null ? "" : " at " + only;
    return listed(principal, e -> filter == null || (atALocation(e) && filter.equalsIgnoreCase(e.targetName())),
        "Latest changes" + at + ", newest first.", Reply.note(Tone.INFO, "No changes recorded" + at + " yet."));
  }

  /** The changes to or by the person {@code who} names, that the principal may see; or that there is none. */
  private Reply personHistory(Principal principal, String who) {
    return listed(principal,
        e -> names(who, e.requesterEmail()) || ("person".equals(e.targetType()) && names(who, e.targetName())),
        "Latest changes to or by `" + Reply.literal(who) + "`, newest first.",
        Reply.note(Tone.WARNING, "There is no calling location called `" + Reply.literal(who) + "`, and no change "
            + "you may see was made to or by anyone of that name."));
  }

  /** The newest {@link #SHOWN} changes that are {@code about} what was asked and the principal may see; else {@code none}. */
  private Reply listed(Principal principal, Predicate<AuditEntry> about, String title, Reply none) {
    // An intent is shown only while its outcome is unknown; once settled, the outcome entry stands for it.
    Set<String> open = log.unsettled().stream().map(AuditEntry::id).collect(Collectors.toSet());
    List<AuditEntry> visible = log.entries(e -> CHANGES.contains(e.action())
        && e.outcome() != AuditEntry.Outcome.DENIED && (!e.intended() || open.contains(e.id()))
        && about.test(e) && maySee(principal, e));
    if (visible.isEmpty()) return none;
    List<String> lines = new ArrayList<>();
    for (int i = visible.size() - 1; i >= 0 && lines.size() < SHOWN; i--) lines.add(line(visible.get(i)));
    return Reply.of(Tone.INFO, title)
        .block(new Reply.Block.Items(lines, visible.size() - lines.size()))
        .build();
  }

  /**
   * Whether {@code who} names the person of {@code email}: the whole address, or its local part's words in order
   * ("bob", "alice jones" for alice.jones@...). Exact words only: a history is never of someone merely similar.
   */
  static boolean names(String who, String email) {
    if (email == null) return false;
    String asked = who.strip().toLowerCase(Locale.ROOT);
    String address = email.toLowerCase(Locale.ROOT);
    if (asked.equals(address)) return true;
    int at = address.indexOf('@');
    String local = at < 0 ? address : address.substring(0, at);
    String[] words = asked.split("[\\s._-]+");
    String[] parts = local.split("[._-]+");
    if (words.length == 0 || words.length > parts.length) return false;
    for (int i = 0; i < words.length; i++) {
      if (!words[i].equals(parts[i])) return false;
    }
    return true;
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

  /** Why an undo left a target alone, in short: who changed it since, or that it changed outside Switchboard. */
  private static String why(String detail) {
    Matcher m = detail == null ? null : LEFT_ALONE_WHY.matcher(detail);
    return m != null && m.lookingAt() ? ": " + m.group() : "";
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
      case SKIPPED -> " — left alone" + why(e.detail());
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
