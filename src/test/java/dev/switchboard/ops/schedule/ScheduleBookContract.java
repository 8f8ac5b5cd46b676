package dev.switchboard.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.TestClock;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.ops.Requester;
import dev.switchboard.ops.schedule.Schedule.Item;
import dev.switchboard.ops.schedule.Schedule.Phase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScheduleBook} does, seen through the scheduler's typed {@link ScheduleStore}: numbering,
 * check-and-set claims, the daily report's claim, the hand-over of what a stopped process left running, pruning.
 * Run against the file and against PostgreSQL.
 */
abstract class ScheduleBookContract {

  static final ObjectMapper MAPPER = WebexClient.builder().baseUrl("http://127.0.0.1:9")
      .adminTokens(new StaticTokenProvider("admin")).botTokens(new StaticTokenProvider("bot")).build().objectMapper();

  final TestClock time = new TestClock();

  /** A book on the storage of this test: each call is another process (or replica) on the same storage. */
  abstract ScheduleBook open();

  /**
   * Who else works on the same schedules at the same time as {@code first}: another replica on a database; on a
   * file, only another thread of the same process (a file has one process).
   */
  abstract ScheduleBook alongside(ScheduleBook first);

  ScheduleStore store() {
    return new ScheduleStore(open(), MAPPER, time);
  }

  private ScheduleStore[] pair() {
    ScheduleBook first = open();
    return new ScheduleStore[] {new ScheduleStore(first, MAPPER, time),
        new ScheduleStore(alongside(first), MAPPER, time)};
  }

  static Schedule schedule(int id, Instant start, String... locations) {
    List<Item> items = new ArrayList<>();
    for (String location : locations) {
      items.add(new Item(location, "Name of " + location, "America/Chicago", "", start, start.plus(Duration.ofHours(1)),
          Phase.PENDING, Phase.PENDING, null, null, null, false, null, null, false));
    }
    Requester ana = new Requester(Requester.Platform.CONSOLE, "ana@example.com", "p-ana", "ana@example.com",
        "console", null);
    return new Schedule(id, ana, "Ana", "intercept on at HQ for 1h", start, true, items, null);
  }

  private Schedule add(ScheduleStore store, String... locations) {
    return store.add(id -> schedule(id, time.instant(), locations));
  }

  private static boolean claimStart(ScheduleStore store, int id, String location) {
    return store.claim(id, location, i -> i.start() == Phase.PENDING, i -> i.starting(Phase.RUNNING, "b", null));
  }

  @Test
  void numbersStartAtOne_andTheNewestRemovedIsGivenBack_anOlderOneIsNot() {
    ScheduleStore store = store();
    assertThat(add(store, "L1").id()).isEqualTo(1);
    assertThat(add(store, "L1").id()).isEqualTo(2);
    store.remove(2);
    assertThat(add(store, "L1").id()).isEqualTo(2);
    store.remove(1);
    assertThat(add(store, "L1").id()).isEqualTo(3);
    assertThat(store().all()).extracting(Schedule::id).containsExactly(2, 3);
  }

  @Test
  void aScheduleReadBack_isTheOneKept() {
    ScheduleStore store = store();
    Schedule kept = add(store, "L1", "L2");
    assertThat(store().get(kept.id())).contains(kept);
    assertThat(store().get(99)).isEmpty();
  }

  @Test
  void aClaim_isTakenOnce_andOnlyWhileItsCheckHolds() {
    ScheduleStore[] pair = pair();
    ScheduleStore a = pair[0];
    ScheduleStore b = pair[1];
    int id = add(a, "L1").id();

    assertThat(claimStart(a, id, "L1")).isTrue();
    assertThat(claimStart(b, id, "L1")).isFalse();
    assertThat(b.get(id).orElseThrow().item("L1").start()).isEqualTo(Phase.RUNNING);
    assertThat(claimStart(a, 99, "L1")).isFalse();
    assertThatThrownBy(() -> a.update(99, s -> s)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoClaimsAtOnce_oneWins() throws Exception {
    ScheduleStore[] pair = pair();
    ScheduleStore a = pair[0];
    ScheduleStore b = pair[1];
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        int id = add(a, "L1").id();
        CountDownLatch go = new CountDownLatch(1);
        Future<Boolean> first = pool.submit(() -> {
          go.await();
          return claimStart(a, id, "L1");
        });
        Future<Boolean> second = pool.submit(() -> {
          go.await();
          return claimStart(b, id, "L1");
        });
        go.countDown();
        assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
            .as("round %d", round).containsExactlyInAnyOrder(true, false);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void whatAStoppedProcessLeftRunning_isHandedToTheNextOnce_afterItsLease() {
    ScheduleStore a = store();
    int id = add(a, "L1", "L2").id();
    claimStart(a, id, "L2");
    time.advance(ScheduleBook.LEASE.plusSeconds(1)); // a stops: no heartbeat

    ScheduleStore b = store();
    assertThat(b.cutShort()).containsExactly(ScheduleStore.key(id, "L2"));
    b.settled(ScheduleStore.key(id, "L2"));
    assertThat(b.cutShort()).isEmpty();
  }

  @Test
  void aFinishedItem_isNoLongerRunning_forAnyone() {
    ScheduleStore a = store();
    int id = add(a, "L1").id();
    claimStart(a, id, "L1");
    a.update(id, s -> s.withItem("L1", i -> i.started(Phase.DONE, "entry", null)));
    time.advance(ScheduleBook.LEASE.multipliedBy(2));

    assertThat(store().cutShort()).isEmpty();
  }

  @Test
  void theDailyReport_isHeldUntilDone_thenNotAgainThatDay() {
    ScheduleStore store = store();
    LocalDate day = LocalDate.parse("2026-11-25");
    assertThat(store.lastReport()).isNull();
    assertThat(store.holdReport(day)).isTrue();
    store.reportDone(day);

    assertThat(store().lastReport()).isEqualTo(day);
    assertThat(store.holdReport(day)).isFalse();
    assertThat(store.holdReport(day.minusDays(1))).isFalse();
    assertThat(store.holdReport(day.plusDays(1))).isTrue();
  }

  @Test
  void finishedSchedules_areDroppedAfterAWhile_plannedOnesStay() {
    ScheduleStore store = store();
    int finished = add(store, "L1").id();
    store.update(finished, s -> s.withItem("L1", i -> i.started(Phase.FAILED, null, "failed")));
    int planned = store.add(id -> schedule(id, time.instant().plus(Duration.ofDays(40)), "L1")).id();
    time.advance(ScheduleBook.KEEP_FINISHED.plusDays(1));

    add(store, "L2");

    assertThat(store().all()).extracting(Schedule::id).doesNotContain(finished).contains(planned);
  }
}
