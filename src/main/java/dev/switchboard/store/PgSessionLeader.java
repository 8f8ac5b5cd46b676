package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica at a time does a job only one may do — holding the Webex websocket, which Webex gives to one
 * connection per bot (a second one replaces the first, and the device of one is deleted under the other) — by
 * holding a session advisory lock on a connection of its own. The others try every {@code every}; when the holder
 * dies its connection goes, the lock with it, and the next try of another replica wins, within seconds.
 */
public final class PgSessionLeader {

  private static final Logger log = LoggerFactory.getLogger(PgSessionLeader.class);
  // A namespace of its own ("SWLD"), apart from the location locks and the refresh token's.
  private static final int NAMESPACE = 0x53574c44;

  private final Database database;
  private final int job;
  private final String name;
  private final Duration every;

  /** {@code job} names what is led (each its own lock); {@code name} is for the logs. */
  public PgSessionLeader(Database database, int job, String name, Duration every) {
    this.database = database;
    this.job = job;
    this.name = name;
    this.every = every;
  }

  /**
   * Runs {@code start} once this replica holds the lock, on a daemon thread that waits for it; the lock is held
   * until the process (or its database pool) goes.
   */
  public void whenLeader(Runnable start) {
    Thread waiting = new Thread(() -> lead(start), "switchboard-leader-" + name);
    waiting.setDaemon(true);
    waiting.start();
  }

  private void lead(Runnable start) {
    boolean told = false;
    while (!database.closed()) {
      Connection held = null;
      try {
        held = database.connection();
        if (tryLock(held)) {
          log.info("This replica leads {} now", name);
          start.run();
          // Kept open, never returned to the pool: the lock lives as long as this connection.
          return;
        }
        if (!told) {
          log.info("Another replica leads {}; this one takes over if it stops", name);
          told = true;
        }
      } catch (SQLException | RuntimeException e) {
        if (database.closed()) return;
        log.warn("Could not try to lead {}; trying again in {} s: {}", name, every.toSeconds(), e.getMessage());
      }
      close(held);
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      lock.setInt(1, NAMESPACE);
      lock.setInt(2, job);
      try (ResultSet row = lock.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  private static void close(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException e) {
      // a connection that cannot be closed holds no lock of ours
    }
  }
}
