package dev.switchboard.app;

import dev.switchboard.store.Database;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the shared database answers, for {@code /readyz}: a replica that cannot reach it can run nothing, so it
 * is not ready, and a load balancer (Kubernetes' readiness probe) sends the work to one that can.
 *
 * <p>The check is {@code SELECT 1} with a short timeout, cached for a few seconds so that probes from every
 * kubelet and load balancer cost the database one query per replica per few seconds. It runs on a thread of its
 * own and the probe waits for it at most {@link #TIMEOUT}: with the database gone, the pool waits longer than
 * that for a connection, and a probe must answer "not ready" before its own timeout, not hang.
 */
final class DatabaseHealth {

  /** How long a result stands before the next probe checks again. */
  static final Duration FRESH = Duration.ofSeconds(5);
  /** How long a probe waits for the check; Kubernetes' probe timeout (3 s in deploy/kubernetes) is longer. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** One check of the database; throws when it does not answer. */
  interface Probe {
    void check(Duration timeout) throws Exception;
  }

  /** The last check: {@code ok}, or what went wrong, and when. */
  record Status(String state, Instant checkedAt) {
    boolean ok() {
      return state.equals("ok");
    }

    Map<String, Object> asMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("state", state);
      map.put("checkedAt", checkedAt.toString());
      return map;
    }
  }

  private final Probe probe;
  private final Clock clock;
  private final Duration timeout;
  private final Executor executor;
  private Status last;
  private CompletableFuture<Status> running;

  DatabaseHealth(Probe probe, Clock clock, Duration timeout, Executor executor) {
    this.probe = probe;
    this.clock = clock;
    this.timeout = timeout;
    this.executor = executor;
  }

  /** {@code SELECT 1} on a connection from the database's pool, each check on a daemon thread of its own. */
  static DatabaseHealth of(Database database, Clock clock) {
    Probe select1 = limit -> {
      try (Connection c = database.connection(); Statement s = c.createStatement()) {
        s.setQueryTimeout((int) Math.max(1, limit.toSeconds()));
        s.execute("SELECT 1");
      }
    };
    return new DatabaseHealth(select1, clock, TIMEOUT, task -> {
      Thread thread = new Thread(task, "switchboard-db-check");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /**
   * The cached result while it is fresh; else the result of a new check (or of the one already running), waited
   * for at most the timeout. A check that has not answered by then counts as a failure until it does.
   */
  Status current() {
    CompletableFuture<Status> check;
    synchronized (this) {
      Instant now = clock.instant();
      if (last != null && now.isBefore(last.checkedAt().plus(FRESH))) return last;
      check = running;
      if (check == null) {
        // Kept in a local: with a synchronous executor the check is settled (and running cleared) right here.
        check = CompletableFuture.supplyAsync(this::checkOnce, executor);
        running = check;
        check.thenAccept(this::settled);
      }
    }
    try {
      return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Status("no answer within " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
          : timeout.toMillis() + " ms"), clock.instant());
    } catch (ExecutionException e) {
      return new Status("error: " + e.getCause().getClass().getSimpleName(), clock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Status("interrupted", clock.instant());
    }
  }

  private synchronized void settled(Status status) {
    last = status;
    running = null;
  }

  private Status checkOnce() {
    try {
      probe.check(timeout);
      return new Status("ok", clock.instant());
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Status("unreachable: " + reason, clock.instant());
    }
  }
}
