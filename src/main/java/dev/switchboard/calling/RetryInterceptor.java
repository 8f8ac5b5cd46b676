package dev.switchboard.calling;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Retries a call, within {@code maxAttempts} attempts in all:
 * <ul>
 *   <li>429, and 423 for non-POST calls: waits {@code Retry-After} (seconds or an HTTP date; 5 s when absent).
 *       A wait over 60 s, or rate-limit waits turned off, hands the response back at once; the client turns it
 *       into a {@link RateLimitedException}. Inside {@link LongWaits#allowedDuring} one wait per call of up to
 *       {@link LongWaits#MAX} is sat out instead, after telling the work's notice.
 *   <li>502, 503, 504 and I/O failures, for GET, PUT and DELETE only: exponential back-off with jitter.
 *       A POST is never repeated after it may have reached Webex, except on 429.
 * </ul>
 * Every wait goes through the {@link Sleeper}.
 */
final class RetryInterceptor implements Interceptor {

  static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(60);
  static final Duration BACKOFF_BASE = Duration.ofMillis(500);
  static final Duration BACKOFF_CAP = Duration.ofSeconds(8);

  private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE");
  private static final Set<Integer> TRANSIENT = Set.of(502, 503, 504);

  private final Sleeper sleeper;
  private final Clock clock;
  private final int maxAttempts;
  private final boolean waitOnRateLimit;

  RetryInterceptor(Sleeper sleeper, Clock clock, int maxAttempts, boolean waitOnRateLimit) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    this.sleeper = sleeper;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.waitOnRateLimit = waitOnRateLimit;
  }

  RetryInterceptor withoutRateLimitWaits() {
    return new RetryInterceptor(sleeper, clock, maxAttempts, false);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    var request = chain.request();
    boolean idempotent = IDEMPOTENT.contains(request.method());
    boolean waitedLong = false;
    for (int attempt = 1; ; attempt++) {
      boolean lastAttempt = attempt >= maxAttempts;
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (lastAttempt || !idempotent || chain.call().isCanceled() || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        pause(backoff(attempt));
        continue;
      }
      int status = response.code();
      Duration wait;
      if (status == 429 || (status == 423 && idempotent)) {
        wait = RetryAfter.parse(response.header("Retry-After"), clock);
        if (lastAttempt || !waitOnRateLimit) {
          return response;
        }
        if (wait.compareTo(MAX_RATE_LIMIT_WAIT) > 0) {
          LongWaits.Notice notice = LongWaits.current();
          if (notice == null || waitedLong || wait.compareTo(LongWaits.MAX) > 0) {
            return response;
          }
          waitedLong = true;
          response.close();
          LongWaits.tell(notice, wait, clock.instant().plus(wait));
          pause(wait);
          continue;
        }
      } else if (TRANSIENT.contains(status) && idempotent && !lastAttempt) {
        wait = backoff(attempt);
      } else {
        return response;
      }
      response.close();
      pause(wait);
    }
  }

  /** The back-off ceiling doubles from 0.5 s up to 8 s; the wait is drawn uniformly from its upper half (jitter). */
  Duration backoff(int attempt) {
    long ceiling = Math.min(BACKOFF_CAP.toMillis(), BACKOFF_BASE.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
  }

  private void pause(Duration wait) throws InterruptedIOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      var interrupted = new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }
}
