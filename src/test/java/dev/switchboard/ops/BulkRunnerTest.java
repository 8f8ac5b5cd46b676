package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.Await;
import dev.switchboard.TestClock;
import dev.switchboard.calling.RateLimitedException;
import dev.switchboard.calling.WebexOperation;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class BulkRunnerTest {

  private final TestClock time = new TestClock();
  private final AtomicBoolean stopping = new AtomicBoolean();

  private static RateLimitedException limited(Duration retryAfter) {
    return new RateLimitedException(WebexOperation.PUT_LOCATION_INTERCEPT, 429, "Too many requests", List.of(),
        "TRACK", retryAfter);
  }

  @Test
  void theCallingThreadIsOneOfTheWorkers_andOneTargetNeedsNoOther_whileOutcomesKeepTheTargetsOrder() {
    BulkRunner runner = new BulkRunner(new OrgGate(time, time), 3, stopping);
    Thread caller = Thread.currentThread();
    Set<Thread> ran = ConcurrentHashMap.newKeySet();

    var one = runner.<Integer, Integer>run(List.of(7), n -> calls -> {
      ran.add(Thread.currentThread());
      return n * 2;
    });
    assertThat(one).extracting(BulkRunner.Outcome::result).containsExactly(14);
    assertThat(ran).containsExactly(caller);

    ran.clear();
    var many = runner.<Integer, Integer>run(List.of(1, 2, 3, 4, 5, 6, 7, 8), n -> calls -> {
      ran.add(Thread.currentThread());
      return calls.call(() -> n * 10);
    });
    assertThat(many).extracting(BulkRunner.Outcome::result).containsExactly(10, 20, 30, 40, 50, 60, 70, 80);
    assertThat(ran).as("at most the concurrency bound of workers").hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void rateLimited_closesTheGateForEveryone_andTheCallIsRetriedAfterRetryAfter() {
    BulkRunner runner = new BulkRunner(new OrgGate(time, time), 5, stopping);
    AtomicInteger attempts = new AtomicInteger();

    var outcomes = runner.<Integer, String>run(List.of(1), n -> calls -> calls.call(() -> {
      if (attempts.incrementAndGet() == 1) throw limited(Duration.ofSeconds(5));
      return "done";
    }));

    assertThat(outcomes.get(0).result()).isEqualTo("done");
    assertThat(time.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void retryAfterOverSixtySeconds_endsThatCall() {
    BulkRunner runner = new BulkRunner(new OrgGate(time, time), 5, stopping);

    var outcomes = runner.<Integer, String>run(List.of(1), n -> calls -> {
      try {
        return calls.call(() -> {
          throw limited(Duration.ofSeconds(61));
        });
      } catch (RateLimitedException e) {
        return "gave up after " + e.retryAfter().toSeconds() + " s";
      }
    });

    assertThat(outcomes.get(0).result()).isEqualTo("gave up after 61 s");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void sustainedRateLimiting_givesUpAfterBoundedTries() {
    BulkRunner runner = new BulkRunner(new OrgGate(time, time), 5, stopping);
    AtomicInteger attempts = new AtomicInteger();

    var outcomes = runner.<Integer, String>run(List.of(1), n -> calls -> {
      try {
        return calls.call(() -> {
          attempts.incrementAndGet();
          throw limited(Duration.ofSeconds(1));
        });
      } catch (RateLimitedException e) {
        return "rate limited";
      }
    });

    assertThat(outcomes.get(0).result()).isEqualTo("rate limited");
    assertThat(attempts).hasValue(BulkRunner.MAX_RATE_LIMITED_TRIES);
  }

  @Test
  void twoRunsAtOnce_holdExactlyTheOrgsBoundOfCalls_andTheRestWaitForASlot() throws Exception {
    int bound = 2;
    BulkRunner runner = new BulkRunner(new OrgGate(time, time), bound, stopping);
    // Each call waits here until `bound` calls are in flight: with fewer slots it times out and the test fails.
    CyclicBarrier together = new CyclicBarrier(bound);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    Function<Integer, Function<BulkRunner.Calls, Integer>> task = n -> calls -> {
      workers.add(Thread.currentThread());
      return calls.call(() -> {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        await(() -> together.await(10, TimeUnit.SECONDS) >= 0);
        await(() -> release.await(10, TimeUnit.SECONDS));
        inFlight.decrementAndGet();
        return n;
      });
    };
    ExecutorService twoPeople = Executors.newFixedThreadPool(2);
    try {
      // Three targets each: two workers per run, four in all, for a bound of two.
      var first = twoPeople.submit(() -> runner.run(List.of(1, 2, 3), task));
      var second = twoPeople.submit(() -> runner.run(List.of(4, 5, 6), task));

      // Two calls hold the slots; the other two workers are parked waiting for one, not calling.
      Await.until(() -> Optional.of(workers).filter(w -> w.size() == 4 && waitingForASlot(w) == 2));
      assertThat(inFlight).hasValue(bound);

      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).extracting(BulkRunner.Outcome::result).containsExactly(1, 2, 3);
      assertThat(second.get(10, TimeUnit.SECONDS)).extracting(BulkRunner.Outcome::result).containsExactly(4, 5, 6);
    } finally {
      twoPeople.shutdownNow();
    }
    assertThat(most).as("calls in flight at once, at most").hasValue(bound);
  }

  /** How many of these threads are parked in a semaphore's acquire: the bulk runner's wait for a slot. */
  private static long waitingForASlot(Set<Thread> threads) {
    return threads.stream()
        .filter(t -> t.getState() == Thread.State.WAITING)
        .filter(t -> Arrays.stream(t.getStackTrace()).anyMatch(frame ->
            frame.getClassName().equals(Semaphore.class.getName()) && frame.getMethodName().startsWith("acquire")))
        .count();
  }

  private interface Wait {
    boolean await() throws Exception;
  }

  private static void await(Wait wait) {
    try {
      if (!wait.await()) throw new AssertionError("timed out");
    } catch (Exception e) {
      throw new AssertionError("gave up waiting", e);
    }
  }

  @Test
  void aTaskThatThrows_isReportedAsFailed_andTheOthersStillFinish() {
    BulkRunner runner = new BulkRunner(new OrgGate(time, time), 3, stopping);

    var outcomes = runner.<Integer, Integer>run(IntStream.rangeClosed(1, 5).boxed().toList(), n -> calls -> {
      if (n == 3) throw new IllegalStateException("boom");
      return n * 10;
    });

    assertThat(outcomes).extracting(BulkRunner.Outcome::result).containsExactly(10, 20, null, 40, 50);
    assertThat(outcomes.get(2).failure()).contains("failed unexpectedly");
  }

  @Test
  void shuttingDownWhileWaitingAtTheGate_givesUpWithinASecond() throws Exception {
    OrgGate gate = new OrgGate(time, time);
    gate.closeFor(Duration.ofSeconds(50));
    AtomicInteger looks = new AtomicInteger();

    boolean opened = gate.awaitOpen(() -> looks.incrementAndGet() > 3);

    assertThat(opened).isFalse();
    assertThat(time.sleeps()).hasSize(3).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(1)));
  }

  @Test
  void shuttingDown_startsNothingNew() {
    BulkRunner runner = new BulkRunner(new OrgGate(time, time), 3, stopping);
    stopping.set(true);

    var outcomes = runner.<Integer, Integer>run(List.of(1, 2), n -> calls -> n);

    assertThat(outcomes).allSatisfy(o -> assertThat(o.started()).isFalse());
  }

  @Test
  void gate_closedByOneCall_makesOthersWaitAtLeastAsLong() {
    OrgGate gate = new OrgGate(time, time);
    gate.closeFor(Duration.ofSeconds(5));
    gate.closeFor(Duration.ofSeconds(2));

    assertThat(gate.isOpen()).isFalse();
    assertThatThrownBy(() -> {
      gate.awaitOpen();
      throw new IllegalStateException("opened after " + time.sleeps());
    }).hasMessage("opened after [PT1S, PT1S, PT1S, PT1S, PT1S]");
  }

  @Test
  void gate_learnsThePaceBetweenTwoRefusals_andSpacesCallsBelowIt() throws Exception {
    OrgGate gate = new OrgGate(time, time);
    gate.closeFor(Duration.ofSeconds(1));
    time.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 50; i++) gate.called();
    gate.closeFor(Duration.ofSeconds(1));

    // 50 calls went through in one second: calls are now spaced for 95% of that, 21.1 ms apart.
    assertThat(gate.spacing()).isBetween(Duration.ofMillis(21), Duration.ofMillis(22));
    time.advance(Duration.ofSeconds(1));
    time.forgetSleeps();
    // The quota refilled during the wait: five calls go at once, then the spacing applies.
    for (int i = 0; i < 5; i++) gate.awaitOpen();
    assertThat(time.sleeps()).isEmpty();
    gate.awaitOpen();
    gate.awaitOpen();
    assertThat(time.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
        .isBetween(Duration.ofMillis(22), Duration.ofMillis(46));
  }

  @Test
  void gate_forgetsThePaceAfterAMinuteWithoutRefusals() throws Exception {
    OrgGate gate = new OrgGate(time, time);
    gate.closeFor(Duration.ofSeconds(1));
    time.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 20; i++) gate.called();
    gate.closeFor(Duration.ofSeconds(1));
    assertThat(gate.spacing()).isNotNull();
    time.advance(Duration.ofMinutes(2));
    time.forgetSleeps();

    gate.awaitOpen();
    gate.awaitOpen();

    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void gate_aBurstOfRefusals_teachesNoPace_andNeverSlowsALearnedOne() {
    OrgGate gate = new OrgGate(time, time);
    gate.closeFor(Duration.ofSeconds(1));
    time.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 3; i++) gate.called();
    gate.closeFor(Duration.ofSeconds(1));
    assertThat(gate.spacing()).as("three calls between refusals are a burst").isNull();

    time.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 50; i++) gate.called();
    gate.closeFor(Duration.ofSeconds(1));
    Duration learned = gate.spacing();
    time.advance(Duration.ofSeconds(5));
    for (int i = 0; i < 10; i++) gate.called();
    gate.closeFor(Duration.ofSeconds(1));

    assertThat(gate.spacing()).isEqualTo(learned);
  }
}
