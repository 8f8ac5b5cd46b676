package dev.switchboard.chat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both front ends do with a verified delivery once they know it is a command: drop it when it is a
 * redelivery, else run it on the command pool, and when the pool is full tell the sender so — off the request
 * thread, so the platform gets its answer at once. The platform inboxes keep only what differs: reading the
 * delivery, who sent it and where the answer goes.
 *
 * <pre>{@code
 * Fate fate = inbox.take("webex:" + messageId, () -> runMessage(messageId), () -> postBusyNotice(roomId));
 * }</pre>
 */
public final class Inbox implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Inbox.class);

  /** What a sender is told when the pool is full. */
  public static final String BUSY = "I'm busy with other commands right now, so I did not run yours. "
      + "Please send it again in a minute.";

  private final DeliveryLog deliveries;
  private final CommandPool pool;
  // Busy notices are posted off the request thread too, by one thread with a short queue: under a
  // flood the notices themselves must not pile up without bound.
  private final ThreadPoolExecutor notices = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(100), runnable -> {
        Thread thread = new Thread(runnable, "switchboard-busy-notice");
        thread.setDaemon(true);
        return thread;
      });

  public Inbox(DeliveryLog deliveries, CommandPool pool) {
    this.deliveries = deliveries;
    this.pool = pool;
  }

  /**
   * Starts {@code work} on the pool unless {@code deliveryId} was taken before ({@link Fate#DUPLICATE}; a null
   * id is never a duplicate). When the pool is full, {@code busyNotice} is posted off this thread and the fate
   * is {@link Fate#BUSY}.
   */
  public Fate take(String deliveryId, Runnable work, Runnable busyNotice) {
    if (deliveryId != null && !deliveries.firstTime(deliveryId)) return Fate.DUPLICATE;
    if (pool.trySubmit(work)) return Fate.STARTED;
    log.warn("Command pool full ({} running); telling the sender of {} to retry", pool.inFlight(), deliveryId);
    try {
      notices.execute(busyNotice);
    } catch (RejectedExecutionException e) {
      log.warn("Busy-notice queue full too; dropping the notice for {}", deliveryId);
    }
    return Fate.BUSY;
  }

  /** As {@link #take(String, Runnable, Runnable)}, for a request whose own answer tells the sender it is busy. */
  public Fate take(String deliveryId, Runnable work) {
    if (deliveryId != null && !deliveries.firstTime(deliveryId)) return Fate.DUPLICATE;
    if (pool.trySubmit(work)) return Fate.STARTED;
    log.warn("Command pool full ({} running); the answer to {} tells the sender to retry", pool.inFlight(),
        deliveryId);
    return Fate.BUSY;
  }

  /** Stops posting busy notices; commands in flight finish on the pool. */
  @Override
  public void close() {
    notices.shutdown();
  }
}
