package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ops.LocationLocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lock contract across two replicas, each with its own pool on one database (advisory locks). */
final class PgLocationLocksTest extends LocationLocksContract {

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
  LocationLocks replica(int n) {
    Database database = Database.connect(url, Optional.of("postgres"), Optional.empty());
    pools.add(database);
    return new LocationLocks(new PgLocationLocks(database));
  }

  @Test
  void replicaThatDies_holdingALock_releasesIt() throws Exception {
    LocationLocks dying = replica(1);
    LocationLocks survivor = replica(2);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    CompletableFuture.runAsync(() -> dying.with("loc-hq", () -> {
      holding.countDown();
      try {
        return never.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return false;
      }
    }));
    assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();

    pools.get(0).close(); // the replica's connections go, as when its process dies
    assertThat(CompletableFuture.supplyAsync(() -> survivor.with("loc-hq", () -> "taken"))
        .get(30, TimeUnit.SECONDS)).isEqualTo("taken");
    never.countDown();
  }
}
