package dev.switchboard.ops;

import dev.switchboard.TestClock;
import java.time.Duration;

/** The follow-up contract in memory, for one instance. */
final class MemoryFollowUpStoreTest extends FollowUpStoreContract {

  @Override
  FollowUpStore open() {
    return FollowUpStore.inMemory(new TestClock(NOW), Duration.ofMinutes(30), 100);
  }

  @Override
  FollowUpStore alongside(FollowUpStore first) {
    return first;
  }
}
