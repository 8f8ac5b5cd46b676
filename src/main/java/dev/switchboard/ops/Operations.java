package dev.switchboard.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.LongWaits;
import dev.switchboard.calling.Sleeper;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.Reply.Tone;
import dev.switchboard.command.Access;
import dev.switchboard.command.Command;
import dev.switchboard.command.CommandParser;
import dev.switchboard.command.CommandSpec;
import dev.switchboard.command.CommandTable;
import dev.switchboard.command.HelpText;
import dev.switchboard.ops.schedule.ScheduleBook;
import dev.switchboard.ops.schedule.ScheduleSettings;
import dev.switchboard.ops.schedule.Scheduler;
import dev.switchboard.ops.schedule.Scheduling;
import dev.switchboard.ops.AuditEntry.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what people type: parse, find out who is asking and what they may do, act on Webex,
 * audit, and answer. Every front end calls {@link #handle}; it never throws, every problem is a reply.
 */
public final class Operations {

  private static final Logger log = LoggerFactory.getLogger(Operations.class);

  /** Tunables with the defaults PRODUCT.md implies. */
  public record Settings(String botName, String orgId, String defaultRegion, Duration roleCacheTtl,
      Duration locationCacheTtl, int bulkConcurrency, ScheduleSettings schedules) {
    public Settings {
      Objects.requireNonNull(botName, "botName");
      Objects.requireNonNull(defaultRegion, "defaultRegion");
      Objects.requireNonNull(schedules, "schedules");
      if (bulkConcurrency < 1) throw new IllegalArgumentException("bulkConcurrency must be at least 1");
    }

    public static Settings defaults() {
      return new Settings("Switchboard", null, "US", Duration.ofMinutes(2), Duration.ofMinutes(1), 5,
          ScheduleSettings.defaults());
    }

    public Settings withOrgId(String orgId) {
      return new Settings(botName, orgId, defaultRegion, roleCacheTtl, locationCacheTtl, bulkConcurrency, schedules);
    }

    public Settings withBotName(String name) {
      return new Settings(name, orgId, defaultRegion, roleCacheTtl, locationCacheTtl, bulkConcurrency, schedules);
    }

    public Settings withDefaultRegion(String region) {
      return new Settings(botName, orgId, region, roleCacheTtl, locationCacheTtl, bulkConcurrency, schedules);
    }

    public Settings withSchedules(ScheduleSettings schedules) {
      return new Settings(botName, orgId, defaultRegion, roleCacheTtl, locationCacheTtl, bulkConcurrency, schedules);
    }
  }

  private final CommandParser parser;
  private final HelpReplies helpReplies;
  private final Authorizer authorizer;
  private final LocationDirectory directory;
  private final Audit audit;
  private final Confirmations confirmations;
  private final InterceptStatus interceptStatus;
  private final InterceptOps intercept;
  private final InterceptBulk interceptBulk;
  private final TransferOps transfer;
  private final UndoOps undo;
  private final HistoryOps history;
  private final Scheduling schedules;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Observer observer;
  private final Clock clock;
  private final Undelivered undelivered = new Undelivered();
  private final Announcer announcer;
  private final Offers offers;

  /** Told about every answered command, for metrics. */
  @FunctionalInterface
  public interface Observer {
    void handled(String kind, Reply reply, Duration took);

    Observer NONE = (kind, reply, took) -> {};
  }

  /**
   * Operations acting through {@code client}, granting what {@code policy} says and auditing to {@code auditLog};
   * the rest has defaults: {@link Settings#defaults()}, the system clock and ticker, real sleeps, no observer,
   * schedules in the audit log's directory, and nobody to announce timed changes to.
   *
   * <pre>{@code
   * Operations ops = Operations.builder(client, policy, auditLog).settings(settings).announcer(announcer).build();
   * }</pre>
   */
  public static OperationsBuilder builder(WebexClient client, Policy policy, AuditLog auditLog) {
    return new OperationsBuilder(client, policy, auditLog);
  }

  /**
   * Operations whose schedules are kept in {@code scheduleBook} and whose automatic changes, reminders and
   * reports are posted through {@code announcer}; {@link #scheduler()} carries out what is due.
   */
  Operations(WebexClient client, Policy policy, AuditStore auditLog, Settings settings, Clock clock,
      Ticker ticker, Sleeper sleeper, Observer observer, ScheduleBook scheduleBook, Announcer announcer,
      LocationLocks locks, PendingStore pendingStore, FollowUpStore followUps, Executor cacheRefresher) {
    this.observer = observer;
    this.clock = clock;
    this.announcer = announcer;
    ObjectMapper mapper = client.objectMapper();
    ManagedOrg org = new ManagedOrg(client, settings.orgId());
    this.parser = new CommandParser(settings.botName());
    this.helpReplies = new HelpReplies(policy.contact());
    this.authorizer = new Authorizer(client, policy, org, ticker, settings.roleCacheTtl(), cacheRefresher);
    this.directory = new LocationDirectory(client, ticker, settings.locationCacheTtl(), settings.defaultRegion(), policy,
        cacheRefresher);
    this.audit = new Audit(auditLog, mapper, clock);
    this.confirmations = new Confirmations(clock, pendingStore);
    BulkRunner bulk = new BulkRunner(new OrgGate(clock, sleeper), settings.bulkConcurrency(), stopping);
    WriteStep writes = new WriteStep(audit, locks);
    Reconciler reconciler = new Reconciler(client, audit, writes, locks, announcer);
    InterceptReads reads = new InterceptReads(client, bulk);
    this.interceptBulk = new InterceptBulk(client, directory, audit, confirmations, bulk, reads, writes, clock,
        announcer);
    this.intercept = new InterceptOps(client, directory, audit, writes, interceptBulk);
    this.transfer = new TransferOps(client, directory, new PeopleFinder(client, org), audit, writes, confirmations);
    this.undo = new UndoOps(client, directory, audit, confirmations, mapper, clock, writes);
    this.history = new HistoryOps(auditLog, directory);
    this.schedules = new Scheduling(new Scheduling.Parts(client, policy, directory, audit, authorizer, confirmations,
        intercept, interceptBulk, undo, bulk, locks, writes, reconciler, announcer, scheduleBook, settings.schedules(),
        clock, settings.botName()));
    this.interceptStatus = new InterceptStatus(client, directory, reads, schedules, clock);
    this.offers = new Offers(this::parse, confirmations, directory, new LastSubjects(followUps, clock), clock,
        (asker, principal, command, text) -> act(asker, principal, command, text, null), policy.presets().keySet());
  }

  /** Carries out the schedules' due work; the service calls {@link Scheduler#runDue()} every few seconds. */
  public Scheduler scheduler() {
    return schedules.scheduler();
  }

  /**
   * Answers one message. Never throws: Webex failures and our own bugs become replies. The text is taken in
   * inert ({@link Reply#inert}): what is parsed, audited and echoed is the normalised text.
   */
  public Reply handle(Requester requester, String text) {
    String taken = Reply.inert(text == null ? "" : text);
    return undelivered.prefix(requester, answer(requester, parse(taken), taken, null));
  }

  /**
   * A front end could not post {@code reply} (it retried): the outcome is in {@code history}, and the next answer
   * to this person in this conversation starts with it.
   */
  public void undelivered(Requester requester, Reply reply) {
    undelivered.keep(requester, reply);
  }

  /**
   * Answers a button press: authorized exactly like the typed command it stands for, and acting
   * only on what the button was made for ({@link Reply.Button#ref()}), never on something newer.
   */
  public Reply press(Requester requester, Reply.Action action, String ref) {
    return undelivered.prefix(requester, answer(requester, parse(action.command()), action.command(), ref));
  }

  /** The parser turns bad input into values; should it ever throw, that is our bug, answered in words. */
  private Command parse(String text) {
    try {
      return parser.parse(text);
    } catch (RuntimeException e) {
      log.error("The parser failed on a message ({} characters)", text.length(), e);
      return new Command.Unknown(text, null, "Type `help` to see what I can do.");
    }
  }

  private Reply answer(Requester requester, Command command, String text, String ref) {
    long start = System.nanoTime();
    Reply reply = LongWaits.allowedDuring((wait, at) -> announcer.announce(requester, Replies.waiting(wait, at)),
        () -> safely(requester, command, text, ref));
    observer.handled(kind(command), reply, Duration.ofNanos(System.nanoTime() - start));
    return reply;
  }

  private Reply safely(Requester requester, Command command, String text, String ref) {
    try {
      return dispatch(requester, command, text.strip(), ref);
    } catch (WebexException e) {
      log.warn("Webex call failed for {} (tracking id {}): {}", kind(command), e.trackingId(), e.getMessage());
      return Replies.webexError("finish that", e);
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString().substring(0, 8);
      log.error("Command {} failed [incident {}]", kind(command), incident, e);
      return Reply.of(Tone.ERROR, "Something went wrong on Switchboard's side; whatever it changed is in `history`.")
          .text("Please tell your Switchboard operator the incident reference `" + incident + "`.").build();
    }
  }

  /** Stop starting new bulk work: calls in flight finish, the rest is reported as not started. */
  public void beginShutdown() {
    stopping.set(true);
  }

  public CommandParser parser() {
    return parser;
  }

  private Reply dispatch(Requester requester, Command command, String text, String ref) {
    Authorizer.Resolution resolution = authorizer.resolve(requester);
    if (resolution instanceof Authorizer.Resolution.Refused refused) {
      audit.line(requester, text, Audit.newBatch(), "denied").detail(refused.reason()).write(Outcome.DENIED);
      return Reply.note(Tone.DENIED, refused.reason());
    }
    Principal principal = ((Authorizer.Resolution.Known) resolution).principal();
    if (principal.email() != null) requester = requester.withEmail(principal.email());
    return helpReplies.explainRefusal(principal, act(requester, principal, command, text, ref));
  }

  /**
   * The help desk asking "who turned intercept on at HQ" may not see who did, but may see what is on now: the
   * refusal names that command, at the location asked about when it is one they may read.
   */
  private Optional<String> statusInstead(Principal principal, Command.History history) {
    if (!Permissions.mayRun(principal, Access.READ_INTERCEPT)) return Optional.empty();
    String status = "intercept status";
    try {
      if (history.location() != null && directory.match(history.location()) instanceof LocationMatch.Found found
          && Permissions.mayAt(principal, Access.READ_INTERCEPT, found.location().name())) {
        status = InterceptOps.details(found.location());
      }
    } catch (WebexException e) {
      // The locations could not be read: the command for every location still answers.
    }
    return Optional.of("What is set now: **" + status + "**");
  }

  /** Carries out a command for a known principal. */
  private Reply act(Requester requester, Principal principal, Command typed, String text, String ref) {
    Command command = MyLocations.resolved(typed, principal);
    if (!(command instanceof Command.Confirm) && !(command instanceof Command.Cancel)) {
      confirmations.dropOffer(requester);
    }
    if (command instanceof Command.Unknown unknown) return offers.unknown(requester, principal, unknown, text);
    if (command instanceof Command.Invalid invalid) return invalid(invalid);
    if (command instanceof Command.Again again) return offers.again(requester, principal, again, text);
    if (command instanceof Command.Retime retime) return offers.retime(requester, principal, retime, text);
    offers.remember(requester, parser.commandLine(text), command);

    CommandSpec spec = command.spec();
    if (!Permissions.mayRun(principal, spec.access())) {
      audit.line(requester, text, Audit.newBatch(), "denied").detail(spec.topic()).write(Outcome.DENIED);
      Reply.Builder refusal = Replies.refusal("run `" + spec.topic() + "`", Permissions.needed(spec.access(), null));
      if (command instanceof Command.History history) statusInstead(principal, history).ifPresent(refusal::text);
      return refusal.build();
    }
    if (command instanceof Command.Help help) return helpReplies.help(principal, help);
    if (command instanceof Command.Hello hello) return helpReplies.hello(principal, hello);
    if (command instanceof Command.WhoAmI) return helpReplies.whoami(principal);
    if (command instanceof Command.ListLocations list) return LocationList.reply(directory.all(), list.filter());
    if (command instanceof Command.InterceptStatus status) return interceptStatus.status(principal, status);
    if (command instanceof Command.InterceptChange asked) {
      // A preset is only a set of options: expanded first, the change goes where any change with or without a time goes.
      Checked<Command.InterceptChange> expanded = schedules.withPreset(asked);
      if (expanded instanceof Checked.Refused<Command.InterceptChange> refused) return refused.reply();
      Command.InterceptChange change = ((Checked.Ok<Command.InterceptChange>) expanded).value();
      Reply reply = change.timing() != null
          ? schedules.change(requester, principal, change, text)
          : intercept.change(requester, principal, change, text);
      return ref == null ? offers.withCorrection(requester, principal, asked, text, reply) : reply;
    }
    if (command instanceof Command.ListSchedules list) return schedules.list(principal, list.location());
    if (command instanceof Command.ExtendSchedule extend) return schedules.extend(requester, principal, extend, text);
    if (command instanceof Command.CancelSchedule cancel) return schedules.cancel(requester, principal, cancel, text);
    if (command instanceof Command.ListPresets) return schedules.presets();
    if (command instanceof Command.ShowTransferNumbers show) return transfer.show(requester, principal, show, text);
    if (command instanceof Command.SetTransferNumber set) return transfer.set(requester, principal, set, text);
    if (command instanceof Command.ClearTransferNumber clear) return transfer.clear(requester, principal, clear, text);
    if (command instanceof Command.CustomTransferNumbers c) return transfer.custom(requester, principal, c, text);
    if (command instanceof Command.ExplainTransferNumbers e) return transfer.explain(requester, principal, e, text);
    if (command instanceof Command.Undo) return undo.undo(requester, principal, text, ref);
    if (command instanceof Command.History h) return history.history(principal, h.location());
    if (command instanceof Command.Confirm c) return confirm(requester, principal, ref, c.choice());
    if (command instanceof Command.Cancel) return cancel(requester, ref);
    throw new IllegalStateException("No operation for " + command);
  }

  private Reply confirm(Requester requester, Principal principal, String ref, Integer choice) {
    Confirmations.Lookup lookup = confirmations.take(requester, ref, choice);
    if (lookup instanceof Confirmations.Lookup.Stale stale) return stale(stale.current());
    if (lookup instanceof Confirmations.Lookup.Unanswered u) return Reply.note(Tone.INFO, u.question());
    if (lookup instanceof Confirmations.Lookup.Expired expired) {
      return Reply.note(Tone.INFO, "Your pending change (`" + expired.pending().command() + "`) expired after 2 "
          + "minutes; nothing was changed. Type the command again to get a fresh preview.");
    }
    if (lookup instanceof Confirmations.Lookup.Nothing nothing) {
      return nothing.other() == null
          ? Reply.note(Tone.INFO, ref == null ? "Nothing is waiting for your confirmation."
              : "That preview is no longer waiting (it was confirmed, cancelled or expired); nothing was changed.")
          : Reply.note(Tone.DENIED, "Only " + nothing.other().requesterName()
              + " can confirm the change waiting here (`" + nothing.other().command() + "`).");
    }
    Confirmations.Pending pending = ((Confirmations.Lookup.Found) lookup).pending();
    Plan plan = pending.plan();
    if (plan instanceof Plan.Intercept change) {
      return change.timed() ? schedules.confirmNow(requester, principal, pending, change)
          : interceptBulk.confirm(requester, principal, pending, change, Audit.newBatch());
    }
    if (plan instanceof Plan.Later later) return schedules.confirmLater(requester, principal, pending, later);
    if (plan instanceof Plan.Suggestion offer) return act(requester, principal, parse(offer.line()), offer.line(), null);
    return undo.run(requester, principal, pending.command(), (Plan.Undo) plan);
  }

  private Reply cancel(Requester requester, String ref) {
    Confirmations.Lookup lookup = confirmations.take(requester, ref);
    if (lookup instanceof Confirmations.Lookup.Stale stale) return stale(stale.current());
    if (lookup instanceof Confirmations.Lookup.Found found) {
      return Reply.note(Tone.INFO, "Cancelled `" + found.pending().command() + "`; nothing was changed.");
    }
    if (lookup instanceof Confirmations.Lookup.Expired expired) {
      return Reply.note(Tone.INFO, "`" + expired.pending().command() + "` had already expired; nothing was changed.");
    }
    Confirmations.Pending other = ((Confirmations.Lookup.Nothing) lookup).other();
    return other == null
        ? Reply.note(Tone.INFO, "Nothing is waiting for your confirmation.")
        : Reply.note(Tone.DENIED, "Only " + other.requesterName() + " can cancel the change waiting here (`"
            + other.command() + "`).");
  }

  /** A button of an older preview: the newer one stays waiting, and the person is told which. */
  private static Reply stale(Confirmations.Pending current) {
    return Reply.note(Tone.INFO, "That preview is out of date; nothing was changed. Your newer one (`"
        + current.command() + "`) is still waiting for `yes` or `cancel`.");
  }

  private static Reply invalid(Command.Invalid invalid) {
    Reply.Builder reply = Reply.of(Tone.WARNING, invalid.problem());
    if (invalid.usage() != null) reply.text(invalid.usage());
    return reply.build();
  }

  private static String kind(Command command) {
    return command.getClass().getSimpleName();
  }
}
