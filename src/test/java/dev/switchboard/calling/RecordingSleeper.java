package dev.switchboard.calling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that records each requested wait and returns at once. */
final class RecordingSleeper implements Sleeper {

  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration d) {
    sleeps.add(d);
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
