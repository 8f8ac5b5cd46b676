package dev.switchboard.ops;

import dev.switchboard.calling.RateLimitedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task per target with bounded concurrency, every Webex call passing the org's gate. The
 * concurrency bound is the org's, shared by every command running at once, because Webex's quota
 * is the org's. A task that has not started when the service begins shutting down is not started.
 */
public final class BulkRunner {

  private static final Logger log = LoggerFactory.getLogger(BulkRunner.class);

  /** Waits longer than this are not worth holding a person's command for. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
  /** A call told to wait this many times in a row gives up, so the person always gets an answer. */
  static final int MAX_RATE_LIMITED_TRIES = 8;

  private final OrgGate gate;
  private final Semaphore slots;
  private final int concurrency;
  private final AtomicBoolean stopping;

  public BulkRunner(OrgGate gate, int concurrency, AtomicBoolean stopping) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
    this.gate = gate;
    this.concurrency = concurrency;
    this.slots = new Semaphore(concurrency, true);
    this.stopping = stopping;
  }

  /** A task's view of the gate: wraps each Webex call. */
  public interface Calls {
    <V> V call(Supplier<V> webexCall);
  }

  /** Thrown into a task that is between calls when the service begins shutting down. */
  static final class ShuttingDown extends RuntimeException {
    ShuttingDown() {
      super("shutting down", null, false, false);
    }
  }

  /**
   * What became of one target: its result, or why it has none — not started (shutting down), or a
   * failure the task did not turn into a result itself.
   */
  public record Outcome<T, R>(T target, R result, boolean started, String failure) {}

  /** Runs {@code task} for each target and returns the outcomes in the targets' order. */
  public <T, R> List<Outcome<T, R>> run(List<T> targets, Function<T, Function<Calls, R>> task) {
    return run(targets, task, () -> {});
  }

  /**
   * As {@link #run(List, Function)}, telling {@code eachDone} whenever a target is done (from a worker thread).
   * At most {@code concurrency} workers take the targets in turn: the calling thread is one of them (it would only
   * wait otherwise), the others are threads kept for the next run — a new pool per run cost a status over two
   * locations a thread start, and up to 15 ms on 2 busy cores before its second call went out.
   */
  public <T, R> List<Outcome<T, R>> run(List<T> targets, Function<T, Function<Calls, R>> task, Runnable eachDone) {
    if (targets.isEmpty()) return List.of();
    Calls calls = new GatedCalls();
    AtomicReferenceArray<Outcome<T, R>> outcomes = new AtomicReferenceArray<>(targets.size());
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < targets.size(); i = next.getAndIncrement()) {
        outcomes.set(i, runOne(targets.get(i), task, calls));
        eachDone.run();
      }
    };
    List<Future<?>> helpers = new ArrayList<>();
    try {
      for (int w = 1; w < Math.min(concurrency, targets.size()); w++) helpers.add(WORKERS.submit(worker));
      worker.run();
      for (Future<?> helper : helpers) join(helper);
    } finally {
      for (Future<?> helper : helpers) helper.cancel(true); // only those still running: after a failure
    }
    List<Outcome<T, R>> inOrder = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) inOrder.add(outcomes.get(i));
    return inOrder;
  }

  /** The time between two calls at the org's learned pace, or null while no pace is known. */
  public java.time.Duration pace() {
    return gate.spacing();
  }

  private <T, R> Outcome<T, R> runOne(T target, Function<T, Function<Calls, R>> task, Calls calls) {
    if (stopping.get()) return new Outcome<>(target, null, false, null);
    try {
      return new Outcome<>(target, task.apply(target).apply(calls), true, null);
    } catch (ShuttingDown e) {
      return new Outcome<>(target, null, true, "stopped before its change (shutting down)");
    } catch (RuntimeException e) {
      // A bug or an unexpected answer at one target must not hide what happened at the others.
      log.error("Bulk task failed at {}", target, e);
      return new Outcome<>(target, null, true, "failed unexpectedly (" + e.getClass().getSimpleName()
          + "); see the service log");
    }
  }

  private final class GatedCalls implements Calls {
    @Override
    public <V> V call(Supplier<V> webexCall) {
      for (int tries = 1; ; tries++) {
        acquireWhenOpen();
        try {
          V value = webexCall.get();
          gate.called();
          return value;
        } catch (RateLimitedException e) {
          if (e.retryAfter().compareTo(LONGEST_WAIT) > 0 || tries >= MAX_RATE_LIMITED_TRIES) throw e;
          gate.closeFor(e.retryAfter());
        } catch (RuntimeException e) {
          gate.called(); // a failed answer used the org's quota all the same
          throw e;
        } finally {
          slots.release();
        }
      }
    }

    /**
     * Waits at the gate holding no slot, takes a slot, and checks the gate again: it may have
     * closed while this worker waited for the slot, and then nobody may call early.
     */
    private void acquireWhenOpen() {
      try {
        while (true) {
          if (!gate.awaitOpen(stopping::get)) throw new ShuttingDown();
          slots.acquire();
          if (gate.isOpen() && !stopping.get()) return;
          slots.release();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ShuttingDown();
      }
    }
  }

  private static void join(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during bulk work", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("bulk task failed", e.getCause());
    }
  }

  /**
   * The helper threads of every run, kept a minute after their last task. How many run at once is bounded by each
   * run's worker count and, for the calls, by the org's slots.
   */
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(threads());

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "switchboard-bulk-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
