package dev.switchboard.calling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A call listener that records (operation, status) for every attempt, and fails a test whose client reports an
 * attempt's end without its start, or ends more attempts than it started.
 */
final class RecordingListener implements RequestListener {

  record Call(WebexOperation operation, int status) {}

  private final List<Call> calls = new ArrayList<>();
  private final List<Duration> durations = new ArrayList<>();
  private final List<WebexOperation> inFlight = new ArrayList<>();

  @Override
  public synchronized void onStart(WebexOperation operation) {
    inFlight.add(operation);
  }

  @Override
  public synchronized void onRequest(WebexOperation operation, int status, Duration duration) {
    if (duration.isNegative()) {
      throw new AssertionError("negative duration " + duration);
    }
    if (!inFlight.remove(operation)) {
      throw new AssertionError(operation + " reported ended without having been reported started");
    }
    calls.add(new Call(operation, status));
    durations.add(duration);
  }

  /** How long each attempt took, as reported, in the order of {@link #calls()}. */
  synchronized List<Duration> durations() {
    return List.copyOf(durations);
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The attempts started and not yet reported ended. */
  synchronized List<WebexOperation> inFlight() {
    return List.copyOf(inFlight);
  }
}
