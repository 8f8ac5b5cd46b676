package dev.switchboard.ops;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The audit log with a fault at a chosen step: a full disk, or the process dying right after an intent is on disk
 * or right before an outcome would be (a {@link Crash} thrown out of the command, as {@code kill -9} would stop it).
 */
final class FaultyAuditStore implements AuditStore {

  enum Fault { DISK_FULL, CRASH_AFTER_INTENT, CRASH_BEFORE_OUTCOME }

  /** The process stops here: nothing after this line of the command runs. */
  static final class Crash extends Error {
    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  private final AuditStore log;
  private final Fault fault;

  FaultyAuditStore(AuditStore log, Fault fault) {
    this.log = log;
    this.fault = fault;
  }

  @Override
  public void append(AuditEntry entry) {
    switch (fault) {
      case DISK_FULL -> throw new Unavailable("Could not write the audit log", new IOException(
          "No space left on device"));
      case CRASH_AFTER_INTENT -> {
        log.append(entry);
        if (entry.intended()) throw new Crash();
      }
      case CRASH_BEFORE_OUTCOME -> {
        if (entry.intent() != null) throw new Crash();
        log.append(entry);
      }
    }
  }

  @Override
  public List<AuditEntry> entries(Predicate<AuditEntry> filter) {
    return log.entries(filter);
  }

  @Override
  public List<AuditEntry> unsettled() {
    return log.unsettled();
  }
}
