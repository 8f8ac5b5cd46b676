package dev.switchboard.chat;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both front ends do with a verified delivery once they know it is a command: drop it when it is a
 * redelivery, else run it on the command pool, and when the pool is full tell the sender so — off the request
 * thread, so the platform gets its answer at once. The platform inboxes keep only what differs: reading the
 * delivery, who sent it and where the answer goes.
 *
 * <pre>{@code
 * Fate fate = inbox.take("webex:" + messageId, () -> runMessage(messageId), roomId + "|" + personId,
 *     refused -> postBusyNotice(roomId, messageId, refused));
 *
 * // A webhook answers first, then starts the command it admitted:
 * Inbox.Admission admission = inbox.admit(id, work, place, notice);
 * try { answer(ctx); } finally { admission.start(); }
 * }</pre>
 */
public final class Inbox implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Inbox.class);

  /** What a sender is told when the pool is full and one command of theirs was not run. */
  public static final String BUSY = busy(1);

  private final DeliveryLog deliveries;
  private final CommandPool pool;
  private final Posting posting;
  private final BusyNotices notices = new BusyNotices();

  public Inbox(DeliveryLog deliveries, CommandPool pool) {
    this(deliveries, pool, Posting.STANDARD);
  }

  /** {@code posting} is how the front ends post answers: with tries again on the platform's passing failures. */
  public Inbox(DeliveryLog deliveries, CommandPool pool, Posting posting) {
    this.deliveries = deliveries;
    this.pool = pool;
    this.posting = posting;
  }

  /** What a sender is told when the pool is full and {@code refused} commands of theirs were not run. */
  public static String busy(int refused) {
    return refused <= 1
        ? "I'm busy with other commands right now, so I did not run yours. Please send it again in a minute."
        : "I'm busy with other commands right now, so I did not run your last " + refused + " commands. Please send "
            + "them again in a minute.";
  }

  /** How answers are posted: tried again after a pause when the platform did not answer or failed on its side. */
  public Posting posting() {
    return posting;
  }

  /**
   * Starts {@code work} on the pool unless {@code deliveryId} was taken before ({@link Fate#DUPLICATE}; a null
   * id is never a duplicate). When the pool is full the fate is {@link Fate#BUSY} and {@code busyNotice} is posted
   * off this thread, never dropped: refusals at the same {@code place} (a person in a conversation) before it is
   * posted fold into one notice, which is told how many there were.
   */
  public Fate take(String deliveryId, Runnable work, String place, BusyNotices.Notice busyNotice) {
    return admit(deliveryId, work, place, busyNotice).start();
  }

  /**
   * As {@link #take(String, Runnable, String, BusyNotices.Notice)}, but the work waits, its place in the pool held,
   * until {@link Admission#start()}: a front end sends the platform its answer first, so the command's thread does
   * not take a core from the answer's write. The caller must start it, in a {@code finally}.
   */
  public Admission admit(String deliveryId, Runnable work, String place, BusyNotices.Notice busyNotice) {
    Admission admission = admitAnswered(deliveryId, work, place, busyNotice);
    if (admission.fate() == Fate.BUSY) notices.add(place, busyNotice);
    return admission;
  }

  /**
   * As {@link #admit(String, Runnable, String, BusyNotices.Notice)}, for a request whose own answer tells the sender
   * whether the command runs (a Slack slash command): a full pool is said in that answer, and {@code notRunNotice} is
   * posted only when the answer promised the command and the pool, shutting down, could not start it.
   */
  public Admission admitAnswered(String deliveryId, Runnable work, String place, BusyNotices.Notice notRunNotice) {
    if (deliveryId != null && !deliveries.firstTime(deliveryId)) return Admission.of(Fate.DUPLICATE);
    CommandPool.Slot slot = pool.tryReserve();
    if (slot != null) return new Admission(Fate.STARTED, slot, work, () -> notices.add(place, notRunNotice));
    log.debug("Command pool full ({} running); telling the sender of {} to retry", pool.inFlight(), deliveryId);
    return Admission.of(Fate.BUSY);
  }

  /** What becomes of a delivery: its fate and, when that is {@link Fate#STARTED}, the work waiting to start. */
  public static final class Admission {

    private final Fate fate;
    private final CommandPool.Slot slot;
    private final Runnable work;
    private final Runnable notRun;

    private Admission(Fate fate, CommandPool.Slot slot, Runnable work, Runnable notRun) {
      this.fate = fate;
      this.slot = slot;
      this.work = work;
      this.notRun = notRun;
    }

    /** A delivery with nothing to start: a duplicate, a busy one, one not ours to run. */
    public static Admission of(Fate fate) {
      return new Admission(fate, null, null, null);
    }

    public Fate fate() {
      return fate;
    }

    /** Whether work waits to be started. */
    public boolean starts() {
      return slot != null;
    }

    /**
     * Starts the work, if any (once); returns the fate, or {@link Fate#BUSY} when the pool is shutting down: the
     * sender, whose answer may already have said it runs, is then sent the busy notice.
     */
    public Fate start() {
      if (slot == null) return fate;
      if (slot.start(work)) return fate;
      notRun.run();
      return Fate.BUSY;
    }
  }

  /** Busy notices not posted yet (places waiting for one). */
  public int noticesWaiting() {
    return notices.waiting();
  }

  /** Posts the busy notices still waiting (for up to {@code grace}), then stops; call it after the pool's shutdown. */
  public void close(Duration grace) {
    notices.close(grace);
  }

  /** As {@link #close(Duration)}, for 4 s: with the pool's 25 s, within the 30 s a pod has to stop. */
  @Override
  public void close() {
    close(Duration.ofSeconds(4));
  }
}
