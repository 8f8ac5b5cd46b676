package dev.switchboard.ops;

import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.AuditEntry.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The one way Switchboard changes Webex: read, work out what to write, write, read back, and audit what is live.
 * Single commands, bulk runs, undo and the scheduler all change a setting through {@link #apply}; one target is
 * changed by one step at a time ({@link LocationLocks}), whoever asks.
 */
public final class WriteStep {

  /** How a step's requests reach Webex: straight away, or through the org's gate for bulk work. */
  public interface Route {
    <V> V request(Function<WebexClient, V> call);

    /** Straight to Webex, waiting out a short rate limit (one person's command). */
    static Route direct(WebexClient client) {
      return new Route() {
        @Override
        public <V> V request(Function<WebexClient, V> call) {
          return call.apply(client);
        }
      };
    }

    /**
     * Through the org's gate, which does the waiting (bulk work and the scheduler); {@code noWaits} is a client
     * that leaves rate limits to the gate ({@link WebexClient#withoutRateLimitWaits()}).
     */
    static Route gated(WebexClient noWaits, BulkRunner.Calls calls) {
      return new Route() {
        @Override
        public <V> V request(Function<WebexClient, V> call) {
          return calls.call(() -> call.apply(noWaits));
        }
      };
    }
  }

  /**
   * One change to make.
   *
   * @param setting what is changed, and where
   * @param requester who asked (the scheduler acts in its requester's name)
   * @param command the line they typed, for the audit log
   * @param batch the audit batch the change belongs to
   * @param action the audit action: {@code intercept.change}, {@code transfer.change} or {@code undo}
   * @param desired the body to write, from what was just read
   * @param expected whether what was just read is still what the change was planned on; if not, nothing is written
   * @param detail a note for the audit line, or null
   * @param undoes for an undo, the batch it takes back, else null
   * @param ahead told what was read just before the write, so it can be kept first (a schedule keeps it to settle
   *     a crash); if it throws, nothing is written
   */
  public record Request<S>(Setting<S> setting, Requester requester, String command, String batch, String action,
      UnaryOperator<S> desired, Predicate<S> expected, String detail, String undoes, Consumer<S> ahead) {

    public Request {
      Objects.requireNonNull(setting, "setting");
      Objects.requireNonNull(requester, "requester");
      Objects.requireNonNull(batch, "batch");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(desired, "desired");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(ahead, "ahead");
    }

    public static <S> Request<S> of(Setting<S> setting, Requester requester, String command, String batch, String action,
        UnaryOperator<S> desired) {
      return new Request<>(setting, requester, command, batch, action, desired, current -> true, null, null,
          before -> {});
    }

    /** Writes only when what is read passes {@code check}; else the result is {@link Result.Moved}. */
    public Request<S> onlyIf(Predicate<S> check) {
      return new Request<>(setting, requester, command, batch, action, desired, check, detail, undoes, ahead);
    }

    public Request<S> detail(String note) {
      return new Request<>(setting, requester, command, batch, action, desired, expected, note, undoes, ahead);
    }

    public Request<S> undoing(String undoneBatch) {
      return new Request<>(setting, requester, command, batch, action, desired, expected, detail, undoneBatch, ahead);
    }

    /** Calls {@code keep} with what was read, after every check and before the write. */
    public Request<S> aheadOfWrite(Consumer<S> keep) {
      return new Request<>(setting, requester, command, batch, action, desired, expected, detail, undoes, keep);
    }
  }

  /** How a step ended. */
  public sealed interface Result<S> {
    /**
     * Written and audited as applied. {@code expected} is what the write asked for; {@code after} is what the
     * read-back found, or, when it failed ({@code readBackProblem} says why), {@code expected}. {@code notes} are
     * what people should also hear, e.g. that a pending switch-back of an earlier schedule will not happen.
     */
    record Applied<S>(S before, S expected, S after, AuditEntry entry, String readBackProblem, List<String> notes)
        implements Result<S> {
      public Applied {
        notes = List.copyOf(notes);
      }

      public boolean readBack() {
        return readBackProblem == null;
      }
    }

    /**
     * It already looked like that: nothing written, nothing audited. A person who asks for what is already there
     * still takes the location over from earlier plans: {@code notes} says what no longer happens.
     */
    record Unchanged<S>(S current, List<String> notes) implements Result<S> {
      public Unchanged {
        notes = List.copyOf(notes);
      }
    }

    /** It no longer looked as the change was planned on: nothing written, nothing audited. */
    record Moved<S>(S current) implements Result<S> {}

    /**
     * Not changed, as far as a read shows ({@code current}: what was read, or null when nothing could be read), or
     * not known ({@link Reason#UNKNOWN}: the write's answer was lost and Webex could not be read again; the intent
     * stays open and {@link Reconciler} settles it from Webex). {@code cause} is Webex's error, when there is one.
     */
    record Failed<S>(S current, Reason reason, String problem, WebexException cause) implements Result<S> {}
  }

  /** Why a step changed nothing, or may not have. */
  public enum Reason {
    /** The setting could not be read, so nothing was written. */
    READ,
    /** It must not be written (Webex shows a value this version does not know). */
    UNWRITABLE,
    /** The intent could not be recorded, so nothing was written. */
    NOT_RECORDED,
    /** Webex refused the write, and a read shows it unchanged. */
    WRITE,
    /** The write's answer was lost and the read-back failed too: what is live is not known yet. */
    UNKNOWN
  }

  /** Told of every applied change, to drop what it supersedes; returns what the requester should hear of it. */
  @FunctionalInterface
  public interface Superseding {
    List<String> applied(AuditEntry change);

    Superseding NONE = change -> List.of();
  }

  private final Audit audit;
  private final LocationLocks locks;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private volatile Superseding superseding = Superseding.NONE;

  WriteStep(Audit audit, LocationLocks locks) {
    this.audit = audit;
    this.locks = locks;
  }

  /** Who hears of applied changes (the schedules, which drop the steps a later change supersedes). */
  public void supersedingWith(Superseding superseding) {
    this.superseding = superseding;
  }

  Superseding superseding() {
    return superseding;
  }

  /** Whether the write of this intent is still under way here (so it is not settled from outside). */
  boolean inFlight(String intentId) {
    return inFlight.contains(intentId);
  }

  /** Carries out one change, holding its target's lock throughout. */
  public <S> Result<S> apply(Request<S> request, Route route) {
    return locks.with(request.setting().targetId(), () -> applyLocked(request, route));
  }

  private <S> Result<S> applyLocked(Request<S> request, Route route) {
    Setting<S> setting = request.setting();
    S current;
    try {
      current = route.request(setting::read);
    } catch (WebexException e) {
      return new Result.Failed<>(null, Reason.READ, Replies.explain(e), e);
    }
    if (!request.expected().test(current)) return new Result.Moved<>(current);
    S body = request.desired().apply(current);
    S expected = setting.expected(current, body);
    if (setting.same(current, expected)) return new Result.Unchanged<>(current, affirmed(request));
    var unwritable = setting.unwritable(body);
    if (unwritable.isPresent()) return new Result.Failed<>(current, Reason.UNWRITABLE, unwritable.get(), null);

    Audit.Line line = audit.line(request.requester(), request.command(), request.batch(), request.action())
        .target(setting.targetType(), setting.targetId(), setting.targetName())
        .undoes(request.undoes())
        .detail(request.detail())
        .before(current);
    AuditEntry intent;
    try {
      request.ahead().accept(current);
      intent = line.intend(body);
    } catch (AuditStore.Unavailable e) {
      return new Result.Failed<>(current, Reason.NOT_RECORDED, "I can't record changes right now, so I changed "
          + "nothing (" + e.reason() + ").", null);
    }
    inFlight.add(intent.id());
    try {
      return written(request, route, line, current, body, expected);
    } finally {
      inFlight.remove(intent.id());
    }
  }

  private <S> Result<S> written(Request<S> request, Route route, Audit.Line line, S current, S body, S expected) {
    Setting<S> setting = request.setting();
    try {
      line.trackingId(route.request(client -> setting.write(client, body)));
    } catch (WebexException e) {
      line.trackingId(e.trackingId());
      if (!lost(e)) {
        outcome(line.after(current).detail(note(request.detail(), Replies.explain(e))), Outcome.FAILED);
        return new Result.Failed<>(current, Reason.WRITE, Replies.explain(e), e);
      }
      // The answer was lost (no answer, a reset, a 5xx): the write may have been applied. Only a read can tell.
      String cause = Replies.unanswered(e);
      S live;
      try {
        live = route.request(setting::read);
      } catch (WebexException | BulkRunner.ShuttingDown again) {
        return new Result.Failed<>(current, Reason.UNKNOWN, "I could not tell whether the change reached Webex ("
            + cause + ", and it could not be read again); I will read it again and record what is live.", e);
      }
      if (!setting.same(live, expected)) {
        String read = setting.same(live, current) ? "a read shows nothing changed" : "a read shows other settings";
        outcome(line.after(live).detail(note(request.detail(), cause + "; " + read)), Outcome.FAILED);
        return new Result.Failed<>(live, Reason.WRITE, cause + "; " + read + ".", e);
      }
      return applied(request, line.detail(note(request.detail(), "Webex's answer was lost; a read shows it applied")),
          current, expected, live, null);
    }
    S after;
    String readBackProblem = null;
    try {
      after = route.request(setting::read);
    } catch (WebexException | BulkRunner.ShuttingDown e) {
      // The write went through: whatever stops the read-back, the change is audited as applied.
      after = expected;
      readBackProblem = e instanceof WebexException webex ? Replies.explain(webex) : "shutting down";
      line.detail(note(request.detail(), "written; read-back failed: " + readBackProblem));
    }
    return applied(request, line, current, expected, after, readBackProblem);
  }

  private <S> Result<S> applied(Request<S> request, Audit.Line line, S before, S expected, S after,
      String readBackProblem) {
    List<String> notes = new ArrayList<>();
    AuditEntry entry = outcome(line.after(after), Outcome.APPLIED);
    if (entry == null) {
      entry = line.entry(Outcome.APPLIED);
      notes.add("I could not write this change's outcome to the audit log; it is recorded from Webex as soon as I "
          + "can write again.");
    } else {
      notes.addAll(superseding.applied(entry));
    }
    return new Result.Applied<>(before, expected, after, entry, readBackProblem, notes);
  }

  /**
   * A person asked for what is already live at a location (say, on-call keeping an intercept on): that is their
   * change from now on, so the earlier plans there are superseded just as by a write. The scheduler's own steps and
   * undo affirm nothing.
   */
  private List<String> affirmed(Request<?> request) {
    if (request.requester().platform() == Requester.Platform.SCHEDULER || !request.action().equals(Audit.INTERCEPT)) {
      return List.of();
    }
    Setting<?> setting = request.setting();
    return superseding.applied(audit.line(request.requester(), request.command(), request.batch(), request.action())
        .target(setting.targetType(), setting.targetId(), setting.targetName())
        .detail("already like that").entry(Outcome.SKIPPED));
  }

  /** Writes the outcome; null when the store cannot keep it (the intent stays open and is settled later). */
  private static AuditEntry outcome(Audit.Line line, Outcome outcome) {
    try {
      return line.write(outcome);
    } catch (AuditStore.Unavailable e) {
      return null;
    }
  }

  /** Whether a failed write may still have been applied: no answer at all, or a server error. */
  private static boolean lost(WebexException e) {
    return e.status() == 0 || e.status() >= 500;
  }

  private static String note(String detail, String more) {
    return detail == null ? more : detail + "; " + more;
  }
}
