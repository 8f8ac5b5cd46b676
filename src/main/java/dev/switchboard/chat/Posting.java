package dev.switchboard.chat;

import dev.switchboard.calling.Sleeper;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Posts an answer to a chat platform, trying again after a pause that doubles when the platform did not answer or
 * failed on its side: an outcome the person is waiting for is worth a second and a third try.
 *
 * <pre>{@code
 * posting.post(() -> slack.postMessage(channel, message, thread), SlackException.class, Posting::passingSlack);
 * }</pre>
 */
public final class Posting {

  /** Three tries, half a second and then a second apart. */
  public static final Posting STANDARD = new Posting(Sleeper.REAL, 3, Duration.ofMillis(500));

  private final Sleeper sleeper;
  private final int attempts;
  private final Duration firstPause;

  public Posting(Sleeper sleeper, int attempts, Duration firstPause) {
    if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
    this.sleeper = sleeper;
    this.attempts = attempts;
    this.firstPause = firstPause;
  }

  /**
   * Runs {@code post}; when it throws an {@code E} that {@code passing} says may pass, runs it again after a pause,
   * up to the attempts. Throws the last failure when it never got through (or at once when it cannot pass).
   */
  public <E extends RuntimeException> void post(Runnable post, Class<E> failure, Predicate<? super E> passing) {
    for (int attempt = 1; ; attempt++) {
      try {
        post.run();
        return;
      } catch (RuntimeException e) {
        if (!failure.isInstance(e) || !passing.test(failure.cast(e)) || attempt >= attempts) throw e;
        try {
          sleeper.sleep(firstPause.multipliedBy(1L << (attempt - 1)));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
