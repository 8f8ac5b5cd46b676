package dev.switchboard.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.ops.AuditEntry.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes audit entries for the operations: one place that knows how a request becomes a line. */
public final class Audit {

  /** The action of an intercept change at a location. */
  public static final String INTERCEPT = "intercept.change";
  /** The action of a change to a person's transfer numbers. */
  static final String TRANSFER = "transfer.change";
  /** The action of an undo, by a person or a schedule's automatic revert. */
  public static final String UNDO = "undo";
  /** The actions of extending and cancelling a plan (no Webex write: the plan's own change). */
  public static final String SCHEDULE_EXTEND = "schedule.extend";
  public static final String SCHEDULE_CANCEL = "schedule.cancel";
  /** How an automatic switch-back (the end of a timed change at a location that already was as asked) is detailed. */
  public static final String SWITCH_BACK = "automatic switch-back of schedule ";

  /** Whether a schedule made this entry on its own, at a plan's end: no person's change, though audited as theirs. */
  static boolean endOfPlan(AuditEntry e) {
    return Requester.Platform.SCHEDULER.name().equals(e.platform())
        && (e.action().equals(UNDO) || e.detail() != null && e.detail().startsWith(SWITCH_BACK));
  }

  private final AuditStore log;
  private final ObjectMapper mapper;
  private final Clock clock;

  Audit(AuditStore log, ObjectMapper mapper, Clock clock) {
    this.log = log;
    this.mapper = mapper;
    this.clock = clock;
  }

  public AuditStore log() {
    return log;
  }

  public static String newBatch() {
    return UUID.randomUUID().toString();
  }

  /**
   * Writes the outcome of an intent found open (a crash, a lost answer), as read from Webex now: {@code after} is
   * what is live.
   */
  public AuditEntry settle(AuditEntry intent, Outcome outcome, Object after, String detail) {
    AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), intent.batch(), clock.instant(), intent.platform(),
        intent.requesterId(), intent.requesterEmail(), intent.conversation(), intent.messageId(), intent.command(),
        intent.action(), intent.targetType(), intent.targetId(), intent.targetName(), intent.before(),
        after == null ? null : mapper.valueToTree(after), outcome, detail, intent.trackingIds(), intent.undoes(),
        intent.id());
    log.append(entry);
    return entry;
  }

  /** Starts an entry for this requester's command. */
  public Line line(Requester requester, String command, String batch, String action) {
    return new Line(requester, command, batch, action);
  }

  /** An entry being filled in; {@link #write} puts it on disk. */
  public final class Line {
    private final Requester requester;
    private final String command;
    private final String batch;
    private final String action;
    private String targetType;
    private String targetId;
    private String targetName;
    private JsonNode before;
    private JsonNode after;
    private String detail;
    private String undoes;
    private String intent;
    private final List<String> trackingIds = new ArrayList<>();

    private Line(Requester requester, String command, String batch, String action) {
      this.requester = requester;
      this.command = command;
      this.batch = batch;
      this.action = action;
    }

    public Line target(String type, String id, String name) {
      this.targetType = type;
      this.targetId = id;
      this.targetName = name;
      return this;
    }

    public Line before(Object settings) {
      this.before = settings == null ? null : mapper.valueToTree(settings);
      return this;
    }

    public Line after(Object settings) {
      this.after = settings == null ? null : mapper.valueToTree(settings);
      return this;
    }

    public Line detail(String detail) {
      this.detail = detail;
      return this;
    }

    public Line trackingId(String trackingId) {
      if (trackingId != null) trackingIds.add(trackingId);
      return this;
    }

    public Line undoes(String batch) {
      this.undoes = batch;
      return this;
    }

    /**
     * Keeps the intent to write {@code desired} over the before-state, durably, before the write: the outcome
     * written next names it. Throws {@link AuditStore.Unavailable} when it cannot be kept (then nothing is written).
     */
    public AuditEntry intend(Object desired) {
      AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), batch, clock.instant(),
          requester.platform().name(), requester.userId(), requester.email(), requester.conversation(),
          requester.messageId(), command, action, targetType, targetId, targetName, before,
          desired == null ? null : mapper.valueToTree(desired), Outcome.INTENDED, detail, List.of(), undoes, null);
      log.append(entry);
      this.intent = entry.id();
      return entry;
    }

    /** Writes the entry with this outcome (naming the intent, if one was kept); throws when it cannot. */
    public AuditEntry write(Outcome outcome) {
      AuditEntry entry = entry(outcome);
      log.append(entry);
      return entry;
    }

    /** The entry {@link #write} would write, without writing it. */
    public AuditEntry entry(Outcome outcome) {
      return new AuditEntry(UUID.randomUUID().toString(), batch, clock.instant(),
          requester.platform().name(), requester.userId(), requester.email(), requester.conversation(),
          requester.messageId(), command, action, targetType, targetId, targetName, before, after, outcome, detail,
          trackingIds, undoes, intent);
    }
  }
}
