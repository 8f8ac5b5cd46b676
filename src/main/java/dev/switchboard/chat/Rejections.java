package dev.switchboard.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the requests a front end turns away, by reason, and logs them at most once per interval with the count
 * since the last line: a forged flood costs a counter increment per request, not a log line.
 */
public final class Rejections {

  private static final Logger log = LoggerFactory.getLogger(Rejections.class);
  public static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

  /** Why a request was turned away. */
  public enum Reason {
    /** No signature header. */
    MISSING_SIGNATURE,
    /** A signature that does not match the bytes received. */
    BAD_SIGNATURE,
    /** A Slack timestamp outside the five-minute window. */
    STALE_TIMESTAMP,
    /** Signed, but from another Slack workspace or enterprise. */
    FOREIGN_WORKSPACE,
    /** Signed, but naming a response URL that is not on Slack's hosts. */
    FOREIGN_RESPONSE_URL,
    /** A Webex message older than the replay window. */
    STALE_MESSAGE,
    /** A body larger than the endpoint takes, refused from its {@code Content-Length} before it is read. */
    OVERSIZED;

    /** The name metrics report, e.g. {@code bad_signature}. */
    public String metric() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String platform;
  private final Clock clock;
  private final Map<Reason, LongAdder> counts = new EnumMap<>(Reason.class);
  private final AtomicLong unlogged = new AtomicLong();
  private final AtomicReference<Instant> lastLine = new AtomicReference<>(Instant.MIN);

  public Rejections(String platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
    for (Reason reason : Reason.values()) counts.put(reason, new LongAdder());
  }

  /** Counts one rejection; writes a log line only when the last one is older than {@link #LOG_INTERVAL}. */
  public void count(Reason reason) {
    counts.get(reason).increment();
    long pending = unlogged.incrementAndGet();
    Instant last = lastLine.get();
    Instant now = clock.instant();
    if (last.plus(LOG_INTERVAL).isAfter(now) || !lastLine.compareAndSet(last, now)) return;
    unlogged.addAndGet(-pending);
    log.warn("Rejected {} {} request(s) in the last interval (latest: {}); see switchboard_rejected_total by reason",
        pending, platform, reason.metric());
  }

  /** Rejections for {@code reason} since start. */
  public long total(Reason reason) {
    return counts.get(reason).sum();
  }

  /** The platform these rejections are for, e.g. {@code slack}. */
  public String platform() {
    return platform;
  }
}
