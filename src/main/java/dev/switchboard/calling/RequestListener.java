package dev.switchboard.calling;

import java.time.Duration;

/** Hears about every HTTP attempt the client makes: feeds metrics, the benchmark and the scope check. */
@FunctionalInterface
public interface RequestListener {

  /** A listener that does nothing. */
  RequestListener NONE = (operation, status, duration) -> {};

  /**
   * Called once per attempt, retries included.
   *
   * @param status the HTTP status, or 0 when no HTTP response arrived (I/O failure)
   */
  void onRequest(WebexOperation operation, int status, Duration duration);
}
