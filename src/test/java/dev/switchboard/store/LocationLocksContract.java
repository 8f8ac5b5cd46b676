package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ops.LocationLocks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What per-location locks promise, within one replica and across replicas: work on one location never overlaps,
 * work on two locations does not wait for each other, and a nested take does not deadlock.
 */
abstract class LocationLocksContract {

  /** The locks of replica {@code n} (1 or 2) on this test's shared place. */
  abstract LocationLocks replica(int n);

  @Test
  void workOnOneLocation_neverOverlaps_acrossReplicas() throws Exception {
    List<LocationLocks> replicas = List.of(replica(1), replica(2));
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        LocationLocks locks = replicas.get(i % 2);
        runs.add(pool.submit(() -> locks.with("loc-hq", () -> {
          mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
          Thread.yield();
          return inside.decrementAndGet();
        })));
      }
      for (Future<?> run : runs) run.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
    }
    assertThat(mostAtOnce.get()).isEqualTo(1);
  }

  @Test
  void twoLocations_doNotWaitForEachOther() throws Exception {
    LocationLocks first = replica(1);
    LocationLocks second = replica(2);
    CountDownLatch bothInside = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> a = pool.submit(() -> first.with("loc-a", () -> meet(bothInside)));
      Future<Boolean> b = pool.submit(() -> second.with("loc-b", () -> meet(bothInside)));
      assertThat(a.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(b.get(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void nestedTake_ofTheSameLocation_runs() {
    LocationLocks locks = replica(1);
    assertThat(locks.with("loc-hq", () -> locks.with("loc-hq", () -> "inner"))).isEqualTo("inner");
  }

  private static boolean meet(CountDownLatch latch) {
    latch.countDown();
    try {
      return latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
