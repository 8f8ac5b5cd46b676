package dev.switchboard.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Socket timers a test moves by hand: {@link #advance} runs, on the test's thread, every task that came due. */
public final class ManualTimers implements SocketTimers {

  private final class Task implements Scheduled {
    final long due;
    final Runnable work;
    boolean cancelled;

    Task(long due, Runnable work) {
      this.due = due;
      this.work = work;
    }

    @Override
    public void cancel() {
      synchronized (ManualTimers.this) {
        cancelled = true;
      }
    }
  }

  private final List<Task> tasks = new ArrayList<>(); // guarded by this
  private long now; // millis, guarded by this

  @Override
  public synchronized Scheduled after(Duration delay, Runnable task) {
    Task scheduled = new Task(now + delay.toMillis(), task);
    tasks.add(scheduled);
    return scheduled;
  }

  /** Moves time on by {@code by}, running each task as its time comes (tasks they schedule included). */
  public void advance(Duration by) {
    long until;
    synchronized (this) {
      until = now + by.toMillis();
    }
    while (true) {
      Task next;
      synchronized (this) {
        tasks.removeIf(t -> t.cancelled);
        next = tasks.stream().filter(t -> t.due <= until).min(Comparator.comparingLong(t -> t.due)).orElse(null);
        if (next == null) {
          now = until;
          return;
        }
        tasks.remove(next);
        now = Math.max(now, next.due);
      }
      next.work.run();
    }
  }

  /** How long until the next live task is due, if any. */
  public synchronized Optional<Duration> nextDue() {
    return tasks.stream().filter(t -> !t.cancelled).mapToLong(t -> t.due - now).min().stream().boxed()
        .findFirst().map(Duration::ofMillis);
  }

  @Override
  public void close() {
  }
}
