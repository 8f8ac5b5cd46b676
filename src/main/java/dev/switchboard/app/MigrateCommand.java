package dev.switchboard.app;

import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.store.Database;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code migrate}: brings the database's schema up to date and exits, for an operator (or an init container) who
 * wants the migration done before any replica starts. {@code serve} migrates at start too, so this is optional.
 */
final class MigrateCommand {

  private MigrateCommand() {}

  static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    ConfigLoader.DatabaseResult result = ConfigLoader.loadDatabase(env);
    if (result instanceof ConfigLoader.DatabaseResult.Problems problems) {
      err.println("switchboard migrate: not starting:");
      problems.problems().forEach(p -> err.println("  " + p));
      return 2;
    }
    Config.Database settings = ((ConfigLoader.DatabaseResult.Loaded) result).database();
    try (Database database = Database.connect(settings.url(), settings.user(), settings.password())) {
      int applied = database.migrate();
      out.println(applied == 0 ? "The database schema is up to date." : "Applied " + applied + " migration(s).");
      return 0;
    } catch (RuntimeException e) {
      err.println("switchboard migrate: " + e.getMessage());
      return 1;
    }
  }
}
