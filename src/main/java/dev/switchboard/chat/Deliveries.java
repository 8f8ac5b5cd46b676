package dev.switchboard.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;

/**
 * Remembers which deliveries (Webex message ids, Slack event ids) were already taken, so a
 * redelivery runs nothing twice. Platforms redeliver late — one case 368 s after the original —
 * so ids are kept for the replay window (an hour unless set), bounded by count; a Webex message older than
 * that same window is not run at all, so a delivery replayed after its id is forgotten finds nothing to do.
 */
public final class Deliveries implements DeliveryLog {

  public static final Duration WINDOW = Duration.ofHours(1);
  private static final long MAX_IDS = 200_000;

  private final Cache<String, Boolean> seen;

  public Deliveries(Ticker ticker) {
    this(ticker, WINDOW);
  }

  public Deliveries(Ticker ticker, Duration window) {
    this.seen = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(window).maximumSize(MAX_IDS).build();
  }

  @Override
  public boolean firstTime(String id) {
    return seen.asMap().putIfAbsent(id, Boolean.TRUE) == null;
  }

  /** Marks ids as seen, e.g. those the audit log recorded before a restart. */
  public void remember(Collection<String> ids) {
    ids.forEach(id -> seen.put(id, Boolean.TRUE));
  }
}
