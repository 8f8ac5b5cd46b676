package dev.switchboard.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where each person's last command in a conversation is kept for a follow-up ("same for Denver", "make it 2 hours"):
 * in memory for one instance, in the database when replicas share the conversation (the follow-up may reach another
 * replica than the command before it). Keyed by {@link Requester#key()} and what is kept.
 */
public interface FollowUpStore {

  /** What a follow-up can stand on: the asker's last line about one place or person, or their last intercept change. */
  enum Kind { SUBJECT, CHANGE }

  /** A kept line, the name in it that a follow-up replaces (null for {@link Kind#CHANGE}), and when it was said. */
  record Kept(String line, String subject, Instant at) {}

  Optional<Kept> get(String key, Kind kind);

  /** Keeps {@code kept} in place of what was kept for the key and kind. */
  void put(String key, Kind kind, Kept kept);

  /** Forgets what was said before {@code horizon}. */
  void forgetBefore(Instant horizon);

  /** One instance's, in memory: bounded, each line gone {@code kept} after it was said. */
  static FollowUpStore inMemory(Ticker ticker, Duration kept, int mostPeople) {
    Cache<String, Kept> lines = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(kept)
        .maximumSize(2L * mostPeople).build();
    return new FollowUpStore() {
      @Override
      public Optional<Kept> get(String key, Kind kind) {
        return Optional.ofNullable(lines.getIfPresent(kind + " " + key));
      }

      @Override
      public void put(String key, Kind kind, Kept line) {
        lines.put(kind + " " + key, line);
      }

      @Override
      public void forgetBefore(Instant horizon) {
        lines.asMap().values().removeIf(line -> line.at().isBefore(horizon));
      }
    };
  }
}
