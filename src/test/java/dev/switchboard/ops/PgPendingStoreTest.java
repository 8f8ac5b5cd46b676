package dev.switchboard.ops;

import dev.switchboard.store.Database;
import dev.switchboard.store.PgPendingStore;
import dev.switchboard.store.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The preview contract on PostgreSQL: each view is another replica's pool. */
final class PgPendingStoreTest extends PendingStoreContract {

  private String url;
  private final List<Database> pools = new ArrayList<>();

  @BeforeEach
  void createDatabase() {
    url = TestPostgres.freshDatabaseUrl();
  }

  @AfterEach
  void closePools() {
    pools.forEach(Database::close);
  }

  @Override
  PendingStore open() {
    Database database = Database.connect(url, Optional.of("postgres"), Optional.empty());
    pools.add(database);
    return new PgPendingStore(database);
  }

  @Override
  PendingStore alongside(PendingStore first) {
    return open();
  }
}
