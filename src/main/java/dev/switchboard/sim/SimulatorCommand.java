package dev.switchboard.sim;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code simulator} subcommand: {@code [--host H] [--port N] [--latency-ms N] [--rate-limit PER_SECOND]}.
 * Serves the simulator on 127.0.0.1 (or {@code --host}, e.g. 0.0.0.0 in a container), prints the base URL and the demo tokens, and runs until the JVM stops (or the
 * calling thread is interrupted).
 */
public final class SimulatorCommand {

  static final String USAGE = "Usage: simulator [--host H] [--port N] [--latency-ms N] [--rate-limit PER_SECOND]";

  private SimulatorCommand() {}

  /** Runs the simulator; answers 2 for bad arguments, 0 when stopped, 1 when it cannot start. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    SimulatorOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + " " + USAGE);
      return 2;
    }
    if (options == null) {
      out.println(USAGE);
      return 0;
    }
    WebexSimulator simulator;
    try {
      simulator = WebexSimulator.start(options);
    } catch (RuntimeException e) {
      err.println("Cannot start the simulator on " + options.host() + ":" + options.port() + ": " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }, "simulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    printBanner(simulator, options, out);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      simulator.close();
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void printBanner(WebexSimulator simulator, SimulatorOptions options, PrintStream out) {
    DemoOrg org = simulator.org();
    out.println("Webex simulator listening on " + simulator.baseUrl()
        + (options.host().equals("127.0.0.1") ? "" : " (bound to " + options.host() + ")"));
    if (!options.latency().isZero() || options.rateLimitPerSecond() > 0) {
      out.println("Faults: latency " + options.latency().toMillis() + " ms, rate limit "
          + (options.rateLimitPerSecond() > 0 ? options.rateLimitPerSecond() + "/s per org" : "off"));
    }
    out.println("Org: " + org.orgName() + " (" + org.orgId() + ")");
    out.println("Tokens:");
    out.println("  admin (Service App)  " + org.adminToken());
    out.println("  bot " + org.botEmail() + "  " + org.botToken());
    for (DemoOrg.Person person : org.people()) {
      out.println("  " + person.email() + "  " + org.tokenFor(person.email()) + "  (" + person.description() + ")");
    }
    out.println("Refresh grant: POST " + simulator.baseUrl() + "/access_token client_id=" + org.clientId()
        + " client_secret=" + org.clientSecret() + " refresh_token=" + org.refreshToken());
    out.println("Press Ctrl+C to stop.");
    out.flush();
  }

  /** The options the arguments ask for, or null for {@code --help}. */
  static SimulatorOptions parse(String[] args) {
    SimulatorOptions options = SimulatorOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        return null;
      }
      if (!flag.equals("--host") && !flag.equals("--port") && !flag.equals("--latency-ms")
          && !flag.equals("--rate-limit")) {
        throw new IllegalArgumentException("Unknown option '" + flag + "'.");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + flag + " needs a value.");
      }
      String value = args[++i];
      switch (flag) {
        case "--host" -> {
          if (value.isBlank() || value.startsWith("-")) {
            throw new IllegalArgumentException("--host needs an address such as 127.0.0.1 or 0.0.0.0, was '"
                + value + "'.");
          }
          options = options.withHost(value);
        }
        case "--port" -> {
          int port = integer(flag, value);
          if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, was " + value + ".");
          }
          options = options.withPort(port);
        }
        case "--latency-ms" -> {
          int millis = integer(flag, value);
          if (millis < 0) {
            throw new IllegalArgumentException("--latency-ms must not be negative, was " + value + ".");
          }
          options = options.withLatency(Duration.ofMillis(millis));
        }
        default -> {
          double perSecond;
          try {
            perSecond = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate-limit needs a number of requests per second, was '"
                + value + "'.");
          }
          if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("--rate-limit must be >= 0 (0 = off), was " + value + ".");
          }
          options = options.withRateLimitPerSecond(perSecond);
        }
      }
    }
    return options;
  }

  private static int integer(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a whole number, was '" + value + "'.");
    }
  }
}
