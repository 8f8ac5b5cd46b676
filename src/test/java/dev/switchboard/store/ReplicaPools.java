package dev.switchboard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database for each test, and the connection pools opened onto it, each one replica's, all closed after the
 * test: what the PostgreSQL contract tests share.
 *
 * <pre>{@code
 * @RegisterExtension final ReplicaPools replicas = new ReplicaPools();
 * PendingStore open() { return new PgPendingStore(replicas.open()); }
 * }</pre>
 */
public final class ReplicaPools implements BeforeEachCallback, AfterEachCallback {

  private String url;
  private final List<Database> pools = new ArrayList<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    url = TestPostgres.freshDatabaseUrl();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    pools.forEach(Database::close);
    pools.clear();
  }

  /** One more replica's pool onto this test's database. */
  public Database open() {
    Database database = Database.connect(url, Optional.of("postgres"), Optional.empty());
    pools.add(database);
    return database;
  }
}
