package dev.switchboard.store;

import dev.switchboard.ops.LocationLocks;

/** The lock contract in one instance: its "two replicas" are two threads pools on one set of locks. */
final class MemoryLocationLocksTest extends LocationLocksContract {

  private final LocationLocks locks = new LocationLocks();

  @Override
  LocationLocks replica(int n) {
    return locks;
  }
}
