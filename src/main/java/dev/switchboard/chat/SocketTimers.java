package dev.switchboard.chat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay: a seam so the ping, pong and backoff timers are advanced by hand in tests. */
public interface SocketTimers extends AutoCloseable {

  /** A task scheduled with {@link #after}; cancelling one that ran does nothing. */
  interface Scheduled {
    void cancel();
  }

  Scheduled after(Duration delay, Runnable task);

  @Override
  void close();

  /** Real time, on one daemon thread. */
  static SocketTimers real(String threadName) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    return new SocketTimers() {
      @Override
      public Scheduled after(Duration delay, Runnable task) {
        if (executor.isShutdown()) return () -> { };
        ScheduledFuture<?> future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
      }

      @Override
      public void close() {
        executor.shutdownNow();
      }
    };
  }
}
