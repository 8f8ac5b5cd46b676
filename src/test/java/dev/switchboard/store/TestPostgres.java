package dev.switchboard.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binary: no Docker), started at the first use and
 * stopped when the JVM exits; each caller gets a database of its own on it, migrated, so test classes never see
 * each other's rows.
 */
public final class TestPostgres {

  private static final AtomicInteger databases = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** A new, migrated database on the shared server; the caller closes it. */
  public static Database freshDatabase() {
    String name = "switchboard_" + databases.incrementAndGet();
    EmbeddedPostgres pg = server();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the test database " + name, e);
    }
    Database database = Database.connect(pg.getJdbcUrl("postgres", name), Optional.of("postgres"), Optional.empty());
    database.migrate();
    return database;
  }

  /** The JDBC URL of a new, migrated database on the shared server (user {@code postgres}, no password). */
  public static String freshDatabaseUrl() {
    String url = emptyDatabaseUrl();
    try (Database database = Database.connect(url, Optional.of("postgres"), Optional.empty())) {
      database.migrate();
    }
    return url;
  }

  /** The JDBC URL of a new, empty (not migrated) database on the shared server, for tests of the migration. */
  public static String emptyDatabaseUrl() {
    String name = "switchboard_" + databases.incrementAndGet();
    EmbeddedPostgres pg = server();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the test database " + name, e);
    }
    return pg.getJdbcUrl("postgres", name);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is going away; the server's directory is temporary
        }
      }, "embedded-postgres-stop"));
    }
    return server;
  }
}
