package dev.switchboard.store;

import dev.switchboard.ops.FollowUpStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The follow-ups every replica shares, in {@code follow_up}: one line per person, conversation and kind. */
public final class PgFollowUps implements FollowUpStore {

  private final Database database;

  public PgFollowUps(Database database) {
    this.database = database;
  }

  @Override
  public Optional<Kept> get(String key, Kind kind) {
    try (Connection c = database.connection();
        PreparedStatement select = c.prepareStatement(
            "SELECT line, subject, said_at FROM follow_up WHERE key = ? AND kind = ?")) {
      select.setString(1, key);
      select.setString(2, kind.name());
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(new Kept(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the follow-up from the database: " + e.getMessage(), e);
    }
  }

  @Override
  public void put(String key, Kind kind, Kept kept) {
    try (Connection c = database.connection();
        PreparedStatement upsert = c.prepareStatement("INSERT INTO follow_up (key, kind, line, subject, said_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (key, kind) DO UPDATE SET line = EXCLUDED.line,"
            + " subject = EXCLUDED.subject, said_at = EXCLUDED.said_at")) {
      upsert.setString(1, key);
      upsert.setString(2, kind.name());
      upsert.setString(3, kept.line());
      upsert.setString(4, kept.subject());
      upsert.setTimestamp(5, Timestamp.from(kept.at()));
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not keep the follow-up in the database: " + e.getMessage(), e);
    }
  }

  @Override
  public void forgetBefore(Instant horizon) {
    try (Connection c = database.connection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM follow_up WHERE said_at < ?")) {
      delete.setTimestamp(1, Timestamp.from(horizon));
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not forget old follow-ups: " + e.getMessage(), e);
    }
  }
}
