package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.AuditStore;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit contract on the database; each test on a database of its own. */
final class PgAuditStoreTest extends AuditStoreContract {

  private Database database;

  @BeforeEach
  void createDatabase() {
    database = TestPostgres.freshDatabase();
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Override
  AuditStore open() {
    return new PgAuditStore(database, MAPPER);
  }

  @Test
  void auditRows_cannotBeChangedOrDeleted() throws Exception {
    open().append(entry("1", Outcome.APPLIED, null));
    try (Connection c = database.connection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET intended = true"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry")).hasMessageContaining("append-only");
    }
  }

  @Test
  void databaseGone_isUnavailable_soNothingIsWritten() {
    AuditStore store = open();
    database.close();
    assertThatThrownBy(() -> store.append(entry("1", Outcome.INTENDED, null))).isInstanceOf(AuditStore.Unavailable.class);
  }
}
