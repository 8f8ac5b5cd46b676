package dev.switchboard.calling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A call listener that records (operation, status) for every attempt. */
final class RecordingListener implements RequestListener {

  record Call(WebexOperation operation, int status) {}

  private final List<Call> calls = new ArrayList<>();

  @Override
  public synchronized void onRequest(WebexOperation operation, int status, Duration duration) {
    if (duration.isNegative()) {
      throw new AssertionError("negative duration " + duration);
    }
    calls.add(new Call(operation, status));
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }
}
