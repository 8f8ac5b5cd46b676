package dev.switchboard.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.InterceptSettings;
import dev.switchboard.calling.Location;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.Access;
import dev.switchboard.command.InterceptOptions;
import dev.switchboard.command.NumberOption;
import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.Schedule.Item;
import dev.switchboard.ops.Schedule.Phase;
import dev.switchboard.ops.WriteStep.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what is due: scheduled starts (authorized again), automatic reverts (exactly like {@code undo}),
 * reminders before a revert, and the daily report of forgotten intercepts. {@link #runDue(Instant)} does one
 * round and needs no thread: tests call it with a fake clock, the service from one scheduled thread.
 *
 * <p>Exactly once: an item is marked {@code RUNNING} on disk (with what was read before the write) before Webex is
 * changed, and {@code DONE} after; what a crash left {@code RUNNING} is settled at the first round after a start
 * from the audit log and from Webex, never by changing a location twice. A revert that finds the location already
 * back does nothing.
 */
public final class Scheduler {

  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
  /** A run this much after its time says it ran late. */
  static final Duration LATE = Duration.ofMinutes(2);
  /** A revert Webex refused is tried again after this long. */
  static final Duration RETRY = Duration.ofMinutes(1);

  private final ScheduleStore store;
  private final WebexClient client;
  private final LocationDirectory directory;
  private final Audit audit;
  private final Authorizer authorizer;
  private final UndoOps undo;
  private final BulkRunner bulk;
  private final Announcer announcer;
  private final ScheduleSettings settings;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final String botName;
  private boolean recovered;
  private final LocationLocks locks;
  private final WriteStep writes;

  Scheduler(ScheduleStore store, WebexClient client, LocationDirectory directory, Audit audit, Authorizer authorizer,
      UndoOps undo, BulkRunner bulk, Announcer announcer, ScheduleSettings settings, Clock clock, String botName,
      LocationLocks locks, WriteStep writes) {
    this.locks = locks;
    this.writes = writes;
    this.store = store;
    this.client = client.withoutRateLimitWaits();
    this.directory = directory;
    this.audit = audit;
    this.authorizer = authorizer;
    this.undo = undo;
    this.bulk = bulk;
    this.announcer = announcer;
    this.settings = settings;
    this.mapper = client.objectMapper();
    this.clock = clock;
    this.botName = botName;
  }

  /** One round at the clock's time; never throws (a failed round is logged and the next one tries again). */
  public void runDue() {
    runDue(clock.instant());
  }

  /** One round as if it were {@code now}: starts, then reverts, then reminders, then the daily report. */
  public synchronized void runDue(Instant now) {
    try {
      if (!recovered) {
        // Set first: recovery clears it again when Webex could not answer, so the next round retries.
        recovered = true;
        recover(now);
      }
      starts(now);
      ends(now);
      reminders(now);
      report(now);
    } catch (RuntimeException | Error e) {
      // Never let a failure escape: it would cancel the periodic task and no schedule would run again.
      log.error("A scheduler round failed; the next round tries again", e);
    }
  }

  // ---- after a crash

  /** Settles what a previous process left RUNNING. */
  private void recover(Instant now) {
    Set<String> cutShort = store.runningAtLoad();
    for (Schedule s : store.all()) {
      for (Item item : s.items()) {
        if (!cutShort.contains(ScheduleStore.key(s.id(), item.locationId()))) continue;
        if (item.start() == Phase.RUNNING) recoverStart(s, item, now);
        if (item.end() == Phase.RUNNING) {
          // The revert itself checks what is live: run it again, it will not restore twice.
          store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.PENDING, null, null)));
        }
      }
    }
  }

  private void recoverStart(Schedule s, Item item, Instant now) {
    Optional<AuditEntry> entry = startEntry(item);
    if (entry.isPresent()) {
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.DONE, entry.get().id(), null)));
      return;
    }
    if (item.before() == null && item.startAt().isAfter(s.created())) {
      // A scheduled start stops before its write only after storing what it read: nothing was written.
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.starting(Phase.PENDING, null, null)));
      return;
    }
    if (item.before() == null) {
      // A change made with the command, cut short before it was audited: it was not made, or cannot be known.
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.FAILED, null,
          "Switchboard stopped before making this change")));
      announce(s, Reply.of(Tone.WARNING, "Switchboard restarted before it changed intercept at " + item.locationName()
          + " for schedule #" + s.id() + "; nothing was changed there and nothing will be switched back.").build());
      return;
    }
    try {
      InterceptSettings before = mapper.treeToValue(item.before(), InterceptSettings.class);
      InterceptSettings desired = desired(s, item, before);
      InterceptSettings current = client.locationIntercept(item.locationId());
      if (InterceptEdits.same(current, desired) && !InterceptEdits.same(before, desired)) {
        AuditEntry written = audit.line(s.requester().asScheduler(), s.command(), item.startBatch(),
                Audit.INTERCEPT)
            .target("location", item.locationId(), item.locationName()).before(before).after(current)
            .detail(scheduledBy(s) + "; recorded after a restart").write(Outcome.APPLIED);
        store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.DONE, written.id(), null)));
      } else {
        store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.starting(Phase.PENDING, null, null)));
      }
    } catch (JsonProcessingException | WebexException e) {
      log.warn("Could not settle schedule {} at {} after a restart; trying at the next round: {}", s.id(),
          item.locationName(), e.getMessage());
      recovered = false;
    }
  }

  // ---- scheduled starts

  private void starts(Instant now) {
    for (Map.Entry<Integer, List<Item>> due : due(i -> i.start() == Phase.PENDING && !i.startAt().isAfter(now))
        .entrySet()) {
      Schedule s = store.get(due.getKey()).orElseThrow();
      List<Item> missed = due.getValue().stream().filter(i -> i.endAt() != null && !i.endAt().isAfter(now)).toList();
      List<Item> items = due.getValue().stream().filter(i -> !missed.contains(i)).toList();
      if (!missed.isEmpty()) missed(s, missed);
      if (!items.isEmpty()) start(s, items, now);
    }
  }

  private void missed(Schedule s, List<Item> missed) {
    for (Item item : missed) {
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.MISSED, null,
          "missed: Switchboard was not running between its start and its end")));
    }
    Item first = missed.get(0);
    announce(s, Reply.of(Tone.WARNING, "Schedule #" + s.id() + " did not run at " + names(missed) + ": Switchboard "
            + "was not running from its start (" + ScheduleTimes.local(first.startAt(), first.zoneId())
            + ") until after its end (" + ScheduleTimes.local(first.endAt(), first.zoneId()) + ").")
        .text("Nothing was changed there. Your request: `" + s.command() + "`.").toEveryone().build());
  }

  private void start(Schedule s, List<Item> items, Instant now) {
    Authorizer.Resolution resolution;
    try {
      resolution = authorizer.resolve(s.requester());
    } catch (WebexException e) {
      log.warn("Could not check {}'s rights for schedule {}; trying at the next round: {}", s.requester().email(),
          s.id(), e.getMessage());
      return;
    }
    List<Item> allowed;
    List<Item> refused;
    String reason = null;
    if (resolution instanceof Authorizer.Resolution.Refused r) {
      refused = items;
      allowed = List.of();
      reason = r.reason();
    } else {
      Principal principal = ((Authorizer.Resolution.Known) resolution).principal();
      Predicate<Item> mayChange = i -> Permissions.mayAt(principal, Access.CHANGE_INTERCEPT, i.locationName());
      allowed = items.stream().filter(mayChange).toList();
      refused = items.stream().filter(mayChange.negate()).toList();
      if (!refused.isEmpty()) {
        reason = "This needs " + Permissions.needed(Access.CHANGE_INTERCEPT,
            refused.size() == 1 ? refused.get(0).locationName() : null) + ".";
      }
    }
    List<String> lines = new ArrayList<>();
    for (Item item : refused) {
      audit.line(s.requester().asScheduler(), s.command(), Audit.newBatch(), "denied")
          .target("location", item.locationId(), item.locationName())
          .detail("scheduled start refused: " + s.requester().email() + " may no longer change intercept there")
          .write(Outcome.DENIED);
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.DENIED, null,
          "not started: " + s.requesterName() + " may no longer change intercept there")));
      lines.add(item.locationName() + ": **not changed** — " + s.requesterName()
          + " may no longer change intercept there");
    }
    String batch = Audit.newBatch();
    var outcomes = bulk.<Item, String>run(allowed, item -> calls -> startOne(s, item, batch, calls));
    boolean anyChanged = false;
    for (var outcome : outcomes) {
      if (!outcome.started()) continue; // shutting down: still PENDING, runs after the restart
      if (outcome.result() != null) lines.add(outcome.result());
      anyChanged |= store.get(s.id()).orElseThrow().item(outcome.target().locationId()).start() == Phase.DONE;
    }
    if (lines.isEmpty()) return;
    Schedule after = store.get(s.id()).orElseThrow();
    Item first = items.get(0);
    Reply.Builder reply = Reply.of(refused.isEmpty() ? Tone.SUCCESS : Tone.WARNING,
        "Schedule #" + s.id() + ": intercept " + (s.enable() ? "ON" : "off") + " at " + names(items) + ".");
    reply.items(lines, Replies.LIST_LIMIT);
    if (reason != null) reply.text(reason);
    late(reply, first.startAt(), first.zoneId(), now);
    List<Item> reverting = after.items().stream()
        .filter(i -> i.start() == Phase.DONE && i.end() == Phase.PENDING && items.stream()
            .anyMatch(x -> x.locationId().equals(i.locationId()))).toList();
    if (anyChanged && !reverting.isEmpty()) {
      Item r = reverting.get(0);
      reply.text("Back to how it was at " + ScheduleTimes.when(r.endAt(), r.zoneId(), now)
          + (reverting.size() > 1 ? " (each location at that local time)" : "") + ".");
    }
    reply.text("Asked by " + s.requesterName() + ": `" + s.command() + "`.");
    announce(s, reply.toEveryone().build());
  }

  /** One location's scheduled start; the line for the announcement, or null when nothing is to be said. */
  private String startOne(Schedule s, Item item, String batch, BulkRunner.Calls calls) {
    // The claim and the write under one lock: a person's change at the location waits for both.
    return locks.with(item.locationId(), () -> startOneLocked(s, item, batch, calls));
  }

  private String startOneLocked(Schedule s, Item item, String batch, BulkRunner.Calls calls) {
    if (!store.claim(s.id(), item.locationId(), i -> i.start() == Phase.PENDING,
        i -> i.starting(Phase.RUNNING, batch, null))) {
      return null; // cancelled meanwhile
    }
    Result<InterceptSettings> result = writes.apply(WriteStep.Request.of(
            new Setting.Intercept(item.locationId(), item.locationName()), s.requester().asScheduler(), s.command(),
            batch, Audit.INTERCEPT, before -> desired(s, item, before))
        .detail(scheduledBy(s))
        // What was read is kept before the write, so a crash between the write and its audit line is settled.
        .aheadOfWrite(before -> store.update(s.id(), x -> x.withItem(item.locationId(),
            i -> i.starting(Phase.RUNNING, batch, mapper.valueToTree(before))))),
        WriteStep.Route.gated(client, calls));
    if (result instanceof Result.Applied<InterceptSettings> applied) {
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.DONE, applied.entry().id(), null)));
      return item.locationName() + ": " + InterceptEdits.difference(applied.before(), applied.after(), region(item));
    }
    if (result instanceof Result.Failed<InterceptSettings> failed) {
      store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.FAILED, null,
          (failed.current() == null ? "could not read: " : "failed: ") + failed.problem())));
      return item.locationName() + ": **failed** — " + failed.problem();
    }
    // Unchanged: a start is planned on no reading, so it cannot have moved.
    store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.started(Phase.UNCHANGED, null,
        "already like that: nothing to take back")));
    return item.locationName() + ": already like that; nothing changed, so nothing will be switched back";
  }

  /** The settings a schedule's start writes over {@code before}; its numbers are stored in E.164 already. */
  private static InterceptSettings desired(Schedule s, Item item, InterceptSettings before) {
    InterceptOptions options = InterceptOptions.parse(item.options());
    Map<String, String> e164 = new HashMap<>();
    InterceptEdits.numbersOf(options).forEach(n -> e164.put(n.raw(), n.raw()));
    return InterceptEdits.apply(before, s.enable(), options, e164);
  }

  // ---- automatic reverts

  private void ends(Instant now) {
    for (Map.Entry<Integer, List<Item>> due : due(i -> i.start() == Phase.DONE && i.end() == Phase.PENDING
        && !i.endAt().isAfter(now) && (i.retryAt() == null || !i.retryAt().isAfter(now))).entrySet()) {
      end(store.get(due.getKey()).orElseThrow(), due.getValue(), now);
    }
  }

  private void end(Schedule s, List<Item> items, Instant now) {
    String batch = Audit.newBatch();
    List<String> lines = new ArrayList<>();
    List<Reply.Block> tables = new ArrayList<>();
    boolean trouble = false;
    for (Item item : items) {
      // Re-checked on the stored item: an `extend` may have moved the end since this round began.
      if (!store.claim(s.id(), item.locationId(), i -> i.end() == Phase.PENDING && !i.endAt().isAfter(now),
          i -> i.ending(Phase.RUNNING, i.retryAt(), null))) {
        continue;
      }
      Optional<AuditEntry> entry = startEntry(item);
      if (entry.isEmpty()) {
        store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.DONE, null,
            "left as it is: the change's audit entry is gone")));
        lines.add(item.locationName() + ": left as it is — Switchboard no longer has the audit entry of the change");
        trouble = true;
        continue;
      }
      UndoOps.Revert revert = undo.revert(s.requester().asScheduler(), s.command(), batch, entry.get(),
          "automatic revert of schedule " + s.id() + ", " + scheduledBy(s));
      switch (revert.outcome()) {
        case RESTORED -> {
          store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.DONE, null,
              "back to how it was")));
          lines.add(item.locationName() + ": back to how it was");
          tables.add(restored(entry.get(), region(item)));
        }
        case ALREADY_BACK -> {
          store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.DONE, null,
              "already back as it was")));
          lines.add(item.locationName() + ": already back as it was; nothing to do");
        }
        case LEFT_ALONE -> {
          store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.DONE, null, revert.words())));
          lines.add(item.locationName() + ": " + revert.words());
          trouble = true;
        }
        case FAILED -> {
          store.update(s.id(), x -> x.withItem(item.locationId(), i -> i.ending(Phase.PENDING, now.plus(RETRY),
              revert.words())));
          if (item.retryAt() == null) { // a revert that keeps failing is announced once
            lines.add(item.locationName() + ": " + revert.words() + " (trying again every minute)");
          }
          trouble = true;
        }
      }
    }
    if (lines.isEmpty()) return;
    Item first = items.get(0);
    Reply.Builder reply = Reply.of(trouble ? Tone.WARNING : Tone.SUCCESS, "Schedule #" + s.id()
        + ": the intercept change at " + names(items) + " is over.");
    reply.items(lines, Replies.LIST_LIMIT);
    tables.forEach(reply::block);
    late(reply, first.endAt(), first.zoneId(), now);
    reply.text("Asked by " + s.requesterName() + ": `" + s.command() + "`.");
    announce(s, reply.toEveryone().build());
  }

  private Reply.Block restored(AuditEntry start, String region) {
    try {
      InterceptSettings changed = mapper.treeToValue(start.after(), InterceptSettings.class);
      InterceptSettings back = mapper.treeToValue(start.before(), InterceptSettings.class);
      return new Reply.Block.Changes(start.targetName(), InterceptEdits.changes(changed, back, region));
    } catch (JsonProcessingException e) {
      return new Reply.Block.Text(start.targetName() + ": restored.");
    }
  }

  // ---- reminders

  private void reminders(Instant now) {
    Duration lead = settings.reminderLead();
    for (Map.Entry<Integer, List<Item>> due : due(i -> i.start() == Phase.DONE && i.end() == Phase.PENDING
        && !i.reminded() && now.isBefore(i.endAt()) && !now.isBefore(i.endAt().minus(lead))
        && !i.startAt().isAfter(i.endAt().minus(lead))).entrySet()) {
      Schedule s = store.get(due.getKey()).orElseThrow();
      List<Item> items = due.getValue().stream()
          .filter(item -> store.claim(s.id(), item.locationId(), i -> !i.reminded(), Item::remindedNow)).toList();
      if (items.isEmpty()) continue;
      Item first = items.get(0);
      String where = "schedule " + s.id();
      announce(s, Reply.of(Tone.INFO, "Reminder: intercept at " + names(items) + " goes back to how it was at "
              + ScheduleTimes.when(first.endAt(), first.zoneId(), now) + " (schedule #" + s.id() + ").")
          .text("To keep it longer: `@" + botName + " extend " + where + " by 1h`. To keep it as it is: `@" + botName
              + " cancel schedule " + s.id() + "`.")
          .toEveryone().build());
    }
  }

  // ---- the daily report of forgotten intercepts

  private void report(Instant now) {
    if (settings.reportRoom() == null) return;
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (now.isBefore(today.atTime(settings.reportAt()).toInstant(ZoneOffset.UTC))) return;
    if (store.lastReport() != null && !store.lastReport().isBefore(today)) return;
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
              + e.requesterEmail() + " (`" + e.command() + "`)")
          .orElse("**" + location.name() + "**: on, turned on outside Switchboard (no record of when)"));
    }
    if (!store.claimReport(today)) return;
    if (lines.isEmpty()) {
      log.info("Daily report: no forgotten intercepts");
      return;
    }
    try {
      announcer.post(settings.reportRoom(), Reply.of(Tone.WARNING, "Forgotten intercepts? Intercept has been on for "
              + "over " + ScheduleTimes.span(settings.forgottenAfter()) + " at "
              + Replies.plural(lines.size(), "location", "locations") + ", with nothing planned to end it.")
          .items(lines, Replies.LIST_LIMIT)
          .text("To end it: `@" + botName + " intercept off at <location>`; to plan it: `@" + botName
              + " intercept off at <location> at 17:00`.")
          .toEveryone().build());
    } catch (RuntimeException e) {
      log.warn("Could not post the daily report: {}", e.getMessage());
    }
  }

  /** The latest audited change that turned intercept on at this location, when it is still the latest change. */
  private Optional<AuditEntry> turnedOn(String locationId) {
    List<AuditEntry> changes = audit.log().entries(e -> e.applied() && locationId.equals(e.targetId())
        && (e.action().equals(Audit.INTERCEPT) || e.action().equals(Audit.UNDO)));
    AuditEntry on = null;
    for (AuditEntry e : changes) {
      boolean wasOn = e.before() != null && e.before().path("enabled").asBoolean(false);
      boolean isOn = e.after() != null && e.after().path("enabled").asBoolean(false);
      if (isOn && !wasOn) on = e;
      else if (!isOn) on = null;
    }
    return Optional.ofNullable(on);
  }

  // ---- shared

  /** Items passing {@code filter}, by schedule, in schedule order. */
  private Map<Integer, List<Item>> due(Predicate<Item> filter) {
    Map<Integer, List<Item>> due = new LinkedHashMap<>();
    for (Schedule s : store.all()) {
      for (Item item : s.items()) {
        if (filter.test(item)) due.computeIfAbsent(s.id(), id -> new ArrayList<>()).add(item);
      }
    }
    return due;
  }

  private Optional<AuditEntry> startEntry(Item item) {
    if (item.startEntryId() != null) {
      return audit.log().entries(e -> item.startEntryId().equals(e.id())).stream().findFirst();
    }
    if (item.startBatch() == null) return Optional.empty();
    return audit.log().entries(e -> item.startBatch().equals(e.batch()) && item.locationId().equals(e.targetId())
        && e.applied() && e.action().equals(Audit.INTERCEPT)).stream().findFirst();
  }

  private void late(Reply.Builder reply, Instant due, java.time.ZoneId zone, Instant now) {
    if (Duration.between(due, now).compareTo(LATE) > 0) {
      reply.text("This ran late: it was due " + ScheduleTimes.when(due, zone, now) + ", while Switchboard was not "
          + "running.");
    }
  }

  private void announce(Schedule s, Reply reply) {
    try {
      announcer.announce(s.requester(), reply);
    } catch (RuntimeException e) {
      log.warn("Could not announce schedule {} in its thread: {}", s.id(), e.getMessage());
    }
  }

  private String region(Item item) {
    return directory.byId(item.locationId()).map(directory::regionOf).orElse(directory.defaultRegion());
  }

  private static String scheduledBy(Schedule s) {
    return "scheduled by " + s.requester().email() + " (schedule " + s.id() + ")";
  }

  private static String names(List<Item> items) {
    return Replies.prose(items.stream().map(Item::locationName).toList());
  }
}
