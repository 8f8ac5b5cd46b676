package dev.switchboard.chat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands off the webhook's request thread, at most {@code capacity} at a time. On a
 * runtime with virtual threads (Java 21+) each command gets one; on Java 17, pooled threads.
 * When full, {@link #trySubmit} says so at once instead of queueing without bound; and it starts nothing while
 * commands flood in ({@link FloodGate}), so the cores are kept for the acks.
 */
public final class CommandPool implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandPool.class);

  private final Semaphore slots;
  private final int capacity;
  private final FloodGate gate;
  private final ExecutorService executor;
  private final AtomicInteger running = new AtomicInteger();

  /** At most {@code capacity} tasks at once, however fast they are offered. */
  public CommandPool(int capacity) {
    this(capacity, FloodGate.open());
  }

  /** At most {@code capacity} tasks at once, and none started while {@code gate} counts a flood of them. */
  public CommandPool(int capacity, FloodGate gate) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
    this.capacity = capacity;
    this.gate = gate;
    this.slots = new Semaphore(capacity);
    this.executor = newExecutor();
  }

  /**
   * Starts the task, or returns false at once when {@code capacity} tasks are already running or tasks are
   * offered as a flood.
   */
  public boolean trySubmit(Runnable task) {
    Slot slot = tryReserve();
    return slot != null && slot.start(task);
  }

  /**
   * Holds a place for a task to be started later (after the platform has its answer, say), or returns null at once
   * when {@code capacity} tasks are already running or tasks are offered as a flood.
   */
  public Slot tryReserve() {
    if (gate.offerShut() || !slots.tryAcquire()) return null;
    running.incrementAndGet();
    return new Slot();
  }

  /** A place held in the pool for one task, freed when the task {@link #start}ed in it ends. */
  public final class Slot {

    private final AtomicBoolean used = new AtomicBoolean();

    private Slot() {}

    /** Runs {@code task} in this slot; false when the pool is shutting down and it cannot (the slot is freed). */
    public boolean start(Runnable task) {
      if (!used.compareAndSet(false, true)) throw new IllegalStateException("This slot was started already");
      try {
        executor.execute(() -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.error("A command task failed", e);
          } finally {
            free();
          }
        });
        return true;
      } catch (RuntimeException e) {
        free();
        return false;
      }
    }
  }

  private void free() {
    running.decrementAndGet();
    slots.release();
  }

  /** Commands running or about to run. */
  public int inFlight() {
    return running.get();
  }

  public int capacity() {
    return capacity;
  }

  /** Takes no new tasks and waits up to {@code grace} for those running to finish. */
  public boolean shutdown(Duration grace) {
    executor.shutdown();
    try {
      return executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(30));
  }

  /** Virtual threads where the runtime has them (looked up reflectively: the code targets Java 17). */
  private static ExecutorService newExecutor() {
    try {
      Method method = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) method.invoke(null);
    } catch (ReflectiveOperationException e) {
      AtomicInteger n = new AtomicInteger();
      return Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "switchboard-command-" + n.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
    }
  }

  /** Whether commands run on virtual threads here. */
  public static boolean virtualThreads() {
    try {
      Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
