package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.store.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MigrateCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int migrate(Map<String, String> env) {
    return MigrateCommand.run(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void migrate_emptyDatabase_appliesTheMigrations_thenSaysItIsUpToDate() {
    Map<String, String> env = Map.of("SWITCHBOARD_DATABASE_URL", TestPostgres.emptyDatabaseUrl(),
        "SWITCHBOARD_DATABASE_USER", "postgres");
    assertThat(migrate(env)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Applied ");
    out.reset();
    assertThat(migrate(env)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("up to date");
  }

  @Test
  void migrate_withoutUrl_exits2_namingTheVariable() {
    assertThat(migrate(Map.of())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("SWITCHBOARD_DATABASE_URL");
    assertThat(Main.USAGE).contains("migrate");
  }
}
