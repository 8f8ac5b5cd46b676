package dev.switchboard.app;

import java.io.PrintStream;
import java.util.Arrays;

/** The command-line entry point: picks a subcommand and hands it the remaining arguments. */
public final class Main {

  static final String USAGE = """
      Usage: java -jar switchboard.jar <command> [options]

      Commands:
        demo [--as EMAIL]          the embedded Webex simulator, a demo org and the bot, with a console
        serve                      run the bot for a real organisation (configuration from the environment)
        simulator [--port N]       run the Webex API simulator alone, for developing against
                                   (--host 0.0.0.0 to serve other machines or containers)
        webhooks register --url U  create or update the bot's Webex webhooks for a public URL
        health [--url U]           exit 0 when serve's /healthz answers 200 (a container health check)
        migrate                    bring the database's schema up to date (SWITCHBOARD_DATABASE_URL) and exit
        import --data-dir DIR      copy a file store's audit log and schedules into that database (idempotent)
        warm-up                    run the demo through a fixed script, quietly: trains a class-data sharing
                                   archive (-XX:ArchiveClassesAtExit=switchboard.jsa) that halves serve's start
        --help                     print this help
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      out.print(USAGE);
      return 0;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "demo" -> {
        return DemoCommand.run(rest, System.in, out, err);
      }
      case "serve" -> {
        return ServeCommand.run(System.getenv(), err);
      }
      case "simulator" -> {
        return dev.switchboard.sim.SimulatorCommand.run(rest, out, err);
      }
      case "webhooks" -> {
        return WebhooksCommand.run(rest, System.getenv(), out, err);
      }
      case "health" -> {
        return HealthCommand.run(rest, System.getenv(), out, err);
      }
      case "migrate" -> {
        return MigrateCommand.run(System.getenv(), out, err);
      }
      case "import" -> {
        return ImportCommand.run(rest, System.getenv(), out, err);
      }
      case "warm-up" -> {
        return WarmUpCommand.run(rest, err);
      }
      default -> {
        err.println("Unknown command '" + command + "'.");
        err.print(USAGE);
        return 2;
      }
    }
  }
}
