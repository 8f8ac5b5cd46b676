package dev.switchboard.ops;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache of what Webex says that no command waits for while it is in use: an entry half its {@code ttl} old is read
 * again on {@code refresher} by the first command to use it, which goes on with the entry it has; no entry is used
 * older than {@code ttl}. A read ahead that fails is one log line and drops the entry, so the next command reads it on
 * its own thread and, if Webex still fails, says so.
 */
final class ReadAheadCache {

  private static final Logger log = LoggerFactory.getLogger(ReadAheadCache.class);

  private ReadAheadCache() {}

  static <K, V> LoadingCache<K, V> of(String what, Duration ttl, long maximumSize, Ticker ticker, Executor refresher,
      Function<K, V> read) {
    return Caffeine.newBuilder()
        .ticker(ticker)
        .executor(refresher)
        .refreshAfterWrite(ttl.dividedBy(2))
        .expireAfterWrite(ttl)
        .maximumSize(maximumSize)
        .build(new CacheLoader<K, V>() {
          @Override
          public V load(K key) {
            return read.apply(key);
          }

          @Override
          public V reload(K key, V oldValue) {
            try {
              return read.apply(key);
            } catch (RuntimeException e) {
              // Caffeine would log the whole trace through java.util.logging; one line here says what failed.
              log.warn("Reading {} again ahead of its expiry failed ({}); the next command reads it itself", what,
                  e.toString());
              return null;
            }
          }
        });
  }
}
