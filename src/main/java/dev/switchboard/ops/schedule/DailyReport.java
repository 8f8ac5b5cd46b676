package dev.switchboard.ops.schedule;

import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Announcer;
import dev.switchboard.ops.Audit;
import dev.switchboard.ops.AuditEntry;
import dev.switchboard.ops.BulkRunner;
import dev.switchboard.ops.InterceptEdits;
import dev.switchboard.ops.LocationDirectory;
import dev.switchboard.ops.Replies;
import dev.switchboard.ops.Reply;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.ops.schedule.Schedule.Item;
import dev.switchboard.ops.schedule.Schedule.Phase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daily report of forgotten intercepts: on for long, with nothing planned to end it. */
final class DailyReport {

  /** A report that could not be posted is tried again after this long. */
  static final Duration RETRY = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(DailyReport.class);

  private final ScheduleStore store;
  private final WebexClient client;
  private final LocationDirectory directory;
  private final Audit audit;
  private final BulkRunner bulk;
  private final Announcer announcer;
  private final ScheduleSettings settings;
  private final String botName;
  /** After a report that could not be posted everywhere, when to try again; and where today's went already. */
  private Instant nextTry;
  private LocalDate postedDay;
  private final Set<Announcer.Room> postedTo = new HashSet<>();

  DailyReport(ScheduleStore store, WebexClient client, LocationDirectory directory, Audit audit, BulkRunner bulk,
      Announcer announcer, ScheduleSettings settings, String botName) {
    this.store = store;
    this.client = client.withoutRateLimitWaits();
    this.directory = directory;
    this.audit = audit;
    this.bulk = bulk;
    this.announcer = announcer;
    this.settings = settings;
    this.botName = botName;
  }

  void run(Instant now) {
    if (settings.reportRooms().isEmpty()) return;
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (now.isBefore(today.atTime(settings.reportAt()).toInstant(ZoneOffset.UTC))) return;
    if (store.lastReport() != null && !store.lastReport().isBefore(today)) return;
    if (nextTry != null && now.isBefore(nextTry)) return;
    // One replica reports a day: the one holding it (renewed while it works; taken over if it stops).
    if (!store.holdReport(today)) return;
    List<Location> locations;
    try {
      locations = directory.all();
    } catch (WebexException e) {
      log.warn("Could not list the locations for the daily report; trying at the next round: {}", e.getMessage());
      return;
    }
    var readings = bulk.<Location, InterceptSettings>run(locations, l -> calls -> {
      try {
        return calls.call(() -> client.locationIntercept(l.id()));
      } catch (WebexException e) {
        return null;
      }
    });
    Set<String> planned = store.all().stream().flatMap(s -> s.items().stream()
            .filter(i -> (i.start() == Phase.DONE && i.end() == Phase.PENDING)
                || (!s.enable() && i.start() == Phase.PENDING)))
        .map(Item::locationId).collect(Collectors.toSet());
    List<String> lines = new ArrayList<>();
    for (var reading : readings) {
      Location location = reading.target();
      if (reading.result() == null || !InterceptEdits.isOn(reading.result()) || planned.contains(location.id())) {
        continue;
      }
      Optional<AuditEntry> on = turnedOn(location.id());
      if (on.isPresent() && Duration.between(on.get().time(), now).compareTo(settings.forgottenAfter()) <= 0) continue;
      lines.add(on.map(e -> "**" + location.name() + "**: on for " + ScheduleTimes.span(Duration.between(e.time(), now))
              + ", since " + ScheduleTimes.local(e.time(), ScheduleTimes.zoneOf(location.timeZone())) + ", turned on by "
              + e.requesterEmail() + " (`" + Reply.literal(e.command()) + "`)")
          .orElse("**" + location.name() + "**: on, turned on outside Switchboard (no record of when)"));
    }
    if (lines.isEmpty()) {
      store.reportDone(today);
      log.info("Daily report: no forgotten intercepts");
      return;
    }
    // Marked done only once it is posted everywhere: a room that failed is tried again a few minutes later.
    Reply report = Reply.of(Tone.WARNING, "Forgotten intercepts? Intercept has been on for over "
            + ScheduleTimes.span(settings.forgottenAfter()) + " at "
            + Replies.plural(lines.size(), "location", "locations") + ", with nothing planned to end it.")
        .items(lines, Replies.LIST_LIMIT)
        .text("To end it: `@" + botName + " intercept off at <location>`; to plan it: `@" + botName
            + " intercept off at <location> at 17:00`.")
        .toEveryone().build();
    if (!today.equals(postedDay)) {
      postedDay = today;
      postedTo.clear();
    }
    for (Announcer.Room room : settings.reportRooms()) {
      if (postedTo.contains(room)) continue;
      try {
        if (announcer.post(room, report)) postedTo.add(room);
      } catch (RuntimeException e) {
        log.warn("Could not post the daily report to {}: {}", room, e.getMessage());
      }
    }
    if (postedTo.containsAll(settings.reportRooms())) {
      store.reportDone(today);
    } else {
      nextTry = now.plus(RETRY);
    }
  }

  /**
   * The latest audited change that turned intercept on at this location, when it is still the latest change: read
   * newest first, back only to that change (a change of options while on is passed over; one that left it off ends
   * the walk with none).
   */
  private Optional<AuditEntry> turnedOn(String locationId) {
    AuditEntry[] on = new AuditEntry[1];
    audit.log().newestFirst(e -> {
      if (!e.applied() || !locationId.equals(e.targetId())
          || !(e.action().equals(Audit.INTERCEPT) || e.action().equals(Audit.UNDO))) {
        return true;
      }
      boolean wasOn = e.before() != null && e.before().path("enabled").asBoolean(false);
      boolean isOn = e.after() != null && e.after().path("enabled").asBoolean(false);
      if (isOn && !wasOn) on[0] = e;
      return isOn && wasOn;
    });
    return Optional.ofNullable(on[0]);
  }
}
