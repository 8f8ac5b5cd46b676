package dev.switchboard.ops;

/** The preview contract in memory, for one instance. */
final class MemoryPendingStoreTest extends PendingStoreContract {

  @Override
  PendingStore open() {
    return PendingStore.inMemory();
  }

  @Override
  PendingStore alongside(PendingStore first) {
    return first;
  }
}
