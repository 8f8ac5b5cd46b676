package dev.switchboard.calling;

import java.time.Duration;

/** Hears about every HTTP attempt the client makes: feeds metrics, the benchmark and the scope check. */
@FunctionalInterface
public interface RequestListener {

  /** A listener that does nothing. */
  RequestListener NONE = (operation, status, duration) -> {};

  /**
   * Called as an attempt goes out, before its {@link #onRequest}: a listener may keep the time calls are in flight.
   * The default does nothing.
   */
  default void onStart(WebexOperation operation) {}

  /**
   * Called once per attempt, retries included, after its {@link #onStart}.
   *
   * @param status the HTTP status, or 0 when no HTTP response arrived (I/O failure)
   */
  void onRequest(WebexOperation operation, int status, Duration duration);
}
