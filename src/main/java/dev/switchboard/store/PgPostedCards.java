package dev.switchboard.store;

import dev.switchboard.chat.PostedCardStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cards every replica posted, in {@code posted_card}: a press reaching any replica is checked against them.
 * Kept for {@link #KEEP} (a preview waits two minutes, an undo button is pressed within the day), then dropped.
 */
public final class PgPostedCards implements PostedCardStore {

  static final Duration KEEP = Duration.ofDays(30);
  private static final Duration PURGE_EVERY = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(PgPostedCards.class);

  private final Database database;
  private final Clock clock;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

  public PgPostedCards(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public void remember(Card card) {
    Instant now = clock.instant();
    try (Connection c = database.connection();
        PreparedStatement insert = c.prepareStatement("INSERT INTO posted_card (message_id, room_id, thread_root,"
            + " posted_at) VALUES (?, ?, ?, ?) ON CONFLICT (message_id) DO UPDATE SET room_id = EXCLUDED.room_id,"
            + " thread_root = EXCLUDED.thread_root, posted_at = EXCLUDED.posted_at")) {
      insert.setString(1, card.messageId());
      insert.setString(2, card.roomId());
      insert.setString(3, card.threadRoot());
      insert.setTimestamp(4, Timestamp.from(now));
      insert.executeUpdate();
    } catch (SQLException e) {
      // The card is posted already: its buttons are answered with "type the command" rather than failing the post.
      log.warn("Could not remember posted card {} in the database: {}", card.messageId(), e.getMessage());
    }
    purgeNowAndThen(now);
  }

  @Override
  public Optional<Card> find(String messageId) {
    if (messageId == null) return Optional.empty();
    try (Connection c = database.connection();
        PreparedStatement select = c.prepareStatement(
            "SELECT room_id, thread_root FROM posted_card WHERE message_id = ?")) {
      select.setString(1, messageId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(new Card(messageId, row.getString(1), row.getString(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look the card up in the database: " + e.getMessage(), e);
    }
  }

  private void purgeNowAndThen(Instant now) {
    Instant last = lastPurge.get();
    if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) return;
    try (Connection c = database.connection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM posted_card WHERE posted_at < ?")) {
      delete.setTimestamp(1, Timestamp.from(now.minus(KEEP)));
      delete.executeUpdate();
    } catch (SQLException e) {
      // An old card only costs space; the next purge takes it.
    }
  }
}
