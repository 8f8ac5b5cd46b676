package dev.switchboard.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WebexSimulator} is started: its port, injected faults, and the size of the demo org.
 *
 * @param host the address to listen on: 127.0.0.1 by default, 0.0.0.0 in a container that others reach
 * @param port 0 picks a free port
 * @param latency added to every answer
 * @param rateLimitPerSecond requests per second per org (one bucket shared by all its tokens); 0 = off
 * @param serverErrorShare share of requests (0..1) answered with a 5xx
 * @param extraLocations adds calling-enabled locations "Site 001".."Site NNN" for bulk benchmarks
 * @param seed seeds the random choices (5xx share), so a run can be repeated
 */
public record SimulatorOptions(String host,
    int port, Duration latency, double rateLimitPerSecond, double serverErrorShare, int extraLocations, long seed) {

  public SimulatorOptions {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    if (!(rateLimitPerSecond >= 0)) {
      throw new IllegalArgumentException("rateLimitPerSecond must be >= 0 (0 = off), was " + rateLimitPerSecond);
    }
    if (!(serverErrorShare >= 0 && serverErrorShare <= 1)) {
      throw new IllegalArgumentException("serverErrorShare must be 0..1, was " + serverErrorShare);
    }
    if (extraLocations < 0 || extraLocations > 999) {
      throw new IllegalArgumentException("extraLocations must be 0..999, was " + extraLocations);
    }
  }

  /** 127.0.0.1 on a free port, no latency, no rate limit, no 5xx, the demo org only. */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions("127.0.0.1", 0, Duration.ZERO, 0, 0, 0, 42L);
  }

  public SimulatorOptions withHost(String newHost) {
    return new SimulatorOptions(newHost, port, latency, rateLimitPerSecond, serverErrorShare, extraLocations, seed);
  }

  public SimulatorOptions withPort(int newPort) {
    return new SimulatorOptions(host, newPort, latency, rateLimitPerSecond, serverErrorShare, extraLocations, seed);
  }

  public SimulatorOptions withLatency(Duration newLatency) {
    return new SimulatorOptions(host, port, newLatency, rateLimitPerSecond, serverErrorShare, extraLocations, seed);
  }

  public SimulatorOptions withRateLimitPerSecond(double perSecond) {
    return new SimulatorOptions(host, port, latency, perSecond, serverErrorShare, extraLocations, seed);
  }

  public SimulatorOptions withServerErrorShare(double share) {
    return new SimulatorOptions(host, port, latency, rateLimitPerSecond, share, extraLocations, seed);
  }

  public SimulatorOptions withExtraLocations(int count) {
    return new SimulatorOptions(host, port, latency, rateLimitPerSecond, serverErrorShare, count, seed);
  }

  public SimulatorOptions withSeed(long newSeed) {
    return new SimulatorOptions(host, port, latency, rateLimitPerSecond, serverErrorShare, extraLocations, newSeed);
  }
}
