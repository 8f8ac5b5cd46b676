package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calling.RefreshTokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The refresh token contract on the database, and the replicas taking turns to exchange it. */
final class PgRefreshTokenStoreTest extends RefreshTokenStoreContract {

  @RegisterExtension
  final ReplicaPools replicas = new ReplicaPools();

  @Override
  RefreshTokenStore open() {
    return new PgRefreshTokenStore(replicas.open());
  }

  /** Each exchange reads the token, "spends" it and saves the next: taking turns, none reads a spent one. */
  @Test
  void exchangesOfTwoReplicas_takeTurns_soEachSpendsTheNewestToken() throws Exception {
    List<RefreshTokenStore> replicas = List.of(open(), open());
    replicas.get(0).save("0");
    AtomicInteger spentTwice = new AtomicInteger();
    List<String> spent = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> exchanges = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        RefreshTokenStore store = replicas.get(i % 2);
        exchanges.add(pool.submit(() -> store.exchanging(() -> {
          String token = store.load().orElseThrow();
          if (spent.contains(token)) spentTwice.incrementAndGet();
          spent.add(token);
          Thread.yield();
          store.save(String.valueOf(Integer.parseInt(token) + 1));
          return token;
        })));
      }
      for (Future<?> exchange : exchanges) exchange.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
    }
    assertThat(spentTwice.get()).isZero();
    assertThat(replicas.get(1).load()).contains("20");
  }
}
