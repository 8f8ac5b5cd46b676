package dev.switchboard.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ops.schedule.Schedule.Phase;
import dev.switchboard.store.PgScheduleBook;
import dev.switchboard.store.ReplicaPools;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schedule contract on PostgreSQL, where each {@link #open()} is another replica, alive at once: a lease kept
 * alive by its heartbeat is never taken over, one run out is taken by exactly one replica.
 */
final class PgScheduleBookTest extends ScheduleBookContract {

  @RegisterExtension
  final ReplicaPools replicas = new ReplicaPools();

  @Override
  ScheduleBook open() {
    return new PgScheduleBook(replicas.open(), MAPPER, time);
  }

  @Override
  ScheduleBook alongside(ScheduleBook first) {
    return open();
  }

  @Test
  void aRunningItemWhoseReplicaBeats_isNotTakenOver_oneThatStopped_isTakenByOneReplica() {
    ScheduleStore a = store();
    ScheduleStore b = store();
    ScheduleStore c = store();
    int id = a.add(n -> schedule(n, time.instant(), "L1")).id();
    a.claim(id, "L1", i -> i.start() == Phase.PENDING, i -> i.starting(Phase.RUNNING, "batch", null));

    time.advance(ScheduleBook.LEASE.minusSeconds(10));
    a.heartbeat();
    time.advance(Duration.ofSeconds(30)); // past the first lease, inside the renewed one
    assertThat(b.cutShort()).isEmpty();
    assertThat(a.cutShort()).as("its own item is not handed to itself").isEmpty();

    time.advance(ScheduleBook.LEASE); // a stopped beating
    assertThat(List.of(b.cutShort(), c.cutShort()))
        .containsExactlyInAnyOrder(java.util.Set.of(ScheduleStore.key(id, "L1")), java.util.Set.of());
  }

  @Test
  void theDailyReport_isPostedByOneReplica_andTakenOverWhenItStops() {
    ScheduleStore a = store();
    ScheduleStore b = store();
    LocalDate day = LocalDate.parse("2026-11-25");

    assertThat(a.holdReport(day)).isTrue();
    assertThat(b.holdReport(day)).isFalse();
    time.advance(ScheduleBook.LEASE.minusSeconds(5));
    a.heartbeat();
    time.advance(Duration.ofSeconds(10));
    assertThat(b.holdReport(day)).as("a is alive").isFalse();
    assertThat(a.holdReport(day)).as("renewing its own").isTrue();

    time.advance(ScheduleBook.LEASE.plusSeconds(1)); // a stopped
    assertThat(b.holdReport(day)).isTrue();
    b.reportDone(day);
    assertThat(a.holdReport(day)).isFalse();
  }
}
