package dev.switchboard.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One read-modify-write per location at a time, whoever does it: a person's command, a bulk run,
 * an undo or the scheduler. Without it two writers both read, then both write, and the later write
 * silently undoes the earlier. Within this instance only (one replica, see deploy/kubernetes).
 */
public final class LocationLocks {

  // One small lock per location id; an org has at most a few thousand locations.
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  public <T> T with(String locationId, Supplier<T> work) {
    ReentrantLock lock = locks.computeIfAbsent(locationId, id -> new ReentrantLock());
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
