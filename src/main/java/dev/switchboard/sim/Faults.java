package dev.switchboard.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Faults the simulator injects, changeable while it runs: added latency, a rate limit, a share of 5xx
 * answers, and scripted one-off faults.
 *
 * <p>The rate limit is one token bucket per org, shared by every token of that org, because Webex
 * applies its quota per org. The bucket holds one second's worth of requests (at least one); a request
 * that finds it empty is answered 429 with {@code Retry-After} = whole seconds until a request fits again.
 * Faults are checked after authentication: rate limit, then scripted faults, then the 5xx share.
 */
public final class Faults {

  private static final int[] SERVER_ERRORS = {500, 502, 503, 504};

  private record Scripted(String method, String path, boolean prefix, int status, int retryAfterSeconds) {
    boolean matches(String requestMethod, String requestPath) {
      boolean methodMatches = method == null || method.equals(requestMethod);
      boolean pathMatches = prefix ? requestPath.startsWith(path) : requestPath.equals(path);
      return methodMatches && pathMatches;
    }
  }

  private static final class Bucket {
    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    Bucket(double perSecond, long now) {
      this.perSecond = perSecond;
      this.capacity = Math.max(1, perSecond);
      this.tokens = capacity;
      this.lastNanos = now;
    }

    /** Takes one token and answers 0, or answers the whole seconds until one is available. */
    long take(long now) {
      tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * perSecond);
      lastNanos = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double seconds = (1 - tokens) / perSecond;
      return Math.max(1, (long) Math.ceil(seconds));
    }
  }

  private final LongSupplier nanoTime;
  private final Random random;
  private volatile Duration latency;
  private volatile double serverErrorShare;
  private double rateLimitPerSecond; // guarded by this
  private final Map<String, Bucket> buckets = new HashMap<>(); // guarded by this
  private final List<Scripted> scripted = new ArrayList<>(); // guarded by this

  Faults(SimulatorOptions options, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.random = new Random(options.seed());
    this.latency = options.latency();
    this.serverErrorShare = options.serverErrorShare();
    this.rateLimitPerSecond = options.rateLimitPerSecond();
  }

  /** Adds this latency to every answer. */
  public Faults latency(Duration added) {
    Objects.requireNonNull(added, "added");
    if (added.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    this.latency = added;
    return this;
  }

  public Duration latency() {
    return latency;
  }

  /** Limits each org to this many requests per second (0 = off); starts every org with a full bucket. */
  public synchronized Faults rateLimit(double perSecond) {
    if (!(perSecond >= 0)) {
      throw new IllegalArgumentException("perSecond must be >= 0, was " + perSecond);
    }
    this.rateLimitPerSecond = perSecond;
    buckets.clear();
    return this;
  }

  public synchronized double rateLimitPerSecond() {
    return rateLimitPerSecond;
  }

  /** Answers this share (0..1) of requests with a 500, 502, 503 or 504, chosen by the seeded random. */
  public Faults serverErrorShare(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be 0..1, was " + share);
    }
    this.serverErrorShare = share;
    return this;
  }

  public double serverErrorShare() {
    return serverErrorShare;
  }

  /**
   * The next request with this method ("*" for any) and exactly this path (below the base URL, without
   * query, e.g. {@code /telephony/config/locations/ID/intercept}) is answered with this status.
   */
  public Faults failNext(String method, String path, int status) {
    return failNext(method, path, status, 1);
  }

  /** As {@link #failNext(String, String, int)}, for the next {@code times} matching requests. */
  public synchronized Faults failNext(String method, String path, int status, int times) {
    requireErrorStatus(status);
    for (int i = 0; i < times; i++) {
      scripted.add(new Scripted(methodOrAny(method), normalise(path), false, status, -1));
    }
    return this;
  }

  /**
   * The next request (any method) whose path starts with {@code pathPrefix} is answered with this status
   * (429 or 423, say) and {@code Retry-After: retryAfterSeconds}.
   */
  public synchronized Faults rateLimitNext(String pathPrefix, int status, int retryAfterSeconds) {
    requireErrorStatus(status);
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds must be >= 0");
    }
    scripted.add(new Scripted(null, normalise(pathPrefix), true, status, retryAfterSeconds));
    return this;
  }

  /** Scripted faults not yet used. */
  public synchronized int pendingScripted() {
    return scripted.size();
  }

  /** Removes scripted faults and turns latency, rate limit and 5xx share off. */
  public synchronized Faults reset() {
    scripted.clear();
    buckets.clear();
    rateLimitPerSecond = 0;
    serverErrorShare = 0;
    latency = Duration.ZERO;
    return this;
  }

  void delay() {
    Duration added = latency;
    if (added.isZero()) {
      return;
    }
    try {
      Thread.sleep(added.toMillis(), added.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Throws the fault this request meets, if any. */
  void check(String method, String path, String orgId) {
    Scripted hit = null;
    synchronized (this) {
      if (rateLimitPerSecond > 0 && orgId != null) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(orgId, id -> new Bucket(rateLimitPerSecond, now));
        long retryAfter = bucket.take(now);
        if (retryAfter > 0) {
          throw new WebexError(429, WebexError.defaultMessage(429), Map.of("Retry-After", Long.toString(retryAfter)));
        }
      }
      for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
        Scripted candidate = it.next();
        if (candidate.matches(method, path)) {
          it.remove();
          hit = candidate;
          break;
        }
      }
    }
    if (hit != null) {
      Map<String, String> headers = hit.retryAfterSeconds() >= 0
          ? Map.of("Retry-After", Integer.toString(hit.retryAfterSeconds()))
          : Map.of();
      throw new WebexError(hit.status(), WebexError.defaultMessage(hit.status()), headers);
    }
    double share = serverErrorShare;
    if (share > 0) {
      int status;
      synchronized (random) {
        if (random.nextDouble() >= share) {
          return;
        }
        status = SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)];
      }
      throw new WebexError(status, WebexError.defaultMessage(status));
    }
  }

  private static String methodOrAny(String method) {
    Objects.requireNonNull(method, "method");
    return method.equals("*") ? null : method.toUpperCase(Locale.ROOT);
  }

  private static String normalise(String path) {
    Objects.requireNonNull(path, "path");
    String p = path.startsWith("/v1/") ? path.substring(3) : path;
    int query = p.indexOf('?');
    return query >= 0 ? p.substring(0, query) : p;
  }

  private static void requireErrorStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
    }
  }
}
