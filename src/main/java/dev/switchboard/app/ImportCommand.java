package dev.switchboard.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calling.WebexClient;
import dev.switchboard.config.Config;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.ops.AuditEntry;
import dev.switchboard.ops.AuditLog;
import dev.switchboard.ops.schedule.ScheduleBook;
import dev.switchboard.store.Database;
import dev.switchboard.store.PgAuditStore;
import dev.switchboard.store.PgScheduleBook;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code import --data-dir DIR}: copies a file store's audit log ({@code DIR/audit}) and schedules
 * ({@code DIR/schedules.json}) into the database of {@code SWITCHBOARD_DATABASE_URL}, so an operator moves to
 * replicas without losing history or plans. Idempotent: an entry is keyed by its id and a schedule by its number,
 * so a second run copies nothing. Run it with the single instance stopped, before the replicas start.
 */
final class ImportCommand {

  static final String USAGE = "Usage: switchboard import --data-dir DIR   (the database from SWITCHBOARD_DATABASE_URL)";

  private ImportCommand() {}

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(USAGE);
      return 0;
    }
    if (args.length != 2 || !args[0].equals("--data-dir")) {
      err.println("switchboard import: " + USAGE);
      return 2;
    }
    Path dir = Path.of(args[1]);
    Path auditDir = dir.resolve("audit");
    Path schedules = dir.resolve("schedules.json");
    if (!Files.isDirectory(auditDir) && !Files.isRegularFile(schedules)) {
      err.println("switchboard import: " + dir + " holds no audit log (audit/) and no schedules (schedules.json);"
          + " give the data directory serve used (SWITCHBOARD_DATA_DIR)");
      return 2;
    }
    ConfigLoader.DatabaseResult result = ConfigLoader.loadDatabase(env);
    if (result instanceof ConfigLoader.DatabaseResult.Problems problems) {
      err.println("switchboard import: not starting:");
      problems.problems().forEach(p -> err.println("  " + p));
      return 2;
    }
    Config.Database settings = ((ConfigLoader.DatabaseResult.Loaded) result).database();
    ObjectMapper mapper = WebexClient.newObjectMapper();
    Clock clock = Clock.systemUTC();
    try (Database database = Database.connect(settings.url(), settings.user(), settings.password())) {
      database.migrate();
      if (Files.isDirectory(auditDir)) {
        importAudit(new AuditLog(auditDir, mapper, clock), new PgAuditStore(database, mapper), out);
      } else {
        out.println("Audit: no audit log in " + auditDir + "; nothing copied.");
      }
      if (Files.isRegularFile(schedules)) {
        return importSchedules(ScheduleBook.file(schedules, mapper, clock),
            new PgScheduleBook(database, mapper, clock), out, err);
      }
      out.println("Schedules: no " + schedules + "; nothing copied.");
      return 0;
    } catch (RuntimeException e) {
      err.println("switchboard import: " + e.getMessage());
      return 1;
    }
  }

  private static void importAudit(AuditLog log, PgAuditStore store, PrintStream out) {
    List<AuditEntry> entries = log.entries(e -> true);
    int added = 0;
    for (AuditEntry entry : entries) {
      if (store.appendIfAbsent(entry)) added++;
    }
    out.println("Audit: copied " + added + " of " + entries.size() + " entries"
        + (added < entries.size() ? " (" + (entries.size() - added) + " were in the database already)" : "") + ".");
  }

  private static int importSchedules(ScheduleBook file, PgScheduleBook database, PrintStream out, PrintStream err) {
    Map<PgScheduleBook.Imported, List<Integer>> outcomes = new EnumMap<>(PgScheduleBook.Imported.class);
    for (ScheduleBook.Page page : file.all()) {
      outcomes.computeIfAbsent(database.importPage(page), k -> new ArrayList<>()).add(page.id());
    }
    List<Integer> added = outcomes.getOrDefault(PgScheduleBook.Imported.ADDED, List.of());
    List<Integer> there = outcomes.getOrDefault(PgScheduleBook.Imported.ALREADY_THERE, List.of());
    List<Integer> taken = outcomes.getOrDefault(PgScheduleBook.Imported.NUMBER_TAKEN, List.of());
    out.println("Schedules: copied " + added.size() + " of " + file.all().size()
        + (added.isEmpty() ? "" : " (" + numbers(added) + ")")
        + (there.isEmpty() ? "" : "; " + there.size() + " were in the database already") + ".");
    file.lastReport().ifPresent(day -> {
      if (database.lastReport().map(d -> d.isBefore(day)).orElse(true)) database.reportDone(day);
      out.println("Daily report: last posted " + day + ".");
    });
    if (!taken.isEmpty()) {
      err.println("switchboard import: schedules " + numbers(taken) + " were not copied: the database has different"
          + " schedules under those numbers (it was used by a replica already); nothing of them was changed");
      return 1;
    }
    return 0;
  }

  private static String numbers(List<Integer> ids) {
    return ids.stream().map(id -> "#" + id).reduce((x, y) -> x + ", " + y).orElse("");
  }
}
