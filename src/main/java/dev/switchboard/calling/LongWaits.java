package dev.switchboard.calling;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Lets one piece of work (a single command) wait out a {@code Retry-After} longer than a call waits on its own
 * ({@link RetryInterceptor#MAX_RATE_LIMIT_WAIT}, 60 s), up to {@link #MAX}: the {@link Notice} is told at once so the
 * person hears why the answer is late, then the call waits and is tried once more. wxc_sdk likewise waits and
 * retries rather than giving up (it caps each wait at 60 s, {@code RETRY_429_MAX_WAIT}). Outside
 * {@link #allowedDuring} a long wait ends the call with a {@link RateLimitedException}, as bulk work needs: its
 * per-org gate, not a single call, decides when to go on.
 *
 * <p>The permission belongs to the thread running the work; calls made on other threads (bulk workers) never wait
 * long.
 */
public final class LongWaits {

  /** The longest wait a single command is asked to sit through. */
  public static final Duration MAX = Duration.ofMinutes(5);

  /** Told, before the wait starts, how long it is and when the call will be tried again. Must not throw. */
  @FunctionalInterface
  public interface Notice {
    void waiting(Duration wait, Instant retryAt);
  }

  private static final ThreadLocal<Notice> NOTICE = new ThreadLocal<>();

  private LongWaits() {}

  /** Runs {@code work} on this thread, letting its Webex calls wait out one long {@code Retry-After} each. */
  public static <T> T allowedDuring(Notice notice, Supplier<T> work) {
    Objects.requireNonNull(notice, "notice");
    Notice outer = NOTICE.get();
    NOTICE.set(notice);
    try {
      return work.get();
    } finally {
      if (outer == null) NOTICE.remove(); else NOTICE.set(outer);
    }
  }

  /** The notice of the work running on this thread, or null when long waits are not allowed here. */
  static Notice current() {
    return NOTICE.get();
  }

  /**
   * Tells {@code notice}; calls it makes itself (posting the message) do not wait long, so a rate-limited notice
   * cannot nest. A notice that throws is ignored: the wait and the retry go ahead.
   */
  static void tell(Notice notice, Duration wait, Instant retryAt) {
    NOTICE.remove();
    try {
      notice.waiting(wait, retryAt);
    } catch (RuntimeException ignored) {
      // the person is not told; the answer still comes after the retry
    } finally {
      NOTICE.set(notice);
    }
  }
}
