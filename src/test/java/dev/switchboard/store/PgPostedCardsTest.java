package dev.switchboard.store;

import dev.switchboard.TestClock;
import dev.switchboard.chat.PostedCardStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The posted-card contract on PostgreSQL: each store is another replica's pool. */
final class PgPostedCardsTest extends PostedCardStoreContract {

  @RegisterExtension
  final ReplicaPools replicas = new ReplicaPools();

  @Override
  PostedCardStore open() {
    return new PgPostedCards(replicas.open(), new TestClock());
  }
}
