package dev.switchboard.ops;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.switchboard.calling.Sleeper;
import dev.switchboard.calling.StaticTokenProvider;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.sim.DemoOrg;
import dev.switchboard.sim.SimulatorOptions;
import dev.switchboard.sim.WebexSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo org in the simulator with a Switchboard wired to it, on a fake clock that waiting
 * advances instead of sleeping, for operation tests.
 */
final class SimulatedOrg implements AutoCloseable {

  final WebexSimulator simulator;
  final DemoOrg org;
  final WebexClient client;
  final FakeTime time = new FakeTime();
  final AuditLog audit;
  final Switchboard switchboard;

  SimulatedOrg(Path dataDir) {
    this(dataDir, SimulatorOptions.defaults());
  }

  SimulatedOrg(Path dataDir, SimulatorOptions options) {
    simulator = WebexSimulator.start(options);
    org = simulator.org();
    client = WebexClient.builder()
        .baseUrl(simulator.baseUrl())
        .adminTokens(new StaticTokenProvider(org.adminToken()))
        .botTokens(new StaticTokenProvider(org.botToken()))
        .sleeper(time)
        .build();
    audit = new AuditLog(dataDir, client.objectMapper(), time);
    switchboard = new Switchboard(client, PolicyFile.parse(demoPolicy()), audit, Switchboard.Settings.defaults(),
        time, time, time);
  }

  /** The reply to a line typed by this demo person on the console. */
  dev.switchboard.chat.Reply say(String email, String text) {
    return switchboard.handle(requester(email), text);
  }

  Requester requester(String email) {
    return new Requester(Requester.Platform.CONSOLE, email, org.personId(email), email, "console", null);
  }

  boolean interceptOn(String location) {
    return simulator.locationIntercept(location).get("enabled").asBoolean();
  }

  static String demoPolicy() {
    try (InputStream in = SimulatedOrg.class.getResourceAsStream("/sim/demo-policy.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    simulator.close();
  }

  /** A clock, a Caffeine ticker and a sleeper in one: sleeping moves the clock on at once. */
  static final class FakeTime extends Clock implements Ticker, Sleeper {
    private final AtomicLong nanos = new AtomicLong();
    private final Instant start = Instant.parse("2026-11-25T09:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }

    @Override
    public synchronized void sleep(Duration d) {
      sleeps.add(d);
      advance(d);
    }

    @Override
    public long read() {
      return nanos.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return start.plusNanos(nanos.get());
    }
  }
}
