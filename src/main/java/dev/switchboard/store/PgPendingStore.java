package dev.switchboard.store;

import dev.switchboard.ops.Confirmations;
import dev.switchboard.ops.PendingCodec;
import dev.switchboard.ops.PendingStore;
import dev.switchboard.ops.Requester;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The previews every replica shares, in {@code pending_confirmation}, in {@link PendingCodec}'s wire format: a
 * {@code yes} reaching another replica than the one that showed the preview finds it, and of two replicas taking
 * one {@code yes} at once, one deletes the row and applies it.
 */
public final class PgPendingStore implements PendingStore {

  private final Database database;
  private final PendingCodec codec = new PendingCodec();

  public PgPendingStore(Database database) {
    this.database = database;
  }

  @Override
  public Optional<Confirmations.Pending> get(String key) {
    return query("SELECT pending::text FROM pending_confirmation WHERE key = ?", key, null).stream().findFirst();
  }

  @Override
  public void put(Confirmations.Pending pending) {
    Requester who = pending.requester();
    try (Connection c = database.connection();
        PreparedStatement upsert = c.prepareStatement("INSERT INTO pending_confirmation"
            + " (key, id, platform, conversation, created, pending) VALUES (?, ?, ?, ?, ?, ?::jsonb)"
            + " ON CONFLICT (key) DO UPDATE SET id = EXCLUDED.id, platform = EXCLUDED.platform,"
            + " conversation = EXCLUDED.conversation, created = EXCLUDED.created, pending = EXCLUDED.pending")) {
      upsert.setString(1, who.key());
      upsert.setString(2, pending.id());
      upsert.setString(3, who.platform().name());
      upsert.setString(4, who.conversation());
      upsert.setTimestamp(5, Timestamp.from(pending.created()));
      upsert.setString(6, codec.write(pending));
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not keep the preview in the database: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean remove(String key, String id) {
    try (Connection c = database.connection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM pending_confirmation WHERE key = ? AND id = ?")) {
      delete.setString(1, key);
      delete.setString(2, id);
      return delete.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the preview from the database: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Confirmations.Pending> inConversation(Requester.Platform platform, String conversation) {
    return query("SELECT pending::text FROM pending_confirmation WHERE platform = ? AND conversation = ?",
        platform.name(), conversation);
  }

  @Override
  public void forgetBefore(Instant horizon) {
    try (Connection c = database.connection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM pending_confirmation WHERE created < ?")) {
      delete.setTimestamp(1, Timestamp.from(horizon));
      delete.executeUpdate();
    } catch (SQLException e) {
      // Old previews only cost space: the next look-up tries again, and an expired one is answered as expired.
    }
  }

  private List<Confirmations.Pending> query(String sql, String first, String second) {
    try (Connection c = database.connection(); PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, first);
      if (second != null) select.setString(2, second);
      List<Confirmations.Pending> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) found.add(codec.read(rows.getString(1)));
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the previews from the database: " + e.getMessage(), e);
    }
  }
}
