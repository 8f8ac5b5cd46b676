package dev.switchboard.ops;

import dev.switchboard.store.PgFollowUps;
import dev.switchboard.store.ReplicaPools;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The follow-up contract on PostgreSQL: each view is another replica's pool. */
final class PgFollowUpsTest extends FollowUpStoreContract {

  @RegisterExtension
  final ReplicaPools replicas = new ReplicaPools();

  @Override
  FollowUpStore open() {
    return new PgFollowUps(replicas.open());
  }

  @Override
  FollowUpStore alongside(FollowUpStore first) {
    return open();
  }
}
