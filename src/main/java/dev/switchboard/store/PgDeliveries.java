package dev.switchboard.store;

import dev.switchboard.chat.DeliveryLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The deliveries taken by any replica, in the {@code delivery} table keyed by source and id: one statement decides
 * which replica runs a delivery, so one Webex message posted to two replicas runs once. Ids are kept for the
 * replay window, as in memory.
 */
public final class PgDeliveries implements DeliveryLog {

  // Rows older than the window are deleted at most this often, by whichever replica takes a delivery then.
  private static final Duration PURGE_EVERY = Duration.ofMinutes(5);

  private final Database database;
  private final Clock clock;
  private final Duration window;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

  public PgDeliveries(Database database, Clock clock, Duration window) {
    this.database = database;
    this.clock = clock;
    this.window = window;
  }

  /**
   * Inserts the id; a row already there counts as new only when it is older than the window (a purge has not
   * reached it yet), as an id the memory store has forgotten. Exactly one of two replicas racing on an id gets
   * a row count of 1: the insert and the conflict check are one statement.
   */
  @Override
  public boolean firstTime(String id) {
    int colon = id.indexOf(':');
    String source = colon < 0 ? "" : id.substring(0, colon);
    String key = colon < 0 ? id : id.substring(colon + 1);
    Instant now = clock.instant();
    purgeNowAndThen(now);
    try (Connection c = database.connection();
        PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (source, id, seen_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (source, id) DO UPDATE SET seen_at = EXCLUDED.seen_at WHERE delivery.seen_at <= ?")) {
      insert.setString(1, source);
      insert.setString(2, key);
      insert.setTimestamp(3, Timestamp.from(now));
      insert.setTimestamp(4, Timestamp.from(now.minus(window)));
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      // Not knowing whether another replica took it, none must run it twice: the platform redelivers.
      throw new IllegalStateException("Could not record delivery " + id + " in the database: " + e.getMessage(), e);
    }
  }

  private void purgeNowAndThen(Instant now) {
    Instant last = lastPurge.get();
    if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) return;
    try (Connection c = database.connection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM delivery WHERE seen_at <= ?")) {
      delete.setTimestamp(1, Timestamp.from(now.minus(window)));
      delete.executeUpdate();
    } catch (SQLException e) {
      // The next purge takes them; an old row only costs space, the insert above treats it as gone.
    }
  }
}
