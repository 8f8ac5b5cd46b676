package dev.switchboard.store;

import dev.switchboard.calling.RefreshTokenStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The newest refresh token in the one row of {@code refresh_token}, shared by every replica; an exchange runs under
 * a session advisory lock, so replicas take turns and each exchanges the token the last one kept.
 */
public final class PgRefreshTokenStore implements RefreshTokenStore {

  // A namespace of its own ("SWRT"): a location lock held by the same thread must never be this one.
  private static final int NAMESPACE = 0x53575254;
  private static final int EXCHANGE = 0;

  private final Database database;

  public PgRefreshTokenStore(Database database) {
    this.database = database;
  }

  @Override
  public Optional<String> load() {
    try (Connection c = database.connection();
        PreparedStatement select = c.prepareStatement("SELECT token FROM refresh_token WHERE id = 1");
        ResultSet row = select.executeQuery()) {
      return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the refresh token from the database: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) throw new IllegalArgumentException("refreshToken is blank");
    try (Connection c = database.connection();
        PreparedStatement upsert = c.prepareStatement("INSERT INTO refresh_token (id, token, updated_at)"
            + " VALUES (1, ?, now()) ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token, updated_at = now()")) {
      upsert.setString(1, refreshToken);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the refresh token to the database: " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T exchanging(Supplier<T> exchange) {
    try (Connection c = database.connection()) {
      lock(c, "SELECT pg_advisory_lock(?, ?)");
      try {
        return exchange.get();
      } finally {
        try {
          lock(c, "SELECT pg_advisory_unlock(?, ?)");
        } catch (SQLException e) {
          database.evict(c);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the token exchange lock in the database: " + e.getMessage(), e);
    }
  }

  private static void lock(Connection c, String sql) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setInt(1, NAMESPACE);
      statement.setInt(2, EXCHANGE);
      statement.execute();
    }
  }

  @Override
  public String toString() {
    return "PgRefreshTokenStore";
  }
}
