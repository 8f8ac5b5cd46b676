package dev.switchboard.ops;

import dev.switchboard.store.PgPendingStore;
import dev.switchboard.store.ReplicaPools;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The preview contract on PostgreSQL: each view is another replica's pool. */
final class PgPendingStoreTest extends PendingStoreContract {

  @RegisterExtension
  final ReplicaPools replicas = new ReplicaPools();

  @Override
  PendingStore open() {
    return new PgPendingStore(replicas.open());
  }

  @Override
  PendingStore alongside(PendingStore first) {
    return open();
  }
}
