package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class DatabaseTest {

  @Test
  void migrate_onAnEmptyDatabase_appliesEveryMigration_andASecondRunNone() {
    try (Database db = Database.connect(TestPostgres.emptyDatabaseUrl(), Optional.of("postgres"), Optional.empty())) {
      assertThat(db.migrate()).isPositive();
      assertThat(db.migrate()).isZero();
      assertThat(db.reachable()).isTrue();
    }
  }

  @Test
  void connect_toNoServer_failsNamingTheVariables_withoutThePassword() {
    assertThatThrownBy(() -> Database.connect("jdbc:postgresql://127.0.0.1:1/none?password=hunter2",
        Optional.of("switchboard"), Optional.of("hunter2")))
        .isInstanceOf(Database.Unreachable.class)
        .hasMessageContaining("SWITCHBOARD_DATABASE_URL")
        .hasMessageNotContaining("hunter2");
  }
}
