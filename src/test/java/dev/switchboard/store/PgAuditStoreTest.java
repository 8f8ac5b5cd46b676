package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ops.AuditEntry.Outcome;
import dev.switchboard.ops.AuditStore;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
  void newestFirst_readsPastARowThatNoLongerReadsAsAnEntry() throws Exception {
    AuditStore store = open();
    for (int i = 0; i < 250; i++) store.append(entry("old" + i, Outcome.APPLIED, null));
    try (Connection c = database.connection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO audit_entry (id, time, intended, entry)"
          + " VALUES ('bad', now(), false, '{\"outcome\": \"NOT_AN_OUTCOME\"}'::jsonb)");
    }
    for (int i = 0; i < PgAuditStore.PAGE - 1; i++) store.append(entry("new" + i, Outcome.APPLIED, null));

    List<String> seen = new ArrayList<>();
    store.newestFirst(e -> seen.add(e.id()));

    // The unreadable row is the last of the first page: that page is still full, so the older ones are read too.
    assertThat(seen).hasSize(250 + PgAuditStore.PAGE - 1).endsWith("old1", "old0").doesNotContain("bad");
  }

  @Test
  void databaseGone_isUnavailable_soNothingIsWritten() {
    AuditStore store = open();
    database.close();
    assertThatThrownBy(() -> store.append(entry("1", Outcome.INTENDED, null))).isInstanceOf(AuditStore.Unavailable.class);
  }
}
