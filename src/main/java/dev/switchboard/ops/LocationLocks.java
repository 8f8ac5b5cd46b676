package dev.switchboard.ops;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One read-modify-write per location at a time, whoever does it: a person's command, a bulk run,
 * an undo or the scheduler. Without it two writers both read, then both write, and the later write
 * silently undoes the earlier. Within this instance always; across replicas too when given the
 * {@link Replicas} lock of their shared database.
 */
public final class LocationLocks {

  /** A lock per location that every replica honours (the database's advisory locks). */
  public interface Replicas {
    /** Runs {@code work} holding the replicas' lock on {@code locationId}, waiting for it as long as it takes. */
    <T> T with(String locationId, Supplier<T> work);

    /** One instance alone: nothing to share. */
    Replicas NONE = new Replicas() {
      @Override
      public <T> T with(String locationId, Supplier<T> work) {
        return work.get();
      }
    };
  }

  // One small lock per location id; an org has at most a few thousand locations.
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Replicas replicas;

  public LocationLocks() {
    this(Replicas.NONE);
  }

  public LocationLocks(Replicas replicas) {
    this.replicas = Objects.requireNonNull(replicas, "replicas");
  }

  /**
   * Runs {@code work} holding the location's lock. The local lock is taken first, so the threads of one replica
   * queue here and only one of them at a time holds a database connection waiting for the shared lock.
   */
  public <T> T with(String locationId, Supplier<T> work) {
    ReentrantLock lock = locks.computeIfAbsent(locationId, id -> new ReentrantLock());
    lock.lock();
    try {
      // Reentrant locally: a nested take (a step inside a bulk run) must not ask the database again.
      return lock.getHoldCount() > 1 ? work.get() : replicas.with(locationId, work);
    } finally {
      lock.unlock();
    }
  }
}
