package dev.switchboard.app;

import dev.switchboard.store.Database;
import dev.switchboard.store.TestPostgres;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Every end-to-end test of {@link WebexEndToEndTest} again, with the state in PostgreSQL (audit, dedup, locks,
 * previews, schedules, posted cards), as {@code serve} runs with {@code SWITCHBOARD_DATABASE_URL}: the same answers.
 */
final class WebexEndToEndWithDatabaseTest extends WebexEndToEndTest {

  @Override
  RunningBot newBot(Path dataDir) {
    Database database = Database.connect(TestPostgres.freshDatabaseUrl(), Optional.of("postgres"), Optional.empty());
    return new RunningBot(dataDir, true, null, database);
  }
}
