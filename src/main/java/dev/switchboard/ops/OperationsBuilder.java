package dev.switchboard.ops;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Sleeper;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.ops.schedule.ScheduleBook;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/** Builds {@link Operations}; see {@link Operations#builder}. */
public final class OperationsBuilder {

  private final WebexClient client;
  private final Policy policy;
  private final AuditLog auditLog;
  private Operations.Settings settings = Operations.Settings.defaults();
  private Clock clock = Clock.systemUTC();
  private Ticker ticker = Ticker.systemTicker();
  private Sleeper sleeper = Sleeper.REAL;
  private Operations.Observer observer = Operations.Observer.NONE;
  private Path scheduleFile;
  private ScheduleBook scheduleBook;
  private PendingStore pendingStore = PendingStore.inMemory();
  private FollowUpStore followUps;
  private Announcer announcer = Announcer.NONE;
  private AuditStore store;
  private LocationLocks.Replicas replicaLocks = LocationLocks.Replicas.NONE;
  private Executor cacheRefresher = ForkJoinPool.commonPool();

  OperationsBuilder(WebexClient client, Policy policy, AuditLog auditLog) {
    this.client = Objects.requireNonNull(client, "client");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
  }

  public OperationsBuilder settings(Operations.Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    return this;
  }

  public OperationsBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Time for the caches (roles, locations). */
  public OperationsBuilder ticker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /** How bulk work waits out a rate limit. */
  public OperationsBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  public OperationsBuilder observer(Operations.Observer observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    return this;
  }

  /** Where the schedules are kept; default {@code schedules.json} in the audit log's directory. */
  public OperationsBuilder scheduleFile(Path scheduleFile) {
    this.scheduleFile = Objects.requireNonNull(scheduleFile, "scheduleFile");
    return this;
  }

  /** Where the schedules are kept when not in a file: the database replicas share. */
  public OperationsBuilder scheduleBook(ScheduleBook scheduleBook) {
    this.scheduleBook = Objects.requireNonNull(scheduleBook, "scheduleBook");
    return this;
  }

  /** Where previews wait for their {@code yes}: memory by default, the database when replicas share them. */
  public OperationsBuilder pendingStore(PendingStore pendingStore) {
    this.pendingStore = Objects.requireNonNull(pendingStore, "pendingStore");
    return this;
  }

  /**
   * Where the last command of each person is kept for a follow-up ("same for Denver"): memory by default, the
   * database when replicas share the conversation.
   */
  public OperationsBuilder followUpStore(FollowUpStore followUps) {
    this.followUps = Objects.requireNonNull(followUps, "followUps");
    return this;
  }

  /** Where automatic changes, reminders and reports are posted. */
  public OperationsBuilder announcer(Announcer announcer) {
    this.announcer = Objects.requireNonNull(announcer, "announcer");
    return this;
  }

  /**
   * Where audit entries are kept, when not straight in the audit log: tests wrap the log here to fail at a chosen
   * step (a full disk, a crash between intent and outcome).
   */
  public OperationsBuilder auditStore(AuditStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /** The per-location lock every replica honours, when several share a database; none by default. */
  public OperationsBuilder replicaLocks(LocationLocks.Replicas replicaLocks) {
    this.replicaLocks = Objects.requireNonNull(replicaLocks, "replicaLocks");
    return this;
  }

  /**
   * Where the cached roles and location list are read again ahead of their expiry (default: the common pool, as
   * Caffeine's own); {@code Runnable::run} reads them on the command's thread, for tests that count Webex calls.
   */
  public OperationsBuilder cacheRefresher(Executor cacheRefresher) {
    this.cacheRefresher = Objects.requireNonNull(cacheRefresher, "cacheRefresher");
    return this;
  }

  public Operations build() {
    return new Operations(client, policy, store != null ? store : auditLog, settings, clock, ticker, sleeper, observer,
        scheduleBook != null ? scheduleBook : ScheduleBook.file(scheduleFile != null ? scheduleFile
            : auditLog.directory().resolve("schedules.json"), client.objectMapper(), clock), announcer,
        new LocationLocks(replicaLocks), pendingStore, followUps != null ? followUps
            : FollowUpStore.inMemory(ticker, LastSubjects.KEPT, LastSubjects.MOST_PEOPLE), cacheRefresher);
  }
}
