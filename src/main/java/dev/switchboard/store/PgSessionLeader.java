package dev.switchboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica at a time does a job only one may do — holding the Webex websocket, which Webex gives to one
 * connection per bot (a second one replaces the first, and the device of one is deleted under the other) — by
 * holding a session advisory lock on a connection of its own. The others try every {@code every}; when the holder
 * dies its connection goes, the lock with it, and the next try of another replica wins, within seconds.
 */
public final class PgSessionLeader {

  private static final Logger log = LoggerFactory.getLogger(PgSessionLeader.class);
  // A namespace of its own ("SWLD"), apart from the location locks and the refresh token's.
  private static final int NAMESPACE = 0x53574c44;

  private final Database database;
  private final int job;
  private final String name;
  private final Duration every;

  /** {@code job} names what is led (each its own lock); {@code name} is for the logs. */
  public PgSessionLeader(Database database, int job, String name, Duration every) {
    this.database = database;
    this.job = job;
    this.name = name;
    this.every = every;
  }

  /** The job one replica at a time does. */
  public interface Led {
    /** Begins it, in the background; it runs until it stops by itself or is told to {@link #standBy}. */
    void start();

    /** Gives it up, for another replica to take, without ending it for good: {@link #start} may come again. */
    void standBy(String why);

    /** Whether it runs: false once it stopped by itself, or stood by. */
    boolean running();

    /** Whether it stopped in a way another try would not mend (then this replica leaves it to the others). */
    boolean failed();
  }

  /**
   * Leads {@code job} whenever this replica holds the lock, on a daemon thread: waits for the lock, starts the job,
   * and checks every {@code every} that the lock's connection lives (if it went, so did the lock, and another replica
   * may lead by now: the job stands by) and that the job runs. A job that stopped by itself while the lock was ours
   * was stopped from outside the replicas (a second deployment with the same bot): tried again after {@link
   * #AFTER_OUTSIDE_STOP}. One that failed is left to the other replicas.
   */
  public void whenLeader(Led job) {
    Thread waiting = new Thread(() -> lead(job), "switchboard-leader-" + name);
    waiting.setDaemon(true);
    waiting.start();
  }

  /** How long a replica whose job was stopped from outside waits before it leads again. */
  public static final Duration AFTER_OUTSIDE_STOP = Duration.ofSeconds(60);

  private void lead(Led job) {
    boolean told = false;
    while (!database.closed()) {
      Connection held = null;
      Duration pause = every;
      try {
        held = database.connection();
        if (tryLock(held)) {
          log.info("This replica leads {} now", name);
          told = false;
          job.start();
          pause = hold(held, job);
          if (pause == null) {
            close(held);
            return;
          }
        } else if (!told) {
          log.info("Another replica leads {}; this one takes over if it stops", name);
          told = true;
        }
      } catch (SQLException | RuntimeException e) {
        if (database.closed()) return;
        log.warn("Could not try to lead {}; trying again in {} s: {}", name, every.toSeconds(), e.getMessage());
      }
      close(held); // releases the lock, if it is still ours
      if (!sleep(pause)) return;
    }
    if (job.running()) job.standBy("the database closed");
  }

  /**
   * Holds the lock while the job runs; the pause before trying to lead again, or null when this replica leaves the
   * job to the others (it failed, or the service stops).
   */
  private Duration hold(Connection held, Led job) {
    while (true) {
      if (!sleep(every) || database.closed()) {
        return null;
      }
      if (!valid(held)) {
        log.warn("This replica lost its hold on {} (its database connection went): standing by", name);
        job.standBy("this replica lost its lead (its database connection went); another may lead now");
        return every;
      }
      if (!job.running()) {
        if (job.failed()) {
          log.error("{} failed on this replica: leaving it to the other replicas", name);
          return null;
        }
        log.error("{} was stopped from outside the replicas while this one led it (a second deployment with the same"
            + " bot?); leading it again in {} s", name, AFTER_OUTSIDE_STOP.toSeconds());
        return AFTER_OUTSIDE_STOP;
      }
    }
  }

  private static boolean valid(Connection c) {
    try {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      lock.setInt(1, NAMESPACE);
      lock.setInt(2, job);
      try (ResultSet row = lock.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  private static void close(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException e) {
      // a connection that cannot be closed holds no lock of ours
    }
  }
}
