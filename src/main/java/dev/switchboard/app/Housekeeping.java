package dev.switchboard.app;

import dev.switchboard.chat.webex.WebhookDefinitions;
import dev.switchboard.chat.webex.WebhookRegistrar;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's timers: the Webex health check, asking who the bot is until Webex answers, keeping the
 * webhooks active, and the scheduler's tick that carries out timed intercepts.
 */
final class Housekeeping implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
  private static final Duration SCHEDULER_TICK = Duration.ofSeconds(5);
  /** Well inside the schedules' lease (a minute), even behind a slow health check on the same thread. */
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);
  /** How often {@code /readyz}'s view of Webex is refreshed. */
  private static final Duration HEALTH_INTERVAL = Duration.ofMinutes(1);

  private final ScheduledExecutorService timers;
  private final ScheduledExecutorService scheduling;
  private final Duration grace;

  private Housekeeping(ScheduledExecutorService timers, ScheduledExecutorService scheduling, Duration grace) {
    this.timers = timers;
    this.scheduling = scheduling;
    this.grace = grace;
  }

  /** Starts the timers; {@link #close()} waits up to {@code grace} for a scheduler round in progress. */
  static Housekeeping start(Service.Settings s, Wiring w, Duration grace) {
    ScheduledExecutorService timers = daemon("switchboard-housekeeping");
    timers.scheduleWithFixedDelay(w.health()::check, 0, HEALTH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    w.webex().ifPresent(webex -> {
      if (!webex.bot().known()) {
        // Webex did not answer at start: run anyway (people still get answers), and learn who the bot
        // is as soon as Webex answers.
        timers.scheduleWithFixedDelay(webex.bot()::askAgain, 15, 15, TimeUnit.SECONDS);
      }
    });
    if (s.keepWebhooksActive()) {
      s.webhookSecret().ifPresent(secret -> {
        WebhookRegistrar registrar = new WebhookRegistrar(w.client(), WebhookDefinitions.load());
        timers.scheduleWithFixedDelay(() -> {
          try {
            registrar.reactivateDisabled(secret);
          } catch (RuntimeException e) {
            log.warn("Could not check the webhooks: {}", e.getMessage());
          }
        }, 1, 5, TimeUnit.MINUTES);
      });
    }
    // Timed intercept: one thread runs what is due (and, at start, what came due while the bot was down).
    ScheduledExecutorService scheduling = daemon("switchboard-scheduler");
    scheduling.scheduleWithFixedDelay(w.operations().scheduler()::runDue, 0, SCHEDULER_TICK.toMillis(),
        TimeUnit.MILLISECONDS);
    // Its own beat, not the round's: a round may outlast a lease, and the steps it runs must stay this replica's.
    timers.scheduleWithFixedDelay(w.operations().scheduler()::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
        TimeUnit.MILLISECONDS);
    return new Housekeeping(timers, scheduling, grace);
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Stops the timers; a scheduler round in progress finishes (one cut short is settled at the next start). */
  @Override
  public void close() {
    timers.shutdownNow();
    scheduling.shutdown();
    try {
      if (!scheduling.awaitTermination(grace.toSeconds(), TimeUnit.SECONDS)) scheduling.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
