package dev.switchboard;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits in tests for what another thread (the bot, the simulator's webhook delivery) will do. */
public final class Await {

  private static final Duration LIMIT = Duration.ofSeconds(10);

  private Await() {}

  /** The condition's value once it yields one, or empty after ten seconds. */
  public static <T> Optional<T> poll(Supplier<Optional<T>> condition) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> value = condition.get();
      if (value.isPresent()) return value;
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return condition.get();
  }

  /** The condition's value once it yields one; fails the test after ten seconds. */
  public static <T> T until(Supplier<Optional<T>> condition) {
    return poll(condition).orElseThrow(() -> new AssertionError("condition not met within " + LIMIT.toSeconds() + " s"));
  }
}
