package dev.switchboard.ops;

import dev.switchboard.calling.WebexClient;
import dev.switchboard.calling.WebexException;
import dev.switchboard.ops.AuditEntry.Outcome;
import java.util.Objects;
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
     * read-back found, or, when it failed ({@code readBackProblem} says why), {@code expected}.
     */
    record Applied<S>(S before, S expected, S after, AuditEntry entry, String readBackProblem) implements Result<S> {
      boolean readBack() {
        return readBackProblem == null;
      }
    }

    /** It already looked like that: nothing written, nothing audited. */
    record Unchanged<S>(S current) implements Result<S> {}

    /** It no longer looked as the change was planned on: nothing written, nothing audited. */
    record Moved<S>(S current) implements Result<S> {}

    /**
     * Not changed: the read or write failed ({@code cause}), or it must not be written. {@code current} is what
     * was read, or null when the read failed. A failed write is audited.
     */
    record Failed<S>(S current, String problem, WebexException cause) implements Result<S> {}
  }

  private final Audit audit;
  private final LocationLocks locks;

  WriteStep(Audit audit, LocationLocks locks) {
    this.audit = audit;
    this.locks = locks;
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
      return new Result.Failed<>(null, Replies.explain(e), e);
    }
    if (!request.expected().test(current)) return new Result.Moved<>(current);
    S body = request.desired().apply(current);
    S expected = setting.expected(current, body);
    if (setting.same(current, expected)) return new Result.Unchanged<>(current);
    var unwritable = setting.unwritable(body);
    if (unwritable.isPresent()) return new Result.Failed<>(current, unwritable.get(), null);

    request.ahead().accept(current);
    Audit.Line line = audit.line(request.requester(), request.command(), request.batch(), request.action())
        .target(setting.targetType(), setting.targetId(), setting.targetName())
        .undoes(request.undoes())
        .before(current);
    try {
      line.trackingId(route.request(client -> setting.write(client, body)));
    } catch (WebexException e) {
      line.after(current).trackingId(e.trackingId()).detail(note(request.detail(), Replies.explain(e)))
          .write(Outcome.FAILED);
      return new Result.Failed<>(current, Replies.explain(e), e);
    }
    S after;
    String readBackProblem = null;
    try {
      after = route.request(setting::read);
    } catch (WebexException | BulkRunner.ShuttingDown e) {
      // The write went through: whatever stops the read-back, the change is audited as applied.
      after = expected;
      readBackProblem = e instanceof WebexException webex ? Replies.explain(webex) : "shutting down";
    }
    AuditEntry entry = line.after(after)
        .detail(readBackProblem == null ? request.detail()
            : note(request.detail(), "written; read-back failed: " + readBackProblem))
        .write(Outcome.APPLIED);
    return new Result.Applied<>(current, expected, after, entry, readBackProblem);
  }

  private static String note(String detail, String more) {
    return detail == null ? more : detail + "; " + more;
  }
}
