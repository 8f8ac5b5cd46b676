package dev.switchboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The PostgreSQL database that holds the state two or more replicas share: one HikariCP pool per process, the
 * schema brought up to date by Flyway ({@code db/migration}) before anything reads it.
 *
 * <pre>{@code
 * try (Database db = Database.connect(url, user, password)) { db.migrate(); ... }
 * }</pre>
 */
public final class Database implements AutoCloseable {

  // A command holds a connection only for a statement or two, but a location lock holds one for the length of
  // a change (one per location being changed, a bulk run's few at once): room for both. Two replicas take 64 of
  // PostgreSQL's default 100 connections.
  private static final int POOL_SIZE = 32;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * A pool on {@code url}; the first connection is made here, so a wrong URL or password stops the start with the
   * driver's own reason.
   */
  public static Database connect(String url, Optional<String> user, Optional<String> password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    user.ifPresent(config::setUsername);
    password.ifPresent(config::setPassword);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
    config.setPoolName("switchboard-db");
    // Fail at once when the database cannot be reached, rather than on the first command.
    config.setInitializationFailTimeout(CONNECT_TIMEOUT.toMillis());
    try {
      return new Database(new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw new Unreachable("Could not connect to the database at " + redacted(url) + ": " + rootMessage(e)
          + ". Check SWITCHBOARD_DATABASE_URL, SWITCHBOARD_DATABASE_USER and the password.", e);
    }
  }

  /** Applies the migrations not yet applied (none when another replica already did); returns how many ran. */
  public int migrate() {
    MigrateResult result = Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return result.migrationsExecuted;
  }

  public DataSource dataSource() {
    return pool;
  }

  /** A connection from the pool; the caller closes it. */
  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /** Closes a connection for good instead of returning it to the pool (it may hold a lock it could not drop). */
  void evict(Connection connection) {
    pool.evictConnection(connection);
  }

  /** Whether a connection can be had and answers now: the readiness of a replica. */
  public boolean reachable() {
    try (Connection c = pool.getConnection()) {
      return c.isValid((int) CONNECT_TIMEOUT.toSeconds());
    } catch (SQLException e) {
      return false;
    }
  }

  /** Whether the pool is closed: the process is stopping. */
  public boolean closed() {
    return pool.isClosed();
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The URL without a password it may carry as a parameter. */
  static String redacted(String url) {
    return url.replaceAll("(?i)password=[^&]*", "password=***");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** The database cannot be reached with these settings. */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
