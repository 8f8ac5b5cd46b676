package dev.switchboard.app;

import dev.switchboard.calling.RequestListener;
import dev.switchboard.calling.WebexOperation;
import dev.switchboard.chat.Rejections;
import dev.switchboard.chat.SocketStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What {@code GET /metrics} shows, in Prometheus text: commands by kind and outcome, webhook
 * handling time, Webex calls by operation and status, and the command queue's depth.
 */
final class Metrics implements RequestListener {

  /** Prometheus's text exposition format, version 0.0.4: what {@link #scrape()} writes. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  /**
   * The webhook timers by platform and fate, so that a request (a forged one in a flood too) costs a map look-up,
   * not a meter id built and registered; bounded by platforms × fates, a dozen or so.
   */
  private final Map<String, Map<String, Timer>> webhookTimers = new ConcurrentHashMap<>();
  /** Webex call timers by operation and status, and command counters by kind and outcome: found, not rebuilt. */
  private final Map<String, Timer> webexCallTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> commandCounters = new ConcurrentHashMap<>();
  /** Each front end's rejections, by platform: the HTTP server counts what it refuses before the front end. */
  private final Map<String, Rejections> rejectionsByPlatform = new ConcurrentHashMap<>();
  private final WaitClock webexWaiting = new WaitClock();

  Metrics() {
    FunctionCounter.builder("switchboard.webex.waiting", webexWaiting, WaitClock::seconds)
        .description("Wall time with at least one Webex call in flight, parallel calls counted once")
        .baseUnit("seconds")
        .register(registry);
  }

  @Override
  public void onStart(WebexOperation operation) {
    webexWaiting.started();
  }

  @Override
  public void onRequest(WebexOperation operation, int status, Duration duration) {
    webexWaiting.ended();
    webexCallTimers.computeIfAbsent(operation.name() + '/' + status, key -> Timer.builder("switchboard.webex.calls")
        .description("Webex REST calls, by operation and HTTP status (0: no response)")
        .tag("operation", operation.name().toLowerCase())
        .tag("status", Integer.toString(status))
        .register(registry))
        .record(duration);
  }

  void commandHandled(String kind, String outcome) {
    commandCounters.computeIfAbsent(kind + '/' + outcome, key -> Counter.builder("switchboard.commands")
        .description("Commands answered, by kind and outcome")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry))
        .increment();
  }

  void webhookHandled(String platform, String fate, Duration took) {
    // By platform, then fate: a key joined from the two was an allocation on every delivery.
    webhookTimers.computeIfAbsent(platform, p -> new ConcurrentHashMap<>())
        .computeIfAbsent(fate, f -> Timer.builder("switchboard.webhook.handling")
            .description("Time from a webhook's arrival to its answer")
            .tag("platform", platform)
            .tag("fate", fate)
            .register(registry))
        .record(took);
  }

  /** Counts {@code rejections} by platform and reason as {@code switchboard_rejected_total}; returns them. */
  Rejections rejections(Rejections rejections) {
    for (Rejections.Reason reason : Rejections.Reason.values()) {
      FunctionCounter.builder("switchboard.rejected", rejections, r -> r.total(reason))
          .description("Requests turned away before any work, by platform and reason")
          .tag("platform", rejections.platform())
          .tag("reason", reason.metric())
          .register(registry);
    }
    rejectionsByPlatform.put(rejections.platform(), rejections);
    return rejections;
  }

  /** The rejections counted for {@code platform} (registered with {@link #rejections(Rejections)}). */
  Rejections rejectionsOf(String platform) {
    Rejections rejections = rejectionsByPlatform.get(platform);
    if (rejections == null) throw new IllegalStateException("no rejections registered for " + platform);
    return rejections;
  }

  /** The Webex websocket: 1 while connected, and its reconnects so far. */
  void webexSocket(SocketStatus status) {
    Gauge.builder("switchboard.webex.socket.connected", status, st -> st.state() == SocketStatus.State.CONNECTED ? 1 : 0)
        .description("Whether the Webex websocket is connected (1) or not (0)")
        .register(registry);
    FunctionCounter.builder("switchboard.webex.socket.reconnects", status, SocketStatus::reconnects)
        .description("Times the Webex websocket was closed and a reconnect scheduled")
        .register(registry);
  }

  /** Slack's Socket Mode connection: 1 while connected, and its reconnects so far. */
  void slackSocket(SocketStatus status) {
    Gauge.builder("switchboard.slack.socket.connected", status, st -> st.state() == SocketStatus.State.CONNECTED ? 1 : 0)
        .description("Whether Slack's Socket Mode connection is up (1) or not (0)")
        .register(registry);
    FunctionCounter.builder("switchboard.slack.socket.reconnects", status, SocketStatus::reconnects)
        .description("Times the Socket Mode connection was lost or refused and a reconnect scheduled")
        .register(registry);
  }

  void queueDepth(IntSupplier inFlight) {
    Gauge.builder("switchboard.commands.in.flight", inFlight::getAsInt)
        .description("Commands running or waiting on the command pool")
        .register(registry);
  }

  void commandsOffered(LongSupplier perSecond) {
    Gauge.builder("switchboard.commands.offered.per.second", perSecond::getAsLong)
        .description("Verified commands offered a second; from 1000 (a flood) none starts, each sender is told busy")
        .register(registry);
  }

  String scrape() {
    return registry.scrape();
  }

  /**
   * The exposition of the named metric families only, as Prometheus's own exporters answer {@code name[]}: a
   * scraper that needs one series (a dashboard's probe, the benchmark reading the Webex wait around each command)
   * does not make the whole registry be written out. A name may be given with its sample suffix
   * ({@code switchboard_webex_waiting_seconds_total}) or as its family ({@code switchboard_webex_waiting_seconds}).
   */
  String scrape(Collection<String> names) {
    Set<String> families = new HashSet<>();
    for (String name : names) {
      families.add(name);
      for (String suffix : SAMPLE_SUFFIXES) {
        if (name.endsWith(suffix)) families.add(name.substring(0, name.length() - suffix.length()));
      }
    }
    return registry.scrape(CONTENT_TYPE, families);
  }

  private static final List<String> SAMPLE_SUFFIXES = List.of("_total", "_count", "_sum", "_bucket", "_max");
}
