package dev.switchboard.calling;

import java.time.Duration;
import java.util.List;

/**
 * A 429 (or 423) that the client did not wait out: attempts exhausted, a {@code Retry-After} over 60 s,
 * or rate-limit waits turned off for bulk work. Reads "rate limited — try again in N s".
 */
public final class RateLimitedException extends WebexException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;
  private final String originalMessage;

  public RateLimitedException(WebexOperation operation, int status, String webexMessage, List<String> descriptions,
      String trackingId, Duration retryAfter) {
    super(operation, status, "rate limited — try again in " + roundUpSeconds(retryAfter) + " s", descriptions,
        trackingId, null, null);
    this.retryAfter = retryAfter;
    this.originalMessage = webexMessage;
  }

  /** How long Webex asked us to wait. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Webex's own {@code message} (the summary in {@link #getMessage()} is ours). */
  @Override
  public String webexMessage() {
    return originalMessage;
  }

  private static long roundUpSeconds(Duration d) {
    long seconds = d.getSeconds();
    return d.getNano() > 0 ? seconds + 1 : seconds;
  }
}
