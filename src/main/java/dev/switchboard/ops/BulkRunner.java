package dev.switchboard.ops;

import dev.switchboard.calling.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one task per target with bounded concurrency, every Webex call passing the org's gate. A
 * task that has not started when the service begins shutting down is not started at all.
 */
public final class BulkRunner {

  /** Waits longer than this are not worth holding a person's command for. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private final OrgGate gate;
  private final int concurrency;
  private final AtomicBoolean stopping;

  public BulkRunner(OrgGate gate, int concurrency, AtomicBoolean stopping) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
    this.gate = gate;
    this.concurrency = concurrency;
    this.stopping = stopping;
  }

  /** A task's view of the gate: wraps each Webex call. */
  public interface Calls {
    <V> V call(Supplier<V> webexCall);
  }

  /** What became of one target; {@code result} is null when the task was not started. */
  public record Outcome<T, R>(T target, R result, boolean started) {}

  /** Runs {@code task} for each target and returns the outcomes in the targets' order. */
  public <T, R> List<Outcome<T, R>> run(List<T> targets, Function<T, Function<Calls, R>> task) {
    if (targets.isEmpty()) return List.of();
    Semaphore slots = new Semaphore(concurrency);
    Calls calls = new GatedCalls(slots);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, targets.size()), threads());
    try {
      List<Future<Outcome<T, R>>> futures = new ArrayList<>();
      for (T target : targets) {
        futures.add(pool.submit(() -> stopping.get()
            ? new Outcome<T, R>(target, null, false)
            : new Outcome<T, R>(target, task.apply(target).apply(calls), true)));
      }
      List<Outcome<T, R>> outcomes = new ArrayList<>();
      for (Future<Outcome<T, R>> future : futures) outcomes.add(join(future));
      return outcomes;
    } finally {
      pool.shutdown();
    }
  }

  private final class GatedCalls implements Calls {
    private final Semaphore slots;

    GatedCalls(Semaphore slots) {
      this.slots = slots;
    }

    @Override
    public <V> V call(Supplier<V> webexCall) {
      while (true) {
        try {
          gate.awaitOpen();
          slots.acquire();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for Webex's rate limit", e);
        }
        try {
          return webexCall.get();
        } catch (RateLimitedException e) {
          if (e.retryAfter().compareTo(LONGEST_WAIT) > 0) throw e;
          gate.closeFor(e.retryAfter());
        } finally {
          slots.release();
        }
      }
    }
  }

  private static <V> V join(Future<V> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during bulk work", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "switchboard-bulk-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
