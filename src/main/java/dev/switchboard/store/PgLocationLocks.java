package dev.switchboard.store;

import dev.switchboard.ops.AuditStore;
import dev.switchboard.ops.LocationLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Per-location locks across replicas: a PostgreSQL session advisory lock per location, held on one pooled
 * connection for the length of the work. A replica that dies loses its connection, and the database releases
 * its locks with it, so no location stays locked by the dead.
 */
public final class PgLocationLocks implements LocationLocks.Replicas {

  // The first key of the two-key advisory lock: our namespace ("SWLK"), so no other user of the database collides.
  private static final int NAMESPACE = 0x53574C4B;

  private final Database database;

  public PgLocationLocks(Database database) {
    this.database = database;
  }

  /**
   * The second key is the location id's hash: two locations that share one only wait for each other, which is
   * safe; a lock is never skipped.
   */
  @Override
  public <T> T with(String locationId, Supplier<T> work) {
    int key = locationId.hashCode();
    try (Connection c = database.connection()) {
      run(c, "SELECT pg_advisory_lock(?, ?)", key);
      try {
        return work.get();
      } finally {
        unlock(c, key);
      }
    } catch (SQLException e) {
      // Without the lock no change may be made: as when the audit cannot be written.
      throw new AuditStore.Unavailable("Could not take the lock on location " + locationId
          + " in the database: " + e.getMessage(), e);
    }
  }

  /** A connection that could not unlock may still hold the lock: it leaves the pool rather than go back to it. */
  private void unlock(Connection c, int key) {
    try {
      run(c, "SELECT pg_advisory_unlock(?, ?)", key);
    } catch (SQLException e) {
      database.evict(c);
    }
  }

  private static void run(Connection c, String sql, int key) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setInt(1, NAMESPACE);
      statement.setInt(2, key);
      statement.execute();
    }
  }
}
