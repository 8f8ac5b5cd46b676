package dev.switchboard.store;

import dev.switchboard.TestClock;
import dev.switchboard.chat.PostedCardStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The posted-card contract on PostgreSQL: each store is another replica's pool. */
final class PgPostedCardsTest extends PostedCardStoreContract {

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
  PostedCardStore open() {
    Database database = Database.connect(url, Optional.of("postgres"), Optional.empty());
    pools.add(database);
    return new PgPostedCards(database, new TestClock());
  }
}
