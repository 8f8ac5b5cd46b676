package dev.switchboard.chat;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before reconnect attempt {@code n}: 1 s, 2 s, 4 s ... up to 32 s, each shortened by up to a fifth at
 * random, so bots that lost Webex together do not all come back in the same second.
 */
public final class Backoff {

  public static final Duration FIRST = Duration.ofSeconds(1);
  public static final Duration MOST = Duration.ofSeconds(32);
  private static final double JITTER = 0.2;

  private final DoubleSupplier random;

  /** {@code random} yields values in [0, 1): {@code Math::random} in production, fixed in tests. */
  public Backoff(DoubleSupplier random) {
    this.random = random;
  }

  /** The pause before attempt {@code attempt} (1 is the first reconnect). */
  public Duration before(int attempt) {
    long base = Math.min(MOST.toMillis(), FIRST.toMillis() << Math.min(Math.max(attempt - 1, 0), 5));
    return Duration.ofMillis(Math.round(base * (1 - JITTER * random.getAsDouble())));
  }
}
